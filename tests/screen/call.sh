# What a contract manager on a phone call needs: search by any address
# line with each practice's status; Esc never quits and q asks before
# losing marks; W asks before replacing a scenario; a capacity typed
# with separators, 0 kept as a receiver, overrides marked; g lands on
# the first receiver.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
/
"foleshill
:save-display s1
<C-U>
"willenhall primary
:save-display s2
<Enter>
q
/
"westwood
:save-display s3
<Esc>
<Esc>
:save-display s4
x
q
:save-display s5
n
:save-display s6
Q
y
:save-display s7
KEYS
check_has "search finds an address line (Foleshill)" s1 "M86612"
check_has "search shows a closed practice's status and close date" s2 "closed 2019-01-31"
check_has "search shows an open practice's status" s2 "open"
check_has "/ in search after a card starts a new search" s3 "Search: westwood"
check_has "Esc on the practice list does not quit" s4 " Practices  142 of 142"
check_has "q with a practice marked asks first" s5 "Quit and lose 1 practice marked?"
check_has "n: not quitting" s6 " Practices  142 of 142"
[ -f s7 ] && fail "Q then y quits" || pass "Q then y quits"

# Saving: the prompt offers the current name (Enter keeps it), typing
# replaces it; a scenario of another plan is not replaced without a yes.
run_keys <<'KEYS'
:scenario westwood-ends
W
:save-display w1
"mine
<Enter>
:save-display w2
c
"14,000
<Enter>
:save-display c1
p
W
"limbrick-wood-nearest
<Enter>
:save-display w3
n
:save-display w4
W
"limbrick-wood-nearest
<Enter>
y
:save-display w5
G
g
<Enter>
:save-display g1
KEYS
check_has "a capacity typed with a separator" c1 "/14,000*"
check_has "the prompt offers the current name" w1 "Save as scenario (Enter: westwood-ends):"
check_has "typing replaces the name, and the header names it" w2 "Scenario mine "
check_has "a same-named scenario is not replaced without asking" w3 "Replace scenario limbrick-wood-nearest?"
check_has "n keeps it" w4 "not saved"
if grep -A3 "name: \"\\?limbrick-wood-nearest" "$config" | grep -q "M86019"; then
    pass "y replaces it"; else fail "y replaces it: $(grep -A3 limbrick "$config")"; fi
check_has "the header names the saved scenario" w5 "Scenario limbrick-wood-nearest "
check_has "g lands on the first receiver" g1 "M86034  WOODSIDE MEDICAL CENTRE"

# A capacity of 0: the receiver stays, so it can be set again.
run_keys <<'KEYS'
:scenario westwood-ends
c
"0
<Enter>
G
:save-display z1
KEYS
check_has "a capacity of 0 keeps the receiver" z1 "M86034 WOODSIDE MEDICAL CENTRE"
check_has "... shown as 0, set here" z1 "/0*"
