#!/bin/sh
# The store's snapshot (docs/engine.md): every command answers the same
# with it as without it (CATCHMENT_NO_SNAPSHOT reads the store directly);
# a change writes it again; check verifies it; a damaged or older one is
# never used; a store the user cannot write is read as well.
. "$(dirname "$0")/lib.sh"

S=$tmp/st
cp -r "$(demo_store)" "$S"
entries() { mdb_stat -s snapshot "$1" 2>/dev/null | awk '/Entries:/ { print $2 }'; }
check_eq "an import writes the snapshot" "$(entries "$S")" "1"

# same WHAT ARGS...: the output, messages and exit status with and
# without it (but for the message that a damaged one was not used).
same() {
    what=$1
    shift
    "$bin" --store "$S" "$@" >"$tmp/with" 2>"$tmp/with.err"
    a=$?
    CATCHMENT_NO_SNAPSHOT=1 "$bin" --store "$S" "$@" >"$tmp/without" 2>"$tmp/without.err"
    b=$?
    grep -v "snapshot is damaged" "$tmp/with.err" >>"$tmp/with"
    cat "$tmp/without.err" >>"$tmp/without"
    if [ "$a" = "$b" ] && cmp -s "$tmp/with" "$tmp/without"; then
        pass "$what: the same with the snapshot as without"
    else
        fail "$what: with the snapshot (exit $a) $(diff "$tmp/with" "$tmp/without" | head -5)"
    fi
}
every_command() {
    same "$1: search" search surgery
    same "$1: search, json, closed too" search --all --format json road
    same "$1: search, nothing found" search zzzzqqq
    same "$1: search as at a date" --as-at 2026-01-01 search surgery
    same "$1: near" near M84001
    same "$1: near a postcode, csv" near --format csv --km 3 CV11 5TW
    same "$1: near, json" near --all --format json M86010
    same "$1: scenario run" scenario run --close M84001
    same "$1: scenario run, json, optimal" scenario run --close M84001,M84004 --policy optimal --format json
    same "$1: scenario run as at a date" --as-at 2026-01-01 scenario run --close M86010
    same "$1: list" list
    same "$1: contracts" contracts
    same "$1: show" show M84001
}
every_command "as imported"

# A store with no list-size extract is as at today, which moves: no
# snapshot is kept for it.
N=$tmp/nolists
"$bin" --store "$N" import --quiet "$data"/epraccur-coventry-warwickshire-2026.csv >/dev/null 2>&1
check_eq "no list-size extract: no snapshot" "$(entries "$N")" "0"
check_has "... and the date is today's" \
    "$(CATCHMENT_TODAY=2027-01-05 "$bin" --store "$N" list 2>&1)" "As at 2027-01-05"

# search shows no capacity: a config that does not load is no business of it.
printf 'rules: [\n' >"$tmp/broken.yaml"
check_exit "search with a config that does not load" 0 "$bin" --store "$S" --config "$tmp/broken.yaml" search surgery
check_eq "... says nothing of it" "$(grep -c broken.yaml "$tmp/err")" "0"

# The snapshot is read in place only under the rules it was written
# with; under others each capacity is worked out again.
printf 'rules:\n  default_headroom_pct: 12\n' >"$tmp/other.yaml"
same "other rules: near" --config "$tmp/other.yaml" near --format json M84001
same "other rules: scenario run" --config "$tmp/other.yaml" scenario run --close M84001 --format json

check_exit "check: the snapshot is sound" 0 "$bin" --store "$S" check
check_has "... every record checked, none wrong" "$(cat "$tmp/out")" ", 0 problems"
check_has "... and it is as new as the data" "$(cat "$tmp/out")" "snapshot: as new as the data"

# A change writes it again: a capacity set shows at once, the same either way.
"$bin" --store "$S" set M84001 capacity 99999 >/dev/null 2>&1
check_eq "a capacity set writes the snapshot again" "$(entries "$S")" "1"
check_has "... and near shows the new capacity" "$("$bin" --store "$S" near --format json M84041)" \
    '"capacity": 99999'
"$bin" --store "$S" note M84001 "the snapshot follows notes too" >/dev/null 2>&1
check_exit "... and a note leaves it sound" 0 "$bin" --store "$S" check
"$bin" --store "$S" import --quiet "$data"/gp-reg-pat-prac-all-2026-04-*.csv "$data"/contracts-*.csv \
    >/dev/null 2>&1
