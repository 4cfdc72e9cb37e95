# Where patients would really go (the demand policy, over capacity) and
# the dispersal as it is run (self-registration, intakes, weeks, the
# allocation file), on the bundled demo, from the user's side.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

conserved() { # label json
    check_eq "$1: placed + unplaced = displaced" "$(echo "$2" | jq '.placed + .unplaced')" \
        "$(echo "$2" | jq .displaced)"
    check_eq "$1: the flows add up to the displaced" \
        "$(echo "$2" | jq '[.flows[].patients] | add')" "$(echo "$2" | jq .displaced)"
}

# Abbey Medical Centre, Kenilworth: under demand everyone in reach is
# placed, and Castle Medical Centre next door goes far over capacity.
j=$(q scenario run --close M84036 --policy demand --format json)
conserved "demand" "$j"
check_eq "demand: the policy is named" "$(echo "$j" | jq -r .policy)" demand
check_eq "demand: nobody unplaced (every area has a practice in reach)" \
    "$(echo "$j" | jq .unplaced)" 0
check "demand: some receivers go over capacity" \
    test "$(echo "$j" | jq .receivers_over_capacity)" -gt 0
check_eq "demand: Castle Medical Centre is over capacity" \
    "$(echo "$j" | jq '.receivers[] | select(.code == "M84013") | .over_capacity')" true
check_eq "demand: over_by is the new list less the capacity, for every receiver" \
    "$(echo "$j" | jq '[.receivers[] | .over_by == ([.list_after - .capacity, 0] | max)] | all')" true
check_eq "demand: the patients over are the receivers' over_by added up" \
    "$(echo "$j" | jq '[.receivers[].over_by] | add')" "$(echo "$j" | jq .patients_over_capacity)"
t=$(q scenario run --close M84036 --policy demand)
check_has "table: the over-capacity line" "$t" "Over capacity: $(echo "$j" | jq .receivers_over_capacity) receiver"
check_has "table: the receiver marked YES" "$(echo "$t" | grep M84013)" "YES"
check_has "csv: an Over by column" "$(q scenario run --close M84036 --policy demand --format csv | head -1)" \
    "Over capacity,Over by"
md=$(q scenario run --close M84036 --policy demand --format md)
check_has "md: the demand policy is explained" "$md" "if no practice refused"
check_has "md: who would go over capacity" "$md" "1 practice would go over capacity (M84013)"
check_eq "md: the patients over capacity" \
    "$(printf '%s\n' "$md" | grep '^| Patients over capacity ' | sed 's/.*| *\([0-9,]*\) |$/\1/')" \
    "$(echo "$j" | jq .patients_over_capacity | sed 's/\(.\)\(...\)$/\1,\2/')"

# A capped policy never goes over, but says which receivers it filled.
j=$(q scenario run --close M84036 --policy optimal --format json)
conserved "optimal" "$j"
check_eq "optimal: nobody newly over capacity" \
    "$(echo "$j" | jq '[.receivers[] | select(.over_capacity and (.over_capacity_before | not))] | length')" 0
check "optimal: some receivers are filled to capacity" test "$(echo "$j" | jq .receivers_full)" -gt 0
check_eq "optimal: full means the new list is the capacity" \
    "$(echo "$j" | jq '[.receivers[] | select(.full) | .list_after == .capacity] | all')" true
check_has "table: full receivers are marked" "$(q scenario run --close M84036 --policy optimal)" " full "

# The dispersal as it is run: the demo's abbey-as-run scenario.
j=$(q scenario run abbey-as-run --format json)
conserved "as run" "$j"
check_eq "as run: self-registered + allocated = placed" \
    "$(echo "$j" | jq '.as_run.self_registered + .as_run.allocated')" "$(echo "$j" | jq .placed)"
check_eq "as run: a receiver's gain is its self-registered plus allocated" \
    "$(echo "$j" | jq '[.receivers[] | .gain == .self_registered + .allocated] | all')" true
