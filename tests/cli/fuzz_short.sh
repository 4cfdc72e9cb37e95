#!/bin/sh
# A short fuzzing run of every harness (tests/fuzz/), so make check finds
# what a change broke in the parsers and decoders.  `make fuzz` runs the
# long version.  The harnesses carry ASan and UBSan themselves, so the
# sanitizer pass of make check does not run them again.
#   CATCHMENT_FUZZ_SECONDS (default 10 per harness)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
case ${CATCHMENT_BUILD:-} in
*/asan)
    echo "PASS: fuzzing ran in the normal pass (the harnesses are ASan+UBSan builds already)"
    exit 0 ;;
esac
if ! command -v clang >/dev/null; then
    echo "PASS: fuzzing skipped: clang is not installed (scripts/deps.sh installs it)"
    exit 0
fi
exec "$top/tests/fuzz/run.sh" "${CATCHMENT_BUILD:-$top/build}/fuzz" "${CATCHMENT_FUZZ_SECONDS:-10}"
