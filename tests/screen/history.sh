# History: h shows who changed a practice, and when (notes, capacity, list
# status, contract fields), newest first; :history shows every practice's;
# Enter opens the card of the practice on the line.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
"$bin" --store "$store" set M86605 gp_fte 2.5 >/dev/null
"$bin" --store "$store" set M86605 contract.end 2028-03-31 >/dev/null
"$bin" --store "$store" set M86010 capacity 15000 >/dev/null
run_keys <<'KEYS'
:open M86605
:save-display c0
h
:save-display h1
q
a
"Lease ends in June
<Enter>
h
:save-display h2
q
q
:history
:save-display h3
<Enter>
:save-display h4
KEYS

# The demo's contracts file went in with the store: its fields are
# changes too, by the import (catchment history counts them all).
changes() { echo $(($("$bin" --store "$store" history --format csv "$@" | wc -l) - 1)); }
n605=$(changes M86605)
check_has "h on a card shows that practice's changes" h1 "$((n605 - 1)) changes to M86605, newest first"
check_has "... the contracts import among them" h1 "M86605 contract.type  - -> PMS"
check_has "the newest first: the contract end" "$(line_of h1 3 >l3; echo l3)" "M86605 contract.end   - -> 2028-03-31"
check_has "then the GP FTE, with old and new" "$(line_of h1 4 >l4; echo l4)" "M86605 gp_fte         unknown -> 2.5"
check_has "who made the change" h1 "$who"
check_lacks "not another practice's changes" h1 "M86010"
check_has "a note made in the session shows at once" h2 "$n605 changes to M86605"
check_has "with its text" h2 "note           Lease ends in June"
# Stamped by the system clock (no pin exists): a date and a time.
check_match "with the time it was made" h2 "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"
check_has ":history shows every practice" h3 "$(changes) changes, newest first"
check_has "including the other practice" h3 "M86010 capacity       unknown -> 15000"
check_has "Enter opens the card of the line's practice" h4 "M86605  LIMBRICK WOOD SURGERY"
check_has "the help lists the key" "$(run_keys <<'K'
?
:save-display hp
K
echo hp)" "Who changed what, and when"

# A long change wraps under its column instead of being cut at 80: a
# note and a milestone's field read whole; Enter on any of its lines
# opens the practice.
"$bin" --store "$store" set M86019 milestone.options_appraisal done >/dev/null
"$bin" --store "$store" note M86019 "Practice manager rang: two GPs retiring in March, list likely to close next spring" >/dev/null
run_keys <<'KEYS'
:open M86019
h
:save-display w1
j
<Enter>
:save-display w2
KEYS
check_has "a long note starts on its line" w1 "M86019 note           Practice manager rang:"
check_has "and goes on under it" w1 "                                                    GPs retiring in March,"
check_has "a long field wraps in its column" w1 "milestone.opti"
check_has "... whole" w1 "ons_appraisal"
check_has "Enter on a wrapped line opens the practice" w2 "M86019  WESTWOOD MEDICAL H/CENTRE"
