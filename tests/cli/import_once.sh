# Each file is read once: its checksum, its kind and its rows come from the
# same bytes, so pipes, process substitution and standard input ("-") work,
# and an endless input is stopped by a size limit with a clear message.
. "$(dirname "$0")/lib.sh"

imp=$top/tests/data/import
reg=$imp/epraccur-coventry-warwickshire-2026.csv
lists=$imp/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv
st=$tmp/st
dump() { mdb_dump -a "$st" | sha256sum; }

check "standard input (-) from a pipe imports" \
    sh -c "cat '$reg' | '$bin' --store '$st' import -"
check_has "it is recorded as standard input" \
    "$("$bin" --store "$st" stats --format json)" '"file": "standard input"'
check_eq "the checksum recorded is that of the bytes read" \
    "$("$bin" --store "$st" stats --format json | jq -r '.imports[0].sha256')" \
    "$(sha256sum <"$reg" | cut -d' ' -f1)"
check_eq "and every row was read" \
    "$("$bin" --store "$st" stats --format json | jq -r '.imports[0].rows_read')" \
    "$(($(wc -l <"$reg")))"
out=$("$bin" --store "$st" import "$reg")
check_has "the same bytes from the file are already imported" "$out" "already imported"

mkfifo "$tmp/fifo"
cat "$lists" >"$tmp/fifo" &
check "a named pipe imports" timeout 60 "$bin" --store "$st" import "$tmp/fifo"
kill $! 2>/dev/null
wait
check_eq "its rows are in" "$("$bin" --store "$st" show M84001 --format json | jq .list_size)" 13265

gzip -c "$imp/onspd-2023-11-practice-postcodes.csv" >"$tmp/onspd.csv.gz"
if command -v bash >/dev/null; then
    check "process substitution <(gzip -dc f.gz) imports" \
        timeout 60 bash -c "'$bin' --store '$st' import <(gzip -dc '$tmp/onspd.csv.gz')"
    check_has "and the practice is located" \
        "$("$bin" --store "$st" show M84001 --format json | jq -c .location)" '"lat"'
else
    fail "bash is needed for the process substitution check"
fi

before=$(dump)
check_exit "/dev/zero is refused" 1 timeout 60 "$bin" --store "$st" import /dev/zero
check_has "with a clear message" "$(cat "$tmp/err")" "/dev/zero:1: binary data"
endless() {
    echo 'pcds,lat,long'
    awk 'BEGIN { a = "ABDEFGHJLNPQRSTUWXYZ"
        for (i = 0; ; i++) printf "ZZ%d %d%s%s,52.%06d,-1.5\n", i % 99 + 1, int(i / 99) % 10,
            substr(a, int(i / 990) % 20 + 1, 1), substr(a, int(i / 19800) % 20 + 1, 1), i % 1000000 }'
}
endless | timeout 60 "$bin" --store "$st" import --max-size 1M - >"$tmp/out" 2>"$tmp/err"
rc=$?
check_eq "an endless input stops at the size limit" "$rc" 1
check_has "saying so" "$(cat "$tmp/err")" "standard input: more than 1 MiB"
endless | timeout 60 "$bin" --store "$st" import --kind onspd --max-size 100K /dev/stdin \
    >"$tmp/out" 2>"$tmp/err"
check_has "the limit holds for a named kind and a device path too" "$(cat "$tmp/err")" \
    "/dev/stdin: more than 100 KiB"
check_exit "a size that is not one is a usage error" 2 "$bin" --store "$st" import --max-size lots -
check_exit "an empty standard input is refused" 1 sh -c "'$bin' --store '$st' import - </dev/null"
check_has "as empty" "$(cat "$tmp/err")" "standard input:1: the file is empty"
check_eq "after all that the store is unchanged" "$(dump)" "$before"

# A pipe into a store whose map is too small: the import grows the map and
# starts again from its private copy of the bytes, not from the pipe.
M=$tmp/small
CATCHMENT_MAP_SIZE=1M "$bin" --store "$M" import --quiet "$reg" || fail "seeding the small store"
endless | head -n 30001 >"$tmp/pc.csv"
cat "$tmp/pc.csv" | CATCHMENT_MAP_SIZE=1M timeout 120 "$bin" --store "$M" import - >"$tmp/out" 2>&1
check_eq "a pipe bigger than the map imports after the map grows" "$?" 0
check_eq "every row once" \
    "$("$bin" --store "$M" stats --format json | jq '[.counts.postcodes, .imports[1].rows_kept] | join(" ")' -r)" \
    "30000 30000"
check_eq "under the checksum of the bytes" \
    "$("$bin" --store "$M" stats --format json | jq -r '.imports[1].sha256')" \
    "$(sha256sum <"$tmp/pc.csv" | cut -d' ' -f1)"
msize=$(mdb_stat -e "$M" | awk '/Map size/ { print $3 }')
if [ "$msize" -gt 1048576 ]; then pass "and the map did grow (to $msize bytes)"; else
    fail "the map did not grow: $msize"; fi
