#!/bin/sh
# The bad-input matrix: broken variants of a real sample of each kind.
# Each must exit non-zero with "FILE:LINE:" on stderr, never echo a raw
# escape byte, and leave the store exactly as it was.  Reordered header
# columns must still import.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/tests/data/import
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S=$tmp/store
ESC=$(printf '\033')
BEL=$(printf '\007')

"$CATCHMENT" --store "$S" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" \
    "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" \
    "$data/imd2019-lsoa11-coventry-warwickshire.csv" \
    "$data/onspd-2023-11-practice-postcodes.csv" || echo "FAIL: seeding the store"

# What the store holds: the stats (less the import times) and every record.
snapshot() {
    "$CATCHMENT" --store "$S" stats --format json | grep -v '"imported_at"'
    mdb_dump -a -p "$S" | sha256sum
}
base=$(snapshot)

# bad WHAT KIND FILE [LINE] [--detect]: the import must be refused.
bad() {
    what=$1 kind=$2 f=$3 line=${4:-} why=
    if [ "${5:-}" = --detect ]; then
        "$CATCHMENT" --store "$S" import "$f" >"$tmp/out" 2>"$tmp/err"
    else
        "$CATCHMENT" --store "$S" import --kind "$kind" "$f" >"$tmp/out" 2>"$tmp/err"
    fi
    rc=$?
    [ "$rc" -ne 0 ] || why="$why exit status 0;"
    grep -q "$f:[0-9][0-9]*:" "$tmp/err" || why="$why no FILE:LINE: on stderr;"
    [ -z "$line" ] || grep -qF "$f:$line:" "$tmp/err" || why="$why not at line $line;"
    if grep -q "[$ESC$BEL]" "$tmp/err"; then why="$why raw control byte on stderr;"; fi
    now=$(snapshot)
    if [ "$now" != "$base" ]; then
        why="$why the store changed;"
        base=$now # one failure, not a cascade
    fi
    if [ -z "$why" ]; then
        echo "PASS: $kind: $what refused"
    else
        echo "FAIL: $kind: $what:$why"
        cat -v "$tmp/err" | head -3 | sed 's/^/    /'
    fi
}

# good WHAT KIND FILE: must import (into a store of its own; evidence
# files keep rows only for practices the store knows, so it has the
# register first).
good() {
    rm -rf "$tmp/pos"
    case $2 in gp-workforce | gp-payments | gpps | appointments | qof)
        "$CATCHMENT" --store "$tmp/pos" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" ;;
    esac
    if "$CATCHMENT" --store "$tmp/pos" import --kind "$2" "$3" >"$tmp/out" 2>"$tmp/err" &&
        grep -q ", [1-9][0-9]* kept" "$tmp/out"; then
        echo "PASS: $2: $1 imports"
    else
        echo "FAIL: $2: $1 does not import"
        cat -v "$tmp/err" | head -3 | sed 's/^/    /'
    fi
}

# Field N of line L replaced by V (files without commas inside quotes).
setfield() { # file line n value
    printf '%s\n' "$4" >"$tmp/value"
    awk -F, -v OFS=, -v l="$2" -v n="$3" \
        'NR == FNR { v = $0; next } FNR == l { $n = v } { print }' "$tmp/value" "$1"
}

# kind | sample | header? | a required column | a number column | a date column
# | a text column ("-" where the kind has none)
kinds() {
    cat <<'LIST'
epraccur|epraccur-coventry-warwickshire-2026.csv|no|-|-|11|2
list-size|gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv|yes|10|10|2|4
quin-age|gp-reg-pat-prac-quin-age-2026-04-constructed.csv|yes|8|9|2|5
lsoa-all|gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv|yes|5|7|2|4
onspd|onspd-2023-11-practice-postcodes.csv|yes|1|2|-|4
codepoint|codepoint-open-2014-cv-extract.csv|no|-|3|-|5
ukpostcodes|ukpostcodes-from-onspd.csv|yes|2|3|-|-
lsoa-centroids|lsoa11-population-weighted-centroids-coventry-warwickshire.csv|yes|1|3|-|2
imd|imd2019-lsoa11-coventry-warwickshire.csv|yes|10|10|-|4
fingertips|fingertips-imd2019-gp-coventry-warwickshire.csv|yes|5|13|-|6
pcn-map|gp-reg-pat-prac-map-2024-01-coventry-warwickshire.csv|yes|4|-|-|5
contracts|contracts-example.csv|yes|2|-|3|6
capacity|capacity-example.csv|yes|4|2|5|-
gp-workforce|gpw-practice-detailed-2026-03-constructed.csv|yes|1|14|-|2
gp-payments|nhspaymentsgp-22-23-prac-constructed.csv|yes|8|23|1|9
gpps|GPPS_2025_Practice_data_(weighted)_(csv)_PUBLIC-constructed.csv|yes|1|5|-|2
census-ts045|census2021-ts045-lsoa-constructed.csv|yes|3|4|-|2
census-ts021|census2021-ts021-lsoa-constructed.csv|yes|3|4|-|2
census-ts038|census2021-ts038-lsoa-constructed.csv|yes|3|5|-|2
census-ts007a|census2021-ts007a-lsoa-constructed.csv|yes|3|4|-|2
ruc|ruc2021-lsoa-constructed.csv|yes|1|-|-|4
appointments|appointments-practice-level-2026-04-constructed.csv|yes|2|13|1|3
qof|PREVALENCE_2324-constructed.csv|yes|3|3|-|4
ebranchs|ebranchs-constructed.csv|no|-|-|11|2
pcn-partners|epcncorepartnerdetails-constructed.csv|no|-|-|9|2
LIST
}

