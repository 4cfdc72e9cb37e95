#!/bin/sh
# Damage detected, never a crash: N single-bit flips at seeded random
# places of a store's data.mdb (the same places every run).  After each,
# `check` must end normally (exit 0 or 1, never a signal), and when it
# says the store is clean, every record must be as it was (mdb_dump
# gives the same text): a change to a record always shows.
. "$(dirname "$0")/lib.sh"

runs=${BITFLIP_RUNS:-300}
seed=20261123
S=$tmp/st
"$bin" --store "$S" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" \
    "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv"
"$bin" --store "$S" set M84001 capacity 14500
"$bin" --store "$S" set M84001 contract.end 2027-03-31
"$bin" --store "$S" note M84001 "a note that fills a little of a page"
# A compact copy: few free pages, so most flips land in something used.
"$bin" --store "$S" backup "$tmp/base" >/dev/null
# The records as text; the header's reader count depends on who made
# lock.mdb, so only the databases and their entries are compared.
records() { mdb_dump -a "$1" 2>/dev/null | grep -v -e '^maxreaders=' -e '^mapsize=' | sha256sum; }
base_dump=$(records "$tmp/base")
size=$(stat -c %s "$tmp/base/data.mdb")

# Park-Miller: exact in awk's doubles, the same sequence everywhere.
awk -v seed="$seed" -v n="$runs" -v size="$size" 'BEGIN {
    x = seed
    for (i = 0; i < n; i++) {
        x = (x * 16807) % 2147483647; off = x % size
        x = (x * 16807) % 2147483647; print off, x % 8
    }
}' >"$tmp/flips"

reported=0 clean=0 missed=0 crashed=0 run=0
while read -r off bit; do
    run=$((run + 1))
    w=$tmp/w
    rm -rf "$w" && mkdir "$w" && cp "$tmp/base/data.mdb" "$w/data.mdb"
    b=$(od -An -tu1 -j "$off" -N1 "$w/data.mdb" | tr -d ' ')
    printf "\\$(printf %03o $((b ^ (1 << bit))))" |
        dd of="$w/data.mdb" bs=1 seek="$off" conv=notrunc 2>/dev/null
    "$bin" --store "$w" check >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        crashed=$((crashed + 1))
        fail "flip $run (byte $off bit $bit): check ended with status $rc"
    elif [ "$rc" -eq 1 ]; then
        reported=$((reported + 1))
    elif [ "$(records "$w")" = "$base_dump" ]; then
        clean=$((clean + 1))
    else
        missed=$((missed + 1))
        fail "flip $run (byte $off bit $bit): a record changed and check found nothing"
    fi
done <"$tmp/flips"
echo "bit flips: $runs runs (seed $seed): $reported reported by check," \
    "$clean changed no record, $missed changes missed, $crashed crashes"
check_eq "no flip crashes check" "$crashed" 0
check_eq "no changed record goes unreported" "$missed" 0
check "some flips were reported (the test reaches the records)" test "$reported" -gt 0
