#!/bin/sh
# Every unit test and the main commands (a scripted terminal session too)
# under valgrind: no invalid read or write, no use of uninitialised
# memory, no leak.  A second opinion beside ASan, on the normal build
# (valgrind cannot run ASan builds, so the sanitizer pass skips this).
. "$(dirname "$0")/lib.sh"

case $CATCHMENT_BUILD in
*/asan)
    pass "valgrind ran in the normal pass (it cannot run an ASan build)"
    exit 0 ;;
esac
if ! command -v valgrind >/dev/null; then
    pass "valgrind skipped: it is not installed (scripts/deps.sh installs it)"
    exit 0
fi

vg() { # what command...: clean under valgrind (exit status as without it)
    what=$1
    shift
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect "$@" >"$tmp/vgout" 2>"$tmp/vgerr"
    rc=$?
    if [ "$rc" -ne 99 ] && ! grep -q '^==[0-9]*== ' "$tmp/vgerr"; then
        pass "valgrind: $what (exit $rc)"
    else
        fail "valgrind: $what"
        grep '^==' "$tmp/vgerr" | head -12 | sed 's/^/    /'
    fi
}

for t in "$CATCHMENT_BUILD"/tests/test_*; do
    case $t in *.d) continue ;; esac
    [ -x "$t" ] || continue
    vg "unit $(basename "$t")" "$t"
done

S=$tmp/store
imp=$top/tests/data/import
vg "import of five kinds" "$bin" --store "$S" import --quiet \
    "$data/epraccur-coventry-warwickshire-2026.csv" "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" \
    "$data/onspd-2023-11-practice-postcodes.csv" "$data/lsoa11-population-weighted-centroids-coventry-warwickshire.csv" \
    "$data/gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv"
vg "a refused import" "$bin" --store "$S" import "$top/tests/hostile/csv/osc52-clipboard-name.csv"
vg "note" "$bin" --store "$S" note M86019 "a note"
vg "set" "$bin" --store "$S" set M86019 capacity 4500
vg "show --format json" "$bin" --store "$S" show M86019 --format json
vg "search" "$bin" --store "$S" search westwood
vg "near" "$bin" --store "$S" near "CV4 9DR"
vg "scenario run" "$bin" --store "$S" --config "$data/demo.yaml" scenario run westwood-ends
vg "stats" "$bin" --store "$S" stats --format json
vg "check" "$bin" --store "$S" check
vg "backup" "$bin" --store "$S" backup "$tmp/bk"
vg "export" "$bin" --store "$S" export "$tmp/ex"
printf 'code,capacity,gp_fte,list_open\r\nM86019,4800,3.5,yes\r\n' >"$tmp/cap.csv"
vg "import of capacity (audited)" "$bin" --store "$S" import --quiet "$tmp/cap.csv"
vg "restore (recorded in the trail)" "$bin" --store "$S" restore "$tmp/bk"
cp -r "$tmp/bk" "$tmp/dmg" && rm -f "$tmp/dmg/lock.mdb"
printf '\377' | dd of="$tmp/dmg/data.mdb" bs=1 seek=8192 conv=notrunc 2>/dev/null
vg "check of a damaged page" "$bin" --store "$tmp/dmg" check
rewrite_db "$tmp/bk" audit '/^ / { if (++n == 2) $0 = $0 ~ /0$/ ? substr($0, 1, length($0) - 1) "1" : substr($0, 1, length($0) - 1) "0" } { print }'
vg "check of a damaged record" "$bin" --store "$tmp/bk" check
vg "config check of a hostile file" "$bin" config check "$top/tests/hostile/yaml/alias-bomb.yaml"
printf ':open M86019\n:save-display %s\nG\n/\n"medical\n<Enter>\nq\n' "$tmp/screen" >"$tmp/keys"
CATCHMENT_SCRIPT=$tmp/keys TERM=xterm-256color LINES=30 COLUMNS=100 \
    vg "a scripted terminal session" "$bin" --store "$S" --config "$data/demo.yaml"
vg "an import through a pipe (-)" sh -c "cat '$imp/capacity-example.csv' | valgrind -q \
    --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    '$bin' --store '$S' import -"
vg "scenario save" "$bin" --store "$S" --config "$data/demo.yaml" scenario save vg --close M86019 --growth 2.5
printf 'scenarios:\n  - name: stale\n    close: [M99999]\n' >"$tmp/stale.yaml"
vg "a stale scenario warned about" "$bin" --store "$S" --config "$tmp/stale.yaml" scenario list
vg "a report to a full disk" sh -c "valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect '$bin' --store '$S' search surgery >/dev/full"
