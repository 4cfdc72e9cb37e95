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

# The text the screens show comes from the tables the keys use: help lists
# every ':' command, ':' takes an action's name, the status bar shows the
# key the config binds (P for the policy; p no longer).
sed 's/^keys: {}$/keys: {policy: P, redraw: p}/' "$data/demo.yaml" >"$config"
run_keys <<'KEYS'
?
G
:save-display h1
q
:contracts
:save-display c1
q
:move-down
<Enter>
:save-display c2
q
g
j
<Enter>
:save-display c3
q
:open M86019
x
w
:save-display w1
:policy
:save-display w2
:policy fastest
:save-display w3
KEYS
check_has "? lists the :history command" h1 "Who changed what, every practice"
check_has "? lists :policy with the policy names" h1 "policy [nearest|choice|optimal]"
check_has ":contracts (an action's name) opens the contracts" c1 " Contracts  4 with an end date"
if cmp -s c2 c3 && grep -q "^ Card" c2; then pass ":move-down moves as j does"; else
    fail ":move-down moves as j does: $(head -1 c2) / $(head -1 c3)"; fi
check_has "the status bar shows the key the config binds" w1 "P policy  c capacity  d/r km  % growth  W save"
check_has ":policy without a name: the next one, and the key to press" w2 "policy nearest (P)"
check_has ":policy names the policies it knows" w3 "policy: nearest, choice, optimal"
