# Every figure as at one date, on the bundled demo: the Coventry APMS case
# (Stoke Aldermoor Y04947, Arden Y04951 and Broad Lane Y04952, which closed
# in 2022), the refusal of a practice already closed, the residence-unknown
# count and the age groups not assessed.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
cov=Y04947,Y04951,Y04952

# The default: the date of the newest list-size extract (April 2026).
j=$(q scenario run westwood-ends --format json)
check_eq "json: as_at defaults to the newest extract" "$(echo "$j" | jq -r .as_at)" 2026-04-01
check_eq "json: each receiver's list says its date" \
    "$(echo "$j" | jq -r '[.receivers[].list_date] | unique | join(",")')" 2026-04-01
check_eq "json: the extracts the figures rest on" \
    "$(echo "$j" | jq -c '[.list_extracts[] | [.date, .stale]]')" '[["2026-04-01",false]]'

# Closed practices are refused, with the reason and the way out.
check_exit "closing a practice closed in 2022 is refused" 1 q scenario run --close $cov
check_has "the refusal says when it closed and what to do" "$(cat "$tmp/err")" \
    "Y04947 MALLING HEALTH AT STOKE ALDERMOOR closed on 2022-07-31; to model its closure run as at an earlier date (--as-at 2022-07-01)"
check_exit "refused in a named scenario too" 1 q --as-at 2023-01-01 scenario run --close Y04952
check_has "the refusal for Broad Lane" "$(cat "$tmp/err")" "Y04952 BROAD LANE SURGERY closed on 2022-07-31"

# The Coventry case, as at January 2021: every list from the 2021-01 extract.
j=$(q --as-at 2021-01-01 scenario run --close $cov --format json)
check_eq "coventry: as at 2021-01-01" "$(echo "$j" | jq -r .as_at)" 2021-01-01
check_eq "coventry: the closing lists are January 2021's (3671+5852+3894)" \
    "$(echo "$j" | jq .displaced)" 13417
check_eq "coventry: every list from the 2021-01 extract" \
    "$(echo "$j" | jq -r '[.closed[].list_date, .receivers[].list_date] | unique | join(",")')" 2021-01-01
check_eq "coventry: nobody counted twice (receivers' lists are 2021's too)" \
    "$(echo "$j" | jq '.receivers[] | select(.code == "M86034") | .list_before')" 10760
check_eq "coventry: a practice with no list then receives nobody" \
    "$(echo "$j" | jq '[.receivers[] | select(.code == "M84001")] | length')" 0
check_eq "coventry: the placed + unplaced add up" "$(echo "$j" | jq '.placed + .unplaced')" 13417

# Unknowns: no registrations by area in 2021 -> residence unknown, no
# travel figure; no age profile -> not assessed (null), never zero.
check_eq "residence unknown: every displaced patient" "$(echo "$j" | jq .residence_unknown)" 13417
check_eq "travel before is unknown, not 0 km" "$(echo "$j" | jq .travel.mean_km_before)" null
check_eq "travel after leaves them out" "$(echo "$j" | jq .travel.mean_km_after)" null
check_eq "flows of unknown residence have no km" \
    "$(echo "$j" | jq '[.flows[] | select(.residence_unknown and .km != null)] | length')" 0
check_eq "their IMD is unknown, not their practice's area" \
    "$(echo "$j" | jq '.equality[0].displaced')" 13417
check_eq "the IMD-unknown row has no km figure" "$(echo "$j" | jq '.equality[0].mean_km_before')" null
check_eq "aged 65+: not assessed" "$(echo "$j" | jq -c '.equality[6] | [.assessed, .displaced]')" '[false,null]'
check_eq "the practices with no age data are named" "$(echo "$j" | jq -c .age_not_assessed)" \
    '["Y04947","Y04951","Y04952"]'

t=$(q --as-at 2021-01-01 scenario run --close $cov)
check_has "table: the as-at line" "$t" "As at 2021-01-01; lists from the extract of 2021-01-01"
check_has "table: residence unknown" "$t" "residence unknown 13,417"
check_has "table: travel says who is left out" "$t" "the 13,417 whose home area is unknown are left out"
check_has "table: age not assessed" "$t" "aged 65+ (estimated)  not assessed"

