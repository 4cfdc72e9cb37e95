# Shared by the screen tests (the runner skips lib*.sh).  A test builds
# the demo store, runs a key script against a file-backed terminal
# (CATCHMENT_SCRIPT) and compares what :save-display wrote with the
# expected screen.  Each check prints "PASS: what" or "FAIL: what".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/data
bin=${CATCHMENT:-$top/build/catchment}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/catchment-screen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TERM=xterm-256color LINES=24 COLUMNS=80 TZ=UTC LC_ALL=C.UTF-8 HOME="$tmp/home" \
    CATCHMENT_TODAY=2026-11-23 CATCHMENT_NOW=2026-11-23
unset NO_COLOR CATCHMENT_STORE CATCHMENT_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME ESCDELAY CATCHMENT_SCRIPT \
    CATCHMENT_CLIPBOARD CATCHMENT_TERM_OUT
mkdir -p "$HOME"
store=$tmp/store
config=$tmp/catchment.yaml
cp "$data/demo.yaml" "$config"
who=$(id -un)

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }

# The demo store: every bundled file (with the illustrative contracts and
# capacities).
make_store() {
    "$bin" --store "$store" import --quiet "$data"/*.csv >/dev/null 2>&1 ||
        fail "the demo store imports"
}

# run_keys [options...] <<keys: runs the script read from stdin.
run_keys() {
    cat >"$tmp/keys"
    CATCHMENT_SCRIPT="$tmp/keys" "$bin" --store "$store" --config "$config" "$@" \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || { fail "the session exits 0 (got $rc: $(cat "$tmp/err"))"; }
}

# check_screen "what" FILE <<expected: the saved screen is exactly this.
check_screen() {
    cat >"$tmp/want"
    if [ ! -f "$2" ]; then
        fail "$1: no screen saved"
    elif diff -u "$tmp/want" "$2" >"$tmp/diff"; then
        pass "$1"
    else
        fail "$1"
        sed 's/^/    /' "$tmp/diff"
    fi
}

# check_has "what" FILE text: the saved screen contains text.
check_has() {
    if grep -qF -- "$3" "$2" 2>/dev/null; then pass "$1"; else
        fail "$1: '$3' not on the screen"
        sed 's/^/    |/' "$2" 2>/dev/null
    fi
}

check_lacks() {
    if grep -qF -- "$3" "$2" 2>/dev/null; then
        fail "$1: '$3' is on the screen"
        sed 's/^/    |/' "$2"
    else pass "$1"; fi
}

# line N of FILE
line_of() { sed -n "${2}p" "$1"; }
