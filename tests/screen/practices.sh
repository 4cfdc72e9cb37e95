# The practice list: the first screen, sorting, filters, closed practices
# dimmed.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:save-display s1
:save-attrs a1
s
:save-display s2
:sort list
S
g
:save-display s3
G
:save-display s4
:filter all
:sort name
f
:save-display s5
:filter pcn U49145
:save-display s6
:filter subicb B2M3M
:save-display s7
:filter expiring 60
:save-display s8
:filter nonsense
:save-display s9
KEYS

check_screen "the practice list at 80x24, sorted by name" s1 <<'EOF'
 Practices  142 of 142  sort name  filter all                   as at 2026-04-01
  Code   Name▲                   List     12m     Cap   Room Ends       Status
  M84036 ABBEY MEDICAL CENTRE  15,942       -  16,739    797 -          open
  M84049 ALCESTER HEALTH CENT   6,064       -   6,367    303 -          open
  M86004 ALLESLEY PARK MEDICA  20,512       -  22,000  1,488 -          open
  M86039 ALLESLEY VILLAGE SUR   4,804       -   5,044    240 -          list-cl
  Y04965 ALLIANCE TEACHING PR  21,616       -  22,696  1,080 2030-03-31 open
  M84003 ARBURY MEDICAL CENTR   9,735       -  10,221    486 -          open
  Y04951 ARDEN HEALTHCARE CEN  5,852*       -       -      - -          cl 2022
  M84617 ARDEN MEDICAL CENTRE       -       -       -      - -          cl 2021
  M84010 AVONSIDE HEALTH CENT  10,459       -  10,981    522 -          open
  M86023 BALLIOL ROAD SURGERY  5,087*       -       -      - -          cl 2022
  M89016 BALSALL COMMON & MER       -       -       -      - -          open
  M84011 BEDWORTH HEALTH CENT  21,598       -  22,677  1,079 -          open
  M84065 BEECH TREE MEDICAL P   8,275       -   8,688    413 -          open
  M84067 BENNFIELD SURGERY      7,657       -   8,039    382 -          open
  M84018 BIDFORD HEALTH CENTR  14,357       -  15,074    717 -          open
  M86038 BREDON AVENUE SURGER   2,621       -   2,752    131 -          open
  M84014 BRIDGE HOUSE MEDICAL   9,319       -   9,784    465 -          open
  Y04952 BROAD LANE SURGERY    3,894*       -       -      - -          cl 2022
  M84616 BROOKSIDE SURGERY      4,458       -   4,680    222 -          open
  M86029 BROOMFIELD PARK MED.  18,479       -  19,402    923 -          open
  Y06218 BROWNSOVER MEDICAL C   9,740       -  10,227    487 -          open
Enter card  / search  x mark  w what-if  C contracts  q quit  * 6m+ old
EOF

# Row 9 (Arden Healthcare) is a closed practice; row 6 an open one.
if [ "$(line_of a1 9)" = "$(printf '4%.0s' $(seq 80))" ] &&
    [ "$(line_of a1 6 | tr -d 0)" = "" ]; then
    pass "closed practices are dimmed, open ones are not"
else
    fail "closed practices are dimmed: $(line_of a1 6) / $(line_of a1 9)"
fi
check_has "s sorts by the next column (town)" s2 "sort town  filter all"
check_has "S reverses the order" s3 "sort list desc"
check_has "the sorted column is marked in the header" s3 "List▼"
check_has "largest list first when reversed" s3 "  M86009 ENGLETON HOUSE SURGE  25,535"
check_has "unknown list sizes sort last either way" s4 "  M84045 DR REILY & PARTNERS        -"
check_has "f: active practices only" s5 "121 of 142  sort name  filter active"
check_lacks "f hides closed practices" s5 "closed"
check_has ":filter pcn CODE" s6 "filter PCN U49145"
check_has ":filter pcn lists the PCN's practices" s6 "M86019 WESTWOOD MEDICAL H/C   4,106       -   4,311    205 2027-03-31 open"
check_has ":filter subicb CODE" s7 "filter sub-ICB B2M3M"
check_has ":filter expiring MONTHS" s8 "filter ending within 60 months"
check_has ":filter expiring lists contracts ending in time" s8 "Y04965 ALLIANCE TEACHING PR"
check_has "a bad filter says what is allowed" s9 "filter: all, active, pcn [CODE], subicb [CODE], expiring [MONTHS]"

# On the first screen q quits (asking when there is work to lose), so its
# footer says so; a screen above it goes back.
run_keys <<'KEYS'
:save-display q1
C
:save-display q2
KEYS
check_has "the first screen's q says quit" q1 "q quit"
check_lacks "not back" q1 "q back"
check_has "the contracts above it: q back" q2 "q back"

# At 60 columns the status still shows (a closed practice read as open
# with its Status cut off); the 12-month trend gives way first.
COLUMNS=60 run_keys <<'KEYS'
:save-display n1
KEYS
check_match "60 columns: a closed practice says so" n1 "Y04951 .*cl 2022"
check_has "60 columns: the Status heading" n1 "Status"
