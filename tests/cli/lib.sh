# Shared by the CLI tests (the runner skips lib*.sh).  Each check prints
# exactly one line, "PASS: what" or "FAIL: what"; tests/run.sh counts them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/data
bin=${CATCHMENT:-$top/build/catchment}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/catchment-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 HOME="$tmp/home" CATCHMENT_TODAY=2026-11-23
unset CATCHMENT_STORE CATCHMENT_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR
mkdir -p "$HOME"

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }

# check "what" command...: passes when the command succeeds.
check() {
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

# check_eq "what" got want
check_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi
}

# check_has "what" text needle: text contains needle.
check_has() {
    case $2 in
    *"$3"*) pass "$1" ;;
    *) fail "$1: '$3' not in: $(printf '%s' "$2" | head -c 400)" ;;
    esac
}

# check_exit "what" want command...: the exit status is want.
check_exit() {
    what=$1
    want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" = "$want" ]; then pass "$what"; else fail "$what: exit $got, want $want"; fi
}

# The demo store, built once per test file from data/ as `make run` does.
demo_store() {
    [ -f "$tmp/demo/data.mdb" ] || "$top/scripts/demo-store.sh" "$bin" "$tmp/demo" >/dev/null
    echo "$tmp/demo"
}
