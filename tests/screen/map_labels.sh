# Two closing practices close together on the what-if map: each keeps its
# X, and no label is written over another practice's mark (Westwood's X
# and most of its code were under Limbrick Wood's label: "XM8660519").
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86019
x
:open M86605
x
w
m
:save-display s1
KEYS
# the map's rows: below the header, above the legend and the scale bar
sed -n '3,21p' s1 >rows
n=$(tr -cd 'X' <rows | wc -c)
if [ "$n" -eq 2 ]; then pass "both closing practices show their X"; else
    fail "both closing practices show their X: $n"; sed 's/^/    |/' s1; fi
check_lacks "no label written into another" rows "M8660519"
if grep -q "XM86605\|M86605X" rows; then pass "Limbrick Wood labelled"; else fail "Limbrick Wood labelled"; sed 's/^/    |/' rows; fi
