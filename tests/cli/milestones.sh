# Contract milestones marked done or waived (audited), so "overdue" means
# a milestone past its date that nobody has dealt with.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
row() { q contracts --format csv | grep "^$1," | tr -d '\r'; }

# Today is 2026-11-23: Westwood's contract ends 2027-03-31, so four of its
# five milestones are past.
check_has "overdue: the four past milestones" "$(row M86019)" \
    ",mobilisation,2026-12-31,38,\"options appraisal, engagement, procurement, award\",-"
check_eq "overdue: one not yet past shows none" "$(row Y04965 | cut -d, -f11)" "-"
check_eq "overdue: in JSON" "$(q contracts --format json | jq -c '.[] | select(.practice == "M86019") | [.milestones[] | .overdue]')" \
    "[true,true,true,true,false]"

check_eq "set: done" "$(q set M86019 milestone.options_appraisal done)" \
    "M86019 milestone.options_appraisal: open -> done (recorded in the history)"
check_eq "set: waived" "$(q set M86019 milestone.engagement waived)" \
    "M86019 milestone.engagement: open -> waived (recorded in the history)"
q set M86019 milestone.procurement done >/dev/null
check_has "overdue: what is left" "$(row M86019)" ",award,\"options appraisal, engagement (waived), procurement\""
q set M86019 milestone.award done >/dev/null
check_has "overdue: none once all are dealt with" "$(row M86019)" ",mobilisation,2026-12-31,38,-,"
check_eq "JSON: each milestone's state" \
    "$(q contracts --format json | jq -c '.[] | select(.practice == "M86019") | [.milestones[] | .state]')" \
    '["done","waived","done","done","open"]'
# (The demo's contracts import is in the history too: only the marks here.)
check_eq "history: every mark is recorded" \
    "$(q history M86019 --format json | jq -r '[.[] | select(.field | startswith("milestone.")) | .field + "=" + .new] | join(" ")')" \
    "milestone.options_appraisal=done milestone.engagement=waived milestone.procurement=done milestone.award=done"
check_eq "set: mobilisation done early: the next is the contract end" \
    "$(q set M86019 milestone.mobilisation done >/dev/null; row M86019 | cut -d, -f8,9)" "contract end,2027-03-31"
check_eq "set: open again" "$(q set M86019 milestone.mobilisation open)" \
    "M86019 milestone.mobilisation: done -> open (recorded in the history)"

q import "$data/contracts-ILLUSTRATIVE-demo.csv" >/dev/null 2>&1
check_eq "import: a new copy of the contracts keeps the marks" \
    "$(q contracts --format json | jq -c '.[] | select(.practice == "M86019") | [.milestones[] | .state]')" \
    '["done","waived","done","done","open"]'

check_exit "set: not a state" 1 q set M86019 milestone.award maybe
check_has "set: ... says which are" "$(cat "$tmp/err")" "'maybe' is not done, waived or open"
check_exit "set: no end date to count back from" 1 q set M86010 milestone.award done
check_has "set: ... says so" "$(cat "$tmp/err")" "M86010 has no contract end date"
check_exit "set: an unknown milestone" 1 q set M86019 milestone.lunch done

# A practice that closed: its contract ended when it did.
q set M86629 contract.type GMS >/dev/null
check_eq "closed practice: the end is its close date" "$(q contracts --all --format csv | grep '^M86629,' | cut -d, -f7,8)" \
    "2017-10-31,practice closed"
check_eq "closed practice: nothing overdue" "$(q contracts --all --format json | jq -c '.[] | select(.practice == "M86629") | [.end, .practice_closed, (.milestones | length)]')" \
    '["2017-10-31",true,0]'
