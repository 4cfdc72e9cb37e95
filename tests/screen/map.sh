# The map: m from a card, the neighbours or the what-if; pan, zoom, Tab
# to a practice and Enter to its card; at 80x24 and 200x50, in colour,
# monochrome and ASCII; and a redraw that writes only what changed.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"

run_keys <<'KEYS'
:open M86019
m
:save-display s1
q
N
m
:save-display s2
q
q
x
:open M84036
x
w
m
:save-display s3
:save-attrs a3
+
:save-display s4
<Tab>
:save-display s5
<Enter>
:save-display s6
KEYS
check_has "m on a card: the practice and those around it" s1 "M86019 WESTWOOD MEDICAL H/CENTRE and the practices within 8 km"
check_has "... the practice labelled by its code" s1 "@M86019"
check_has "... a legend in letters" s1 "@ this practice  o has room  = full  c cannot receive  X marked"
check_has "... a scale bar" s1 "| 5 km"
check_has "... pan and zoom keys in the status bar" s1 "arrows pan  +/- zoom  Tab next practice  Enter card"
check_has "m on the neighbours: the same map" s2 "M86019 WESTWOOD MEDICAL H/CENTRE and the practices within 8 km"
check_has "m on the what-if: the plan as a map" s3 "What-if ad hoc: 2 closing, 63 receiving, policy optimal"
check_has "... both closing practices labelled" s3 "XM84036"
check_has "... the other" s3 "XM86019"
check_has "... its legend" s3 "X closing  o receiver  = full  ! over capacity"
check_has "... areas drawn in braille" s3 "⣿"
check_has "+ zooms in: the scale halves" s4 "| 5 km"
check_has "... as the title says" s4 "0.41 km a cell"
check_has "Tab picks the first labelled practice" s5 "[M84036 ABBEY MEDICAL"
check_has "Enter opens its card" s6 "M84036  ABBEY MEDICAL CENTRE"
n=$(grep -n 'XM84036' s3 | head -1 | cut -d: -f1)
col=$(sed -n "${n}p" s3 | sed 's/XM84036.*//' | wc -m)
attr=$(sed -n "${n}p" a3 | cut -c"$col")
[ "$attr" = "$(sed -n 2p a3 | cut -c1)" ] && fail "the closing practice is coloured: $attr" ||
    pass "the closing practice has its own colour ($attr)"

# Pan: l moves the map east, so the closing practice moves left.
run_keys <<'KEYS'
:open M84036
m
:save-display p1
l
:save-display p2
h
h
:save-display p3
KEYS
x1=$(grep '@M84036' p1 | sed 's/@M84036.*//' | wc -m)
x2=$(grep '@M84036' p2 | sed 's/@M84036.*//' | wc -m)
x3=$(grep '@M84036' p3 | sed 's/@M84036.*//' | wc -m)
[ "$x2" -lt "$x1" ] && pass "l pans east: the practice moves left ($x1 -> $x2)" || fail "l pans east: $x1 -> $x2"
[ "$x3" -gt "$x1" ] && pass "h h pans west: it moves right ($x1 -> $x3)" || fail "h h pans west: $x1 -> $x3"

# Monochrome and ASCII: letters carry the meaning.
keys() {
    cat <<'KEYS'
:open M86019
x
:open M84036
x
w
m
:save-display s
:save-attrs a
KEYS
}
keys | NO_COLOR=1 run_keys
check_has "NO_COLOR: the legend in letters" s "X closing  o receiver  = full  ! over capacity"
check_has "NO_COLOR: closing practices as X" s "XM84036"
keys | TERM=vt100 LC_ALL=C run_keys
check_has "ASCII: the map draws" s "XM84036"
check_has "ASCII: areas as dots" s ": areas"
if LC_ALL=C grep -q '[^ -~]' s; then fail "ASCII: only ASCII on the screen"; else pass "ASCII: only ASCII on the screen"; fi

# A wide terminal: the map fills it.
keys | LINES=50 COLUMNS=200 run_keys
check_eq_lines() { [ "$(wc -l <"$1")" -eq "$2" ] && pass "$3" || fail "$3: $(wc -l <"$1") lines"; }
check_eq_lines s 50 "200x50: the screen is 50 lines"
check_has "200x50: the legend" s "X closing  o receiver  = full  ! over capacity"
w=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' s)
[ "$w" -gt 120 ] && pass "200x50: the map uses the width ($w columns)" || fail "200x50: $w columns"

# Redraw: Tab changes a few cells and writes little, far less than a
# full repaint.
export CATCHMENT_TERM_OUT="$tmp/tty"
run_keys <<'KEYS'
:open M86019
x
:open M84036
x
w
m
:bytes b
<Tab>
:bytes b
<Tab>
:bytes b
<C-L>
:bytes b
KEYS
set -- $(cat b)
tab=$(($2 - $1)) tab2=$(($3 - $2)) full=$(($4 - $3))
[ "$tab" -lt 600 ] && [ "$tab2" -lt 600 ] && pass "Tab writes $tab then $tab2 bytes (a full repaint $full)" ||
    fail "Tab writes under 600 bytes: $tab, $tab2 (full repaint $full)"
[ "$full" -gt 600 ] && pass "the bound would catch a full repaint ($full bytes)" || fail "a full repaint is $full bytes"

# At 60 columns the key to the letters wraps onto a second line instead
# of losing its end ("? unplaced", "X marked").
COLUMNS=60 run_keys <<'KEYS'
:open M86019
m
:save-display n1
q
x
w
m
:save-display n2
KEYS
check_has "60 columns: the card's map keeps X marked" n1 "X marked"
check_has "60 columns: the what-if's map keeps ? unplaced" n2 "? unplaced"
check_has "... and X closing" n2 "X closing"
check_has "... and the scale bar" n2 "km"
