#!/bin/sh
# QOF prevalence: recognised by its header, dated by the year in its name,
# shown on the card, and in a what-if the disease registers the closing
# practices' lists carry (summed over them), with the year.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
cp -r "$(demo_store)" "$S"

out=$("$bin" --store "$S" import "$fx/PREVALENCE_2324-constructed.csv")
check_has "recognised by its header" "$out" ": qof, 6 rows read, 5 kept, 1 skipped (1 for practices not in the store)"
check_has "the year from the published name" "$out" "extract 2023-04-01"
card=$("$bin" --store "$S" show M86019)
check_has "a register on the card, with its list and year" "$card" \
    "2023-24      Diabetes register: 312 (9.5% of 3,300 17OV) (qof)"

json=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run --close M86019,M86605 --format json)
# Diabetes: 312 + 200 = 512 patients of 3,300 + 2,500 = 5,800 (8.83%);
# hypertension: 640 + 400 = 1,040 of 4,106 + 3,041 = 7,147 (14.55%).
check_eq "the registers the closing lists carry, summed" \
    "$(echo "$json" | jq -c '.registers[] | select(.register == "DM") | [.patients, .list, .prevalence, .period, .practices]')" \
    '[512,5800,0.0883,"2023-24",2]'
check_eq "a register only one closing practice has" \
    "$(echo "$json" | jq -c '.registers[] | select(.register == "AST") | [.patients, .practices]')" '[280,1]'
md=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run --close M86019,M86605 --format md)
check_has "the paper lists them" "$md" "## Disease registers the dispersed lists carry"
check_has "... with prevalence and year" "$(printf '%s\n' "$md" | grep 'Hypertension register' | tr -s ' ')" \
    "| Hypertension register | 1,040 | 14.6% | 2023-24 | QOF prevalence |"
json=$("$bin" --store "$(demo_store)" --config "$data/demo.yaml" scenario run westwood-ends --format json)
check_eq "without QOF: no registers, not zeros" "$(echo "$json" | jq -c '.registers')" '[]'

printf 'PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PRACTICE_LIST_SIZE\nM86019,DM,3312,17OV,3300\n' >"$tmp/PREVALENCE_2425.csv"
check_exit "a register larger than its list is refused" 1 "$bin" --store "$S" import "$tmp/PREVALENCE_2425.csv"
check_has "... at its line" "$(cat "$tmp/err")" "PREVALENCE_2425.csv:2:"
