#!/bin/sh
# The demo's modelled practice-by-LSOA file: the script reproduces the
# committed file, whose rows sum to list sizes and are labelled modelled.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

committed=$top/data/gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv
list=gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv
onspd=onspd-2023-11-practice-postcodes.csv
centroids=lsoa11-population-weighted-centroids-coventry-warwickshire.csv
epraccur=epraccur-coventry-warwickshire-2026.csv

# Prefer the copies bundled in data/, else the shared samples beside the clone.
input() {
    if [ -f "$top/data/$1" ]; then
        echo "$top/data/$1"
    else
        echo "$top/../shared/data/$1"
    fi
}
L=$(input $list)
O=$(input $onspd)
C=$(input $centroids)
E=$(input $epraccur)

for f in "$L" "$O" "$C" "$E" "$committed"; do
    if [ ! -f "$f" ]; then
        echo "FAIL: input present: $f"
        exit 0
    fi
done

out=$tmp/out.csv
if sh "$top/scripts/model-lsoa.sh" "$L" "$O" "$C" "$E" >"$out" 2>"$tmp/err"; then
    echo "PASS: model-lsoa.sh runs"
else
    echo "FAIL: model-lsoa.sh runs"
    sed 's/^/  /' "$tmp/err"
    exit 0
fi

if cmp -s "$out" "$committed"; then
    echo "PASS: output identical to the committed file"
else
    echo "FAIL: output identical to the committed file"
fi

if [ "$(head -n 1 "$committed")" = "$(printf 'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\r')" ]; then
    echo "PASS: header exact (CRLF)"
else
    echo "FAIL: header exact (CRLF)"
fi

if awk -F, 'NR > 1 && ($1 != "MODELLED_GRAVITY" || $6 != "ALL" || $7 !~ /^[1-9][0-9]*\r$/) { bad++ }
        END { exit bad > 0 || NR < 2 }' "$committed"; then
    echo "PASS: every row is MODELLED_GRAVITY, SEX ALL, a positive count"
else
    echo "FAIL: every row is MODELLED_GRAVITY, SEX ALL, a positive count"
fi

if awk -F, '{ sub(/\r$/, "") } FNR == 1 { next }
        FILENAME == ARGV[1] { d = $2; want[$6] = $10; next }
        $2 != d { bad++ }
        { got[$3] += $7 }
        END {
            for (p in want) if (got[p] != want[p]) bad++
            for (p in got) if (!(p in want)) bad++
            exit bad > 0
        }' "$L" "$committed"; then
    echo "PASS: each practice's rows sum to its list size, extract date kept"
else
    echo "FAIL: each practice's rows sum to its list size, extract date kept"
fi

if tr -d '\r' <"$committed" | awk -F, 'NR > 1 { print $3 "," $5 }' | LC_ALL=C sort -cu 2>/dev/null; then
    echo "PASS: sorted by practice code, then LSOA code"
else
    echo "FAIL: sorted by practice code, then LSOA code"
fi
exit 0
