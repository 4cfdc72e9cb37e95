# The equality pack's ICB baseline rests on registrations by area as at
# the what-if's date: a second extract is not added to the first, an
# earlier date takes the earlier extract, and the baseline says its date,
# that it is MODELLED, and that it is unknown (not 0) when there is none.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
lsoa=$data/gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv

j=$(q scenario run westwood-ends --format json)
check_eq "json: the baseline is the April 2026 registrations" \
    "$(echo "$j" | jq .equality_pack.baseline_patients)" 1119429
check_eq "json: ... and says their date" "$(echo "$j" | jq -r .equality_pack.baseline_date)" 2026-04-01
check_eq "json: ... and that they are modelled" "$(echo "$j" | jq .equality_pack.baseline_modelled)" true
t=$(q scenario run westwood-ends)
check_has "table: the baseline says its size, date and that it is modelled" "$t" \
    "against ICB QWU's registered population (1,119,429 patients by area, extract of 2026-04-01, MODELLED)"
m=$(q scenario run westwood-ends --format md)
check_has "paper: the baseline says its date and that it is modelled" "$m" \
    "(1,119,429 patients in areas with data, extract of 2026-04-01, MODELLED)"

# An earlier extract of 2021 (the first 2,000 rows, re-dated).
head -2001 "$lsoa" | sed 's/,2026-04-01,/,2021-01-01,/' >"$tmp/lsoa-2021.csv"
q import "$tmp/lsoa-2021.csv" >/dev/null 2>&1
want2021=$(awk -F, 'NR > 1 { s += $7 } END { print s }' "$tmp/lsoa-2021.csv")
check_eq "a second extract is not added to the first" \
    "$(q scenario run westwood-ends --format json | jq .equality_pack.baseline_patients)" 1119429
j=$(q --as-at 2021-01-01 scenario run --close M86019 --format json)
check_eq "as at 2021: the baseline is the 2021 extract's" \
    "$(echo "$j" | jq .equality_pack.baseline_patients)" "$want2021"
check_eq "as at 2021: ... of its date" "$(echo "$j" | jq -r .equality_pack.baseline_date)" 2021-01-01

# No registrations by area: the baseline is unknown, not 0 patients.
S=$tmp/part
"$bin" --store "$S" import --quiet "$data"/epraccur-*.csv "$data"/gp-reg-pat-prac-all-2026-04-*.csv
j=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run westwood-ends --format json)
check_eq "json: no baseline is null, not 0" "$(echo "$j" | jq .equality_pack.baseline_patients)" null
t=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run westwood-ends)
check_has "table: no baseline says so" "$t" \
    "against ICB QWU's registered population (not known: no registrations by area on or before 2026-04-01)"
case $t in
*"(0 patients)"*) fail "table: no baseline is not shown as 0 patients" ;;
*) pass "table: no baseline is not shown as 0 patients" ;;
esac
m=$("$bin" --store "$S" --config "$data/demo.yaml" scenario run westwood-ends --format md)
check_has "paper: no baseline says so" "$m" \
    "(not known: no registrations by area on or before 2026-04-01)"
