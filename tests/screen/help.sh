# Help is made from the keymap: a key rebound in the config's keys: map
# shows there and works; an unknown action name is refused at load.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
?
:save-display s1
G
:save-display s2
KEYS
check_has "help lists moving keys" s1 "  j, Down                move-down      Move down one line"
check_has "help lists the neighbours keys, per view" s1 "  o, N (card)            neighbours     Practices near this one"
check_has "every request is listed (the last one too)" s2 "  C-L                    redraw         Redraw the screen"
check_has "help names the commands" s2 "filter all|active|pcn [CODE]|subicb [CODE]|expiring [MONTHS]"

sed 's/^keys: {}$/keys: {contracts: K, quit: X}/' "$data/demo.yaml" >"$config"
run_keys <<'KEYS'
?
:save-display k1
q
K
:save-display k2
X
:save-display k3
KEYS
check_has "a rebound key shows in the help" k1 "  C, K                   contracts"
check_has "the rebound key works" k2 " Contracts  4 with an end date"
[ -f k3 ] && fail "X quits before the next save" || pass "the key bound to quit quits"

sed 's/^keys: {}$/keys: {warp-drive: z}/' "$data/demo.yaml" >"$config"
CATCHMENT_SCRIPT=/dev/null "$bin" --store "$store" --config "$config" >out 2>err
rc=$?
if [ "$rc" -ne 0 ] && grep -q "warp-drive" err; then pass "an unknown action in keys: is refused"; else
    fail "an unknown action in keys: is refused (rc $rc: $(cat err))"; fi
