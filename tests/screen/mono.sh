# Monochrome: NO_COLOR, --no-color and terminals without colour use the
# attribute column (cursor reversed, unplaced patients bold and
# reversed); ASCII-only terminals get ASCII everywhere.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
keys() {
    cat <<'KEYS'
:save-attrs a1
:open M84036
x
:open M86039
x
:policy nearest
w
:save-attrs a2
:save-display s2
KEYS
}
row() { sed -n "${2}p" "$1" | cut -c1-"${3:-80}"; }
all() { printf "$1%.0s" $(seq "$2"); }

keys | run_keys
[ "$(row a1 3)" = "$(all 0 80)" ] && pass "with colour the cursor is a colour, not an attribute" ||
    fail "colour cursor: $(row a1 3)"

keys | NO_COLOR=1 run_keys
[ "$(row a1 3)" = "$(all 2 80)" ] && pass "NO_COLOR: the cursor line is reversed" ||
    fail "NO_COLOR cursor: $(row a1 3)"
[ "$(row a1 1)" = "$(all 2 80)" ] && pass "NO_COLOR: the title bar is reversed" ||
    fail "NO_COLOR title: $(row a1 1)"
check_has "some patients are unplaced" s2 "unplaced 10"
n=$(grep -n "unplaced 10" s2 | cut -d: -f1)
[ "$(row a2 "$n" 30)" = "$(all 3 30)" ] && pass "NO_COLOR: unplaced patients are bold and reversed" ||
    fail "NO_COLOR unplaced: $(row a2 "$n")"

# Over capacity under demand: the word OVER, and bold reversed without colour.
# (the cursor moves off the first receiver, so its own attribute shows)
printf ':open M84036\nx\n:policy demand\nw\n<Down>\n:save-attrs a3\n:save-display s3\n' |
    NO_COLOR=1 run_keys
n=$(grep -n "^! M84013" s3 | cut -d: -f1)
[ -n "$n" ] && pass "demand: Castle Medical Centre is marked !" || fail "no ! row in: $(cat s3)"
[ -n "$n" ] && [ "$(row a3 "$n" 30)" = "$(all 3 30)" ] &&
    pass "NO_COLOR: the over-capacity receiver is bold and reversed" ||
    fail "NO_COLOR over: $(row a3 "${n:-1}")"

keys | run_keys --no-color
[ "$(row a1 3)" = "$(all 2 80)" ] && pass "--no-color: the cursor line is reversed" ||
    fail "--no-color cursor: $(row a1 3)"

keys | TERM=vt100 LC_ALL=C run_keys
[ "$(row a1 3)" = "$(all 2 80)" ] && pass "a terminal without colours: the cursor line is reversed" ||
    fail "vt100 cursor: $(row a1 3)"
check_has "ASCII: rules in ASCII" s2 "-- Receivers (c changes a capacity; * set here; ~ assumed) ----"
if LC_ALL=C grep -q '[^ -~]' s2; then fail "ASCII: only ASCII on the screen"; else pass "ASCII: only ASCII on the screen"; fi
