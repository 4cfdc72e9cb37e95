#!/bin/sh
# The equality impact pack on a case worked by hand.  Three practices of
# ICB QWU; Westwood (M86019, 4,106 patients) closes.  Its patients live
# in A = E01009702 (1,000; IMD decile 1; 0.2 km from Woodside) and
# B = E01031127 (3,106; decile 4; Rugby, 20 km from anyone: unplaced).
# Woodside has A 500, D = E01009699 2,000 (decile 6) and 41 in a Welsh
# LSOA (no data); Limbrick Wood D 1,000.  Reasonable is 0.1 km, so every
# placed patient is beyond it.  Shares (constructed Census, RUC):
#             A     B     D
#   65+      .20   .30   .10      75+  .08  .10  .05
#   disabled .25   .15   .20      not White British .40 .10 .50
#   no car   .30   .15   .40      rural  0  1  0     Core20 1 0 0
# Displaced in a group = 1000 sA + 3106 sB; placed = beyond = 1000 sA;
# unplaced = 3106 sB.  Baseline = (1500 sA + 3106 sB + 3000 sD) / 7606
# (the Welsh 41 have no data).  E.g. 65+: 200 + 931.8 = 1131.8 displaced,
# 1131.8 / 4106 = 0.2756; baseline (300 + 931.8 + 300) / 7606 = 0.2014.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/data/import
S=$tmp/s
grep -E '^"(M86019|M86034|M86605)"' "$fx/epraccur-coventry-warwickshire-2026.csv" >"$tmp/epraccur.csv"
grep -E '^PUBLICATION|,(M86019|M86034|M86605),' \
    "$fx/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" >"$tmp/list.csv"
check "the store is built" "$bin" --store "$S" import --quiet "$tmp/epraccur.csv" "$tmp/list.csv" \
    "$fx/onspd-2023-11-practice-postcodes.csv" \
    "$fx/lsoa11-population-weighted-centroids-coventry-warwickshire.csv" \
    "$fx/imd2019-lsoa11-coventry-warwickshire.csv" "$fx/equality-lsoa-all-2026-04-constructed.csv"
out=$("$bin" --store "$S" import "$fx/census2021-ts045-lsoa-constructed.csv" \
    "$fx/census2021-ts021-lsoa-constructed.csv" "$fx/census2021-ts038-lsoa-constructed.csv" \
    "$fx/census2021-ts007a-lsoa-constructed.csv" "$fx/ruc2021-lsoa-constructed.csv")
for k in census-ts045 census-ts021 census-ts038 census-ts007a; do
    check_has "$k recognised by its header" "$out" ": $k, 3 rows read, 3 kept, 0 skipped, extract 2021-03-21"
done
check_has "the rural-urban classification recognised" "$out" ": ruc, 3 rows read, 3 kept"

cat >"$tmp/c.yaml" <<'YAML'
rules:
  max_distance_km: 8
  reasonable_km: 0.1
  default_headroom_pct: 50
scenarios:
  - name: westwood
    close: [M86019]
    policy: nearest
YAML
run() { "$bin" --store "$S" --config "$tmp/c.yaml" scenario run westwood "$@"; }
json=$(run --format json)
check_eq "4,106 displaced, 1,000 placed" "$(echo "$json" | jq -c '[.displaced, .placed, .unplaced]')" \
    '[4106,1000,3106]'
check_eq "the baseline is ICB QWU's 7,647 registered patients" \
    "$(echo "$json" | jq -c '.equality_pack | [.icb, .baseline_patients, .displaced]')" '["QWU",7647,4106]'
# measure: displaced, placed, unplaced, beyond, assessed, share, baseline
row() { echo "$json" | jq -r --arg m "$1" '.equality_pack.rows[] | select(.measure == $m) |
    [.displaced, .placed, .unplaced, .beyond_reasonable, .assessed, .displaced_share,
     .icb_baseline_share] | @csv'; }
check_eq "65+ (Census: no practice age data)" "$(row age65)" "1131.8,200,931.8,200,4106,0.2756,0.2014"
check_eq "75+" "$(row age75)" "390.6,80,310.6,80,4106,0.0951,0.0763"
check_eq "disabled" "$(row disabled)" "715.9,250,465.9,250,4106,0.1744,0.1894"
check_eq "not White British" "$(row not_white_british)" "710.6,400,310.6,400,4106,0.1731,0.3169"
check_eq "Core20 (IMD deciles 1-2)" "$(row core20)" "1000,1000,0,1000,4106,0.2435,0.1972"
check_eq "households without a car" "$(row no_car)" "765.9,300,465.9,300,4106,0.1865,0.2782"
check_eq "rural" "$(row rural)" "3106,0,3106,0,4106,0.7565,0.4084"
check_eq "EHIA headings" "$(echo "$json" | jq -r '[.equality_pack.rows[].heading] | unique | join("|")')" \
    "Access to transport|Age|Deprivation (Core20)|Disability|Race|Rurality"

md=$(run --format md)
check_has "the paper has the pack" "$md" "## Equality and health inequalities impact (EHIA evidence)"
check_has "... protected characteristics under their heading" "$md" "### Protected characteristics (Equality Act 2010)"
check_has "... a row as worked by hand" "$(printf "%s\n" "$md" | grep "| Age  *| aged 65 and over" | tr -s " ")" \
    "| 20.1% | 27.6% | 1,132 | 200 | 932 | 200 | 4,106 |"
check_has "... says what it does not assess" "$md" "Not assessed (no area data): gender reassignment"

# Without the Census the pack says "not assessed", never 0.
S2=$tmp/s2
"$bin" --store "$S2" import --quiet "$tmp/epraccur.csv" "$tmp/list.csv" \
    "$fx/onspd-2023-11-practice-postcodes.csv" \
    "$fx/lsoa11-population-weighted-centroids-coventry-warwickshire.csv" \
    "$fx/equality-lsoa-all-2026-04-constructed.csv"
json=$("$bin" --store "$S2" --config "$tmp/c.yaml" scenario run westwood --format json)
check_eq "no Census: unknown is null, not zero" \
    "$(echo "$json" | jq -c '.equality_pack.rows[] | select(.measure == "no_car") | [.displaced, .displaced_share, .icb_baseline_share, .assessed]')" \
    '[null,null,null,0]'
md=$("$bin" --store "$S2" --config "$tmp/c.yaml" scenario run westwood --format md)
check_has "... and the paper says not assessed" "$(printf '%s\n' "$md" | grep '| Disability')" "not assessed"
