# The demo's capacity file is ILLUSTRATIVE (made-up figures, said so in its
# notes column): every figure resting on it says so, in every format a
# board reads, and a person's own figure is no longer labelled.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

# Woodside (M86034): capacity from the file's GP FTE; Allesley Park
# (M86004): the file's capacity; Sky Blue (M86003): not in the file.
t=$(q scenario run westwood-ends)
check_has "table: capacity from the file's GP FTE is labelled" \
    "$(echo "$t" | grep '^M86034')" "gp-fte ILLUSTRATIVE"
check_has "table: the file's capacity is labelled" \
    "$(echo "$t" | grep '^M86004')" "imported ILLUSTRATIVE"
check_has "table: the GP FTE it rests on is labelled" \
    "$(echo "$t" | grep '^M86034')" "recorded ILLUSTRATIVE"
case $(echo "$t" | grep '^M86003') in
*ILLUSTRATIVE*) fail "table: a capacity from the default headroom is not labelled" ;;
*) pass "table: a capacity from the default headroom is not labelled" ;;
esac
check_has "table: a line says which capacities are illustrative" "$t" \
    "ILLUSTRATIVE: the capacity of M86034, M86004, M86010 rests on made-up figures"

c=$(q scenario run westwood-ends --format csv)
check_has "csv: the file's capacity is labelled" "$(echo "$c" | grep '^M86004')" \
    "imported ILLUSTRATIVE"

m=$(q scenario run westwood-ends --format md)
check_has "paper: the file's capacity is labelled" "$(echo "$m" | grep '| M86004')" \
    "imported ILLUSTRATIVE"
check_has "paper: the summary says which capacities are illustrative" \
    "$(echo "$m" | sed -n '/^## Summary/,/^## Key/p')" \
    "ILLUSTRATIVE: the capacity of M86034, M86004, M86010 rests on made-up figures"

j=$(q scenario run westwood-ends --format json)
check_eq "json: capacity_source keeps its value" \
    "$(echo "$j" | jq -r '.receivers[] | select(.code == "M86004") | .capacity_source')" imported
check_eq "json: capacity_illustrative true on the file's figures" \
    "$(echo "$j" | jq -c '[.receivers[] | select(.capacity_illustrative) | .code]')" \
    '["M86034","M86004","M86010"]'

s=$(q show M86004)
check_has "show: the file's capacity is labelled" "$(echo "$s" | grep '  Capacity ')" \
    "(imported ILLUSTRATIVE)"
check_eq "show json: capacity.illustrative" \
    "$(q show M86004 --format json | jq .capacity.illustrative)" true
check_has "show: the file's GP FTE is labelled" "$(q show M86010 | grep 'GP FTE')" \
    "recorded ILLUSTRATIVE"

n=$(q near CV4 9DR --km 3)
check_has "near: the file's capacity is labelled" "$(echo "$n" | grep '^M86034')" \
    "gp-fte ILLUSTRATIVE"
check_eq "near json: illustrative" \
    "$(q near CV4 9DR --km 3 --format json | jq -c '[.[] | select(.capacity_illustrative) | .code] | sort')" \
    '["M86004","M86010","M86034"]'

# The demo's contracts are made up too (their notes say ILLUSTRATIVE).
c=$(q contracts --all)
check_has "contracts: a line names the made-up contracts" "$c" \
    "ILLUSTRATIVE: the contracts of M86019, Y00060, Y00140"
check_eq "contracts json: illustrative on each" \
    "$(q contracts --all --format json | jq -c '[.[] | .illustrative] | unique')" '[true]'
# In CSV there is no line above the rows: a column says it on each.
printf '%s\n' 'practice_code,contract_type,start_date,end_date,extension_options,provider,notes' \
    'M86019,APMS,2017-04-01,2027-03-31,,Provider A,ILLUSTRATIVE: not a real contract' \
    'Y00060,APMS,2018-10-01,2027-09-30,,Provider B,' >"$tmp/k.csv"
