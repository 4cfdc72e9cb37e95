# Both LSOA vintages: the ONS 2011 -> 2021 lookup, IoD2025 File 7 on 2021
# LSOAs, 2021 centroids and registrations by area coded on 2021 LSOAs with
# the CLOSED placeholder.  The demo's files (2011 LSOAs, IMD 2019) plus the
# constructed fixtures of tests/data/import (see its README).
. "$(dirname "$0")/lib.sh"

fx=$top/tests/data/import
st=$tmp/store
"$top/scripts/demo-store.sh" "$bin" "$st" >/dev/null
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
qc() { "$bin" --store "$st" --config "$tmp/c.yaml" "$@"; }

# The practice keeps both LSOAs of its postcode: IMD 2019 joins on the 2011
# one (M86017's postcode is in 2011 E01009619, 2021 E01034749).
j=$(q show M86017 --format json)
check_eq "a practice keeps its 2011 and its 2021 LSOA" \
    "$(echo "$j" | jq -c '[.location.lsoa, .location.lsoa11]')" '["E01034749","E01009619"]'
check_eq "IMD 2019 joins on the 2011 code" \
    "$(echo "$j" | jq -c '[.location.imd_decile, .location.imd_edition]')" '[4,2019]'
check_has "the card names the edition" "$(q show M86017)" "IMD 2019 decile 4"

check "import the registrations on 2021 LSOAs" q import "$fx/gp-reg-pat-prac-lsoa-all-2026-04-lsoa21-constructed.csv"
out=$(q import "$fx/lsoa11-lsoa21-lookup-constructed.csv" 2>&1)
check_has "the ONS lookup is recognised by its header" "$out" "lsoa-lookup, 7 rows read, 7 kept"

# IMD 2019 through the lookup: the split 2021 area takes its 2011 parent's
# decile (4), the merged one the rounded mean of its parts (6, 3, 6: 5).
j=$(q scenario run --close M86019 --format json)
check_eq "the edition used is named" "$(echo "$j" | jq .imd_edition)" 2019
check_eq "CLOSED and the Welsh area are residence unknown (300 + 106)" \
    "$(echo "$j" | jq .residence_unknown)" 406
check_eq "CLOSED has no km" "$(echo "$j" | jq '[.flows[] | select(.area == "CLOSED" and .km != null)] | length')" 0
check_eq "a 2021-only area is placed through the lookup (a km)" \
    "$(echo "$j" | jq '[.flows[] | select(.area == "E01034749" and .km == null)] | length')" 0
check_eq "IMD 2019 quintiles: 1000 in q2 (E01009522 decile 4), 1500 in q2 (split, 4), 1200 in q3 (merged, 5)" \
    "$(echo "$j" | jq -c '[.equality[0:6][] | .displaced]')" '[406,0,2500,1200,0,0]'

# IoD2025: the newest edition is used, on the 2021 codes directly.
out=$(q import "$fx/IoD2025-file7-constructed.csv" 2>&1)
check_has "IoD2025 File 7 is recognised by 'LSOA code (2021)'" "$out" "imd2025, 5 rows read, 5 kept"
j=$(q scenario run --close M86019 --format json)
check_eq "the newest edition is used" "$(echo "$j" | jq .imd_edition)" 2025
check_eq "IMD 2025 quintiles: 1500 in q1 (decile 2), 1200 in q2 (3), 1000 in q3 (5)" \
    "$(echo "$j" | jq -c '[.equality[0:6][] | .displaced]')" '[406,1500,1200,1000,0,0]'
check_has "the paper names the edition" "$(q scenario run --close M86019 --format md)" \
    "Deprivation quintiles from **IMD 2025 (English Indices of Deprivation 2025, on 2021 LSOAs)**"
check_eq "the card: IMD 2025 on the 2021 code" \
    "$(q show M86017 --format json | jq -c '[.location.imd_decile, .location.imd_edition]')" '[2,2025]'
printf 'rules:\n  imd_edition: 2019\n' >"$tmp/c.yaml"
check_eq "unless the config says 2019" "$(qc scenario run --close M86019 --format json | jq .imd_edition)" 2019
check_eq "an unchanged code keeps each edition apart (2019: 4)" \
    "$(qc show M86017 --format json | jq .location.imd_decile)" 4
printf 'rules:\n  imd_edition: 2020\n' >"$tmp/c.yaml"
check_exit "an edition that does not exist is refused" 1 qc scenario run --close M86019
check_has "at its line" "$(cat "$tmp/err")" "c.yaml:2:16: imd_edition must be 2019 or 2025"

# 2021 centroids: a 2021 area is then placed on its own centroid.
before=$(q scenario run --close M86019 --format json | jq '[.flows[] | select(.area == "E01034749")][0].km')
out=$(q import "$fx/lsoa21-population-weighted-centroids-constructed.csv" 2>&1)
check_has "2021 centroids import" "$out" "lsoa-centroids, 1 rows read, 1 kept"
after=$(q scenario run --close M86019 --format json | jq '[.flows[] | select(.area == "E01034749")][0].km')
check "its own centroid replaces the lookup's stand-in ($before -> $after)" test "$before" != "$after"

# A bad CHGIND is refused at its line and column, the store unchanged.
printf 'LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND\nE01009522,a,E01009522,a,Q\n' >"$tmp/bad.csv"
check_exit "a bad CHGIND is refused" 1 q import "$tmp/bad.csv"
check_has "with file:line:column" "$(cat "$tmp/err")" "bad.csv:2:25: CHGIND"
