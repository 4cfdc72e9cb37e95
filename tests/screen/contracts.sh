# Contracts by end date with the next milestone counted back from the end
# (config milestones), and whether earlier ones are overdue today.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
C
:save-display s1
<Enter>
:save-display s2
KEYS
check_screen "contracts at 80x24 on 2026-11-23" s1 <<'EOF'
 Contracts  4 with an end date                                  as at 2026-04-01
Today 2026-11-23; milestones, in months before the contract end:
  options appraisal 18, engagement 15, procurement 12, award 6, mobilisation 3
  Code   Name                        Ends       Next milestone     Days Overdue
  M86019 WESTWOOD MEDICAL H/CENTRE   2027-03-31 mobilisation         38 yes
  Y00060 THE ANCHOR CENTRE           2027-09-30 award               127 yes
  Y00140 TORCROSS MEDICAL CENTRE     2028-03-31 engagement           38 yes
  Y04965 ALLIANCE TEACHING PRACTICES 2030-03-31 options appraisal   677















Enter card  / search  x mark  w what-if  C contracts  q back  * list 6m+ old
EOF
check_has "Enter opens the contract's practice" s2 "M86019  WESTWOOD MEDICAL H/CENTRE"

# Another day, other milestones: the date is pinned by CATCHMENT_TODAY.
CATCHMENT_TODAY=2028-01-15 run_keys <<'KEYS'
C
:save-display s3
KEYS
check_has "a contract that has ended says so" s3 "M86019 WESTWOOD MEDICAL H/CENTRE   2027-03-31 contract end       -290 ended"
check_has "the next milestone moves with today" s3 "Y00140 TORCROSS MEDICAL CENTRE     2028-03-31 contract end         76 all"
COLUMNS=120 run_keys <<'KEYS'
C
:save-display s4
KEYS
check_has "a wide terminal shows the type and the due date" s4 "APMS 2027-03-31 mobilisation      2026-12-31    38 yes"