"$bin" --store "$tmp/k" import "$data"/epraccur-*.csv "$tmp/k.csv" >/dev/null 2>&1
check_eq "contracts csv: a column says which contracts are made up" \
    "$("$bin" --store "$tmp/k" contracts --format csv | awk -F, '{ print $1 "=" $NF }' | tr -d '\r' | tr '\n' ' ')" \
    "Code=Contract M86019=ILLUSTRATIVE Y00060=recorded "
check_eq "list: the Contract column says a made-up one is" \
    "$("$bin" --store "$tmp/k" list --format csv | awk -F, '$1 == "M86019" || $1 == "Y00060" { print $1 "=" $(NF - 1) }' | tr -d '\r' | tr '\n' ' ')" \
    "M86019=APMS ILLUSTRATIVE Y00060=APMS "
check_eq "list json: contract_illustrative" \
    "$("$bin" --store "$tmp/k" list --format json | jq -c '[.[] | select(.contract_type) | [.code, .contract_type, .contract_illustrative]]')" \
    '[["M86019","APMS",true],["Y00060","APMS",false]]'

# The decision record's evidence: the capacity and list status held,
# with their date and the label.
q psr new T1 "Westwood re-procurement" >/dev/null 2>&1
q psr set T1 practices M86019,M86004 >/dev/null 2>&1
r=$(q psr record T1 --format md | grep '^| M86004')
check_has "psr record: the capacity held says its date and that it is made up" "$r" \
    "| 22,000 (from 2026-04-01, ILLUSTRATIVE) | open (ILLUSTRATIVE) |"
check_has "psr record: a practice with none says not held" \
    "$(q psr record T1 --format md | grep '^| M86019')" "| not held | not held |"

# The files themselves: the import, stats and the paper's data sources.
check_has "paper: the capacity file is ILLUSTRATIVE in the data sources" \
    "$(echo "$m" | grep '| capacity-ILLUSTRATIVE-demo.csv')" "| capacity (ILLUSTRATIVE) "
check_has "paper: the contracts file too" \
    "$(echo "$m" | grep '| contracts-ILLUSTRATIVE-demo.csv')" "| contracts (ILLUSTRATIVE) "
check_eq "stats json: illustrative files" \
    "$(q stats --format json | jq -c '[.imports[] | select(.illustrative) | .kind]')" \
    '["capacity","contracts"]'
check_has "import: says the file is ILLUSTRATIVE" \
    "$("$bin" --store "$tmp/imp" import "$data/contracts-ILLUSTRATIVE-demo.csv" 2>&1)" \
    "contracts (ILLUSTRATIVE), 6 rows read"

# Allesley Village (M86039): the file closes its list, made up too.
check_has "show: a list closed by the file is labelled" "$(q show M86039 | grep '^  List  ')" \
    "closed to new patients (ILLUSTRATIVE)"
check_has "list: ... in the list status" "$(q list --pcn 'COVENTRY NORTH PCN' | grep '^M86039')" \
    "closed ILLUSTRATIVE"
check_eq "list json: list_illustrative" \
    "$(q list --pcn 'COVENTRY NORTH PCN' --format json | jq '.[] | select(.code == "M86039") | .list_illustrative')" true
check_has "near: ... in the list status" "$(q near CV5 9EY --km 1 2>/dev/null | grep '^M86039')" \
    "closed ILLUSTRATIVE"

# Exported and imported again, the made-up figures stay labelled.
q export --force "$tmp/ex" >/dev/null 2>&1
"$bin" --store "$tmp/again" import "$data"/epraccur-*.csv \
    "$data"/gp-reg-pat-prac-all-2026-04-*.csv "$tmp/ex/capacity.csv" >/dev/null 2>&1
check_has "export: the file's capacity is still labelled after a round trip" \
    "$("$bin" --store "$tmp/again" --config "$data/demo.yaml" show M86034 | grep '  Capacity ')" "gp-fte ILLUSTRATIVE"

