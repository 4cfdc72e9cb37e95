# The dispersal as it is run, edited in the what-if: R the share who
# register themselves, i a receiver's agreed intake, t the registrations a
# day (off a receiver: every receiver's); W saves them with the scenario,
# and the command line gives the same figures for the saved scenario.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M84036
x
w
:save-display s0
R
"61
<Enter>
:save-display s1
i
"500
<Enter>
:save-display s2
g
k
t
"20
<Enter>
:save-display s3
W
"abbey-tui
<Enter>
:save-display s5
g
k
t
"abc
<Enter>
:save-display s4
KEYS

grep -q "As run" s0 && fail "before: an as-run line" || pass "before: no as-run line"
check_has "R: the share who register themselves" s1 "As run: 9,728 chose (61%)"
check_has "R: weeks unknown without a rate" s1 "weeks: no rate (t)"
check_has "i: an intake agreed by the receiver on the line" s2 "1 intake;"
check_has "t off a receiver: the rate for every receiver gives the weeks" s3 "1 intake; all in"
check_has "a bad rate is refused, with what is wanted" s4 "'abc': a whole number from 1 to 100000, or - for none"
# The cursor starts on the first receiver, and stays on it as lines come.
first=$(awk 'found { sub(/^[! ] /, ""); print $1; exit } /Code   Name/ { found = 1 }' s0)
saved=$HOME/.config/catchment/scenarios.yaml # W writes the user's own scenarios file
if grep -A12 'name: "abbey-tui"' "$saved" | grep -q "self_register_pct: 61" &&
    grep -A12 'name: "abbey-tui"' "$saved" | grep -q "intake: {$first: 500}" &&
    grep -A12 'name: "abbey-tui"' "$saved" | grep -q "allocation_per_day: 20"; then
    pass "W saves the share, the intake and the rate with the scenario"
else
    fail "W saves the as-run settings: $(grep -A12 abbey-tui "$saved")"
fi
j=$("$bin" --store "$store" --config "$config" scenario run abbey-tui --format json)
want=$(echo "$j" | jq -r '"\(.as_run.allocated) \(.as_run.weeks)"')
got=$(sed -n "s/.*chose (61%), \([0-9,]*\) allocated, 1 intake; all in \([0-9]*\) week.*/\1 \2/p" s3 | tr -d ,)
[ -n "$got" ] && [ "$got" = "$want" ] && pass "the screen's figures are the command line's" ||
    fail "the screen's figures are the command line's: '$got', want '$want'"
