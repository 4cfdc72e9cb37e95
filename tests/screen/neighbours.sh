# Neighbours: nearest first with headroom and status; + and - change the
# radius; Enter opens a card; Tab goes between the card and its
# neighbours.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86019
N
:save-display s1
-
-
-
:save-display s2
+
:save-display s3
<Enter>
:save-display s4
q
<Tab>
:save-display s5
<Tab>
:save-display s6
q
q
o
:save-display s7
KEYS

check_screen "neighbours within 2 km, nearest first" s2 <<'EOF'
 Neighbours  M86019  2 km                                       as at 2026-04-01
Within 2 km of M86019: 8 practices, room for 5,285 (4,709 ILLUSTRATIVE)
  Code   Name                      km    List Capacity Headroom Status
  M86004 ALLESLEY PARK MEDICAL    1.0  20,512   22,000    1,488 can take
  M86010 FORREST MEDICAL CENTRE   1.1  13,037   14,400    1,363 can take
  M86605 LIMBRICK WOOD SURGERY    1.3   3,041    3,193      152 can take
  M86629 TILE HILL SURGERY        1.3       -        -        - closed
  M86034 WOODSIDE MEDICAL CENTR   1.3   9,842   11,700    1,858 can take
  Y04952 BROAD LANE SURGERY       1.7  3,894*        -        - closed
  M86030 KENSINGTON ROAD SURGER   1.9   5,225    5,486      261 can take
  M86622 GOVIND HEALTH CENTRE     1.9   3,261    3,424      163 can take












+/- radius  s/S sort  Enter card  x mark  m map  q back  * 6m+ old
EOF
check_has "N on a card opens its neighbours at the configured 8 km" s1 "Within 8 km of M86019: 63 practices"
check_has "+ widens to the next step" s3 "Within 3 km of M86019: 13 practices"
check_has "Enter opens the neighbour's card" s4 "M86004  ALLESLEY PARK MEDICAL CTR"
check_has "Tab from the neighbours goes back to the card" s5 "M86019  WESTWOOD MEDICAL H/CENTRE"
check_has "Tab from the card opens the neighbours" s6 "Within 8 km of M86019"
check_has "o opens the neighbours of the practice under the cursor" s7 "Within 8 km of M84036"

# A neighbour marked to close says so in full at 80 columns (cut to
# "marked to clos" it read as a typo mid-call).
run_keys <<'KEYS'
:open M86605
x
:open M86019
N
:save-display m1
KEYS
check_has "a marked neighbour's status is whole" m1 "  M86605 LIMBRICK WOOD SURGERY    1.3   3,041    3,193      152 marked to close"

# At 60 columns the status shows whole (it read "can ta"); the capacity
# gives way, the headroom stays.
COLUMNS=60 run_keys <<'KEYS'
:open M86019
N
:save-display n1
KEYS
check_match "60 columns: the status whole" n1 "M86004 .* 1,488 can take$"
check_has "60 columns: the headroom heading" n1 "Headroom Status"

# A practice with no list size is not "full": its room is unknown.
run_keys <<'KEYS'
:open M84036
N
+
+
:save-display u1
KEYS
check_match "no list size: said, not full" u1 "M89016 .* - no list size$"