md=$(q --as-at 2021-01-01 scenario run --close $cov --format md)
check_has "paper: the as-at date in the title" "$md" "# Closure what-if: ad hoc, as at 2021-01-01"
check_has "paper: the extracts used" "$md" "lists from the extract of 2021-01-01"
check_has "paper: residence unknown" "$(echo "$md" | grep 'Residence unknown (left out of travel figures)')" \
    "13,417"
check_has "paper: no 0 km for unknown homes" "$(echo "$md" | grep 'Mean travel before (km)')" " - "
check_has "paper: names the practices with no age data" "$md" \
    "**age groups are not assessed** for Y04947 MALLING HEALTH AT STOKE ALDERMOOR"

# A stale list: as at a date over six months after the newest extract.
j=$(q --as-at 2027-01-01 scenario run --close M86019 --format json)
check_eq "stale: the closing list is flagged" "$(echo "$j" | jq .closed[0].list_stale)" true
check_has "stale: in the paper" "$(q --as-at 2027-01-01 scenario run --close M86019 --format md)" \
    "STALE: over 6 months before"

# A date before every extract.
check_exit "no extract on or before the date" 1 q --as-at 2019-01-01 scenario run westwood-ends
check_has "the error names the earliest extract" "$(cat "$tmp/err")" \
    "no list-size extract on or before 2019-01-01; the earliest is 2021-01-01 (run as at 2021-01-01 or later)"
check_exit "a bad --as-at is a usage error" 2 q --as-at 2021-13-45 scenario list

# A scenario's as_at: key, and --as-at winning over it.
cat >"$tmp/cov.yaml" <<'YAML'
scenarios:
  - name: coventry-apms
    close: [Y04947, Y04951, Y04952]
    as_at: 2021-01-01
YAML
j=$("$bin" --store "$st" --config "$tmp/cov.yaml" scenario run coventry-apms --format json)
check_eq "as_at: in a scenario" "$(echo "$j" | jq -r .as_at)" 2021-01-01
check_exit "--as-at wins over the scenario's" 1 \
    "$bin" --store "$st" --config "$tmp/cov.yaml" --as-at 2023-01-01 scenario run coventry-apms
check_has "config show keeps as_at" "$("$bin" --config "$tmp/cov.yaml" config show 2>&1)" "as_at: 2021-01-01"
printf 'scenarios:\n  - name: x\n    close: [M86019]\n    as_at: soon\n' >"$tmp/bad.yaml"
check_exit "a bad as_at is refused" 1 "$bin" --store "$st" --config "$tmp/bad.yaml" scenario list
check_has "at its line and column" "$(cat "$tmp/err")" "bad.yaml:4:12: as_at must be a date"

# The card as at a date: a closed practice says when, shows its last list
# with its date, and no capacity or headroom.
t=$(q show Y04952)
check_has "card: closed, and when" "$t" "CLOSED on 2022-07-31"
check_has "card: its last list with its date, flagged stale" "$t" \
    "3,894 on 2021-01-01 (STALE: over 6 months before the as-at date) (its last list)"
check_has "card: no capacity for a closed practice" "$t" "Capacity     - (not open on the as-at date)"
j=$(q show Y04952 --format json)
check_eq "card json: capacity and headroom null" "$(echo "$j" | jq -c '[.open, .capacity.capacity, .capacity.headroom]')" \
    '[false,null,null]'
j=$(q --as-at 2021-01-01 show Y04952 --format json)
check_eq "card json: as at 2021, open with its list then" \
    "$(echo "$j" | jq -c '[.as_at, .open, .list_size, .list_date, .list_stale]')" \
    '["2021-01-01",true,3894,"2021-01-01",false]'
j=$(q --as-at 2021-01-01 show M86010 --format json)
check_eq "card as at 2021: the history stops at the date" "$(echo "$j" | jq '.history | length')" 1

# History as numbers beside the history.
j=$(q show M86010 --format json)
check_eq "history as numbers: earliest, with its change to the latest" \
    "$(echo "$j" | jq -c '.history_summary.earliest')" \
    '{"date":"2021-01-01","patients":10647,"change_to_latest_pct":22.4}'
