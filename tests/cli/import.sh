#!/bin/sh
# Every sample through the real binary with no --kind: each summary line
# names the right kind and counts; a second import changes nothing.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/tests/data/import
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S=$tmp/store

# file | kind | rows read, kept, skipped
expected() {
    cat <<'LIST'
epraccur-coventry-warwickshire-2026.csv|epraccur|214 rows read, 141 kept, 73 skipped
epraccur-legacy-sample.csv|epraccur|2 rows read, 1 kept, 1 skipped
gp-reg-pat-prac-all-2021-01-coventry-rugby.csv|list-size|66 rows read, 66 kept, 0 skipped
gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv|list-size|119 rows read, 119 kept, 0 skipped
gp-reg-pat-prac-map-2024-01-coventry-warwickshire.csv|pcn-map|121 rows read, 121 kept, 0 skipped
gp-reg-pat-prac-quin-age-2026-04-constructed.csv|quin-age|378 rows read, 120 kept, 258 skipped
gp-reg-pat-prac-lsoa-all-2026-01-constructed.csv|lsoa-all|5 rows read, 5 kept, 0 skipped
gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv|lsoa-all|7 rows read, 7 kept, 0 skipped (2 rows in Welsh or placeholder LSOAs (kept, not located))
onspd-2023-11-practice-postcodes.csv|onspd|110 rows read, 110 kept, 0 skipped
codepoint-open-2014-cv-extract.csv|codepoint|122 rows read, 119 kept, 3 skipped (3 already known from ONSPD (newer, kept))
ukpostcodes-from-onspd.csv|ukpostcodes|11 rows read, 0 kept, 11 skipped
lsoa11-population-weighted-centroids-coventry-warwickshire.csv|lsoa-centroids|534 rows read, 534 kept, 0 skipped
imd2019-lsoa11-coventry-warwickshire.csv|imd|534 rows read, 534 kept, 0 skipped
fingertips-imd2019-gp-coventry-warwickshire.csv|fingertips|122 rows read, 122 kept, 0 skipped
contracts-example.csv|contracts|3 rows read, 3 kept, 0 skipped
capacity-example.csv|capacity|4 rows read, 4 kept, 0 skipped
LIST
}

check_pass() { # what, test...
    what=$1
    shift
    if "$@"; then echo "PASS: $what"; else echo "FAIL: $what"; fi
}

files=$(expected | cut -d'|' -f1 | sed "s|^|$data/|")
# shellcheck disable=SC2086
"$CATCHMENT" --store "$S" import $files >"$tmp/out" 2>"$tmp/err"
check_pass "first import of every sample exits 0" [ $? -eq 0 ]
check_pass "first import says nothing on stderr" [ ! -s "$tmp/err" ]

expected | while IFS='|' read -r f kind counts; do
    line=$(grep -F "$data/$f: " "$tmp/out")
    case $line in
    "$data/$f: $kind, $counts"*) echo "PASS: $f imported as $kind ($counts)" ;;
    *) echo "FAIL: $f: expected '$kind, $counts', got '$line'" ;;
    esac
done

# shellcheck disable=SC2086
"$CATCHMENT" --store "$S" import $files >"$tmp/out2" 2>&1
check_pass "second import exits 0" [ $? -eq 0 ]
n=$(expected | wc -l)
already=$(grep -c ': already imported (import [0-9]*, .*): nothing changed$' "$tmp/out2")
check_pass "every line of the second import says already imported ($already of $n)" \
    [ "$already" -eq "$n" ]

# The national Code-Point file of the bundled data, when it is beside us.
shared=$top/../shared/data/codepoint-open-2014-cv.csv
if [ -f "$shared" ]; then
    "$CATCHMENT" --store "$S" import "$shared" >"$tmp/out3" 2>&1
    check_pass "the whole CV Code-Point file imports as codepoint" \
        grep -q "codepoint, 19508 rows read" "$tmp/out3"
fi
