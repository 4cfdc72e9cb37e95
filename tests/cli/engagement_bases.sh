# The engagement overview's Satisfied share says its base: those who
# answered the question, not every response as the detail's shares are.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
sv=$top/tests/data/survey
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
q import --mapping "$sv/survey-map.yaml" "$sv/engagement-survey-constructed.csv" >/dev/null 2>&1

check_has "overview: Satisfied says its base" "$(q engagement)" \
    "Satisfied: of those who answered the first satisfaction question (unanswered left out), the share answering 4 or 5 of 5"
check_has "help: says the one share whose base differs" "$(q engagement --help 2>&1 | tr "\n" " ")" \
    "Shares are of all responses, but the overview's Satisfied is of those who answered."
