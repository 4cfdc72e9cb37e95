#!/bin/sh
# Appointments in General Practice: recognised by the header (sub-ICB and
# CCG eras), summed per practice and month on import, and shown as
# appointments per 1,000 patients on the card and for the receivers of a
# what-if (the month's appointments over the list before and after).
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
cp -r "$(demo_store)" "$S"

out=$("$bin" --store "$S" import "$fx/appointments-practice-level-2026-04-constructed.csv")
check_has "recognised by its header" "$out" ": appointments, 9 rows read, 8 kept, 1 skipped"
check_has "rows for other practices are skipped and said so" "$out" "(1 for practices not in the store)"
check_has "the month" "$out" "extract 2026-04-01"
card=$("$bin" --store "$S" show M86019)
# 900 + 400 + 500 + 60 + 40 = 1,900 appointments; list 4,106: 462.7 per 1,000.
check_has "per 1,000 patients, with the month and the list used" "$card" \
    "Appointments 463 per 1,000 patients in 2026-04 (appointments; list of 2026-04-01)"
check_has "summed: every appointment" "$card" "2026-04      Appointments in the month: 1,900 (appointments)"
check_has "summed: attended" "$card" "Appointments attended: 1,800"
check_has "summed: did not attend" "$card" "Appointments not attended (DNA): 60 (appointments)"
check_has "summed: with a GP" "$card" "Appointments with a GP: 1,360"
check_has "summed: face to face" "$card" "Appointments face to face: 1,460"

json=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run limbrick-wood-nearest --format json)
# 1,900 appointments over Westwood's 4,106 before; after, over its list
# after the gain.
check_eq "receivers: per 1,000 before, with the month" \
    "$(echo "$json" | jq -c '.receivers[] | select(.code == "M86019") |
        [.appointments_month, .appointments_per_1000_before]')" '["2026-04-01",462.7]'
check_eq "receivers: per 1,000 after is the same appointments over the list after" \
    "$(echo "$json" | jq '.receivers[] | select(.code == "M86019") |
        (1900000 / .list_after * 10 | round / 10) == .appointments_per_1000_after and .gain > 0')" true
check_eq "receivers without appointments data: null" \
    "$(echo "$json" | jq -c '.receivers[] | select(.code == "M86034") |
        [.appointments_month, .appointments_per_1000_before]')" '[null,null]'

out=$("$bin" --store "$S" import "$fx/appointments-practice-level-2021-01-constructed.csv")
check_has "the CCG-era header is recognised" "$out" ": appointments, 2 rows read, 2 kept"
check_has "an older month leaves the newest on the card" "$("$bin" --store "$S" show M86019)" \
    "463 per 1,000 patients in 2026-04"

md=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run limbrick-wood-nearest --format md)
check_has "the paper: appointments per 1,000 before and after, with the month" \
    "$(printf '%s\n' "$md" | grep '^| M86019' | tr -s ' ')" "| 463 -> "
check_has "... the month" "$(printf '%s\n' "$md" | grep '^| M86019' | tr -s ' ')" " (2026-04) |"
