# The options appraisal of the demo's expiring contract (Westwood, ends
# 2027-03-31): the evidence per factor, scores with rationales, weights
# from the config, every entry audited, approval settling the milestone.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
cp "$data/demo.yaml" "$tmp/c.yaml"
q() { "$bin" --store "$st" --config "$tmp/c.yaml" "$@"; }

out=$(q appraisal M86019)
check_has "evidence: the contract, dated" "$out" "Contract: APMS, 2017-04-01 to 2027-03-31"
check_has "evidence: what is not held says so" "$out" "Contract value and cost per patient: not held"
check_has "evidence: the list and its trend" "$out" "List 4,106 on 2026-04-01, 4,576 on 2021-01-01 (-10.3%"
check_has "evidence: no survey imported" "$out" "Engagement survey: not imported"
check_has "evidence: the GP Patient Survey" "$out" "GP Patient Survey: not imported"
check_has "evidence: IMD" "$out" "IMD 2019 decile of the practice's LSOA E01009681: 6"
check_eq "nothing scored yet" "$(echo "$out" | grep -c ' not scored$')" "5"
check_has "no recommendation yet" "$out" "No option recommended yet."
disp=$(q scenario run --close M86019 --format json | jq -r '"\(.displaced) displaced, \(.placed) placed, \(.unplaced) unplaced"')
check_has "evidence: the dispersal what-if, as scenario run has it" "$(echo "$out" | sed 's/,\([0-9]\)/\1/g')" \
    "Dispersal what-if (this practice closing, optimal policy): $disp"

# The config's path is said in the text, through the output filter: a
# name with a terminal escape or a link reaches neither terminal nor paper.
evil="$tmp/$(printf 'c\033]52;c;AAAA\a[x](http:)')".yaml
cp "$data/demo.yaml" "$evil"
for f in table md; do
    t=$("$bin" --store "$st" --config "$evil" appraisal M86019 --format $f)
    check_eq "appraisal $f: no raw escape from the config's path" "$(printf '%s' "$t" | grep -c "$(printf '\033')")" 0
done
check_has "appraisal md: the path's brackets escaped" \
    "$("$bin" --store "$st" --config "$evil" appraisal M86019 --format md)" '\[x\](http:)'
check_eq "option: merge with a named practice" "$(q appraisal M86019 option merge M86605 'Limbrick Wood: same PCN')" \
    "M86019 appraisal: option recorded (in the history)"
check_exit "option: merge with no such practice" 1 q appraisal M86019 option merge X99999
check_has "... says so" "$(cat "$tmp/err")" "merge: no practice X99999"
check_exit "option: disperse under no such scenario" 1 q appraisal M86019 option disperse nowhere
check_has "... says so" "$(cat "$tmp/err")" "no scenario 'nowhere'"
q appraisal M86019 option disperse westwood-ends >/dev/null
check_has "evidence: the disperse option's scenario" "$(q appraisal M86019)" "Dispersal what-if (westwood-ends"
check_has "evidence: the merge partner" "$(q appraisal M86019)" "Merge partner M86605 LIMBRICK WOOD SURGERY"

check_eq "score" "$(q appraisal M86019 score reprocure finance 4 'Within the allocation')" \
    "M86019 appraisal: reprocure scored 4 (G) on Finance (recorded in the history)"
q appraisal M86019 score reprocure provision 2 'Few neighbours with room' >/dev/null
q appraisal M86019 score disperse provision 1 'Receivers near capacity' >/dev/null
check_exit "score: out of range" 2 q appraisal M86019 score reprocure finance 7 why
check_exit "score: unknown factor" 2 q appraisal M86019 score reprocure weather 3 why
check_exit "score: unknown option" 2 q appraisal M86019 score sell finance 3 why
check_exit "score: no rationale" 1 q appraisal M86019 score reprocure finance 3 ''
check_exit "score: an escape in the rationale" 1 q appraisal M86019 score reprocure finance 3 "$(printf 'a\033[2Jb')"
check_eq "equal weights: the mean of the scored factors" \
    "$(q appraisal M86019 --format json | jq -c '[.options[] | .weighted_score]')" '[3,null,null,1,null]'
