# Wide terminals: names stop at 40-odd columns so the numbers stay near
# them; the card's rules stay in their own column; the neighbours can be
# sorted (s: distance, headroom, list, name; S reverses).
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
COLUMNS=200 run_keys <<'KEYS'
:open M86019
:save-display c1
N
:save-display n1
/
"westwood
:save-display s1
KEYS
chars() { grep -F -- "$2" "$1" | head -1 | tr -d '\n' | wc -m; }
n=$(chars c1 " Contract ")
if [ "$n" -gt 0 ] && [ "$n" -le 100 ]; then pass "the card's left rules end at its column"; else
    fail "the card's left rules end at its column ($n characters)"; sed 's/^/    |/' c1; fi
if grep -Eq "M86004 ALLESLEY PARK MEDICAL CTR {1,20}[0-9]+\.[0-9] " n1; then
    pass "neighbours: the name column is capped"; else
    fail "neighbours: the name column is capped"; sed 's/^/    |/' n1; fi
if grep -Eq "M86019 WESTWOOD MEDICAL H/CENTRE {1,20}CV4 9DR" s1; then
    pass "search: the name column is capped"; else
    fail "search: the name column is capped"; sed 's/^/    |/' s1; fi

run_keys <<'KEYS'
:open M86019
N
s
:save-display o1
s
:save-display o2
S
:save-display o3
KEYS
check_has "s sorts the neighbours by headroom" o1 "Neighbours  M86019  8 km  by headroom"
case "$(line_of o1 4)" in "  M86034 WOODSIDE MEDICAL CENTR"*) pass "... most headroom first";; *) fail "... most headroom first: $(line_of o1 4)";; esac
check_has "s again: by list size" o2 "by list size"
check_has "S reverses" o3 "by list size, reversed"
check_has "the hint names the keys" o1 "s/S sort"

COLUMNS=200 run_keys <<'KEYS'
C
:save-display k1
KEYS
if grep -Eq "M86019 WESTWOOD MEDICAL H/CENTRE {1,20}APMS" k1; then
    pass "contracts: the name column is capped"; else
    fail "contracts: the name column is capped"; sed 's/^/    |/' k1; fi
