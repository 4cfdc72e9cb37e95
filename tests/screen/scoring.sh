# Scoring a bid by keyboard (:score): the question and the bidder's answer
# above the list, Enter for a score and a comment into the evaluator's
# private draft, :submit to make them final.  (A constructed procurement:
# see tests/data/psr/README.)
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
P=COV-APMS-2026
psr() { "$bin" --store "$store" psr "$@" >/dev/null 2>&1 || fail "psr $*"; }
psr new $P "Four Coventry APMS practices: re-procurement"
psr set $P route COMP
psr add $P bidder B1 "Riverside Primary Care Ltd" "1 Example Street, Coventry CV1 1AA"
psr add $P bidder B2 "Foleshill Partnership LLP" "2 Example Road, Coventry CV6 5AA"
psr add $P question Q3 access 15 4 patient-reference-group "Patient involvement: how patients will shape the service"
psr add $P question Q5 value 20 4 finance "Price and financial sustainability"
psr add $P answer Q3 B1 "A patient group at each site, meeting quarterly"
psr add $P answer Q3 B2 "The existing practice forum, with outreach to BAME communities"
psr add $P evaluator "$who" patient-reference-group "Patient reference group member"

run_keys <<'KEYS'
:score COV-APMS-2026
:save-display s0
<Enter>
:save-display s1
<C-U>
3
<Enter>
"Clear plan for each site
<Enter>
:save-display s2
j
:save-display s3
:submit
:save-display s4
KEYS
check_has "the screen names the procurement and the evaluator" s0 "COV-APMS-2026 as $who: drafts are yours alone until you :submit"
check_has "the question under the cursor" s0 "Q3 (access, 15%, score 0-4): Patient involvement"
check_has "the bidder's answer summary" s0 "B1 Riverside Primary Care Ltd answers: A patient group at each site"
check_has "only the evaluator's own role's questions" s0 "Q3       B2 Foleshill Partnership LLP"
check_lacks "not another role's" s0 "Q5 "
check_has "unscored lines say so" s0 "-/4 not scored"
check_has "Enter asks for the score" s1 "Score Q3 for B1 (0-4):"
check_has "the score and comment show at once" s2 "3/4 Clear plan for each site"
check_has "... saved to the private draft" s2 "saved to your private draft"
check_has "the answer above follows the cursor" s3 "B2 Foleshill Partnership LLP answers: The existing practice forum"
check_has "submitting with a bid unscored is refused" s4 "question Q3 for bidder B2 is not scored yet"
check_has "the CLI sees the draft" "$("$bin" --store "$store" psr scores $P >out.txt 2>&1; echo out.txt)" \
    "Clear plan for each site"

# Another evaluator, a real second Unix user, at the same time: their
# scoring screen shows their own lines, never the first one's draft.
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! command -v useradd >/dev/null; then
    pass "second-user screen skipped: it needs root, useradd and setpriv (CI runs it)"
else
    grp=catchment-psr
    getent group "$grp" >/dev/null || groupadd -r "$grp"
    id psr-prg2 >/dev/null 2>&1 || useradd -r -M -g "$grp" -s /usr/sbin/nologin psr-prg2
    psr add $P evaluator psr-prg2 patient-reference-group "Patient reference group member"
    chmod 755 "$tmp"
    mkdir -p "$tmp/other/home" "$tmp/other/out"
    cp "$bin" "$tmp/other/catchment"
    cp "$config" "$tmp/other/config.yaml"
    printf ':score COV-APMS-2026\n:save-display %s\n' "$tmp/other/out/o1" >"$tmp/other/keys"
    chmod 755 "$tmp/other" "$tmp/other/catchment"
    chmod 644 "$tmp/other/config.yaml" "$tmp/other/keys"
    chown psr-prg2 "$tmp/other/home" "$tmp/other/out"
    chgrp -R "$grp" "$store"
    chmod 2770 "$store"
    chmod 660 "$store"/*.mdb
    setpriv --reuid=psr-prg2 --regid="$grp" --clear-groups -- env HOME="$tmp/other/home" \
        CATCHMENT_SCRIPT="$tmp/other/keys" "$tmp/other/catchment" --store "$store" \
        --config "$tmp/other/config.yaml" >/dev/null 2>"$tmp/other/err" ||
        fail "the second user's session runs: $(cat "$tmp/other/err")"
    check_has "the second evaluator's screen is their own" "$tmp/other/out/o1" "COV-APMS-2026 as psr-prg2"
    check_has "... with their lines unscored" "$tmp/other/out/o1" "Q3       B1 Riverside Primary Care Lt   -/4 not scored"
    check_lacks "... and never the first evaluator's draft" "$tmp/other/out/o1" "Clear plan"
fi

run_keys <<'KEYS'
:score COV-APMS-2026
j
<Enter>
<C-U>
4
<Enter>
"Strong forum
<Enter>
:submit
:save-display t1
<Enter>
<C-U>
1
<Enter>
x
<Enter>
:save-display t2
KEYS
check_has "after scoring everything :submit makes the scores final" t1 "your scores for COV-APMS-2026 are submitted (final)"
check_has "... the screen says so" t1 "COV-APMS-2026 as $who: submitted, final"
check_has "a submitted score cannot be changed" t2 "you have submitted your scores for COV-APMS-2026: they are final"
check_has "the audit trail has the submission" "$("$bin" --store "$store" history $P >out.txt 2>&1; echo out.txt)" \
    "2 scores submitted, sha256"

run_keys <<'KEYS'
:score NOPE
:save-display u1
KEYS
check_has "an unknown procurement says so" u1 "no such procurement"
