# The practice card: layout, sparkline (Unicode and ASCII), scrolling,
# y copies a summary with OSC 52.  (Control characters never reach the
# store: the importers and the note command refuse them.)
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
export CATCHMENT_CLIPBOARD="$tmp/clip"
run_keys <<'KEYS'
:open M86019
:save-display s1
G
:save-display s2
y
KEYS

check_screen "the card at 80x24" s1 <<'EOF'
 Card  M86019                                                   as at 2026-04-01
M86019  WESTWOOD MEDICAL H/CENTRE
ACTIVE
298 TILE HILL LANE, COVENTRY, CV4 9DR
Phone 024 76466106
PCN U49145 GO WEST PCN
Sub-ICB B2M3M NHS Coventry and Warwickshire ICB - B2M3M
LSOA E01009681, IMD 2019 decile 6

── List size ───────────────────────────────────────────────────────────────────
4,106 patients on 2026-04-01
Earliest 4,576 (2021-01-01, -10.3% to latest)
Year before -
█▁  2021-01-01 to 2026-04-01

── Capacity ────────────────────────────────────────────────────────────────────
4,311 patients (default-headroom), headroom 205
List status unknown

── Contract ────────────────────────────────────────────────────────────────────
APMS from 2017-04-01, ends 2027-03-31, extension none left
Provider Illustrative Provider A (demo)
Next: mobilisation on 2026-12-31 (in 38 days); 4 overdue
a note  N neighbours  w what-if  m map  e survey  A appraisal  q back  * 6m+ old
EOF
check_has "G scrolls to the end of the card" s2 "Deprivation score (IMD 2019): 20.7"
check_has "notes say how to add one" s2 "none yet (a adds one)"
want='M86019 WESTWOOD MEDICAL H/CENTRE, 298 TILE HILL LANE, COVENTRY, CV4 9DR; tel 024 76466106; list 4,106 (2026-04-01); capacity 4,311 (default-headroom), headroom 205; contract APMS ends 2027-03-31 (ILLUSTRATIVE: not a real contract)'
if [ -f clip ] && [ "$(head -c 7 clip | od -An -c | tr -d ' ')" = '033]52;c;' ]; then
    pass "y writes an OSC 52 sequence"
else
    fail "y writes an OSC 52 sequence: $(od -c clip 2>/dev/null | head -2)"
fi
got=$(sed 's/^.*52;c;//' clip | tr -d '\007' | base64 -d 2>/dev/null)
if [ "$got" = "$want" ]; then pass "the copied summary decodes to one line"; else
    fail "the copied summary: got '$got'"; fi

# ASCII: a non-UTF-8 locale on a VT100 gets ASCII rules and sparkline.
LC_ALL=C TERM=vt100 run_keys <<'KEYS'
:open M86019
:save-display a1
KEYS
check_has "ASCII sparkline outside UTF-8" a1 "#_  2021-01-01 to 2026-04-01"
check_has "ASCII rules outside UTF-8" a1 "-- List size -------"


# The card names the other names a practice has had and says an
# indicator's year once; search finds a practice by its former name; a
# closed practice's card says since when.
run_keys <<'KEYS'
/
"cubbington rd
:save-display o1
<Enter>
:save-display o2
q
<Esc>
:open M86026
:save-display o3
:open M86019
G
:save-display o4
KEYS
check_has "search finds a former name" o1 "M84029"
check_has "the card names the other names" o2 "Also known as CUBBINGTON RD SURGERY (pcn-map)"
check_has "a closed practice's card says since when" o3 "INACTIVE, CLOSED on 2019-01-31"
check_has "an indicator's year said once" o4 "Deprivation score (IMD 2019): 20.7"
check_lacks "... not twice" o4 "(IMD 2019) (2019)"

# The card's contract: the next milestone still open and how many are
# overdue (past, neither done nor waived).
"$bin" --store "$store" set M86019 milestone.options_appraisal done >/dev/null 2>&1 || fail "set a milestone done"
run_keys <<'KEYS'
:open M86019
:save-display k1
KEYS
check_has "the card counts the overdue milestones left" k1 "Next: mobilisation on 2026-12-31 (in 38 days); 3 overdue"

# A contract's notes longer than the screen wrap on the card instead of
# being cut at the edge (a break clause's date was past the 80th column).
"$bin" --store "$store" set M86019 contract.notes \
    "ILLUSTRATIVE: not a real contract; break clause: either side may end it on six months' notice from 2026-10-01" >/dev/null 2>&1 ||
    fail "the contract's notes are set"
run_keys <<'KEYS'
:open M86019
G
:save-display w1
KEYS
check_has "the contract's notes start on the card" w1 "ILLUSTRATIVE: not a real contract; break clause"
check_has "and end there, wrapped" w1 "from 2026-10-01"

# An open practice with no list size: its capacity taken from the list
# (default headroom) is unknown, not "0 patients, headroom 0".
run_keys <<'KEYS'
:open M89016
:save-display u1
KEYS
check_lacks "no list: not 0 patients" u1 "0 patients (default-headroom), headroom 0"
check_has "no list: the capacity is unknown, and why" u1 "unknown (default-headroom: no list size), headroom unknown"
