#!/bin/sh
# NHS Payments to General Practice and the GP Patient Survey (both
# eras): recognised by their headers, each figure with its year and
# source on the card and in the board paper; suppressed is never zero.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
cp -r "$(demo_store)" "$S"

out=$("$bin" --store "$S" import "$fx/nhspaymentsgp-22-23-prac-constructed.csv")
check_has "payments: recognised by the header" "$out" ": gp-payments, 4 rows read, 3 kept, 1 skipped"
check_has "payments: dated by the Year column" "$out" "extract 2022-04-01"
card=$("$bin" --store "$S" show M86029)
check_has "contract type without typing, with its year" "$card" "Type         APMS (gp-payments 2022-23)"
check_has "dispensing status with its year" "$card" "Dispensing   Yes (gp-payments 2022-23)"
check_has "value evidence on the card" "$card" "2022-23      Payment per weighted patient (GBP): 135.5 (gp-payments)"
card=$("$bin" --store "$S" show M86605)
check_has "a recorded contract still wins" "$card" "Provider     Illustrative Partnership (demo)"

old="$fx/GPPS_2023_Practice_data_(weighted)_(csv)_PUBLIC-constructed.csv"
new="$fx/GPPS_2025_Practice_data_(weighted)_(csv)_PUBLIC-constructed.csv"
out=$("$bin" --store "$S" import "$old")
check_has "survey, 2017-2023 era: recognised" "$out" ": gpps, 3 rows read, 3 kept"
check_has "survey: the year from the name" "$out" "extract 2023-07-01"
card=$("$bin" --store "$S" show M86019)
check_has "Q28_12pct is overall experience, a fraction shown as %" "$card" \
    "2023 survey  Good overall experience (%): 70.2 (gpps)"
card=$("$bin" --store "$S" show M86029)
check_has "a negative value is suppressed, not zero" "$card" \
    "2023 survey  Good overall experience (%): suppressed (gpps)"
out=$("$bin" --store "$S" import "$new")
check_has "survey, 2024-on era: recognised" "$out" ": gpps, 3 rows read, 3 kept"
card=$("$bin" --store "$S" show M86019)
check_has "the newer survey replaces the older on the card" "$card" \
    "2025 survey  Good overall experience (%): 73.1 (gpps)"
check_has "ease of contact" "$card" "2025 survey  Easy to contact by phone (%): 55.4 (gpps)"
check_has "continuity" "$card" "2025 survey  Sees preferred clinician (%): 38.1 (gpps)"
json=$("$bin" --store "$S" show M86605 --format json | jq -c .)
check_has "JSON: -97 is null and says suppressed" "$json" \
    '"measure":"gpps.continuity","label":"Sees preferred clinician (%)","value":null,"text":"suppressed","date":"2025-07-01","period":"2025 survey","source":"gpps"'

md=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run limbrick-wood-nearest --format md)
check_has "the paper has a published evidence section" "$md" "## Published evidence"
# row "what" pattern...: one markdown row holds every cell, in order.
row() {
    what=$1
    shift
    re=$(printf '| *%s *' "$@")
    if printf '%s\n' "$md" | grep -q -- "$re|$"; then pass "$what"; else fail "$what: no row $re|"; fi
}
row "the paper: survey figure with the survey year" "M86605 LIMBRICK WOOD SURGERY" closing \
    "Good overall experience (%)" 90.1 "2025 survey" gpps
row "the paper: receivers' contract type with its year" "M86019 WESTWOOD MEDICAL H/CENTRE" \
    receiving "Contract type" GMS 2022-23 gp-payments

# A survey file renamed without its year is refused; the store is unchanged.
sed 's/0\.7312/0.7313/' "$new" >"$tmp/survey.csv"
before=$("$bin" --store "$S" stats --format json | grep -v imported_at)
check_exit "survey: no year in the name: refused" 1 "$bin" --store "$S" import "$tmp/survey.csv"
check_has "... at the first row" "$(cat "$tmp/err")" "survey.csv:2: no survey year"
check_eq "... store unchanged" "$("$bin" --store "$S" stats --format json | grep -v imported_at)" "$before"
