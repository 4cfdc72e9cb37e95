# The back-test: closures between two list-size extracts, transfers set
# apart, dispersals modelled as at the earlier extract and scored, the
# fitted beta saved and used, and the board report's paragraph.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)

# The demo as it is: four Coventry practices closed between January 2021
# and April 2026, and Alliance Teaching Practices (Y04965) grew from 3,931
# to 21,616: far beyond the trend, more than half of each closed list.
j=$("$bin" --store "$st" backtest --from 2021-01 --to 2026-04 --format json)
check_eq "demo: the extracts compared" "$(echo "$j" | jq -r '[.from, .to] | join(" ")')" \
    "2021-01-01 2026-04-01"
check_eq "demo: four closures" "$(echo "$j" | jq '.closures | length')" 4
check_eq "demo: all four look like transfers to Alliance Teaching Practices" \
    "$(echo "$j" | jq -r '[.closures[] | "\(.kind)/\(.taken_over_by)"] | unique | join(",")')" \
    "likely transfer/Y04965"
check_eq "demo: nothing is scored" "$(echo "$j" | jq .dispersals)" 0
check_eq "demo: no figures where nothing was scored" \
    "$(echo "$j" | jq '[.policies[].share] | unique')" "[
  null
]"
t=$("$bin" --store "$st" backtest)
check_has "table: says why nothing is scored" "$t" "No dispersal to check"
check_has "table: says how the trend is taken" "$t" "the 62 practices in both extracts grew"
check_has "table: without a successor file, says transfers are inferred" "$t" \
    "no ODS successor file in the store"

# A constructed later extract (the published CCG-era shape, 01APR2023):
# the 2021 lists, less the four closed practices, with three practices
# near Balliol Road gaining 1,500, 1,000 and 1,200 (each under half of the
# smallest closed list, so none looks like a transfer).
bst="$tmp/bt-store"
cp -r "$st" "$bst"
awk -F, 'BEGIN { OFS = "," }
    NR == 1 { print; next }
    $6 == "M86023" || $6 == "Y04947" || $6 == "Y04951" || $6 == "Y04952" { next }
    { $2 = "01APR2023"
      if ($6 == "M86016") $10 += 1500
      if ($6 == "M86041") $10 += 1000
      if ($6 == "M86014") $10 += 1200
      print }' "$data/gp-reg-pat-prac-all-2021-01-coventry-rugby.csv" \
    >"$tmp/gp-reg-pat-prac-all-2023-04-constructed.csv"
"$bin" --store "$bst" import --quiet "$tmp/gp-reg-pat-prac-all-2023-04-constructed.csv"
j=$("$bin" --store "$bst" backtest --to 2023-04 --format json)
check_eq "constructed: the later extract is the one asked for" "$(echo "$j" | jq -r .to)" 2023-04-01
check_eq "constructed: four dispersals" "$(echo "$j" | jq .dispersals)" 4
check_eq "constructed: the observed growth beyond trend adds up over the scored practices" \
    "$(echo "$j" | jq '.observed_excess > 0 and .observed_excess <= 3700')" true
check_eq "constructed: every share is between 0 and 1" \
    "$(echo "$j" | jq '[.policies[].share | . >= 0 and . <= 1] | all')" true
check_eq "constructed: every rank correlation is between -1 and 1" \
    "$(echo "$j" | jq '[.policies[].rank_correlation | . >= -1 and . <= 1] | all')" true
check_eq "constructed: demand sends patients to the three that grew" \
    "$(echo "$j" | jq '.policies[] | select(.policy == "demand") | .share')" 1
check_eq "constructed: beta is fitted on the grid 0.5 to 4" \
    "$(echo "$j" | jq '.fitted_beta >= 0.5 and .fitted_beta <= 4 and (.fitted_beta * 4 | floor) == .fitted_beta * 4')" true
t=$("$bin" --store "$bst" backtest --to 2023-04)
check_has "table: the policies' figures" "$t" "Share of excess growth at modelled receivers"
check_has "table: the fitted beta" "$t" "Fitted beta (demand model"

# The ODS successor file names a merger: that closure is a transfer.
out=$("$bin" --store "$bst" import "$top/tests/data/import/succ-constructed.csv")
check_has "succ: recognised by its shape" "$out" "succ"
j=$("$bin" --store "$bst" backtest --to 2023-04 --format json)
check_eq "succ: Stoke Aldermoor is a transfer to Y04965" \
    "$(echo "$j" | jq -r '.closures[] | select(.code == "Y04947") | "\(.kind)/\(.taken_over_by)"')" \
    "transfer/Y04965"
check_eq "succ: three dispersals left" "$(echo "$j" | jq .dispersals)" 3

# rules.choice_beta: fitted uses the saved beta; without one it is an error.
printf 'rules:\n  choice_beta: fitted\n' >"$tmp/fitted.yaml"
check_exit "fitted, none saved: exit 1" 1 "$bin" --store "$bst" --config "$tmp/fitted.yaml" \
    scenario run --close M86019 --policy demand
check_has "fitted, none saved: says what to run" "$(cat "$tmp/err")" "catchment backtest --save"
"$bin" --store "$bst" backtest --to 2023-04 --save >/dev/null
beta=$("$bin" --store "$bst" backtest --to 2023-04 --format json | jq .fitted_beta)
j=$("$bin" --store "$bst" --config "$tmp/fitted.yaml" scenario run --close M86019 --policy demand --format json)
check_eq "fitted: the saved beta is used" "$(echo "$j" | jq .choice_beta)" "$beta"
check_eq "fitted: and said to be fitted" "$(echo "$j" | jq .choice_beta_fitted)" true
md=$("$bin" --store "$bst" --config "$tmp/fitted.yaml" scenario run --close M86019 --format md)
check_has "md: the back-test paragraph" "$md" "Checked against the 3 dispersals between the list-size extracts of 2021-01-01 and 2023-04-01"
md=$("$bin" --store "$st" scenario run --close M86019 --format md)
check_has "md: or that it was not checked" "$md" "Not checked: no back-test is saved"

# Bad input.
check_exit "a bad date exits 2" 2 "$bin" --store "$st" backtest --from 2021-13
check_exit "one extract only exits 1" 1 "$bin" --store "$st" backtest --from 2026-01
check_has "and says why" "$(cat "$tmp/err")" "needs two list-size extracts"
printf '"Y04947","Y04947","Merger","20220801"\r\n' >"$tmp/succ-self.csv"
check_exit "a practice succeeding itself is refused" 1 "$bin" --store "$bst" import "$tmp/succ-self.csv"
check_has "at its line and column" "$(cat "$tmp/err")" "succ-self.csv:1:"
printf '"Y04947","Y04965","Merger","20220801"\r\n"Y04951","Y04965","Merger","20221301"\r\n' \
    >"$tmp/succ-date.csv"
check_exit "a bad effective date is refused" 1 "$bin" --store "$bst" import "$tmp/succ-date.csv"
check_has "at its line and column" "$(cat "$tmp/err")" \
    "succ-date.csv:2:28: effective date: '20221301' is not a date"
