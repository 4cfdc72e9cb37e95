# Help is made from the keymap: a key rebound in the config's keys: map
# shows there and works; an unknown action name is refused at load.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
# (tall enough that the last page holds every request and command)
LINES=60 run_keys <<'KEYS'
?
:save-display s1
G
:save-display s2
KEYS
check_has "help lists moving keys" s1 "  j, Down                move-down        Move down one line"
check_has "help lists the neighbours keys, per view" s1 "  o, N (card)            neighbours       Practices near this one"
check_has "every request is listed (the last one too)" s2 "  C-L                    redraw           Redraw the screen"
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

# The help screen has its own footer; its descriptions wrap at 80
# columns; a key the config takes from another action says so at start,
# and the help and the footer show the truth.
cp "$data/demo.yaml" "$config"
LINES=25 run_keys <<'KEYS'
?
:save-display f1
G
:save-display f3
KEYS
check_has "help has its own footer" f1 "j/k scroll  Space/b page  q back"
check_lacks "not the practice list's" f1 "x mark"
check_has "a long description wraps" f3 "Set the what-if's policy (no name: the"
COLUMNS=60 run_keys <<'KEYS'
?
G
:save-display f2
KEYS
check_has "wrapped, not cut, at 60 columns" f2 "                                          (scripts)"
sed 's/^keys: {}$/keys: {search: x}/' "$data/demo.yaml" >"$config"
run_keys <<'KEYS'
:save-display x1
?
<PgDn>
:save-display x2
KEYS
check_has "a key taken from another action is said at start" x1 "keys: x is now search; mark has no key (:mark still works)"
check_lacks "the footer does not offer x mark" x1 "x mark"
check_has "the help says mark has no key" x2 "  (none)                 mark"

# Each section once, with every key of its kind: the what-if's d, r and %
# are under the one What-if heading, not under a second one further down.
cp "$data/demo.yaml" "$config"
LINES=200 run_keys <<'KEYS'
?
:save-display g1
KEYS
for section in Moving Views Practices Card Neighbours What-if Contracts Map Other; do
    n=$(grep -c "^── $section ─" g1)
    if [ "$n" = 1 ]; then pass "one $section section"; else fail "one $section section: $n"; fi
done
# (the first What-if heading's lines only)
awk '/^── / { if (w) exit; w = /^── What-if ─/; next } w' g1 >whatif-keys
if grep -q " growth " whatif-keys && grep -q " equality-pack " whatif-keys && grep -q " policy " whatif-keys; then
    pass "the what-if's keys are all under What-if"
else fail "the what-if's keys are all under What-if"; fi
