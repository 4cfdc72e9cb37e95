#!/bin/sh
# A whole procurement under the Provider Selection Regime from the command
# line: the four Coventry APMS practices, three bidders, five evaluators
# (two of them the patient reference group), one conflict declared.  The
# evaluators are real Unix users, so blind scoring is tested as it is
# enforced: by the real user id, never $USER.  (Constructed: see
# tests/data/psr/README.)
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! command -v useradd >/dev/null; then
    pass "psr evaluation skipped: five evaluators need five Unix users (root, useradd, setpriv; CI runs it)"
    exit 0
fi

grp=catchment-psr
getent group "$grp" >/dev/null || groupadd -r "$grp"
for u in psr-comm psr-clin psr-fin psr-prg1 psr-prg2; do
    id "$u" >/dev/null 2>&1 || useradd -r -M -g "$grp" -s /usr/sbin/nologin "$u"
done
# Everything the other users need is copied into this test's directory
# (the checkout may be private).
chmod 755 "$tmp"
mkdir -p "$tmp/bin" "$tmp/homes"
cp "$bin" "$tmp/bin/catchment"
chmod 755 "$tmp/bin" "$tmp/bin/catchment" "$tmp/homes"
bin=$tmp/bin/catchment
S=$tmp/team/store
mkdir -p "$tmp/team"
cp -r "$(demo_store)" "$S"
chgrp -R "$grp" "$tmp/team"
chmod 2770 "$tmp/team" "$S"
chmod 660 "$S"/*.mdb
for u in psr-comm psr-clin psr-fin psr-prg1 psr-prg2; do
    mkdir -p "$tmp/homes/$u"
    chown "$u" "$tmp/homes/$u"
    chmod 700 "$tmp/homes/$u"
done

# as USER command...: runs catchment as that user, in their own home.
as() {
    u=$1
    shift
    setpriv --reuid="$u" --regid="$grp" --clear-groups -- env HOME="$tmp/homes/$u" \
        USER="${FAKE_USER:-$u}" sh -c 'umask 007; exec "$0" "$@"' "$bin" --store "$S" "$@"
}
P=COV-APMS-2026
psr() { as psr-comm psr "$@"; }

# ---- the record: route, conditions, decision-makers, criteria -----------
check "a new procurement" psr new $P "Four Coventry APMS practices: re-procurement"
psr set $P authority "NHS Coventry and Warwickshire ICB" &&
psr set $P practices "Y04947,Y04951,Y04952,Y04965" &&
psr set $P services "General practice (APMS) for the registered lists of four practices" &&
psr set $P cpv "85121100-4 General-practitioner services" &&
psr set $P value 14800000 &&
psr set $P term "5 years from 1 April 2027, with an option of 5 more" &&
psr set $P route COMP &&
psr set $P route_why "Four time-limited APMS contracts end; the existing providers are not all satisfying the contracts and the services will change considerably (merged sites, extended access), so direct award C is not open; several capable providers exist, so the ICB runs a competition." &&
psr set $P appraisal "OA-2026-03 (options appraisal, Primary Care Commissioning Committee, 2026-03-12)" &&
psr set $P basic_selection "All three bidders passed: CQC registration, NHS performers lists, insurance, financial standing (pass/fail)" &&
psr add $P condition not_a_or_b yes "Not A: several providers could run the services. Not B: patients do not choose among contracted providers for these lists." &&
psr add $P condition why_competition yes "Direct award C excluded: considerable change (two sites merge); most suitable provider not identifiable without competition (three expressions of interest)." &&
psr add $P maker "Primary Care Commissioning Committee" "decision on the award, meeting of 2026-12-10" &&
psr add $P maker "Director of Primary Care" "recommendation to the committee" &&
psr add $P criterion quality 20 "Question Q1: clinical governance and safe transfer of the lists" &&
psr add $P criterion value 20 "Question Q5: price per weighted patient and financial sustainability" &&
psr add $P criterion integration 15 "Question Q4: working with the PCN and community services" &&
psr add $P criterion access 35 "Questions Q2 and Q3: access, and patients shaping the service (scored by the patient reference group)" &&
psr add $P criterion social 10 "Question Q6: social value in Foleshill, Stoke Aldermoor, Tile Hill and the city centre"
check_eq "the record's fields and criteria are kept" "$?" 0
check_exit "a condition of another route is refused" 1 psr add $P condition satisfying_contract yes "x"
check_has "... naming the route" "$(cat "$tmp/err")" "is not a condition of Competitive process"
check_exit "an unknown key criterion is refused" 1 psr add $P criterion cost 10 "x"

# ---- bidders, questions, answers, evaluators, the conflict --------------
psr add $P bidder B1 "Riverside Primary Care Ltd" "1 Example Street, Coventry CV1 1AA" &&
psr add $P bidder B2 "Foleshill Partnership LLP" "2 Example Road, Coventry CV6 5AA" &&
psr add $P bidder B3 "Midlands Community Health CIC" "3 Example Avenue, Birmingham B1 1AA" &&
psr add $P question Q1 quality 20 4 clinical "Clinical governance, safeguarding and the safe transfer of the four lists" &&
psr add $P question Q2 access 20 4 commissioner "Access: appointments, opening hours, digital and face to face" &&
psr add $P question Q3 access 15 4 patient-reference-group "Patient involvement: how patients, including people living with long-term conditions and from Black, Asian and minority ethnic communities, will shape the service" &&
psr add $P question Q4 integration 15 4 commissioner "Working with the primary care network and community services" &&
psr add $P question Q5 value 20 4 finance "Price and financial sustainability over the term" &&
psr add $P question Q6 social 10 4 patient-reference-group "Social value in the practices' neighbourhoods"
check_eq "bidders and questions" "$?" 0
for b in B1 B2 B3; do
    for q in Q1 Q2 Q3 Q4 Q5 Q6; do
        psr add $P answer $q $b "Bidder $b's answer to $q, summarised: see the bid pack, section $q" || fail "answer $q $b"
    done
done
psr add $P evaluator psr-comm commissioner "Primary care contracts manager" &&
psr add $P evaluator psr-clin clinical "GP clinical lead" &&
psr add $P evaluator psr-fin finance "Primary care finance lead" &&
psr add $P evaluator psr-prg1 patient-reference-group "Patient reference group: community and voluntary sector representative" &&
psr add $P evaluator psr-prg2 patient-reference-group "Patient reference group: living with a long-term condition"
check_eq "five evaluators, two of them the patient reference group" "$?" 0
check "the conflict is declared and managed" psr add $P conflict psr-clin B2 \
    "Was a salaried GP at Foleshill Partnership until 2025" \
    "Declared at the evaluation briefing; excluded from scoring Foleshill Partnership's bid; the consensus for Q1/B2 set by the moderation panel" yes
check_exit "a question for an unknown role is refused" 1 psr add $P question Q9 quality 5 4 nurse "x"
check_exit "a bad date is refused" 1 psr set $P notice 2026-13-01
check_has "... saying why" "$(cat "$tmp/err")" "is not a date"

# ---- blind scoring -------------------------------------------------------
score() { u=$1; shift; as "$u" psr score $P "$@"; }
check "an evaluator drafts a score" score psr-prg1 Q3 B1 3 "Clear plan for a patient group at each site"
draft=$tmp/homes/psr-prg1/.local/share/catchment-drafts/$P.scores
check_eq "the draft is the evaluator's own private file" "$(stat -c '%U %a' "$draft")" "psr-prg1 600"
check_eq "... in a directory only they can open" \
    "$(stat -c '%U %a' "$tmp/homes/psr-prg1/.local/share/catchment-drafts")" "psr-prg1 700"
check_exit "another evaluator cannot read it" 1 setpriv --reuid=psr-prg2 --regid="$grp" --clear-groups cat "$draft"
if setpriv --reuid=psr-prg2 --regid="$grp" --clear-groups sh -c "echo 'Q3	B1	0	x' >>'$draft'" 2>/dev/null; then
    fail "... nor write it"
else
    pass "... nor write it"
fi
as psr-prg2 psr scores $P >"$tmp/out" 2>&1
check_eq "another evaluator's list does not show it" "$(grep -c 'psr-prg1' "$tmp/out")" 0
check_has "... and says why" "$(cat "$tmp/out")" "not shown until you have submitted yours"
setpriv --reuid=psr-prg2 --regid="$grp" --clear-groups -- env HOME="$tmp/homes/psr-prg1" \
    "$bin" --store "$S" psr scores $P >"$tmp/out" 2>&1
check_eq "pointing HOME at the other's files shows nothing of theirs" "$(grep -c 'Clear plan' "$tmp/out")" 0
check_has "... and says the drafts cannot be read" "$(cat "$tmp/out")" "your drafts:"
check_exit "... nor can it change them" 1 setpriv --reuid=psr-prg2 --regid="$grp" --clear-groups -- \
    env HOME="$tmp/homes/psr-prg1" "$bin" --store "$S" psr score $P Q3 B1 0 "overwrite"
FAKE_USER=psr-prg1 as psr-fin psr score $P Q3 B1 0 "posing as prg1" >"$tmp/out" 2>&1
check_has "\$USER cannot make one evaluator another" "$(cat "$tmp/out")" \
    "question Q3 is scored by the patient-reference-group role; psr-fin is finance"
# A drafts directory others could open, or a symbolic link, is refused.
dd=$tmp/homes/psr-fin/.local/share/catchment-drafts
mkdir -p "$tmp/elsewhere" && chmod 777 "$tmp/elsewhere"
rm -rf "$dd"; mkdir -p "$(dirname "$dd")" && chown -R psr-fin "$tmp/homes/psr-fin/.local"
ln -s "$tmp/elsewhere" "$dd" && chown -h psr-fin "$dd"
check_exit "a drafts directory that is a symbolic link is refused" 1 score psr-fin Q5 B1 4 "x"
check_has "... saying why" "$(cat "$tmp/err")" "must be a directory of yours that only you can open"
check_eq "... and nothing was written through it" "$(ls "$tmp/elsewhere" | wc -l)" 0
rm "$dd" && mkdir "$dd" && chown psr-fin "$dd" && chmod 750 "$dd"
check_exit "a drafts directory the group can open is refused" 1 score psr-fin Q5 B1 4 "x"
chmod 700 "$dd"
check_exit "the conflicted evaluator cannot score that bidder" 1 as psr-clin psr score $P Q1 B2 4 "x"
check_has "... saying why" "$(cat "$tmp/err")" "excluded from scoring B2"
check_exit "a score above the scale is refused" 1 score psr-fin Q5 B1 5 "x"
check_exit "submitting with questions unscored is refused" 1 as psr-prg1 psr submit $P
check_has "... naming the first" "$(cat "$tmp/err")" "is not scored yet"

# Each evaluator scores what their role is given (score out of 4).
s() { score "$@" >/dev/null 2>&1 || fail "score $*"; }
s psr-prg1 Q3 B2 4 "Patients already run the practice forum; BAME outreach named"
s psr-prg1 Q3 B3 2 "Generic engagement plan"
s psr-prg1 Q6 B1 2 "Few local commitments"; s psr-prg1 Q6 B2 3 "Local apprenticeships"
s psr-prg1 Q6 B3 3 "Community health champions"
s psr-prg2 Q3 B1 2 "Little on long-term conditions"; s psr-prg2 Q3 B2 4 "Strong carers' offer"
s psr-prg2 Q3 B3 2 "Survey-led only"; s psr-prg2 Q6 B1 2 "-"; s psr-prg2 Q6 B2 4 "Local hiring"
s psr-prg2 Q6 B3 3 "Volunteering scheme"
s psr-comm Q2 B1 3 "Good digital offer"; s psr-comm Q2 B2 3 "Extended hours at two sites"
s psr-comm Q2 B3 2 "Thin face-to-face cover"; s psr-comm Q4 B1 3 "PCN role clear"
s psr-comm Q4 B2 4 "Already in the PCN"; s psr-comm Q4 B3 2 "New to the area"
s psr-clin Q1 B1 3 "Sound governance"; s psr-clin Q1 B3 3 "Sound governance, new team"
s psr-fin Q5 B1 4 "Lowest price, sustainable"; s psr-fin Q5 B2 3 "Mid price"
s psr-fin Q5 B3 2 "Highest price"

check "the first evaluator submits" as psr-prg1 psr submit $P
check_exit "the draft file is gone" 1 test -e "$draft"
check_exit "submitted scores are final" 1 score psr-prg1 Q3 B1 1 "change of mind"
check_has "... saying so" "$(cat "$tmp/err")" "they are final"
as psr-prg2 psr scores $P >"$tmp/out" 2>&1
check_eq "before submitting, the other PRG member still cannot see them" "$(grep -c 'psr-prg1' "$tmp/out")" 0
check_eq "... but sees their own drafts" "$(grep -c 'psr-prg2.*draft' "$tmp/out")" 6
psr scores $P >"$tmp/out" 2>&1
check_eq "nor can the commissioner who has not submitted" "$(grep -c 'psr-prg1' "$tmp/out")" 0
as psr-prg1 psr scores $P >"$tmp/out" 2>&1
check_has "the submitter sees their own, submitted" "$(cat "$tmp/out")" "psr-prg1   Q3        B1          3  submitted"
check_exit "moderation is refused before every evaluator has submitted" 1 psr add $P moderation Q3 B1 3 "x"
check_has "... saying why" "$(cat "$tmp/err")" "moderation opens when every evaluator has submitted"
as psr-prg1 history $P >"$tmp/out" 2>&1
check_has "the submission is in the audit trail, by the real user" "$(cat "$tmp/out")" "psr-prg1"
check_has "... with its count and hash" "$(cat "$tmp/out")" "6 scores submitted, sha256"
check_eq "... but never the scores" "$(grep -c 'Clear plan' "$tmp/out")" 0
for u in psr-prg2 psr-comm psr-clin psr-fin; do
    as "$u" psr submit $P >/dev/null 2>&1 || fail "$u submits: $(as "$u" psr submit $P 2>&1)"
done
as psr-prg2 psr scores $P >"$tmp/out" 2>&1
check_has "after submitting, others' scores show" "$(cat "$tmp/out")" "psr-prg1"
check_eq "every evaluator submitted: 5" "$(as psr-comm history $P | grep -c 'psr.submit')" 5

# ---- moderation, results -----------------------------------------------
m() { psr add $P moderation "$@" || fail "moderation $1 $2"; }
m Q1 B1 3 "Agreed: sound governance"; m Q1 B2 3 "Panel of two (clinical lead excluded): sound governance"
m Q1 B3 3 "Agreed"; m Q2 B1 3 "Agreed"; m Q2 B2 3 "Agreed"; m Q2 B3 2 "Agreed"
m Q3 B1 2 "Moderated down: little on long-term conditions"; m Q3 B2 4 "Both PRG members: 4"
m Q3 B3 2 "Both PRG members: 2"; m Q4 B1 3 "Agreed"; m Q4 B2 4 "Agreed"; m Q4 B3 2 "Agreed"
m Q5 B1 4 "Agreed"; m Q5 B2 3 "Agreed"; m Q5 B3 2 "Agreed"
m Q6 B1 2 "Agreed"; m Q6 B2 3 "Moderated: local hiring plan lacks numbers"; m Q6 B3 3 "Agreed"
out=$(psr results $P)
check_has "the spread of individual scores shows" "$out" "| Q3 | access | 15% | B1 | 2, 2-3, 2.50 | 2/4 |"
check_has "the weighted totals and ranking" "$out" "| B2 Foleshill Partnership LLP | 82.50 | 1 |"
check_has "... second" "$out" "| B1 Riverside Primary Care Ltd | 73.75 | 2 |"
check_has "... third" "$out" "| B3 Midlands Community Health CIC | 57.50 | 3 |"

# ---- the decision, the notice, the standstill, representations, award --
psr set $P provider B2 &&
psr set $P reasons "Foleshill Partnership LLP scored highest overall (82.5 of 100) and highest on access and patient involvement, the criteria weighted most (35%); its price is within budget." &&
psr set $P notice 2026-12-14 &&
psr set $P commencement 2027-04-01
check_eq "the decision" "$?" 0
out=$(psr notice $P)
check_has "the notice names the route" "$out" "following the Competitive process"
check_has "... the provider and address" "$out" "Provider: Foleshill Partnership LLP, 2 Example Road"
check_has "... the value" "$out" "£14,800,000"
check_has "... the conflict and how it was managed" "$out" "excluded from scoring this bidder"
out=$(psr milestones $P)
check_has "the standstill ends 8 working days after the notice (over Christmas)" "$out" \
    "Standstill ends               2026-12-24"
check "a representation is logged" psr add $P representation R1 2026-12-17 "Midlands Community Health CIC" \
    "Asked for its scores and the winner's on Q3" "Scores and moderation notes sent 2026-12-18; no further representation"
psr set $P award 2027-01-04
out=$(psr milestones $P)
check_has "mobilisation: three months before commencement" "$out" "Mobilisation from             2027-01-01"
check_has "... warns when the award leaves less" "$out" "less than 3 months' mobilisation"
psr record $P >"$tmp/record.md"
check_has "the decision record: route and why" "$(cat "$tmp/record.md")" "Competitive process. Why: Four time-limited"
check_has "... the conditions with their evidence" "$(cat "$tmp/record.md")" "| why_competition | yes |"
check_has "... the decision-makers" "$(cat "$tmp/record.md")" "- Primary Care Commissioning Committee"
check_has "... the criteria and weights" "$(cat "$tmp/record.md")" "| Social value (SI 2023/1348 reg. 5(e)) | 10 |"
check_has "... with the evidence that bears on each" "$(cat "$tmp/record.md")" "| Value (SI 2023/1348 reg. 5(b)) | 20 | Question Q5: price per weighted patient and financial sustainability | payments to the practices (not held by catchment) |"
check_has "... the practices' evidence row" "$(cat "$tmp/record.md")" "| Y04965 ALLIANCE TEACHING PRACTICES | ACTIVE |"
check_has "... the evidence held, dated" "$(cat "$tmp/record.md")" "| 3,931 (2021-01-01) | 21,616 (2026-04-01) |"
check_has "... the representation" "$(cat "$tmp/record.md")" "| R1 | 2026-12-17 |"
check_has "... says it is not legal advice" "$(cat "$tmp/record.md")" "it is not legal advice"
cp "$tmp/record.md" "${PSR_RECORD_OUT:-/dev/null}" 2>/dev/null
psr record $P --format json >"$tmp/record.json"
check "the record as JSON parses" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/record.json"
check_eq "... with the ranking" "$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['totals']; print([(x['bidder'], x['total'], x['rank']) for x in t])" "$tmp/record.json")" \
    "[('B1', 73.75, 2), ('B2', 82.5, 1), ('B3', 57.5, 3)]"
out=$(psr annual 2027)
check_has "the annual summary counts by route" "$out" "Competitive process              1"
check_has "... and representations" "$out" "Representations logged: 1"
check_has "... the standstill's dates" "$(cat "$tmp/record.md")" "- Standstill: 2026-12-15 to 2026-12-24 (8 working days"
check_has "... the questions and who scores them" "$(cat "$tmp/record.md")" "| Q3 | access | 15% | 0-4 | patient-reference-group | Patient involvement"
check_has "... the bidders and their offices" "$(cat "$tmp/record.md")" "| B3 | Midlands Community Health CIC | 3 Example Avenue, Birmingham B1 1AA |"

# ---- hostile text is shown, never obeyed ---------------------------------
check_exit "a control character in the record is refused" 1 psr set $P reasons "$(printf 'ok\033[2Jgone')"
check_has "... saying so" "$(cat "$tmp/err")" "control character"
check_exit "an unknown field is refused" 1 psr set $P colour blue
check_exit "an unknown procurement is refused" 1 psr record NOPE

# ---- the contract's milestones follow the record -----------------------
out=$(CATCHMENT_TODAY=2026-12-01 as psr-comm contracts --format json)
check_eq "contracts: Y04965's procurement milestones come from the record" \
    "$(printf '%s' "$out" | python3 -c "import json,sys; c=[x for x in json.load(sys.stdin) if x['practice']=='Y04965'][0]; print(c['procurement'], [(m['name'], m['date']) for m in c['milestones']][2:])")" \
    "COV-APMS-2026 [('procurement', '2026-12-14'), ('award', '2027-01-04'), ('mobilisation', '2027-01-01')]"
out=$(CATCHMENT_TODAY=2026-12-20 as psr-comm contracts)
check_has "... and the table names the record" "$out" "award (COV-APMS-2026)"

# The published notice is markdown: reasons typed as a link or HTML stay
# text in it, and a '|' cannot split the record's tables.
psr set $P reasons "Read [the panel's view](http://e.vil) <b>here</b> | or not" >/dev/null
out=$(psr notice $P)
check_has "the notice shows typed reasons as text, not a link" "$out" \
    "Read \\[the panel's view\\](http://e.vil) \\<b>here\\</b> / or not"
