#!/bin/sh
# The synthetic-England generator: files, headers, shape, determinism and
# internal consistency of a --small run.
set -u
gen=${CATCHMENT_BUILD:-build}/bench/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

check() { # what, command...
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then
        echo "PASS: $what"
    else
        echo "FAIL: $what"
    fi
}

if ! "$gen" --small --seed 1 "$tmp/a" 2>"$tmp/summary"; then
    echo "FAIL: gen --small --seed 1 runs"
    exit 0
fi
echo "PASS: gen --small --seed 1 runs"
a=$tmp/a

months=$(ls "$a" | grep -c '^gp-reg-pat-prac-all-[0-9]\{4\}-[0-9][0-9]\.csv$')
check "12 monthly list-size files" [ "$months" -eq 12 ]
latest=$(ls "$a"/gp-reg-pat-prac-all-*.csv | tail -n 1)
oldest=$(ls "$a"/gp-reg-pat-prac-all-*.csv | head -n 1)

for f in epraccur.csv gp-reg-pat-prac-quin-age.csv gp-reg-pat-prac-lsoa-all.csv \
    gp-reg-pat-prac-map.csv onspd.csv lsoa-centroids.csv imd.csv contracts.csv \
    capacity.csv appointments-practice-level.csv; do
    check "$f exists and is not empty" [ -s "$a/$f" ]
done
check "one summary line per file" [ "$(wc -l <"$tmp/summary")" -eq $((months + 10)) ]

header_is() { # file, expected header
    [ "$(head -n 1 "$1" | tr -d '\r')" = "$2" ]
}
check "header: list sizes, sub-ICB era" header_is "$latest" \
    "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS"
check "header: list sizes, CCG era (oldest month)" header_is "$oldest" \
    "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS"
check "header: quin-age" header_is "$a/gp-reg-pat-prac-quin-age.csv" \
    "PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,POSTCODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS"
check "header: lsoa-all" header_is "$a/gp-reg-pat-prac-lsoa-all.csv" \
    "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS"
check "header: map" header_is "$a/gp-reg-pat-prac-map.csv" \
    "PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME"
check "header: onspd" header_is "$a/onspd.csv" \
    "pcds,doterm,lat,long,oseast1m,osnrth1m,lsoa11,lsoa21"
check "header: centroids" header_is "$a/lsoa-centroids.csv" "LSOA21CD,LSOA21NM,X,Y"
check "header: imd" header_is "$a/imd.csv" \
    "LSOA_CODE,MSOA_CODE,PCON_CODE,PCON_NAME,LAD_CODE,LAD_NAME,COUNTY_CONURBATION,REGION,IMD_INCOME,IMD_OVERALL"
check "header: contracts" header_is "$a/contracts.csv" \
    "practice_code,contract_type,start_date,end_date,extension_options,provider,notes"
check "header: capacity" header_is "$a/capacity.csv" "code,capacity,gp_fte,list_open"
check "header: appointments" header_is "$a/appointments-practice-level.csv" \
    "APPOINTMENT_MONTH_START_DATE,GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,HCP_TYPE,APPT_MODE,NATIONAL_CATEGORY,TIME_BETWEEN_BOOK_AND_APPT,COUNT_OF_APPOINTMENTS,APPT_STATUS"

check "dates: CCG era says 01MMMYYYY" \
    awk -F, 'NR > 1 && $2 !~ /^01[A-Z][A-Z][A-Z][0-9][0-9][0-9][0-9]$/ { exit 1 }' "$oldest"
check "dates: sub-ICB era says YYYY-MM-01" \
    awk -F, 'NR > 1 && $2 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-01$/ { exit 1 }' "$latest"

# Plain files: no quoting, so a comma count is a field count.
fields() { # file, count
    awk -F, -v n="$2" 'NF != n { bad++ } END { exit bad > 0 }' "$1"
}
check "columns: list sizes (10)" fields "$latest" 10
check "columns: quin-age (9)" fields "$a/gp-reg-pat-prac-quin-age.csv" 9
check "columns: lsoa-all (7)" fields "$a/gp-reg-pat-prac-lsoa-all.csv" 7
check "columns: map (15)" fields "$a/gp-reg-pat-prac-map.csv" 15
check "columns: onspd (8)" fields "$a/onspd.csv" 8
check "columns: centroids (4)" fields "$a/lsoa-centroids.csv" 4
check "columns: imd (10)" fields "$a/imd.csv" 10
check "columns: capacity (4)" fields "$a/capacity.csv" 4
check "columns: appointments (14)" fields "$a/appointments-practice-level.csv" 14
check "columns: epraccur, 27 quoted fields" \
    awk '{ sub(/\r$/, "") } !/^".*"$/ || split($0, f, /","/) != 27 { bad++ } END { exit bad > 0 }' \
    "$a/epraccur.csv"