check_eq "history as numbers: no point a year before" "$(echo "$j" | jq '.history_summary.year_before')" null
check_has "card: the earliest as a number" "$(q show M86010)" "Earliest     10,647 on 2021-01-01 (+22.4% to the latest)"

# Search and near show status, close date and list date.
t=$(q search Y04952 --all)
check_has "search --all: a closed practice says so" "$t" "closed  2022-07-31"
check_exit "search: a closed practice is left out by default" 1 q search Y04952
t=$(q --as-at 2021-01-01 search Y04952)
check_has "search as at 2021: it was open then" "$t" "BROAD LANE SURGERY  open"
j=$(q near Y04952 --all --km 1.5 --format json)
check_eq "near: a closed practice has no capacity or headroom" \
    "$(echo "$j" | jq -c '.[] | select(.code == "M86629") | [.capacity, .headroom, .list]')" \
    '[null,null,"practice closed"]'
check_eq "near: list dates" "$(echo "$j" | jq -r '.[] | select(.code == "M86034") | .list_date')" 2026-04-01

# Every query says its date: a first line in tables, a key in JSON rows.
check_has "near: the table starts with the date" "$(q near M86019 --km 2)" "As at 2026-04-01 (the newest list-size extract)"
check_has "search: as asked for" "$(q --as-at 2021-01-01 search westwood)" "As at 2021-01-01"
# A store with the register but no list-size extract: as at today, and it
# says so; no extract is claimed.
st0=$tmp/st0
"$bin" --store "$st0" import "$data/epraccur-coventry-warwickshire-2026.csv" >/dev/null
today=$CATCHMENT_TODAY # pinned by lib.sh
for c in "search surgery" "contracts" "list"; do
    t=$("$bin" --store "$st0" $c 2>/dev/null)
    check_has "no extract: $c says as at today, and why" "$t" \
        "As at $today (today: no list-size extract in the store)"
    check_eq "no extract: $c claims no extract" "$(echo "$t" | grep -c 'newest list-size extract')" 0
done
check_eq "contracts json: as_at on each row" "$(q contracts --format json | jq -r '[.[].as_at] | unique | join(",")')" 2026-04-01
check_eq "search json: as_at and the list's date" \
    "$(q --as-at 2021-01-01 search westwood --format json | jq -c '.[0] | [.as_at, .list_date]')" '["2021-01-01","2021-01-01"]'
check_eq "csv has no extra line" "$(q near M86019 --km 2 --format csv | head -1 | cut -c1-8)" "Code,Nam"

# Registrations by area as at a date: each extract is kept, and a what-if
# uses each practice's newest on or before its date.  A constructed
# January 2021 extract for Westwood (M86019) beside the demo's April 2026
# modelled one.
st2=$tmp/st2
"$top/scripts/demo-store.sh" "$bin" "$st2" >/dev/null
printf '%s\n' "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS" \
    "GP_PRAC_PAT_LIST,01JAN2021,M86019,WESTWOOD MEDICAL H/CENTRE,E01009681,ALL,3000" \
    "GP_PRAC_PAT_LIST,01JAN2021,M86019,WESTWOOD MEDICAL H/CENTRE,E01009522,ALL,1576" \
    >"$tmp/reg2021.csv"
q2() { "$bin" --store "$st2" --config "$data/demo.yaml" "$@"; }
check "an older registrations extract imports beside a newer one" q2 import "$tmp/reg2021.csv"
j=$(q2 --as-at 2021-01-01 scenario run --close M86019 --format json)
check_eq "as at 2021: January 2021's registrations, not 2026's" \
    "$(echo "$j" | jq -c '.closed[0] | [.areas_date, .modelled]')" '["2021-01-01",false]'
check_eq "as at 2021: its two areas" "$(echo "$j" | jq '[.flows[].area] | unique | length')" 2
j=$(q2 scenario run --close M86019 --format json)
check_eq "as at 2026: the April 2026 extract, still there" \
    "$(echo "$j" | jq -c '.closed[0] | [.areas_date, .modelled]')" '["2026-04-01",true]'
check_exit "a practice with no list on the date cannot be closed" 1 q --as-at 2021-01-01 scenario run --close M84001
check_has "the refusal says why" "$(cat "$tmp/err")" "M84001 RED ROOFS SURGERY has no list-size extract on or before 2021-01-01"
