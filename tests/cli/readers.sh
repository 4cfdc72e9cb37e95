#!/bin/sh
# The limits of LMDB, met head on:
#  - a reader killed mid-read leaves its slot in the reader table; the
#    next catchment to open the store clears it (mdb_reader_check);
#  - a full reader table gives a clear message, not an LMDB code;
#  - a store whose map is too small for an import grows and the import
#    goes in, while a reader keeps reading without error.
# A reader is held mid-read by `check` writing a long report into a pipe
# nobody reads: it blocks inside its read transaction.
. "$(dirname "$0")/lib.sh"

gen=$CATCHMENT_BUILD/bench/gen
"$gen" --small --seed 3 --postcodes 200000 "$tmp/gen" >/dev/null 2>&1 || fail "gen"

# ---- killed readers and a full table (a table of two slots) ----------
L=$tmp/limits
export CATCHMENT_MAX_READERS=2
"$bin" --store "$L" import --quiet "$tmp/gen/epraccur.csv" || fail "seeding"
# 50,000 travel rows written behind catchment's back, without checksums:
# check reports each, so its report outgrows the pipe.
awk 'BEGIN { print "VERSION=3"; print "format=print"; print "type=btree"; print "HEADER=END"
    for (i = 0; i < 50000; i++) { printf " K%06d\n junk\n", i }
    print "DATA=END" }' | mdb_load -s travel "$L" 2>/dev/null || fail "seeding the damage"
rm "$L/lock.mdb" # mdb_load sized it for its own 126 readers; catchment makes it anew
mkfifo "$tmp/fifo"
exec 3<>"$tmp/fifo" # open at both ends, so writers do not wait to open it

hold() {
    "$bin" --store "$L" check >"$tmp/fifo" 2>&1 &
    echo $!
}
# The reader table: "pid txnid" for each slot in use.
slots() { mdb_stat -r "$L" | awk '$1 ~ /^[0-9]+$/ { print $1, $3 }'; }
# Waits until pid holds a slot with an open read (a txnid, not "-").
# mdb_stat is not asked before pid has the lock file open: the first to
# open it sizes the reader table, and mdb_stat's is 126 slots, not 2.
reading() {
    i=0
    while [ $i -lt 200 ] && ! ls -l "/proc/$1/fd" 2>/dev/null | grep -q lock.mdb; do
        sleep 0.05
        i=$((i + 1))
    done
    i=0
    while [ $i -lt 100 ]; do
        slots | grep -q "^$1 [0-9]" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

p1=$(hold)
p2=$(hold)
if reading "$p1" && reading "$p2"; then
    pass "two readers held mid-read (reader table: $(slots | tr '\n' ' '))"
else
    fail "the held readers are not in the reader table: $(mdb_stat -r "$L" | tr '\n' ' ')"
fi
check_exit "a third reader is refused while the table is full" 1 "$bin" --store "$L" stats
check_has "... with a clear message" "$(cat "$tmp/err")" "too many readers at once; try again shortly"

kill -KILL "$p1"
{ wait "$p1"; } 2>/dev/null
check_has "the reader killed mid-read leaves a stale slot" "$(slots)" "$p1 "
check "the next open clears it and can read (the table was full)" "$bin" --store "$L" stats
case $(slots) in
*"$p1 "*) fail "the killed reader's slot is still in the table after the next open" ;;
*) pass "after the next open the killed reader's slot is gone (left: $(slots | tr '\n' ' '))" ;;
esac
kill -KILL "$p2"
{ wait "$p2"; } 2>/dev/null
exec 3>&-
unset CATCHMENT_MAX_READERS

# ---- a map too small: grown on MDB_MAP_FULL, readers unharmed ---------
M=$tmp/small
export CATCHMENT_MAP_SIZE=1M
"$bin" --store "$M" import --quiet "$tmp/gen/epraccur.csv" || fail "seeding the small store"
map_of() { mdb_stat -e "$M" | awk '/Map size/ { print $3 }'; }
before=$(map_of)
: >"$tmp/stop"
(
    n=0
    while [ -f "$tmp/stop" ]; do
        n=$((n + 1))
        "$bin" --store "$M" stats --format json >"$tmp/rout" 2>&1 ||
            echo "read $n failed: $(cat "$tmp/rout")"
        jq -e '.counts.postcodes == ([.imports[] | select(.kind == "onspd") | .rows_kept] | add // 0)' \
            "$tmp/rout" >/dev/null || echo "read $n: half an import: $(head -c 300 "$tmp/rout")"
    done
    echo "$n" >"$tmp/reads"
) >"$tmp/rerr" 2>&1 &
rp=$!
timeout 120 "$bin" --store "$M" import --quiet "$tmp/gen/onspd.csv" "$tmp/gen/gp-reg-pat-prac-quin-age.csv" \
    >"$tmp/iout" 2>&1
irc=$?
rm -f "$tmp/stop"
wait "$rp"
after=$(map_of)
size=$(stat -c %s "$M/data.mdb")
if [ "$irc" -eq 0 ] && [ "$size" -gt "$before" ]; then
    pass "imports of $((size / 1048576)) MiB into a map of $((before / 1048576)) MiB succeed after growing it to $((after / 1048576)) MiB"
else
    fail "the imports into a small map: exit $irc, map $before -> $after, data $size: $(head -3 "$tmp/iout")"
fi
check_eq "a reader during the growth had no error ($(cat "$tmp/reads") reads)" "$(cat "$tmp/rerr")" ""
check "the grown store checks clean" "$bin" --store "$M" check
check_eq "every postcode is in" \
    "$("$bin" --store "$M" stats --format json | jq '.counts.postcodes == .imports[1].rows_kept')" true
