# A store with only the register and one list-size file: where patients
# live and where practices are is unknown, so every travel figure is
# unknown ("-", JSON null), never 0, and the unplaced are not put down to
# a lack of room.
. "$(dirname "$0")/lib.sh"

S=$tmp/part
"$bin" --store "$S" import --quiet "$data"/epraccur-*.csv "$data"/gp-reg-pat-prac-all-2026-04-*.csv
q() { "$bin" --store "$S" --config "$data/demo.yaml" "$@"; }

t=$(q scenario run westwood-ends)
check_has "table: nobody beyond reasonable is not known, not 0" \
    "$(echo "$t" | grep '^Travel:')" "90% within -; - beyond 3.0"
check_has "table: the IMD row's beyond reasonable is not known" \
    "$(echo "$t" | grep '^IMD quintile unknown')" \
    "4,106       0     4,106               -              -                  -"
j=$(q scenario run westwood-ends --format json)
check_eq "json: travel.beyond_reasonable is null" "$(echo "$j" | jq .travel.beyond_reasonable)" null
check_eq "json: a group's beyond_reasonable is null" \
    "$(echo "$j" | jq '.equality[] | select(.group == "IMD quintile unknown") | .beyond_reasonable')" null
m=$(q scenario run westwood-ends --format md)
check_has "paper: travelling beyond reasonable is not known" \
    "$(echo "$m" | grep 'Travelling more than')" "|     - |"
check_has "paper: the unplaced are not put down to a lack of room" \
    "$(echo "$m" | sed -n '/^## Summary/,/^## Key/p')" \
    "4,106 could not be placed (no practice with a known location within reach: import a postcode file)"
check_has "paper: the key figure says why too" "$(echo "$m" | grep '^| Unplaced')" \
    "Unplaced (no practice with a known location)"
check_has "appraisal: beyond reasonable is not known" "$(q appraisal M86019)" \
    "0 receiving practices, 0 over capacity; - beyond 3.0 km"

# One list-size extract: no change can be measured, so none is shown as +0.0%.
check_has "show: the earliest is the latest, no change given" \
    "$(q show M86010 | grep '^  Earliest')" "13,037 on 2026-04-01"
case $(q show M86010 | grep '^  Earliest') in
*"0.0%"*) fail "show: one extract is not a change of +0.0%" ;;
*) pass "show: one extract is not a change of +0.0%" ;;
esac
check_eq "show json: the change is null" \
    "$(q show M86010 --format json | jq .history_summary.earliest.change_to_latest_pct)" null
