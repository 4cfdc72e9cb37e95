# The map with imported boundaries: the outlines drawn as lines under the
# practices, at 80x24 in colour, monochrome and ASCII, named in the
# legend; without a boundary file the map is as it was.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"

keys() {
    cat <<'KEYS'
:open M86019
m
:save-display s
:save-attrs a
-
:save-display z
KEYS
}
# Braille cells (U+2800..U+28FF) on the map's rows, and '+' in ASCII.
braille() { sed -n "2,$(($(wc -l <"$1") - 3))p" "$1" | LC_ALL=C grep -o "$(printf '\342[\240-\243]')" | wc -l; }
pluses() { sed -n "2,$(($(wc -l <"$1") - 3))p" "$1" | tr -cd '+' | wc -c; }

keys | run_keys
cp s before
cp a before-attrs
check_lacks "without boundaries: no boundary legend" before "boundaries:"
keys | TERM=vt100 LC_ALL=C run_keys
cp s before-ascii

"$bin" --store "$store" import --quiet "$top/tests/data/boundaries/sicbl-constructed.geojson" \
    "$top/tests/data/boundaries/lad-constructed.geojson" || fail "the boundary files import"

keys | run_keys
check_has "colour: the legend names the boundaries" s \
    "boundaries: local authority districts (LAD24), sub-ICB locations (SICBL22)"
check_has "... with the line's mark" s "⠒ boundaries:"
check_has "... the practice still labelled" s "@M86019"
check_has "... and the map's own legend" s "@ this practice  o has room  = full  c cannot receive  X marked"
b0=$(braille before) b1=$(braille s)
[ "$b1" -gt $((b0 + 30)) ] && pass "colour: the outlines are drawn ($b0 -> $b1 braille cells)" ||
    fail "colour: the outlines are drawn: $b0 -> $b1 braille cells"
check_has "zoomed out, the outlines still draw" z "boundaries:"
[ "$(braille z)" -gt 30 ] && pass "... as lines ($(braille z) cells)" || fail "... as lines: $(braille z)"
# The practices keep their letters over the lines.
for g in o = c; do
    n0=$(sed -n '2,20p' before | tr -cd "$g" | wc -c) n1=$(sed -n '2,20p' s | tr -cd "$g" | wc -c)
    [ "$n1" -eq "$n0" ] && pass "... every '$g' still shows ($n1)" || fail "... '$g': $n0 -> $n1"
done

keys | NO_COLOR=1 run_keys
check_has "monochrome: the legend names the boundaries" s "⠒ boundaries: local authority districts"
[ "$(braille s)" -gt $((b0 + 30)) ] && pass "monochrome: the outlines are drawn" ||
    fail "monochrome: the outlines are drawn: $(braille s)"

keys | TERM=vt100 LC_ALL=C run_keys
check_has "ASCII: the legend names the boundaries with their mark" s \
    "+ boundaries: local authority districts (LAD24), sub-ICB locations (SICBL22)"
p0=$(pluses before-ascii) p1=$(pluses s)
[ "$p1" -gt $((p0 + 30)) ] && pass "ASCII: the outlines drawn in '+' ($p0 -> $p1)" ||
    fail "ASCII: the outlines drawn in '+': $p0 -> $p1"
if LC_ALL=C grep -q '[^ -~]' s; then fail "ASCII: only ASCII on the screen"; else pass "ASCII: only ASCII on the screen"; fi

# The what-if's map draws them too.
run_keys <<'KEYS'
:open M86019
x
:open M84036
x
w
m
:save-display w
KEYS
check_has "the what-if map names the boundaries" w "boundaries: local authority districts"
check_has "... and keeps its legend" w "X closing  o receiver  = full  ! over capacity"
