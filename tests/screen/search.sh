# Search as you type (any address line too: Jubilee is on Westminster
# Road): results on every key, forgiving typos, Enter opens
# the card, Esc goes back to the list on the practice, n / N find the next.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
/
w
:save-display s1
"est
:save-display s2
<Down>
<Enter>
:save-display s3
q
:save-display s4
<Esc>
:save-display s5
n
<Enter>
:save-display s6
q
N
<Enter>
:save-display s7
q
/
"wsetwood
:save-display s8
<C-U>
"024 76466106
:save-display s9
<C-U>
"cv4 9dr
:save-display s10
KEYS

check_has "one key gives results at once" s1 "Search: w"
check_has "the title counts the results" s1 " Search  42 found"
check_screen "each key narrows the results" s2 <<'EOF'
 Search  3 found                                                as at 2026-04-01
Search: west▏
  Code   Name                         Postcode Status            Phone
  M84035 WESTSIDE MEDICAL CENTRE      CV21 2DN open              01788 544744
  M86019 WESTWOOD MEDICAL H/CENTRE    CV4 9DR  open              024 76466106
  M86006 JUBILEE HEALTHCARE           CV1 3GB  open              0247 6223565

















type to search  Enter card  Up/Down move  Esc back  * 6m+ old
EOF
check_has "Enter opens the card of the chosen result" s3 "M86019  WESTWOOD MEDICAL H/CENTRE"
check_has "q from the card goes back to the results" s4 "Search: west"
check_has "Esc goes back to the practice list" s5 " Practices  142 of 142"
check_has "n goes to the next match in the list (wrapping)" s6 "M86006  JUBILEE HEALTHCARE"
check_has "N goes to the previous match" s7 "M86019  WESTWOOD MEDICAL H/CENTRE"
check_has "a typo still finds the practice" s8 "M86019 WESTWOOD MEDICAL H/CENTRE"
check_has "search by phone" s9 "M86019 WESTWOOD MEDICAL H/CENTRE"
check_has "search by postcode, any case" s10 "M86019 WESTWOOD MEDICAL H/CENTRE"

# Left and Right, pressed to mend a typo, stay in the search box (Left
# went back to the list and the search was gone) and say how to edit.
run_keys <<'KEYS'
/
"westwdo
<Left>
:save-display l1
<Right>
:save-display l2
<BS>
<BS>
"od
:save-display l3
KEYS
check_has "Left stays in the search" l1 "Search: westwdo"
check_has "and says how the search is edited" l1 "Backspace"
check_has "Right too" l2 "Search: westwdo"
check_has "the search mended" l3 "M86019 WESTWOOD MEDICAL H/CENTRE"

# At 60 columns a phone number reads whole (its last digit was cut: a
# wrong number read out on a call); the name gives way.
COLUMNS=60 run_keys <<'KEYS'
/
"tile hill
:save-display p1
KEYS
check_has "60 columns: the phone number whole" p1 "024 76474744"
check_has "60 columns: another" p1 "024 76466106"

# A caller gives a practice's old name: the result under the cursor has
# another name now, and the status line says which old name it matched.
run_keys <<'KEYS'
/
"cubbington
:save-display f1
KEYS
check_has "the practice as it is called now" f1 "M84029 VALLEY ROAD MEDICAL PRACTICE"
check_has "... and the old name it was found by" f1 "M84029 was also called CUBBINGTON RD SURGERY"
run_keys <<'KEYS'
/
"valley road
:save-display f2
KEYS
check_lacks "found by its own name: nothing more said" f2 "was also called"
