#!/bin/sh
# ODS branch surgeries and PCN core partner details: recognised by shape
# (headerless) or header, on the card with their dates, and a branch
# closed in a what-if: its practice's patients stay registered and travel
# to the nearest site left (travel figures only).
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
cp -r "$(demo_store)" "$S"
cfg="--config $data/demo.yaml"

out=$("$bin" --store "$S" import "$fx/ebranchs-constructed.csv")
check_has "ebranchs recognised by its shape" "$out" ": ebranchs, 4 rows read, 3 kept, 1 skipped (1 for practices not in the store)"
out=$("$bin" --store "$S" import "$fx/epcncorepartnerdetails-constructed.csv")
check_has "PCN core partner details recognised without a header" "$out" ": pcn-partners, 4 rows read, 3 kept, 1 skipped"
out=$("$bin" --store "$S" import "$fx/epcncorepartnerdetails-with-headers-constructed.csv")
check_has "... and with one" "$out" ": pcn-partners, 2 rows read, 2 kept, 0 skipped"

card=$("$bin" --store "$S" show M86019)
check_has "branch sites on the card" "$card" \
    "M86019001    WESTWOOD SURGERY TILE HILL BRANCH, COVENTRY CV4 9HA (open since 1995-04-01)"
check_has "a closed branch says when it closed" "$card" "M86019002    WESTWOOD SURGERY CANLEY BRANCH, COVENTRY CV4 9JA (closed 2015-03-31)"
check_has "PCN membership history" "$card" "2019-07-01   to 2023-03-31  U12345 COVENTRY WEST PCN"
check_has "... the current PCN" "$card" "2023-04-01   to now  U12346 COVENTRY NORTH PCN"
json=$("$bin" --store "$S" show M86605 --format json)
check_eq "a later file ends a membership" "$(echo "$json" | jq -c '[.pcn_history[] | [.pcn, .start, .end]]')" \
    '[["U12345","2019-07-01","2024-03-31"],["U12347","2024-04-01",null]]'
check_eq "JSON branches" "$(echo "$json" | jq -c '[.branches[] | [.code, .postcode, .close_date]]')" \
    '[["M86605001","CV5 9JE",null]]'

json=$("$bin" --store "$S" $cfg scenario branch M86019001 --format json)
check_eq "branch closure: every patient of the practice, none moved" \
    "$(echo "$json" | jq -c '[.practice, .sites, .patients + .not_located]')" '["M86019",2,4106]'
check_eq "... those whose nearest site was the branch travel further" \
    "$(echo "$json" | jq '.affected > 0 and .affected < .patients and .affected_km_after > .affected_km_before')" true
check_eq "... and the practice's mean rises by exactly their extra km" \
    "$(echo "$json" | jq '((.mean_km_after - .mean_km_before) * .patients - (.affected_km_after - .affected_km_before) * .affected | fabs) < 0.01 * .patients')" true
check_eq "... labelled MODELLED where patients live is modelled" "$(echo "$json" | jq .modelled)" true
table=$("$bin" --store "$S" $cfg scenario branch M86019001)
check_has "the table says travel figures only" "$table" "travel figures only"
check_has "... and MODELLED" "$table" "MODELLED (not NHS data)"
check_exit "a closed branch cannot be closed again" 1 "$bin" --store "$S" $cfg scenario branch M86019002
check_has "... said so" "$(cat "$tmp/err")" "closed on 2015-03-31 already"
check_exit "an unknown branch" 1 "$bin" --store "$S" $cfg scenario branch Z99999001
check_has "... said so" "$(cat "$tmp/err")" "no branch surgery 'Z99999001'"
check_exit "csv is refused" 2 "$bin" --store "$S" $cfg scenario branch M86019001 --format csv
