# Most receivers have no recorded capacity: theirs is assumed (the list
# plus the default headroom).  The what-if says how many, so "no practice
# over capacity" is not read as resting on known capacities.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

j=$(q scenario run westwood-ends --format json)
n=$(echo "$j" | jq '[.receivers[] | select(.capacity_source == "default-headroom")] | length')
all=$(echo "$j" | jq '.receivers | length')
check_eq "json: the assumed capacities counted" "$(echo "$j" | jq .receivers_capacity_assumed)" "$n"
check_has "table: says how many capacities are assumed" "$(q scenario run westwood-ends)" \
    "Capacity: $n of $all receivers have none recorded: their list + 5% is assumed (rules.default_headroom_pct)"
check_has "paper: the summary says so" \
    "$(q scenario run westwood-ends --format md | sed -n '/^## Summary/,/^## Key/p')" \
    "$n of the $all receiving practices have no recorded capacity: their list + 5% is assumed"