kinds | while IFS='|' read -r kind sample header col numcol datecol textcol; do
    d=$tmp/$kind
    # The workforce file's month is in its name or its folder's, as published.
    # So is the patient survey's year.
    [ "$kind" != gp-workforce ] || d="$tmp/$kind/GPW Practice Level CSVs (Mar 2026)"
    [ "$kind" != gpps ] || d="$tmp/$kind/GPPS_2025"
    [ "$kind" != qof ] || d="$tmp/$kind/QOF_2324"
    mkdir -p "$d"
    # Six rows the kind keeps (quin-age starts with region, ICB ... rows).
    { head -1 "$data/$sample"; tail -n +2 "$data/$sample" |
        grep -v ',\(COMM_REGION\|ICB\|SUB_ICB_LOCATION\|PCN\),' | head -5; } >"$d/base.csv"
    b=$d/base.csv
    if [ "$header" = yes ]; then
        cut -d, -f"$col" --complement "$b" >"$d/missing.csv"
        bad "a missing column" "$kind" "$d/missing.csv" 1
        awk -F, -v OFS=, '{ t = $1; $1 = $2; $2 = t; print }' "$b" >"$d/reordered.csv"
        good "reordered columns" "$kind" "$d/reordered.csv"
    else
        sed '1s/,[^,]*$//' "$b" >"$d/missing.csv"
        bad "a missing column" "$kind" "$d/missing.csv" 1
    fi
    sed '3s/^/"/' "$b" >"$d/open-quote.csv"
    bad "a quote left open" "$kind" "$d/open-quote.csv"
    sed '3s/^\(.\)/\1"x/' "$b" >"$d/stray-quote.csv"
    bad "a stray quote" "$kind" "$d/stray-quote.csv" 3
    sed -E '3s/^([^,]*,[^,]*).*/\1/' "$b" >"$d/short.csv"
    bad "a short row" "$kind" "$d/short.csv" 3
    if [ "$numcol" != - ]; then
        setfield "$b" 3 "$numcol" 12x >"$d/nan.csv"
        bad "a number that is not a number" "$kind" "$d/nan.csv" 3
    fi
    if [ "$datecol" != - ]; then
        setfield "$b" 4 "$datecol" 2026-13-45 >"$d/date.csv"
        bad "a date that is not a date" "$kind" "$d/date.csv" 4
    fi
    : >"$d/empty.csv"
    bad "an empty file" "$kind" "$d/empty.csv" 1
    head -c 4096 /bin/ls >"$d/binary.csv"
    bad "a binary file" "$kind" "$d/binary.csv" 1
    tc=${textcol#-}
    tc=${tc:-1}
    setfield "$b" 3 "$tc" "$(printf 'BAD\377NAME')" >"$d/utf8.csv"
    bad "invalid UTF-8" "$kind" "$d/utf8.csv" 3
    setfield "$b" 3 "$tc" "$(head -c 1048576 /dev/zero | tr '\0' A)" >"$d/huge.csv"
    bad "a 1 MB field" "$kind" "$d/huge.csv" 3
    setfield "$b" 3 "$tc" "$(printf 'X\033]0;pwned\007Y')" >"$d/osc.csv"
    bad "a title escape sequence" "$kind" "$d/osc.csv" 3
    setfield "$b" 4 "$tc" "$(printf 'X\033[2JY')" >"$d/clear.csv"
    bad "a clear-screen escape sequence" "$kind" "$d/clear.csv" 4
done

# Without --kind the same refusals hold.
bad "an empty file (detected)" any "$tmp/list-size/empty.csv" 1 --detect
bad "a binary file (detected)" any "$tmp/list-size/binary.csv" 1 --detect
bad "an escape in the header (detected)" any "$tmp/imd/osc.csv" 3 --detect
printf 'LSOA_CODE,IMD_OVERALL\nE01009522,4\nE01009523,11\n' >"$tmp/decile.csv"
bad "a decile of 11 (detected)" imd "$tmp/decile.csv" 3 --detect
printf 'date,geography,geography code,Number of cars or vans: Total: All households,Number of cars or vans: No cars or vans in household\n2021,A,E01009702,500,150\n2021,B,E01031127,400,401\n' >"$tmp/cars.csv"
bad "more households without a car than households (detected)" census-ts045 "$tmp/cars.csv" 3 --detect
printf 'LSOA21CD,LSOA21NM,RUC21CD,RUC21NM\nE01009702,Coventry 029E,UN1,Urban: Nearer to a major town or city\nE01031127,Rugby 007C,XX,Suburban\n' >"$tmp/ruc.csv"
bad "a class that is neither urban nor rural (detected)" ruc "$tmp/ruc.csv" 3 --detect
