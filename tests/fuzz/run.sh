#!/bin/sh
# Builds the libFuzzer harnesses into OUTDIR (the library compiled with
# clang and fuzzer instrumentation, AddressSanitizer and UBSan) and runs
# each for SECONDS from the seed corpus: tests/data, tests/hostile, and
# the findings kept in tests/fuzz/corpus/HARNESS/.  One line per harness:
# "PASS: HARNESS: N executions in S s, no crash" or FAIL with the input.
#   tests/fuzz/run.sh OUTDIR SECONDS [HARNESS...]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: run.sh OUTDIR SECONDS [HARNESS...]}
secs=${2:?usage: run.sh OUTDIR SECONDS [HARNESS...]}
shift 2
harnesses=${*:-import config records psr_regime}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$top"

if ! command -v clang >/dev/null; then
    echo "FAIL: clang is not installed (scripts/deps.sh installs it)"
    exit 1
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# Warnings stay on but do not stop the build: gcc's -Werror build is the
# lint, and clang warns about other things.
if ! make --no-print-directory -s BUILD="$out/lib" CC=clang CFLAGS="-O1 -g" \
    WARN="-Wall -Wextra -Wno-missing-field-initializers" \
    SANITIZE="-fsanitize=fuzzer-no-link $san" "$out/lib/libcatchment.a" >"$out/build.log" 2>&1; then
    echo "FAIL: building the library for fuzzing: $(tail -5 "$out/build.log")"
    exit 1
fi
libs="$(pkg-config --libs lmdb yaml-0.1 ncursesw) -lm -lpthread"
cflags="-std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -O1 -g -I. $(pkg-config --cflags lmdb yaml-0.1)"

# Seeds: the first byte of an import input picks the kind; 255 (past the
# last kind) lets the file be recognised, as `catchment import` does.
seeds() {
    d=$out/seeds/$1
    rm -rf "$d"
    mkdir -p "$d"
    case $1 in
    import)
        for f in tests/data/import/*.csv tests/hostile/csv/*.csv tests/data/boundaries/*.geojson; do
            { printf '\377'; head -c 16384 "$f"; } >"$d/$(basename "$f")"
        done ;;
    config)
        for f in tests/data/config/*.yaml tests/hostile/yaml/*.yaml data/demo.yaml; do
            cp "$f" "$d/$(basename "$(dirname "$f")")-$(basename "$f")"
        done ;;
    psr_regime)
        cp data/psr-regime.yaml "$d/psr-regime.yaml"
        for f in tests/hostile/yaml/*.yaml; do cp "$f" "$d/$(basename "$f")"; done ;;
    records)
        # A valid practice record, a list point, a note: db, key length, key, value.
        printf '\001\007M84001\000\001\000\000\000\003ABC' >"$d/practice"
        printf '\002\013M84001\000\001\064\044\001\001\000\000\000\000\000\000\024\000' >"$d/list"
        printf '\012\025M84001\000\000\000\000\000\152\262\106\000user\001\000\000\000\004note' >"$d/note" ;;
    esac
    echo "$d"
}

status=0
for h in $harnesses; do
    bin=$out/fuzz_$h
    if ! clang $cflags -fsanitize=fuzzer $san -o "$bin" "tests/fuzz/fuzz_$h.c" \
        "$out/lib/libcatchment.a" $libs >"$out/build-$h.log" 2>&1; then
        echo "FAIL: $h: the harness does not build: $(head -5 "$out/build-$h.log")"
        status=1
        continue
    fi
    kept=tests/fuzz/corpus/$h
    mkdir -p "$kept" "$out/corpus/$h" "$out/crashes"
    seed=$(seeds "$h")
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$bin" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 -artifact_prefix="$out/crashes/$h-" \
        "$out/corpus/$h" "$kept" "$seed" >"$out/$h.log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h.log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        echo "PASS: fuzz_$h: ${execs:-?} executions in ${secs} s, no crash, leak or undefined behaviour"
    else
        status=1
        crash=$(ls -t "$out/crashes/$h-"* 2>/dev/null | head -1)
        echo "FAIL: fuzz_$h: exit $rc after ${execs:-?} executions; input ${crash:-?}; log $out/$h.log"
        grep -m3 -E 'ERROR|runtime error|SUMMARY' "$out/$h.log" | sed 's/^/    /'
    fi
done
exit $status
