# Every figure as at one date in the terminal interface: the date in every
# title, :as-at and D, stale lists marked with a legend (in monochrome
# too), closed practices refused when marked, and the Coventry APMS case
# end to end with residence unknown and age not assessed.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:save-display s0
:open Y04952
:save-display s1
x
:save-display s2
:as-at 2021-01-01
:save-display s3
x
:open Y04947
x
:open Y04951
x
w
:save-display s4
G
:save-display s4b
q
q
q
q
@
"2026-04-01
<Enter>
:save-display s5
:as-at 2019-01-01
:save-display s6
:as-at soon
:save-display s7
KEYS

check_has "the title says the date (the newest extract)" s0 "as at 2026-04-01"
check_has "a stale list is marked" s0 "5,852*"
check_has "and the mark has its legend" s0 "* 6m+ old"
check_has "the list says when a practice closed, with no capacity" s0 \
    "Y04952 BROAD LANE SURGERY    3,894*       -       -      - -          cl 2022"
check_has "a closed practice's card says when it closed" s1 "INACTIVE, CLOSED on 2022-07-31"
check_has "its last list, marked as old" s1 "3,894 patients on 2021-01-01* (its last list)"
check_has "no capacity for it" s1 "- (not open on the as-at date), headroom -"
check_has "the card's history as numbers" s1 "Earliest 3,894 (2021-01-01)"
check_has "marking it is refused, with the reason and the way out" s2 \
    "Y04952 BROAD LANE SURGERY closed on 2022-07-31; to model its closure run as at"
check_lacks "so it is not marked" s2 "MARKED TO CLOSE"
check_has ":as-at takes every screen to that date" s3 "as at 2021-01-01"
check_has "where the practice was open" s3 "INACTIVE, open on 2021-01-01 (closes 2022-07-31)"

# The Coventry case: three practices marked as at January 2021.  (The
# demo's capacity figures are recorded from 2026-04-01: as at 2021 every
# receiver has the default headroom of its list, so more of them take
# patients.)
check_has "coventry: the what-if is as at 2021-01-01, every list from that extract" s4 \
    "As at 2021-01-01; lists from the extract of 2021-01-01 (40 practices)"
check_has "coventry: January 2021's lists, nobody counted twice" s4 "Displaced 13,417"
check_has "coventry: their residence is unknown" s4 "Residence unknown 13,417"
check_has "coventry: and left out of the travel figures" s4 "Travel km: mean - before, - after"
check_has "coventry: no age data is not assessed, not 0" s4b "Aged 65+ (est.)            not assessed"
check_has "coventry: three marked" s4 "3 marked"

check_has "D asks for a date and goes there" s5 "as at 2026-04-01"
check_has "a date before every extract is refused, naming the earliest" s6 \
    "no list-size extract on or before 2019-01-01; the earliest is 2021-01-01"
check_has "and leaves the date as it was" s6 "as at 2026-04-01"
check_has "a bad date says so" s7 "as-at: 'soon' is not a date"

# --as-at starts the interface at a date; NO_COLOR keeps the mark.
run_keys --as-at 2021-01-01 <<'KEYS'
:save-display s8
KEYS
check_has "--as-at opens the interface at that date" s8 "as at 2021-01-01"
printf ':save-display s9\n' | NO_COLOR=1 run_keys
check_has "monochrome: the stale mark and legend are characters" s9 "* 6m+ old"

# A scenario's as_at moves every screen to its date when loaded.
cat >"$config" <<'YAML'
scenarios:
  - name: coventry-apms
    close: [Y04947, Y04951, Y04952]
    as_at: 2021-01-01
YAML
run_keys <<'KEYS'
:scenario coventry-apms
:save-display s10
KEYS
check_has "a scenario's as_at: the what-if as at its date" s10 "As at 2021-01-01; lists from the extract of 2021-01-01"
check_has "and the title says so" s10 "as at 2021-01-01  3 marked"

# Search results say the status too.
run_keys <<'KEYS'
/
"broad lane
:save-display s11
KEYS
check_has "search: a closed practice's status and year" s11 "Y04952 BROAD LANE SURGERY"
check_has "search: status and close date" s11 "closed 2022-07-31"
