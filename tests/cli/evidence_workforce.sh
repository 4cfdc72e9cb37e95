#!/bin/sh
# GP workforce, practice level: recognised by its header in both naming
# eras, dated by its month, and put to use: the gp-fte capacity of every
# practice without a GP FTE recorded by hand, with its month, on the card
# and for the receivers of a what-if (patients per GP FTE before, after).
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
cp -r "$(demo_store)" "$S"
cfg="--config $data/demo.yaml"

out=$("$bin" --store "$S" import "$fx/gpw-practice-detailed-2026-03-constructed.csv")
check_has "recognised by its header" "$out" ": gp-workforce, 7 rows read, 6 kept, 1 skipped"
check_has "practices outside the store are skipped, and said so" "$out" "(1 for practices not in the store)"
check_has "dated by the month in its name" "$out" "extract 2026-03-01"

card=$("$bin" --store "$S" show M86019)
check_has "capacity from the published GP FTE" "$card" "Capacity     4,500 (gp-fte)"
check_has "the GP FTE says its source and month" "$card" \
    "GP FTE       2.5 (1,642 patients per FTE), gp-workforce 2026-03-01"
check_has "nurse FTE on the card with its period" "$card" "2026-03      Nurse FTE: 1.6 (gp-workforce)"
check_has "fully qualified GP FTE on the card" "$card" "GP FTE, fully qualified: 2.0 (gp-workforce)"

card=$("$bin" --store "$S" show M86034)
check_has "a GP FTE recorded by hand wins" "$card" "GP FTE       6.5 (1,514 patients per FTE), recorded"
card=$("$bin" --store "$S" show M86029)
check_has "ND is not disclosed, never zero" "$card" "GP FTE (all GPs): not disclosed (gp-workforce)"
check_has "NA is not available" "$card" "Direct patient care FTE: not available"
check_has "no FTE: capacity falls back to the headroom rule" "$card" "(default-headroom)"
json=$("$bin" --store "$S" show M86029 --format json | jq -c .)
check_has "JSON: an undisclosed figure is null" "$json" \
    '"measure":"gp_fte","label":"GP FTE (all GPs)","value":null,"text":"not disclosed"'

json=$("$bin" --store "$S" $cfg scenario run limbrick-wood-nearest --format json | jq -c .)
check_eq "receivers: patients per GP FTE before and after, with the month" \
    "$(echo "$json" | jq -c '.receivers[] | select(.code == "M86019") | [.list_before, .gain, .list_after, .capacity, .capacity_source, .patients_per_gp_fte_before, .patients_per_gp_fte_after, .gp_fte_source, .gp_fte_date]')" \
    '[4106,311,4417,4500,"gp-fte",1642,1767,"gp-workforce","2026-03-01"]'
check_has "receivers without FTE say null" "$json" \
    '"patients_per_gp_fte_before":null,"patients_per_gp_fte_after":null,"gp_fte_source":null,"gp_fte_illustrative":false,"gp_fte_date":null'
table=$("$bin" --store "$S" $cfg scenario run limbrick-wood-nearest)
check_has "the table shows where each FTE came from" \
    "$(printf '%s\n' "$table" | grep '^M86019' | tr -s ' ')" "1,642 1,767 gp-workforce 2026-03-01"
md=$("$bin" --store "$S" $cfg scenario run limbrick-wood-nearest --format md)
check_has "the paper shows it too, before and after" \
    "$(printf '%s\n' "$md" | grep '^| M86019' | tr -s ' ')" "| 1,642 -> 1,767 | gp-workforce 2026-03-01 |"

# The 2015-18 naming era: TOTAL_GP_EXRRL_FTE, TOTAL_NURSE_FTE.
out=$("$bin" --store "$S" import "$fx/gpw-practice-2018-09-constructed.csv")
check_has "the older naming era is recognised" "$out" ": gp-workforce, 2 rows read, 2 kept"
card=$("$bin" --store "$S" show M86019)
check_has "an older month does not replace the newer" "$card" "GP FTE       2.5 ("
check_has "the older era's nurse column is read" "$("$bin" --store "$S" show M86605 --format json | jq -c .)" \
    '"measure":"wf.nurses_fte","label":"Nurse FTE","value":0.8'

# A copy of the file whose name says no month is refused, store unchanged.
sed '2s/,2\.50,/,2.60,/' "$fx/gpw-practice-detailed-2026-03-constructed.csv" >"$tmp/workforce.csv"
before=$("$bin" --store "$S" stats --format json | grep -v imported_at)
check_exit "no month in the name or a column: refused" 1 "$bin" --store "$S" import "$tmp/workforce.csv"
check_has "... saying where and what to do" "$(cat "$tmp/err")" "workforce.csv:2: no date"
check_eq "... and the store is unchanged" "$("$bin" --store "$S" stats --format json | grep -v imported_at)" "$before"
