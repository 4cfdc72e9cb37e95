# The plan being drafted: every change to it shows at once on the
# what-if, and an edited plan is no longer the saved scenario it came from.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86019
x
w
:policy nearest
:save-display s1
:scenario willenhall-both-close
:save-display s2
p
:save-display s3
:scenario willenhall-both-close
c
"30000
<Enter>
:save-display s4
x
:save-display s5
KEYS

check_has ":policy on the what-if shows the new policy" s1 "policy nearest (p)"
check_has ":policy on the what-if runs it again" s1 "Scenario ad hoc   policy nearest"
check_has ":scenario names the scenario" s2 "Scenario willenhall-both-close   policy choice"
check_has "p: an edited plan is no longer the saved scenario" s3 "Scenario ad hoc   policy optimal"
check_has "c: an edited plan is no longer the saved scenario" s4 "Scenario ad hoc   policy choice"
check_has "c: the capacity typed is on the receiver" s4 "/30,000"
check_has "x on a receiver: it closes too, and the what-if runs again" s5 "3 closing"
check_has "x: the title counts the marks" s5 "3 marked"
