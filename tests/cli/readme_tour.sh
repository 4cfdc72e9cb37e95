# The README's short tour, run as written on a copy of the checkout after
# what `make run` does (the demo store and the demo's own config in
# build/): every command succeeds, and every line of output the README
# shows is what the command prints.
. "$(dirname "$0")/lib.sh"

clone=$tmp/clone
mkdir -p "$clone/build"
cp -r "$top/data" "$top/scripts" "$top/README.md" "$clone/"
cp "$bin" "$clone/build/catchment"
(cd "$clone" && scripts/demo-store.sh build/catchment build/demo-store build/demo.yaml >/dev/null)
check "make run's preparation: the demo store" test -f "$clone/build/demo-store/data.mdb"
check "make run's preparation: the demo's own config" cmp "$clone/data/demo.yaml" "$clone/build/demo.yaml"

# The tour: each "$ command" line, with the lines shown after it.
awk '/^## A short tour/ { on = 1 } on && /^```console/ { inb = 1; next } inb && /^```/ { exit }
     inb' "$top/README.md" >"$tmp/tour"
check "the README has a tour" test -s "$tmp/tour"

# One shell runs every command in turn (exports carry on), each into its
# own files; the terminal interface (a bare `catchment`) needs a terminal
# and is left to the screen tests.
n=0
: >"$tmp/script"
while IFS= read -r line; do
    case $line in
    '$ '*) ;;
    *) [ $n -gt 0 ] && printf '%s\n' "$line" >>"$tmp/shown.$n"; continue ;;
    esac
    n=$((n + 1))
    cmd=${line#\$ }
    printf '%s\n' "$cmd" >"$tmp/cmd.$n"
    : >"$tmp/shown.$n"
    case $cmd in
    'catchment '*'# the terminal interface'|catchment) echo "echo 0 >'$tmp/rc.$n'" >>"$tmp/script"; continue ;;
    esac
    printf '{ %s\n} >"%s" 2>"%s"; echo $? >"%s"\n' "$cmd" "$tmp/out.$n" "$tmp/err.$n" "$tmp/rc.$n" >>"$tmp/script"
done <"$tmp/tour"
(cd "$clone" && env -u CATCHMENT_STORE PATH="/usr/bin:/bin" sh "$tmp/script")

i=1
while [ $i -le $n ]; do
    cmd=$(cat "$tmp/cmd.$i")
    check_eq "tour: \$ $cmd" "$(cat "$tmp/rc.$i")" 0
    while IFS= read -r want; do
        [ "$want" = "..." ] && continue
        if cat "$tmp/out.$i" "$tmp/err.$i" 2>/dev/null | grep -qxF -- "$want"; then
            pass "tour: $cmd shows: $want"
        else
            fail "tour: $cmd shows: $want; it printed: $(cat "$tmp/out.$i" "$tmp/err.$i" 2>/dev/null | head -c 600)"
        fi
    done <"$tmp/shown.$i"
    i=$((i + 1))
done
check "tour: the board paper was written" test -s "$clone/board-paper.md"
check "tour: the spreadsheet of the PCN's practices" grep -q '^M86010,' "$clone/go-west.csv"

# data/SOURCES.md lists only files that are in data/ (and every data file).
for f in $(grep -o '^| `[^`]*`' "$top/data/SOURCES.md" | tr -d '|` '); do
    check "SOURCES.md: $f is in data/" test -f "$top/data/$f"
done
for f in "$top"/data/*.csv; do
    check_has "SOURCES.md names $(basename "$f")" "$(cat "$top/data/SOURCES.md")" "\`$(basename "$f")\`"
done
