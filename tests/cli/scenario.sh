# Closure what-ifs on the bundled demo, checked from the user's side:
# nobody lost, nobody over capacity, nobody too far, optimal never worse
# than nearest, closed lists honoured, the report renders.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

# The guarantees every result must keep, whatever the policy.
invariants() { # label json
    j=$2
    check_eq "$1: placed + unplaced = displaced" "$(echo "$j" | jq '.placed + .unplaced')" \
        "$(echo "$j" | jq .displaced)"
    check_eq "$1: the flows add up to the displaced" "$(echo "$j" | jq '[.flows[].patients] | add')" \
        "$(echo "$j" | jq .displaced)"
    check_eq "$1: each receiver's gain is its flows" \
        "$(echo "$j" | jq '[.receivers[] as $r | ([.flows[] | select(.to == $r.code) | .patients] | add) == $r.gain] | all')" true
    check_eq "$1: nobody placed over capacity" \
        "$(echo "$j" | jq '[.receivers[] | select(.over_capacity and (.over_capacity_before | not))] | length')" 0
    check_eq "$1: nobody sent beyond max_distance_km" \
        "$(echo "$j" | jq '. as $s | [.flows[] | select(.to != null and .km > $s.max_distance_km)] | length')" 0
    check_eq "$1: the closing practices receive nobody" \
        "$(echo "$j" | jq '[.closed[].code] as $c | [.receivers[] | select(.code | IN($c[]))] | length')" 0
}

patient_km() { echo "$1" | jq '[.flows[] | select(.to != null) | .patients * .km] | add // 0'; }

for sc in westwood-ends limbrick-wood-nearest willenhall-both-close; do
    for policy in nearest choice optimal; do
        j=$(q scenario run "$sc" --policy "$policy" --format json)
        invariants "$sc/$policy" "$j"
        eval "out_$policy=\$j"
    done
    placed_opt=$(echo "$out_optimal" | jq .placed)
    placed_near=$(echo "$out_nearest" | jq .placed)
    check "$sc: optimal places at least as many as nearest" test "$placed_opt" -ge "$placed_near"
    if [ "$placed_opt" = "$placed_near" ]; then
        check "$sc: optimal's patient-km is not above nearest's ($(patient_km "$out_optimal") <= $(patient_km "$out_nearest"))" \
            awk "BEGIN { exit !($(patient_km "$out_optimal") <= $(patient_km "$out_nearest") + 0.01) }"
    fi
done

# Scarce room: four practices close at once and some cannot be placed.
j=$(q scenario run --close M86004,M86009,M86014,M86016 --policy optimal --format json)
invariants "four closures" "$j"
check "four closures: some patients are unplaced" test "$(echo "$j" | jq .unplaced)" -gt 0
n=$(q scenario run --close M86004,M86009,M86014,M86016 --policy nearest --format json)
check "four closures: optimal places at least as many as nearest" \
    test "$(echo "$j" | jq .placed)" -ge "$(echo "$n" | jq .placed)"

# A whole town closing at once (every Coventry practice, about 470,000
# patients): the optimal policy answers, as it must for any size.
# (Practices with a list: one with no list on the date cannot be closed.)
town=$(q search --limit 500 --format json coventry | jq -r '[.[] | select(.list_size != null) | .code] | join(",")')
check "the town has many practices" test "$(echo "$town" | tr , '\n' | wc -l)" -gt 40
j=$(q scenario run --close "$town" --policy optimal --format json 2>"$tmp/town.err")
check_eq "a whole town closing: optimal does not refuse" "$(cat "$tmp/town.err")" ""
invariants "a whole town closing" "$j"
for policy in nearest choice; do
    o=$(q scenario run --close "$town" --policy "$policy" --format json)
    check "a whole town closing: optimal places at least as many as $policy" \
        test "$(echo "$j" | jq .placed)" -ge "$(echo "$o" | jq .placed)"
done

# More than 64 practices (every CV postcode: a sub-ICB and more).
area=$(q search --limit 500 --format json cv | jq -r '[.[] | select(.list_size != null) | .code] | join(",")')
check "the CV area has more than 64 practices" test "$(echo "$area" | tr , '\n' | wc -l)" -gt 64
j=$(q scenario run --close "$area" --format json 2>"$tmp/area.err")
check_eq "a hundred practices closing: answered" "$(cat "$tmp/area.err")" ""
invariants "a hundred practices closing" "$j"