sed 's/^contracts:$/contracts:\n  appraisal_weights: {finance: 3, provision: 1}/' "$data/demo.yaml" >"$tmp/c.yaml"
check_eq "weights from the config: (3x4 + 1x2) / 4" \
    "$(q appraisal M86019 --format json | jq -c '[.options[0].weighted_score, .weights.finance, .weights.need]')" '[3.5,3,1]'
printf 'contracts:\n  appraisal_weights: {finanse: 2}\n' >"$tmp/bad.yaml"
check_exit "weights: an unknown factor in the config" 1 "$bin" --store "$st" --config "$tmp/bad.yaml" appraisal M86019
check_has "... where" "$(cat "$tmp/err")" "bad.yaml:2:23: unknown key 'finanse' in appraisal_weights (did you mean 'finance'?)"

check_exit "approve: nothing recommended yet" 1 q appraisal M86019 approve
check_eq "recommend" "$(q appraisal M86019 recommend reprocure 'Keeps a practice in Tile Hill')" \
    "M86019 appraisal: recommend recorded (in the history)"
check_eq "approve: the milestone follows" "$(q appraisal M86019 approve 'Committee of 2026-11-20')" \
    "M86019 appraisal: approve recorded (in the history); milestone.options_appraisal: open -> done"
check_eq "approve: contracts shows the milestone done" \
    "$(q contracts --format json | jq -c '.[] | select(.practice == "M86019") | .milestones[0].state')" '"done"'
check_eq "audit: every entry, with old and new" \
    "$(q history M86019 --format json | jq -r '[.[] | select(.field | startswith("appraisal.")) | .field] | join(" ")')" \
    "appraisal.merge.detail appraisal.disperse.detail appraisal.reprocure.finance appraisal.reprocure.provision appraisal.disperse.provision appraisal.decision.recommend appraisal.decision.approve"
q appraisal M86019 score reprocure finance 5 'Savings confirmed' >/dev/null
check_eq "audit: a changed score keeps the old one" \
    "$(q history M86019 --format json | jq -r '[.[] | select(.field == "appraisal.reprocure.finance")] | last | .old + " => " + .new')" \
    "4 G: Within the allocation => 5 G: Savings confirmed"
j=$(q appraisal M86019 --format json)
check_eq "json: recommended and approved" "$(echo "$j" | jq -c '[.recommended, .approved]')" '["reprocure",true]'
check_eq "json: who entered a score" "$(echo "$j" | jq -r '.options[0].factors[0].by')" "$(id -un)"
check_eq "csv: one row per entry" "$(q appraisal M86019 --format csv | sed 1d | wc -l)" "5"
md=$(q appraisal M86019 --format md)
check_has "md: the section" "$md" "## Options appraisal: M86019 WESTWOOD MEDICAL H/CENTRE"
check_has "md: evidence per factor" "$md" "**Other local provision** (weight 1)"
check_has "md: the scores table" "$md" "| Re-procure the contract "
check_has "md: who entered what" "$md" "| reprocure | finance   | 5 G   | Savings confirmed"
check_has "md: the recommendation" "$md" "**Recommended: Re-procure the contract**. Keeps a practice in Tile Hill"
check_has "md: the approval" "$md" "Approved by $(id -un) on"
check_exit "no such practice" 1 q appraisal X99999
q appraisal M86019 score caretaker need 3 "$(printf 'abc \342\200\256gnp.exe')" >/dev/null
check_eq "a bidi override in a rationale never reaches the terminal" \
    "$(q appraisal M86019 | grep -c "$(printf '\342\200\256')")" "0"
check_has "... it is shown as itself" "$(q appraisal M86019)" "abc <U+202E>gnp.exe"
"$bin" --store "$st" export "$tmp/ex"
check_eq "export: every entry as it stands, rationale whole" \
    "$(grep -c '^M86019,' "$tmp/ex/appraisal.csv"; grep -c 'reprocure,finance,5,,Savings confirmed' "$tmp/ex/appraisal.csv")" "8
1"

# What people typed stays text in the md paper: a rationale written as a
# link is not made one (a colleague could point the board at any site).
q appraisal M86019 recommend reprocure 'See [the figures](http://e.vil) <b>now</b>' >/dev/null
md=$(q appraisal M86019 --format md)
check_has "md: a typed link is shown as text" "$md" 'See \[the figures\](http://e.vil) \<b>now\</b>'
