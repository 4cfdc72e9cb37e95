# The terminal interface and the config: it starts under a comma-decimal
# locale (de_DE.UTF-8, made here), starts with a stale scenario in the
# config and says so once, and two sessions saving scenarios at the same
# time keep both, in the user's own scenarios file, never in the config
# they were given (the demo's data/demo.yaml).
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
saved=$HOME/.config/catchment/scenarios.yaml
cp "$config" config.orig

mkdir -p loc
if localedef -i de_DE -f UTF-8 loc/de_DE.UTF-8 >/dev/null 2>&1; then
    export LOCPATH=$tmp/loc LC_ALL=de_DE.UTF-8
    run_keys <<'KEYS'
:save-display de
KEYS
    export LC_ALL=C.UTF-8
    unset LOCPATH
    check_has "under de_DE.UTF-8 the interface starts (the config's 2.0 is a number)" de \
        "Practices  142 of 142"
else
    fail "localedef could not make de_DE.UTF-8"
fi

sed 's/^scenarios:$/scenarios:\n  - name: stale\n    close: [M99999]/' "$config" >stale.yaml
grep -q 'M99999' stale.yaml || fail "the demo config has scenarios: to add to"
printf ':save-display st\n' >keys2
CATCHMENT_SCRIPT=keys2 "$bin" --store "$store" --config stale.yaml >/dev/null 2>err2
check_has "a stale scenario does not stop the interface" st "Practices  142 of 142"
check_has "it is said once, where it is" st "M99999"

. "$top/tests/screen/lib_tmux.sh"
for s in a b; do
    tm new-session -d -s "$s" -x 80 -y 24 \
        "env TERM=xterm-256color HOME='$HOME' '$bin' --store '$store' --config '$config'"
    t=$s
    wait_for "session $s starts" "Practices  142 of 142"
done
# Both sessions are open before either saves: b's idea of the config
# does not hold a's scenario.
for s in a b; do
    t=$s
    tm send-keys -t "$s" : o p e n Space M 8 6 0 1 9 Enter x w
    wait_for "session $s runs a what-if" "1 closing"
    tm send-keys -t "$s" W C-u "from-$s" Enter
    wait_for "session $s saves" "saved scenario from-$s"
done
n=$(grep -c 'name: "from-' "$saved" 2>/dev/null)
echo "two open sessions saved a scenario each; $n of 2 are in the file"
if [ "$n" = 2 ]; then pass "neither session lost the other's scenario"; else
    fail "neither session lost the other's scenario: $(cat "$saved" 2>/dev/null)"; fi
if cmp -s "$config" config.orig && [ ! -e "$config.bak" ]; then
    pass "the config the sessions were given is untouched (no .bak)"
else
    fail "the config the sessions were given was rewritten"
fi
for s in a b; do tm send-keys -t "$s" Q; done