# Closed lists: Allesley Village's list is closed from 2026-03-01 to
# 2027-02-28 in the demo capacity file: closed as at the April 2026
# extract, open again as at a date after the closure.
j=$(q scenario run westwood-ends --format json)
check_eq "a closed list receives nobody" "$(echo "$j" | jq '[.receivers[] | select(.code == "M86039")] | length')" 0
j=$(q --as-at 2027-03-01 scenario run westwood-ends --format json)
check_eq "after its closure it receives" "$(echo "$j" | jq '[.receivers[] | select(.code == "M86039")] | length')" 1
printf 'rules:\n  closed_lists_receive: true\n' >"$tmp/open.yaml"
j=$("$bin" --store "$st" --config "$tmp/open.yaml" scenario run --close M86019 --format json)
check_eq "unless the rules allow it" "$(echo "$j" | jq '[.receivers[] | select(.code == "M86039")] | length')" 1

# Overrides and growth.
j=$(q scenario run --close M86019 --capacity M86034=20000 --growth 2 --format json)
check_eq "a capacity override is used and named" \
    "$(echo "$j" | jq -c '.receivers[] | select(.code == "M86034") | [.capacity, .capacity_source]')" \
    '[20000,"scenario"]'
check_eq "growth applies to every list first (9842 x 1.02)" \
    "$(echo "$j" | jq '.receivers[] | select(.code == "M86034") | .list_before')" 10039
check_eq "and to the closing practice (4106 x 1.02)" "$(echo "$j" | jq .displaced)" 4188
check_eq "the modelled LSOA data is labelled" "$(echo "$j" | jq '.closed[0].modelled')" true
check_eq "equality rows for every IMD quintile and age group" "$(echo "$j" | jq '.equality | length')" 8
check_eq "the IMD rows add up to the displaced" \
    "$(echo "$j" | jq '[.equality[0:6][].displaced] | add')" "$(echo "$j" | jq .displaced)"

# Same input, same answer.
check_eq "the same run twice gives the same JSON" \
    "$(q scenario run willenhall-both-close --format json | sha256sum)" \
    "$(q scenario run willenhall-both-close --format json | sha256sum)"

# The board report.
md=$(q scenario run westwood-ends --format md)
check_has "md: a title" "$md" "# Closure what-if: westwood-ends"
check_has "md: the receivers table" "$md" "| Code   | Name"
check_has "md: the assumptions" "$md" "## Assumptions"
check_has "md: the modelled warning" "$md" "MODELLED"
check_has "md: the data sources with dates" \
    "$(echo "$md" | grep '^| gp-reg-pat-prac-all-2026-04' | tr -s ' ')" "| list-size | 2026-04-01 |"
check_eq "md: every table row has as many cells as its header" \
    "$(echo "$md" | awk -F'|' '/^\|/ { if (!n) n = NF; else if (NF != n) bad = 1 } /^$/ { n = 0 } END { print bad + 0 }')" 0
check_has "csv: the receivers" "$(q scenario run westwood-ends --format csv | head -1)" \
    "Code,Name,List before,Gain,List after,Capacity"
check_has "csv --flows: every flow" "$(q scenario run westwood-ends --format csv --flows | head -1)" \
    "Area,Area kind,From,To,Patients,km,As at"
check_has "table: the summary" "$(q scenario run westwood-ends)" "Displaced 4,106, placed 4,106, unplaced 0"

check_has "list: the demo scenarios" "$(q scenario list)" "willenhall-both-close  choice"
check_exit "an unknown practice exits 1" 1 q scenario run --close M99999
check_exit "an unknown scenario exits 1" 1 q scenario run nosuch
check_exit "an unknown policy exits 2" 2 q scenario run westwood-ends --policy random
check_exit "a scenario and --close together exit 2" 2 q scenario run westwood-ends --close M86019
check_exit "a practice named twice exits 1" 1 q scenario run --close M86019,m86019
check_has "and says which" "$(q scenario run --close M86019,M86019 2>&1)" "practice M86019 is named twice"
j=$(q scenario run westwood-ends --policy nearest --format json)
check_has "a named scenario varied by an option keeps its name" "$j" '"westwood-ends"'

# A travel-time matrix instead of straight lines: Westwood's areas reach
# Woodside in 5 minutes and Forrest in 50; with a 30-minute limit only
# Woodside can take anyone (its headroom: 6.5 GP FTE x 1800 - 9842 = 1858).
mat="$tmp/matrix.csv"
printf 'from,to,minutes,km\r\n' >"$mat"
awk -F, '$3 == "M86019" { printf "%s,M86034,5,2.5\r\n%s,M86010,50,9\r\n", $5, $5 }' \
    "$data/gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv" >>"$mat"
