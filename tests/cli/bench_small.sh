#!/bin/sh
# The benchmark pipeline end to end on `gen --small`: data, import, store
# size, queries and the report, so `make check` proves `make bench` works
# without taking minutes.
. "$(dirname "$0")/lib.sh"
build=${CATCHMENT_BUILD:-$top/build}

if BENCH_CACHE="$tmp/cache" BENCH_OUT="$tmp/results.md" \
    "$top/bench/run.sh" "$build" --small >"$tmp/bench.out" 2>"$tmp/bench.err"; then
    pass "bench/run.sh --small runs"
else
    fail "bench/run.sh --small runs: $(tail -n 3 "$tmp/bench.err")"
    exit 0
fi
check "results written" [ -s "$tmp/results.md" ]
check_has "results name the machine" "$(cat "$tmp/results.md")" "CPUs (nproc): "
check_has "results name the commit" "$(cat "$tmp/results.md")" "- Commit: "

# row NAME-START: the table row starting with NAME-START has a number
# (a TUI row may instead say the TUI is not built, when it is not).
row_has_number() {
    line=$(grep -F "| $1" "$tmp/results.md" | head -n 1)
    if [ -z "$line" ]; then
        fail "row '$1' is missing"
        return
    fi
    figure=$(printf '%s\n' "$line" | awk -F'|' '{ print $3 }')
    case $figure in
    *[0-9]*) pass "row '$1' has a number" ;;
    *"not measured: TUI not built"*)
        if ls "$top"/tui/*.c >/dev/null 2>&1; then
            fail "row '$1' not measured though the TUI is built"
        else
            pass "row '$1' says the TUI is not built"
        fi
        ;;
    *) fail "row '$1' has no number: $line" ;;
    esac
}

for r in "Import onspd" "Import lsoa-centroids" "Import imd" "Import epraccur" \
    "Import pcn-map" "Import list-size" "Import quin-age" "Import lsoa-all" \
    "Import contracts" "Import capacity" "Import, every file kind" "Store size" \
    "Store pages used" "World load" "show (card_load) p50" "show (card_load) p99" \
    "search p50" "search p99" "search per keystroke p50" "search per keystroke p99" \
    "near 8 km p50" "near 8 km p99" "closure nearest p50" "closure nearest p99" \
    "closure choice p50" "closure choice p99" "closure optimal p50" \
    "closure optimal p99" "closure, first in its ICB" "Sweep: close each" \
    "Sweep: times a thread waited" "Sweep: share of the threads' wall time" \
    "Sweep: engine CPU time per closure p99" "Sweep: slowest closure by CPU" "TUI cold open to first frame" \
    "TUI max RSS" "TUI terminal bytes per cursor move" "Closing together, densest town's 10" \
    "Closing together, densest town's 20" "Closing together, a whole sub-ICB" \
    "Map: CPU time per pan or Tab" "Map: terminal bytes per pan" "Map: terminal bytes per Tab"; do
    row_has_number "$r"
done

for policy in nearest choice optimal; do
    check "the town's 20 closing, $policy, in process and as a process" sh -c \
        "grep \"densest town's 20.*, $policy, in process | CPU [0-9]\" '$tmp/results.md' &&
         grep \"densest town's 20.*, $policy, as a process (scenario run) | CPU [0-9]\" '$tmp/results.md'"
done
for p in nearest choice optimal; do
    check "single closures, $p: CPU p99 against 5 ms, wall p99 beside it, the slowest three" sh -c \
        "grep -q '| closure $p p99, CPU | [0-9.]* ms | < 5 ms | ' '$tmp/results.md' &&
         grep -q '| closure $p p99, wall | [0-9.]* ms |' '$tmp/results.md' &&
         grep -q '| closure $p: the slowest three, CPU | [A-Z][0-9]* [0-9.]*, ' '$tmp/results.md'"
done
check "the sweep: CPU against 5 s, its wall time beside it" grep -q \
    "| Sweep: close each .* | CPU [0-9.]* s (load [0-9.]* s + engine [0-9.]* s / [0-9]*); wall [0-9.]* s | < 5 s | " \
    "$tmp/results.md"
for c in "show " "search surgery" "near " "scenario run,"; do
    check "$c as a process: CPU and wall time" grep -q "| $c.*as a process | CPU [0-9.]* ms (wall [0-9.]*)" \
        "$tmp/results.md"
done
check_has "the pandas row, measured or skipped with the reason" "$(cat "$tmp/results.md")" \
    "pandas read_csv of the same files"
check "the national set imported in one command, as a user does, timed beside the kinds one by one" \
    grep -q "| Import, the same files in one command ([0-9]* files; least CPU of 3 runs) | [0-9.]* s (CPU [0-9.]* s) |" "$tmp/results.md"
check_has "the networkx row, measured or skipped with the reason" "$(cat "$tmp/results.md")" \
    "networkx min_cost_flow"
check "networkx, when measured, agrees with the optimal policy" sh -c \
    "! grep 'networkx.*: solve' '$tmp/results.md' | grep -qv '| agree |'"
check "every targeted row says met or missed" awk -F'|' '
    $4 ~ /</ && $3 !~ /not measured/ && $5 !~ /met|missed/ { bad++ }
    END { exit bad > 0 }' "$tmp/results.md"
check "no figure is a question mark" sh -c "! grep -q '| ? ' '$tmp/results.md'"
check "the sweep agrees with the what-if" grep -q '| Sweep agrees .* | 0 mismatches | 0 | met |' \
    "$tmp/results.md"
check "the sweep's top ten" grep -q '^10 ' "$tmp/bench.out"
check "the cache is reused" sh -c "BENCH_CACHE='$tmp/cache' BENCH_OUT='$tmp/r2.md' \
    '$top/bench/run.sh' '$build' --small 2>&1 >/dev/null | grep -q reusing"
exit 0
