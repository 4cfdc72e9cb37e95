# A prompt whose question is nearly as wide as the screen still shows what
# is typed: the question gives way, never the answer (at 60 columns "d"
# asked its question in 61 and what was typed did not show at all).
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
COLUMNS=60 run_keys <<'KEYS'
:open M86019
x
w
d
"12.5
:save-display s1
<Esc>
R
"61c
:save-display s2
KEYS
check_match "the distance typed shows" s1 "^Furthest a patient.*: 12\.5$"
check_match "the share typed shows" s2 "^Share registering.*: 61c$"
tail -1 s2 | grep -q "…: 61c$" && pass "the cut question ends with an ellipsis" ||
    fail "the cut question ends with an ellipsis: $(tail -1 s2)"