# A GP FTE or list status from the file is labelled in JSON as in the
# table, also where the capacity itself is not the file's (a scenario's
# own capacity for the receiver): the patients per GP FTE rest on it.
o=$(q scenario run westwood-ends --capacity M86010=20000 | grep '^M86010')
check_has "table: an overridden capacity's receiver still says its GP FTE is made up" "$o" \
    "recorded ILLUSTRATIVE"
j=$(q scenario run westwood-ends --capacity M86010=20000 --format json)
check_eq "json: gp_fte_illustrative on the file's GP FTE" \
    "$(echo "$j" | jq -c '.receivers[] | select(.code == "M86010") | [.capacity_illustrative, .gp_fte_source, .gp_fte_illustrative]')" \
    '[false,"recorded",true]'
check_eq "json: gp_fte_illustrative false where the GP FTE is not the file's" \
    "$(echo "$j" | jq -c '[.receivers[] | select(.gp_fte_illustrative != false) | .code]')" \
    '["M86034","M86010"]'
check_eq "show json: capacity.gp_fte_illustrative" \
    "$(q show M86010 --format json | jq -c '.capacity | [.gp_fte_source, .gp_fte_illustrative]')" \
    '["recorded",true]'
check_eq "show json: capacity.list_illustrative on the file's list status" \
    "$(q show M86039 --format json | jq -c '.capacity | [.list_open, .list_illustrative]')" \
    '[false,true]'
check_eq "show json: neither where the practice is not in the file" \
    "$(q show M86003 --format json | jq -c '.capacity | [.gp_fte_illustrative, .list_illustrative]')" \
    '[false,false]'

# The appraisal's dispersal line says what its "over capacity" rests on,
# as the what-if itself does.
w=$(q scenario run --close M86019)
n_ill=$(echo "$w" | sed -n 's/^ILLUSTRATIVE: the capacity of \(.*\) rests on.*/\1/p' | tr ',' '\n' | grep -c .)
n_ass=$(echo "$w" | sed -n 's/^Capacity: \([0-9]*\) of .*/\1/p')
check_has "appraisal: the what-if's capacities are said to be made up or assumed" \
    "$(q appraisal M86019 | grep 'Dispersal what-if')" \
    "over capacity (on $n_ill ILLUSTRATIVE and $n_ass assumed capacities)"

# A person's own figure is theirs, not the file's.
q set M86004 capacity 21000 >/dev/null 2>&1
case $(q scenario run westwood-ends | grep '^M86004') in
*ILLUSTRATIVE*) fail "a capacity a person set is not labelled illustrative" ;;
*) pass "a capacity a person set is not labelled illustrative" ;;
esac
q set M86010 gp_fte 7.5 >/dev/null 2>&1
case $(q show M86010 | grep -E 'GP FTE|  Capacity ') in
*ILLUSTRATIVE*) fail "a GP FTE a person set is not labelled illustrative" ;;
*) pass "a GP FTE a person set is not labelled illustrative" ;;
esac
q export --force "$tmp/ex" >/dev/null 2>&1
check_eq "export: a capacity a person set is not exported as illustrative" \
    "$(grep '^M86004,21000' "$tmp/ex/capacity.csv" | tr -d '\r')" "M86004,21000,,yes,,,2026-11-23,"

# The appraisal's headroom of the neighbours says what it rests on: the
# same practices as near within the reasonable 3 km that can take patients.
nb=$(q near CV4 9DR --km 3 --format json 2>/dev/null |
    jq '[.[] | select(.code != "M86019" and .list != "closed" and .capacity != null)]')
ill=$(echo "$nb" | jq '[.[] | select(.capacity_illustrative) | .headroom] | add // 0')
ass=$(echo "$nb" | jq '[.[] | select(.capacity_source == "default-headroom") | .headroom] | add // 0')
check_has "appraisal: the neighbours' headroom says how much is made up or assumed" \
    "$(q appraisal M86019 | grep 'places of headroom' | tr -d ',')" \
    "places of headroom ($ill of them on ILLUSTRATIVE capacity and $ass on the assumed list + 5%; capacity as catchment near shows it)"
