# :backtest: the model checked against past closures, as a view; on the
# demo every closure since January 2021 looks like a transfer, and Enter
# opens the card of the practice on the line.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:backtest
:save-display b1
<Down>
<Down>
<Down>
<Down>
<Enter>
:save-display b2
KEYS

check_has "the title counts the closures" b1 "4 closures, 0 scored"
check_has "the extracts and the trend" b1 "Extracts 2021-01-01 and 2026-04-01; trend +14.5% (62 practices in both)"
check_has "transfers are said to be inferred" b1 "4 closed: 0 dispersals, 4 transfers (inferred: no ODS successor file)"
check_has "each closure with what it was" b1 "M86023 BALLIOL ROAD SURGERY             5,087  likely transfer to Y04965"
check_has "and why nothing is scored" b1 "No dispersal to check: every closure was a transfer"
check_has "Enter opens the practice's card" b2 "BALLIOL ROAD SURGERY"
check_has "the card, not the back-test" b2 "Card"
