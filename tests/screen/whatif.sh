# What-if: x marks practices to close, w runs it, p cycles the policy,
# c changes a receiver's capacity, W saves the marked set as a scenario in
# the user's scenarios file, :scenario NAME loads one.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
w
:save-display s0
:open M86019
x
:save-display s1
w
:save-display s2
p
:save-display s3
p
p
p
:save-display s4
c
"30000
<Enter>
:save-display s5
W
"westwood-tui
<Enter>
:save-display s6
G
:save-display s7
:scenario willenhall-both-close
:save-display s8
:scenario no-such-thing
:save-display s9
KEYS

check_has "w with nothing marked says how to mark" s0 "Nothing marked to close: x marks a practice"
check_has "x on the card marks the practice" s1 "MARKED TO CLOSE (what-if)"
check_has "the title counts the marked practices" s1 "1 marked"
check_screen "the what-if of closing Westwood (optimal)" s2 <<'EOF'
 What-if  1 closing, 46 receiving                     as at 2026-04-01  1 marked
Scenario ad hoc   policy optimal (p)   growth +0.0% (%)
As at 2026-04-01; lists from the extract of 2026-04-01 (47 practices)
Closing M86019 WESTWOOD MEDICAL H/CENTRE (4,106 patients, 0 unplaced)
MODELLED: where patients live is the demo's stand-in, not NHS data
ILLUSTRATIVE: made-up capacity at M86034, M86004, M86010
Displaced 4,106   placed 4,106 within 8 km (d)   unplaced 0
Travel km: mean 2.17 before, 0.86 after, 90% within 1.52; 58 beyond 3 (r)
── Receivers (c changes a capacity; * set here; ~ assumed) ─────────────────────
  Code   Name                                 Gain  List/capacity     km  Growth
  M86034 WOODSIDE MEDICAL CENTRE            +1,143  10,985/11,700    1.0  +11.6%
  M86004 ALLESLEY PARK MEDICAL CTR            +789  21,301/22,000    0.8   +3.8%
  M86010 FORREST MEDICAL CENTRE               +669  13,706/14,400    1.0   +5.1%
  M86003 SKY BLUE MEDICAL GROUP               +195  17,211/17,866~   1.0   +1.1%
  M86018 MOSELEY AVENUE SURGERY               +157  11,702/12,122~   0.7   +1.4%
  M86605 LIMBRICK WOOD SURGERY                +152    3,193/3,193~   0.4   +5.0%
  M86622 GOVIND HEALTH CENTRE                 +145    3,406/3,424~   0.5   +4.4%
  M86030 KENSINGTON ROAD SURGERY              +138    5,363/5,486~   0.5   +2.6%
  M84036 ABBEY MEDICAL CENTRE                  +95  16,037/16,739~   2.2   +0.6%
  M86029 BROOMFIELD PARK MED.CTR.              +94  18,573/19,402~   0.6   +0.5%
  M84012 PARK LEYS MEDICAL PRACTICE            +68  17,367/18,163~   1.1   +0.4%
  M86027 CHEYLESMORE SURGERY                   +61  14,435/15,092~   0.6   +0.4%
  M86007 PHOENIX FAMILY CARE                   +34    5,819/6,074~   0.6   +0.6%
p policy  c capacity  d/r km  % growth  W save  Tab equality  Enter card  q back
EOF
check_has "p: the next policy (demand)" s3 "policy demand (p)"
check_has "demand: Limbrick Wood is over capacity, marked !" s3 "! M86605 LIMBRICK WOOD SURGERY"
check_has "... and the rule says what ! means" s3 "── Receivers (! over capacity; c changes a capacity; * set here; ~ assumed) ──"
check_lacks "no one over capacity: no ! in the rule" s2 "! over capacity"
grep -q "M86605.*3,216/3,193" s3 && pass "demand: its new list over its capacity" ||
    fail "demand: its new list over its capacity: $(grep M86605 s3)"
check_has "p three more: back to optimal" s4 "policy optimal (p)"
check_has "c: the receiver is still there" s5 "M86034 WOODSIDE MEDICAL CENTRE"
check_has "c: its capacity is the one typed" s5 "10,985/30,000"
check_has "W says where the scenario went" s6 "saved scenario westwood-tui (1 practice)"
saved=$HOME/.config/catchment/scenarios.yaml
if grep -q "name: \"westwood-tui\"" "$saved" && grep -A8 "westwood-tui" "$saved" | grep -q "M86019" &&
    grep -A8 "westwood-tui" "$saved" | grep -q "M86034: 30000"; then
    pass "the scenario is in the user's scenarios file with its practice and capacity"
else
    fail "the scenario is in the user's scenarios file: $(grep -A8 westwood-tui "$saved")"
fi
if cmp -s "$config" "$data/demo.yaml" && [ ! -e "$config.bak" ]; then
    pass "the config given with --config is not rewritten"
else
    fail "the config given with --config was rewritten"
fi
"$bin" --store "$store" --config "$config" scenario run westwood-tui >run.txt 2>&1 &&
    pass "the saved scenario runs from the command line" ||
    fail "the saved scenario runs from the command line: $(cat run.txt)"
check_has "the equality breakdown by IMD quintile" s7 "IMD 1 (most deprived)"
check_has "and the 75+" s7 "Aged 75+ (est.)"
check_has ":scenario loads a named scenario" s8 "Scenario willenhall-both-close   policy choice (p)   growth +2.0% (%)"
check_has ":scenario closes its practices" s8 "Closing M86033 WILLENHAL OAK MEDICAL CENTRE"
check_has ":scenario with an unknown name says so" s9 "no scenario 'no-such-thing'"

# At 60 columns the summary's lines wrap: the closing practice's unplaced
# count keeps its word, and the MODELLED warning its end.
COLUMNS=60 run_keys <<'KEYS'
:open M86019
x
w
:save-display n1
KEYS
check_has "60 columns: the closing line whole" n1 "0 unplaced)"
check_has "60 columns: the MODELLED line whole" n1 "  NHS data"
check_has "60 columns: the as-at line whole" n1 "  practices)"
check_has "60 columns: the travel line whole" n1 "beyond 3 (r)"
check_has "60 columns: the receivers follow" n1 "M86034 WOODSIDE"
