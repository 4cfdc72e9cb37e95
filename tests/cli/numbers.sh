# Numbers as people read them: thousands separators in every table and
# line of the command line (CSV and JSON keep plain digits), a singular
# for one, and no year said twice.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

sc=$(q scenario run westwood-ends)
check_has "scenario: displaced with separators" "$sc" "Displaced 4,106, placed 4,106, unplaced 0"
check_has "scenario: the closing practice's list" "$sc" "M86019 WESTWOOD MEDICAL H/CENTRE, 4,106 patients"
check_has "scenario: the receivers table" "$sc" "9,842  1,143      10,985    11,700"
check_has "scenario: the equality table" "$sc" "1,078"
check_has "scenario csv: plain digits for a spreadsheet" "$(q scenario run westwood-ends --format csv)" \
    "M86034,WOODSIDE MEDICAL CENTRE,9842,1143,10985,11700"
check_has "near: the table" "$(q near M86019 --km 2)" "20,512"
check_has "contracts: the table" "$(q contracts)" "21,616"
check_has "show: patients per GP FTE" "$(q show M86010)" "(1,630 patients per FTE)"

q note M86010 "one note" >/dev/null
s=$(q stats)
check_has "stats: one note" "$s" "1 note"
check "stats: ... not 1 notes" sh -c "! printf '%s' \"\$1\" | grep -q '1 notes'" _ "$s"
check_has "stats: counts with separators" "$s" "19,520 postcodes"
check_has "stats: the import table" "$s" "17,818"

show=$(q show M86010)
check_has "show: the indicator once with its year" "$show" "Deprivation score (IMD 2019): 24.48"
check "show: no year said twice" sh -c "! printf '%s' \"\$1\" | grep -q '2019 *Deprivation score (IMD 2019)\|(IMD 2019) (2019)'" _ "$show"