mst="$tmp/matrix-store"
cp -r "$st" "$mst"
out=$("$bin" --store "$mst" import "$mat")
check_has "the matrix imports as a travel-time file" "$out" "travel-time"
printf 'rules:\n  travel: matrix_minutes\n  max_minutes: 30\n' >"$tmp/minutes.yaml"
j=$("$bin" --store "$mst" --config "$tmp/minutes.yaml" scenario run --close M86019 --format json)
invariants "matrix minutes" "$j"
check_eq "minutes: the unit is said" "$(echo "$j" | jq -r '[.travel_mode, .distance_unit] | join(" ")')" \
    "matrix_minutes minutes"
check_eq "minutes: only Woodside receives" "$(echo "$j" | jq -r '[.receivers[].code] | join(",")')" M86034
check_eq "minutes: up to its headroom" "$(echo "$j" | jq '.receivers[0].gain')" 1858
check_eq "minutes: the rest are unplaced" "$(echo "$j" | jq .unplaced)" 2248
check_eq "minutes: every placed flow is 5 minutes" \
    "$(echo "$j" | jq '[.flows[] | select(.to != null) | .km] | unique')" "[
  5
]"
printf 'rules:\n  travel: matrix_km\n  max_distance_km: 10\n' >"$tmp/roadkm.yaml"
j=$("$bin" --store "$mst" --config "$tmp/roadkm.yaml" scenario run --close M86019 --format json)
invariants "matrix road km" "$j"
check_eq "road km: with 10 km allowed, Forrest takes the overflow" \
    "$(echo "$j" | jq -r '[.receivers[].code] | sort | join(",")')" "M86010,M86034"
check_eq "road km: the rest beyond both headrooms (4106 - 1858 - 1363)" "$(echo "$j" | jq .unplaced)" 885
# A matrix with routes for only one of Westwood's areas (the last by
# code): the areas before it have none, and their patients are unplaced,
# not an error.
mat1="$tmp/matrix1.csv"
last=$(awk -F, '$3 == "M86019" { print $5 }' \
    "$data/gp-reg-pat-prac-lsoa-MODELLED-2026-04-coventry-warwickshire.csv" | sort | tail -n 1)
printf 'from,to,minutes,km\r\n%s,M86034,5,2.5\r\n' "$last" >"$mat1"
mst1="$tmp/matrix1-store"
cp -r "$st" "$mst1"
"$bin" --store "$mst1" import "$mat1" >/dev/null
j=$("$bin" --store "$mst1" --config "$tmp/minutes.yaml" scenario run --close M86019 --format json)
check_eq "one area with routes: only its patients are placed" \
    "$(echo "$j" | jq -c '[([.flows[] | select(.to != null) | .area] | unique), .placed + .unplaced]')" \
    "[[\"$last\"],4106]"
printf 'rules:\n  travel: by_bus\n' >"$tmp/bus.yaml"
check_exit "an unknown travel mode is a config error" 1 "$bin" --config "$tmp/bus.yaml" config check
check_has "with its line and column" "$(cat "$tmp/err")" "bus.yaml:2:11: travel must be straight_line, matrix_km or matrix_minutes"

# Age: with an age profile (1,344 of 10,669 aged 65+, 291 aged 75+), the
# card gives the shares and the what-if spreads them over the displaced.
ast="$tmp/age-store"
cp -r "$st" "$ast"
"$bin" --store "$ast" import --quiet "$top/tests/data/import/gp-reg-pat-prac-quin-age-2026-04-constructed.csv"
card=$("$bin" --store "$ast" show M84001 --format json)
check_eq "the card's share aged 65+ (1344 / 10669)" "$(echo "$card" | jq .age.share_65_plus)" 0.126
check_eq "the card's share aged 75+ (291 / 10669)" "$(echo "$card" | jq .age.share_75_plus)" 0.0273
j=$("$bin" --store "$ast" scenario run --close M84001 --format json)
check_eq "65+ displaced: 13265 x 1344 / 10669" \
    "$(echo "$j" | jq '.equality[] | select(.group == "aged 65+ (estimated)") | .displaced')" 1671
check_eq "75+ displaced: 13265 x 291 / 10669" \
    "$(echo "$j" | jq '.equality[] | select(.group == "aged 75+ (estimated)") | .displaced')" 362