check_eq "as run: no receiver is allocated more than its intake" \
    "$(echo "$j" | jq '[.receivers[] | select(.intake != null) | .allocated <= .intake] | all')" true
check_eq "as run: Castle takes its whole intake of 1500" \
    "$(echo "$j" | jq '.receivers[] | select(.code == "M84013") | .allocated')" 1500
check_eq "as run: Castle's 1500 at 40 a day take 38 working days" \
    "$(echo "$j" | jq '.receivers[] | select(.code == "M84013") | .allocation_days')" 38
check_eq "as run: days are the allocation over the rate, rounded up" \
    "$(echo "$j" | jq '[.receivers[] | select(.code != "M84013") | .allocation_days == ((.allocated + 19) / 20 | floor)] | all')" true
check_eq "as run: weeks are the longest receiver's days over five, rounded up" \
    "$(echo "$j" | jq '.as_run.weeks')" \
    "$(echo "$j" | jq '[.receivers[].allocation_days] | max | (. + 4) / 5 | floor')"
check_has "table: the as-run line" "$(q scenario run abbey-as-run)" "chose for themselves (61%, uncapped)"

# Without a rate the weeks are unknown, not zero.
j=$(q scenario run --close M84036 --self-register 50 --format json)
check_eq "no rate: weeks are null" "$(echo "$j" | jq .as_run.weeks)" null
check_eq "no rate: a receiver's days are null" \
    "$(echo "$j" | jq '[.receivers[] | select(.allocated > 0) | .allocation_days] | unique')" "[
  null
]"
check_has "no rate: the table says why" "$(q scenario run --close M84036 --self-register 50)" \
    "not known (a receiver has no allocation_per_day)"

# The allocation file PCSE works from.
q scenario run abbey-as-run --allocation "$tmp/alloc.csv" >/dev/null
check_eq "allocation: the header" "$(head -1 "$tmp/alloc.csv" | tr -d '\r')" \
    "area,area_kind,closing_practice,receiving_practice,receiving_name,patients"
check_eq "allocation: its patients are the allocated ones" \
    "$(awk -F, 'NR > 1 { n += $NF } END { print n }' "$tmp/alloc.csv")" \
    "$(q scenario run abbey-as-run --format json | jq '.as_run.allocated + .unplaced')"
check_eq "allocation: Castle's rows add up to its intake" \
    "$(awk -F, '$4 == "M84013" { n += $NF } END { print n }' "$tmp/alloc.csv")" 1500
check_has "allocation: modelled areas are labelled" "$(sed -n 2p "$tmp/alloc.csv")" "LSOA (MODELLED)"
ln -s "$tmp/victim" "$tmp/link.csv"
q scenario run abbey-as-run --allocation "$tmp/link.csv" >/dev/null
check "allocation: a symbolic link at the name is replaced, not written through" \
    test ! -e "$tmp/victim" -a ! -L "$tmp/link.csv" -a -s "$tmp/link.csv"

# Bad input.
check_exit "--self-register over 100 exits 2" 2 q scenario run --close M84036 --self-register 101
check_exit "--per-day 0 exits 2" 2 q scenario run --close M84036 --per-day 0
printf 'scenarios:\n  - name: bad\n    close: [M84036]\n    intake: {M84013: -5}\n' >"$tmp/bad.yaml"
check_exit "a negative intake is a config error" 1 "$bin" --config "$tmp/bad.yaml" config check
check_has "with its line and column" "$(cat "$tmp/err")" "bad.yaml:4:22: intake must be between 0 and 1000000"

# The board paper gives the dispersal as it is run.
md=$(q scenario run abbey-as-run --format md)
w=$(q scenario run abbey-as-run --format json | jq .as_run.weeks)
check_eq "md: the weeks to register the allocated" "$(echo "$md" | awk -F"|" '/Weeks to register/ { gsub(/ /, "", $3); print $3 }')" "$w"
check_has "md: the self-registration assumption" "$md" "61% of each area's patients choose a practice themselves"
