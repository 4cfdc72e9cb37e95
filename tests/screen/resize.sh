# Resizing at any moment: a wide terminal gets more columns and a
# two-column card; below the minimum a clear "too small" screen; back to
# 80x24 as before.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:save-display s0
<Resize 200x50>
:save-display s1
:open M86019
:save-display s2
<Resize 50x10>
:save-display s3
j
<Resize 80x24>
:save-display s4
q
:save-display s5
KEYS
check_has "200 columns show the town and the PCN" s1 "  M84036 ABBEY MEDICAL CENTRE                         KENILWORTH     KENILWORTH AND WARWICK PCN    15,942"
if [ "$(wc -l <s1)" -eq 50 ]; then pass "50 rows are all used"; else fail "50 rows: $(wc -l <s1)"; fi
check_has "a wide card has two columns" s2 "M86019  WESTWOOD MEDICAL H/CENTRE                                                                   ── Notes ──"
check_screen "below the minimum: a clear message" s3 <<'EOF'





terminal too small (need 60x16, have 50x10)
Q quits, or enlarge the window



EOF
check_has "back to 80x24: one column again" s4 "M86019  WESTWOOD MEDICAL H/CENTRE"
check_lacks "back to 80x24: no second column" s4 "── Notes ──────────── "
if [ "$(sed -n 2p s4)" = "M86019  WESTWOOD MEDICAL H/CENTRE" ]; then pass "keys while too small are ignored"; else
    fail "keys while too small are ignored: $(sed -n 2p s4)"; fi
if cmp -s s0 s5; then pass "the list after the resizes is as before"; else fail "the list after the resizes"; diff s0 s5 | head; fi

# 24 columns (a split pane): the sizes and the way out still read whole.
run_keys <<'KEYS'
<Resize 24x24>
:save-display n1
KEYS
check_has "at 24 columns the size needed shows" n1 "60x16"
check_has "and the size there is" n1 "24x24"
check_has "and how to quit" n1 "Q quits"

# A prompt open when the window shrinks: the small screen says Esc leaves
# it (Q there is a letter of the answer, not quit), and the text typed
# is all there when the window is big again.
run_keys <<'KEYS'
:open M86019
a
"Rang about the merger
<Resize 50x10>
:save-display p1
<Resize 80x24>
:save-display p2
KEYS
check_has "too small with a prompt open: Esc leaves it" p1 "Esc leaves"
check_lacks "not Q quits" p1 "Q quits"
check_has "the text typed is kept" p2 "Note for M86019: Rang about the merger"
