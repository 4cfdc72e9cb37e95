# A capacity a person typed is shown as set by a person, never as
# imported; a capacity overridden to 0 keeps its practice among the
# receivers (gaining nobody), so it can be seen and undone.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

check_eq "imported: the demo's capacity file" "$(q show M86004 --format json | jq -r .capacity.source)" imported
q set M86010 capacity 15000 >/dev/null
check_eq "set: the card says set" "$(q show M86010 --format json | jq -c '.capacity | [.capacity, .source]')" '[15000,"set"]'
check_has "set: the table card too" "$(q show M86010)" "15,000 (set)"
check_eq "set: near says set" "$(q near M86019 --km 3 --format json | jq -r '.[] | select(.code == "M86010") | .capacity_source')" set
check_eq "set: the what-if says set" \
    "$(q scenario run westwood-ends --format json | jq -r '.receivers[] | select(.code == "M86010") | .capacity_source')" set
q set M86004 capacity 22000 >/dev/null
check_eq "set: the imported figure, vouched for by a person, is set" \
    "$(q show M86004 --format json | jq -r .capacity.source)" set
check_eq "set: ... and that is in the history" "$(q history M86004 --format json | jq -r '.[-1].field')" capacity
q import "$data/capacity-ILLUSTRATIVE-demo.csv" >/dev/null 2>&1
check_eq "unknown: clears it" "$(q set M86010 capacity unknown; q show M86010 --format json | jq -r .capacity.source)" \
    "M86010 capacity: 15000 -> unknown (recorded in the history)
gp-fte"

zero=$(q scenario run westwood-ends --capacity M86034=0 --format json)
check_eq "capacity 0: the practice is still a receiver" \
    "$(echo "$zero" | jq -c '.receivers[] | select(.code == "M86034") | [.gain, .capacity, .capacity_source]')" \
    '[0,0,"scenario"]'
check_eq "capacity 0: it gains nobody" "$(echo "$zero" | jq '[.flows[] | select(.to == "M86034")] | length')" 0
check_has "capacity 0: the table shows it" "$(q scenario run westwood-ends --capacity M86034=0)" "M86034  WOODSIDE MEDICAL CENTRE"