every_command "after changes"

# Damage: one byte of the snapshot changed.  check reports it; commands
# say so, read the store directly and answer the same; the next change
# writes it again.
flip_snapshot() {
    rewrite_db "$S" snapshot '
        /^ / && ++n == 2 { mid = int(length($0) / 2); mid -= mid % 2
                           c = substr($0, mid, 1); c = c == "0" ? "1" : "0"
                           $0 = substr($0, 1, mid - 1) c substr($0, mid + 1) }
        { print }'
}
flip_snapshot
check_exit "a damaged snapshot: check reports it" 1 "$bin" --store "$S" check
check_has "... in the snapshot database" "$(cat "$tmp/out" "$tmp/err")" "snapshot"
check_exit "... near still answers" 0 "$bin" --store "$S" near M84001
check_has "... saying the snapshot was not used" "$(cat "$tmp/err")" "snapshot is damaged"
same "damaged: near" near M84001
same "damaged: scenario run" scenario run --close M84001 --format json
same "damaged: search" search surgery
"$bin" --store "$S" note M84001 "a change writes it again" >/dev/null 2>&1
check_exit "... the next change writes it again" 0 "$bin" --store "$S" check
check_eq "... and it is used: no message" \
    "$("$bin" --store "$S" near M84001 2>&1 >/dev/null | grep -c snapshot)" "0"

# Older than the data: the store rewritten by other means (a copy by
# mdb_load starts its transaction ids again) is not used, and check says so.
rewrite_db "$S" capacity '{ print }'
check_exit "a snapshot older than the data: check passes" 0 "$bin" --store "$S" check
check_has "... and says it is older, so not used" "$(cat "$tmp/out")" "older than the data, so not used"
same "older: near" near M84001
same "older: scenario run" scenario run --close M84001 --format json
"$bin" --store "$S" note M84001 "and again" >/dev/null 2>&1
check_exit "... the next change writes it again" 0 "$bin" --store "$S" check
check_has "... as new as the data" "$(cat "$tmp/out")" "snapshot: as new as the data"

# A restore brings the backup's records, not its snapshot: written anew.
"$bin" --store "$S" backup "$tmp/bk" >/dev/null 2>&1
"$bin" --store "$S" set M84001 capacity 12345 >/dev/null 2>&1
check_exit "a backup holds the snapshot, older than its own data" 0 "$bin" --store "$tmp/bk" check
check_has "... so not used there" "$(cat "$tmp/out")" "older than the data, so not used"
check_exit "and restores" 0 "$bin" --store "$S" restore "$tmp/bk"
check_exit "a restore leaves the snapshot sound" 0 "$bin" --store "$S" check
check_has "... written anew" "$(cat "$tmp/out")" "snapshot: as new as the data"
same "restored: near" near --format json M84004

# A store opened read-only, and one the user cannot write (read without a
# lock slot: the snapshot is copied out, not read in place).
same_ro() {
    what=$1
    shift
    "$@" >"$tmp/with" 2>&1
    CATCHMENT_NO_SNAPSHOT=1 "$@" >"$tmp/without" 2>&1
    if cmp -s "$tmp/with" "$tmp/without"; then pass "$what"; else fail "$what: $(diff "$tmp/with" "$tmp/without" | head -5)"; fi
}
same_ro "--read-only: near" "$bin" --store "$S" --read-only near M84001
same_ro "--read-only: scenario run" "$bin" --store "$S" --read-only scenario run --close M84001 --format json
same_ro "--read-only: search" "$bin" --store "$S" --read-only search surgery
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1; then
    pass "other-user checks skipped: they need root and setpriv (CI runs them)"
else
    mkdir -p "$tmp/shared-in"
    cp "$bin" "$tmp/shared-in/catchment"
    chmod 755 "$tmp" "$tmp/shared-in" "$tmp/shared-in/catchment"
    chmod o+rx "$S"
    chmod o+r "$S/data.mdb" "$S/lock.mdb"
    ro=$tmp/shared-in/catchment
    same_ro "no write permission: near" as_nobody "$ro" --store "$S" near M84001
    same_ro "no write permission: scenario run" as_nobody "$ro" --store "$S" scenario run \
        --close M84001 --format json
    same_ro "no write permission: search" as_nobody "$ro" --store "$S" search surgery
fi
