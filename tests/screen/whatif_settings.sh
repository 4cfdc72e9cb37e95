# The what-if's settings from the keyboard: d the furthest a patient is
# sent, r a reasonable journey, % growth (Enter alone: the config's);
# each receiver says how far its patients come and from which closing
# practice; each closing practice says how many are left unplaced; Tab
# goes to the equality table and back; numbers carry separators.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:scenario willenhall-both-close
:save-display s0
d
"2
<Enter>
:save-display s1
r
"1.5
<Enter>
%
"3.5
<Enter>
:save-display s2
d
<Enter>
:save-display s3
<Tab>
:save-display s4
<Tab>
:save-display s5
KEYS
check_has "the summary names the keys of the settings" s0 "policy choice (p)   growth +2.0% (%)"
check_has "... and of the distances" s0 "placed 12,140 within 8 km (d)   unplaced 0"
check_has "... with separators" s0 "4,314 beyond 3 (r)"
check_has "a receiver's distance and closing practice" s0 "  Code   Name                         Gain  List/capacity     km From     Growth"
check_has "... from the practice most come from (+: others too)" s0 "  M86015 KENYON MEDICAL CENTRES     +2,076  16,000/16,000*   1.2 M86001+  +14.9%"
check_has "a closing practice's unplaced patients" s0 "Closing M86001 WILLENHALL PRIMARY CARE CENTRE (7,225 patients, 0 unplaced)"
check_has "the summary and the first receivers fit 80x24" s0 "M86029 BROOMFIELD PARK MED.CTR."
check_has "the receivers whose capacity is made up are named" s0 \
    "ILLUSTRATIVE: made-up capacity at M86004, M86010, M86034"
check_has "the keys are in the status bar" s0 "p policy  c capacity  d/r km  % growth  W save  Tab equality  Enter card  q back"
check_has "d: the furthest a patient is sent" s1 "within 2 km (d)"
check_lacks "d: a nearer limit leaves patients unplaced" s1 " 0 unplaced)"
check_has "r: a reasonable journey" s2 "beyond 1.5 (r)"
check_has "%: growth" s2 "growth +3.5% (%)"
check_has "d then Enter: the config's distance again" s3 "within 8 km (d)"
check_has "Tab: the equality table, naming the IMD edition" s4 "Equality, IMD 2019 (km: mean before, after; beyond reasonable)"
check_lacks "Tab: the equality table at the top" s4 "Receivers ("
check_has "Tab again: the receivers" s5 "Receivers ("
