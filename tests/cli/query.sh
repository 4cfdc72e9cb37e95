# show, search, near, contracts and stats on the bundled demo, as a user
# runs them: real practices, real figures.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

card=$(q show M84001 --format json)
check_eq "show: the name from the register" "$(echo "$card" | jq -r .name)" "RED ROOFS SURGERY"
check_eq "show: the April 2026 list size" "$(echo "$card" | jq .list_size)" 13265
check_eq "show: the PCN from the map file" "$(echo "$card" | jq -r .pcn_name)" "NUNEATON & BEDWORTH PCN"
check_eq "show: located from ONSPD" "$(echo "$card" | jq -c '[.location.lat, .location.lon]')" \
    "[52.518995,-1.467458]"
check_eq "show: the LSOA's IMD decile" "$(echo "$card" | jq .location.imd_decile)" \
    "$(awk -F, '$1 == "E01031119" { print $10 }' "$data/imd2019-lsoa11-coventry-warwickshire.csv" | tr -d '\r')"
check_eq "show: the Fingertips indicator" "$(echo "$card" | jq '.indicators[0].value')" 24.5487
check_eq "show: capacity from the default headroom" "$(echo "$card" | jq -c '[.capacity.capacity, .capacity.source]')" \
    '[13928,"default-headroom"]'
hist=$(q show M84004 --format json | jq -c '[.history[].date]')
check_eq "show: history over both eras of the list file" "$hist" '["2021-01-01","2026-04-01"]'
check_has "show: the table card" "$(q show m86010)" "Capacity     14,400 (gp-fte ILLUSTRATIVE)"
check_has "show: the CSV card" "$(q show M86010 --format csv)" "capacity,Capacity,\"14,400 (gp-fte ILLUSTRATIVE)\""
check_exit "show: an unknown code exits 1" 1 q show M99999
# An open practice with no list size (Balsall Common, outside the list
# extract): its default-headroom capacity and its headroom are unknown,
# never 0, in every format.
nolist=$(q show M89016)
check_has "show: no list size, the capacity unknown" "$nolist" \
    "Capacity     unknown (default-headroom: no list size)"
check_has "show: no list size, the headroom unknown" "$nolist" "Headroom     unknown"
check_eq "show json: no list size, capacity and headroom null" \
    "$(q show M89016 --format json | jq -c '[.capacity.capacity, .capacity.source, .capacity.headroom]')" \
    '[null,"default-headroom",null]'
check_has "show csv: no list size, the capacity unknown" "$(q show M89016 --format csv)" \
    "capacity,Capacity,unknown (default-headroom: no list size)"

check_eq "search: by name, words in any order" "$(q search hill tile --format json | jq -r '.[0].code')" \
    "$(q search tile hill --format json | jq -r '.[0].code')"
check_eq "search: a typo" "$(q search alesley park --format json | jq -r '.[0].code')" M86004
check_eq "search: a postcode without its space" "$(q search cv115tw --format json | jq -r '.[0].code')" M84001
check_eq "search: a phone number" "$(q search 024 7635 7100 --format json | jq -r '.[0].code')" M84001
check_exit "search: nothing found exits 1" 1 q search zzzzqqq
check_exit "search: a closed practice is left out" 1 q search tile hill 76474744
check_eq "search --all: and found with --all" "$(q search --all tile hill surgery --format json | jq -r '.[0].code')" M86629

near=$(q near M86019 --km 2 --format json)
check_eq "near: nearest first" "$(echo "$near" | jq -r '.[0].code')" M86004
check "near: sorted by distance" test "$(echo "$near" | jq '[.[].km] == ([.[].km] | sort)')" = true
check "near: all within 2 km" test "$(echo "$near" | jq 'all(.[]; .km <= 2)')" = true
check "near: never the practice itself" test "$(echo "$near" | jq 'any(.[]; .code == "M86019")')" = false
check_eq "near: haversine to Allesley Park (1.03 km)" "$(echo "$near" | jq '.[0].km')" 1.028
check_eq "near: imported capacity and headroom" "$(echo "$near" | jq -c '.[0] | [.capacity, .headroom, .capacity_source]')" \
    '[22000,1488,"imported"]'
check_eq "near: by postcode" "$(q near 'cv4 9dr' --km 0.5 --format json | jq -r '.[0].code')" M86019
check_exit "near: neither code nor postcode" 1 q near nowhere

con=$(q contracts --within 18m --format json)
check_eq "contracts: within 18 months, soonest first" "$(echo "$con" | jq -r '[.[].practice] | join(",")')" \
    "M86019,Y00060,Y00140"
check_eq "contracts: milestones counted back from the end" \
    "$(echo "$con" | jq -c '.[0].milestones | map([.name, .date, .passed]) | .[0], .[4]')" \
    '["options appraisal","2025-09-30",true]
["mobilisation","2026-12-31",false]'
check_has "contracts: the next milestone" "$(q contracts)" "mobilisation       2026-12-31    38"
check_exit "contracts: a bad period" 2 q contracts --within soon

stats=$(q stats --format json)
check_eq "stats: practices" "$(echo "$stats" | jq .counts.practices)" 142
check_eq "stats: the modelled file is marked" \
    "$(echo "$stats" | jq -r '.imports[] | select(.modelled) | .file')" \
    "gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv"
check_has "stats: the table says MODELLED" "$(q stats)" "lsoa-all MODELLED"
