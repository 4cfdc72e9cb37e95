# A screen with nothing to show says why, and what to do, in full at 80
# columns: the message wraps at spaces instead of being cut at the edge
# (cut, "catchment import --mapping M" no longer said how).
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
w
:save-display w0
q
:open M86019
e
:save-display e0
KEYS
check_has "the empty what-if: the end of its advice shows" w0 "loads one"
check_has "the empty survey: the command whole" e0 "MAP.yaml SURVEY.csv)"
check_has "the survey message starts where it did" e0 " No engagement survey responses for this practice"

# 60 columns, the narrowest there is: still whole.
COLUMNS=60 run_keys <<'KEYS'
:open M86019
e
:save-display e1
KEYS
check_has "at 60 columns too" e1 "SURVEY.csv)"
