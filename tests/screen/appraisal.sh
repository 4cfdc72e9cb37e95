# The options appraisal on screen: A from the card of the demo's expiring
# contract (Westwood) shows the scores entered, the recommendation and the
# evidence held for each factor.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
q() { "$bin" --store "$store" --config "$config" "$@" >/dev/null; }
q appraisal M86019 option disperse westwood-ends
q appraisal M86019 score reprocure finance 4 "Within the allocation"
q appraisal M86019 score reprocure provision 2 "Few neighbours with room"
q appraisal M86019 score disperse provision 1 "Receivers near capacity"
q appraisal M86019 recommend reprocure "Keeps a practice in Tile Hill"
run_keys <<'KEYS'
:open M86019
:save-display c0
A
:save-display a1
<Space>
:save-display a2
q
q
:open M86010
A
:save-display a3
KEYS

check_has "the card names the key" c0 "A appraisal"
check_has "A opens the appraisal" a1 "M86019  WESTWOOD MEDICAL H/CENTRE: contract APMS, ending 2027-03-31"
check_has "the title" a1 "Options appraisal"
check_has "the factors as columns" a1 "Option         finan perfo susta size  provi need   Weighted"
check_has "scores with their RAG, and the weighted score" a1 "reprocure      4 G   -     -     -     2 R   -      3.00 (2 of 6)"
check_has "an option not scored says so" a1 "caretaker      -     -     -     -     -     -      not scored"
check_has "the disperse option's scenario" a1 "Close the practice and disperse its list: westwood-ends"
check_has "the recommendation, not yet approved" a1 "Not yet approved"
check_has "the evidence further down" a2 "Dispersal what-if (westwood-ends, optimal policy)"
check_has "what is not held says so" a2 "not held"
check_has "an open-ended contract" a3 "M86010  FORREST MEDICAL CENTRE: contract GMS, no end date"
