# A what-if's CSV travels alone (a spreadsheet, a script): each row says
# the date its figures are as at and what where patients live rests on,
# as the table and the paper say in their headings.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

c=$(q scenario run westwood-ends --format csv | tr -d '\r')
check_has "csv: the header names the two columns" "$(echo "$c" | head -1)" \
    ",Appts month,As at,Where patients live"
check_has "csv: a row says its date and MODELLED" "$(echo "$c" | grep '^M86034,')" \
    ",2026-04-01,MODELLED"
f=$(q scenario run westwood-ends --format csv --flows | tr -d '\r')
check_eq "csv --flows: the header" "$(echo "$f" | head -1)" "Area,Area kind,From,To,Patients,km,As at"
check_has "csv --flows: each area says it is modelled" "$(echo "$f" | sed -n 2p)" ",LSOA (MODELLED),M86019,"
check_eq "csv --flows: every row says its date" \
    "$(echo "$f" | sed 1d | awk -F, '{ print $NF }' | sort -u)" "2026-04-01"

# As at 2021 the Coventry practices' patients have no registrations by area.
c=$(q --as-at 2021-01-01 scenario run --close Y04947 --format csv | tr -d '\r' | sed -n 2p)
check_has "csv: as at 2021, residence unknown" "$c" ",2021-01-01,practice location (residence unknown)"
