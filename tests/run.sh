#!/bin/sh
# Runs every test for each build directory given (the normal build, then
# the sanitizer build) and ends with one line: "N passed, N failed".
#   unit tests:    BUILD/tests/test_*
#   CLI tests:     tests/cli/*.sh    (CATCHMENT names the binary)
#   screen tests:  tests/screen/*.sh
# A test program that crashes or exits non-zero without a FAIL line
# counts as one failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0
fail=0

run_one() { # label, command...
    label=$1
    shift
    out=$("$@" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | grep -c '^PASS: ')
    f=$(printf '%s\n' "$out" | grep -c '^FAIL: ')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        out="$out
FAIL: $label exited with status $rc"
    fi
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$f" -gt 0 ]; then
        printf '%s\n' "$out" | grep -v '^PASS: ' | sed "s|^|  [$label] |"
    fi
    printf '%-40s %4d passed, %d failed\n' "$label" "$p" "$f"
}

for build in "$@"; do
    build=$(cd "$build" && pwd)
    echo "== $build"
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        run_one "$(basename "$build")/unit/$(basename "$t")" "$t"
    done
    for kind in cli screen; do
        for t in "$top"/tests/$kind/*.sh; do
            [ -f "$t" ] || continue
            case $(basename "$t") in lib*.sh) continue ;; esac
            run_one "$(basename "$build")/$kind/$(basename "$t" .sh)" \
                env CATCHMENT="$build/catchment" CATCHMENT_BUILD="$build" \
                sh "$t"
        done
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