# contracts may quote notes holding commas and doubled quotes
check "columns: contracts (7, quote-aware)" awk '
    { n = 1; q = 0
      for (i = 1; i <= length($0); i++) {
          c = substr($0, i, 1)
          if (c == "\"") q = !q
          else if (c == "," && !q) n++
      }
      if (n != 7 || q) bad++ }
    END { exit bad > 0 }' "$a/contracts.csv"

crlf() { awk '!/\r$/ { bad++ } END { exit bad > 0 }' "$1"; }
check "CRLF line ends: epraccur" crlf "$a/epraccur.csv"
check "CRLF line ends: list sizes" crlf "$latest"
check "CRLF line ends: lsoa-all" crlf "$a/gp-reg-pat-prac-lsoa-all.csv"

check "epraccur: active GP practices (RO76)" grep -q '"ACTIVE",.*"RO76",""' "$a/epraccur.csv"
check "epraccur: inactive rows carry a close date" \
    awk -F'","' '$13 == "INACTIVE" && $12 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/ { bad++ } END { exit bad > 0 }' \
    "$a/epraccur.csv"
check "epraccur: some INACTIVE rows" grep -q '"INACTIVE"' "$a/epraccur.csv"
check "epraccur: some PCN rows (RO321)" grep -q '"RO321"' "$a/epraccur.csv"
check "epraccur: some other services (RO72/RO80)" grep -q '"RO72"\|"RO80' "$a/epraccur.csv"
check "lsoa-all: Welsh or placeholder rows present" grep -q ',NO2011,\|,W01' \
    "$a/gp-reg-pat-prac-lsoa-all.csv"
check "onspd: some terminated postcodes" awk -F, 'NR > 1 && $2 != "" { n++ } END { exit !n }' \
    "$a/onspd.csv"
check "onspd: some without a grid reference" grep -q ',99.999999,' "$a/onspd.csv"

check "lsoa-all: each practice's rows sum to its latest list size" awk -F, '
    { sub(/\r$/, "") }
    FNR == 1 { next }
    FILENAME == ARGV[1] { want[$6] = $10; next }
    { got[$3] += $7 }
    END {
        for (p in want) if (got[p] != want[p]) bad++
        for (p in got) if (!(p in want)) bad++
        exit bad > 0
    }' "$latest" "$a/gp-reg-pat-prac-lsoa-all.csv"

check "quin-age: GP ALL/ALL rows equal the latest list sizes" awk -F, '
    { sub(/\r$/, "") }
    FNR == 1 { next }
    FILENAME == ARGV[1] { want[$6] = $10; next }
    $3 == "GP" && $7 == "ALL" && $8 == "ALL" { got[$4] = $9 }
    END { for (p in want) if (got[p] != want[p]) bad++; exit bad > 0 }' \
    "$latest" "$a/gp-reg-pat-prac-quin-age.csv"

check "every practice postcode in epraccur is in onspd" awk -F, '
    { sub(/\r$/, "") }
    FILENAME == ARGV[1] { if (FNR > 1) pc[$1] = 1; next }
    { split($0, f, /","/); if (!(f[10] in pc)) bad++ }
    END { exit bad > 0 }' "$a/onspd.csv" "$a/epraccur.csv"

check "every listed practice is in the map" awk -F, '
    FNR == 1 { next }
    FILENAME == ARGV[1] { m[$1] = 1; next }
    !($6 in m) { bad++ }
    END { exit bad > 0 }' "$a/gp-reg-pat-prac-map.csv" "$latest"

"$gen" --small --seed 1 "$tmp/b" 2>/dev/null
check "same seed gives byte-identical output" diff -r "$a" "$tmp/b"
"$gen" --small --seed 2 "$tmp/c" 2>/dev/null
check "another seed gives different output" sh -c \
    "! cmp -s '$a/epraccur.csv' '$tmp/c/epraccur.csv' && ! cmp -s '$a/onspd.csv' '$tmp/c/onspd.csv'"
check "bad arguments are refused" sh -c "! '$gen' --practices x '$tmp/d'"
exit 0
