#!/bin/sh
# Crash safety: imports killed with SIGKILL at moments drawn from a fixed
# seed.  After every kill the store opens, `catchment check` passes, and
# it holds exactly one of two states: as before that import, or with the
# whole import in.  Never a part of one.
#   CATCHMENT_CRASH_KILLS (default 30), CATCHMENT_CRASH_SEED (default 6)
. "$(dirname "$0")/lib.sh"

kills_wanted=${CATCHMENT_CRASH_KILLS:-30}
seed=${CATCHMENT_CRASH_SEED:-6}
gen=$CATCHMENT_BUILD/bench/gen
S=$tmp/store

# Big enough that an import takes a good fraction of a second: files
# from three seeds (different postcodes, so every import changes much).
for g in 1 2 3; do
    "$gen" --small --seed "$g" --postcodes 100000 "$tmp/gen$g" >/dev/null 2>&1 || fail "gen seed $g"
done
"$bin" --store "$S" import --quiet "$tmp/gen1/epraccur.csv" || fail "seeding the store"
cp -r "$S" "$tmp/seeded"
files="$tmp/gen1/onspd.csv $tmp/gen2/onspd.csv $tmp/gen1/gp-reg-pat-prac-lsoa-all.csv
$tmp/gen3/onspd.csv $tmp/gen1/gp-reg-pat-prac-quin-age.csv $tmp/gen2/epraccur.csv"

# A store's content: every record of every database but the import log,
# which is compared less its import times (a clean run at another moment
# writes another time), and the snapshot, which is worked out from the
# rest after the import's own transaction (a kill between the two leaves
# the import in and no snapshot: commands read the store directly).
state() {
    {
        for db in $(mdb_dump -l "$1"); do
            [ "$db" = provenance ] || [ "$db" = snapshot ] || mdb_dump -p -s "$db" "$1"
        done
        "$bin" --store "$1" stats --format json | jq -c '.imports | map(del(.imported_at))'
    } | sha256sum | cut -c1-16
}

# The state after importing $1 into a copy of the store, cleanly; the
# time it took (ms) in $ms, so kills spread over the whole import.
after_of() {
    rm -rf "$tmp/ref"
    cp -r "$S" "$tmp/ref"
    t0=$(date +%s%N)
    "$bin" --store "$tmp/ref" import --quiet "$1" || fail "a clean import of $(basename "$1")"
    ms=$((($(date +%s%N) - t0) / 1000000))
    after=$(state "$tmp/ref")
}

# The n-th delay (seconds) from the seed: uniform over 0 .. 1.25 x the
# import's time, so some land after the commit (which must also leave a
# whole state).
delay_of() {
    awk -v s="$seed" -v n="$1" -v ms="$ms" \
        'BEGIN { srand(s); for (i = 0; i < n; i++) r = rand(); printf "%.3f", r * ms * 1.25 / 1000 }'
}

set -- $files
f=$1
before=$(state "$S")
after_of "$f"
kills=0 before_seen=0 after_seen=0 completed=0 bad=0 attempts=0
while [ "$kills" -lt "$kills_wanted" ] && [ "$attempts" -lt $((kills_wanted * 3)) ]; do
    attempts=$((attempts + 1))
    delay=$(delay_of "$attempts")
    "$bin" --store "$S" import --quiet "$f" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null
    [ $? -eq 137 ] && kills=$((kills + 1)) || completed=$((completed + 1))
    if ! "$bin" --store "$S" check >"$tmp/check" 2>&1; then
        bad=$((bad + 1))
        fail "after a kill at ${delay}s into $(basename "$f"): check: $(head -3 "$tmp/check")"
        break
    fi
    now=$(state "$S")
    if [ "$now" = "$before" ]; then
        before_seen=$((before_seen + 1))
    elif [ "$now" = "$after" ]; then
        after_seen=$((after_seen + 1))
        shift # the next file, from this new state
        if [ $# -eq 0 ]; then # all in: start again from the seeded store
            set -- $files
            rm -rf "$S"
            cp -r "$tmp/seeded" "$S"
            now=$(state "$S")
        fi
        f=$1
        before=$now
        after_of "$f"
    else
        bad=$((bad + 1))
        fail "after a kill at ${delay}s into $(basename "$f"): the store is neither before nor after the import"
        break
    fi
done

if [ "$bad" -eq 0 ] && [ "$kills" -ge "$kills_wanted" ]; then
    pass "$kills kills survived (seed $seed; $before_seen left the store as before, $after_seen as after; $completed imports finished first); check clean every time"
elif [ "$bad" -eq 0 ]; then
    fail "only $kills kills landed in $attempts attempts"
fi
check "the store checks clean at the end" "$bin" --store "$S" check
