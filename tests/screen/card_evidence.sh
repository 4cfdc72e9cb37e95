# The card with published evidence: the GP FTE says where it came from and
# its month, and the published headline figures follow with their periods.
. "$(dirname "$0")/lib.sh"
make_store
fx=$top/tests/data/import
"$bin" --store "$store" import --quiet "$fx/gpw-practice-detailed-2026-03-constructed.csv" \
    "$fx/GPPS_2025_Practice_data_(weighted)_(csv)_PUBLIC-constructed.csv" \
    "$fx/appointments-practice-level-2026-04-constructed.csv" \
    "$fx/ebranchs-constructed.csv" >/dev/null 2>&1 || fail "the evidence files import"
cd "$tmp"
run_keys <<'KEYS'
:open M86019
:save-display s0
G
:save-display s1
KEYS

check_has "the GP FTE from the workforce file, with its month" s1 "GP FTE 2.5 (gp-workforce 2026-03-01)"
check_has "capacity from it" s0 "4,500 patients (gp-fte)"
check_has "the published evidence" s1 "Published evidence"
check_has "appointments per 1,000 with the month" s1 "Appointments per 1,000 patients 463 (2026-04)"
check_has "a survey figure with its year and source" s1 "Good overall experience (%) 73.1 (2025 survey, gpps)"
check_has "an open branch site" s1 "Branch M86019001 WESTWOOD SURGERY TILE HILL BRANCH CV4 9HA"
