#!/bin/sh
# The what-if as a map for the board paper: `scenario run --map FILE.svg`
# writes an SVG that is valid, renders, says what it shows and where its
# data comes from, and is written safely.
. "$(dirname "$0")/lib.sh"

S=$(demo_store)
run() { "$bin" --store "$S" --config "$top/data/demo.yaml" scenario run "$@"; }

check_exit "a what-if with --map succeeds" 0 run --close M84036,M86039 --map "$tmp/m.svg"
check "... and writes the map" test -s "$tmp/m.svg"
check_eq "... readable by the owner and the group only" "$(stat -c %a "$tmp/m.svg")" 640
svg=$(cat "$tmp/m.svg")
check_has "the map names the closing practices" "$svg" ">M84036</text>"
check_has "... and the other" "$svg" ">M86039</text>"
check_has "... has a legend" "$svg" "receiver over capacity"
check_has "... names the biggest receiver in the legend" "$svg" "M86034 WOODSIDE MEDICAL CENTRE +1858"
check_has "... has a scale bar" "$svg" " km</text>"
check_has "... says the areas are modelled" "$svg" "MODELLED: where patients live"
check_has "... says the date its figures are as at, in its title" \
    "$(grep 'font-size="15"' "$tmp/m.svg")" "as at 2026-04-01"
check_has "... names the receivers whose capacity is made up" "$svg" \
    "ILLUSTRATIVE: the capacity of M86034, M86004, M86010"
check_has "... carries the attribution" "$svg" "Contains OS data &#169; Crown copyright"
check_has "... names the closing practices in the legend" "$svg" "closing: M84036 ABBEY MEDICAL CENTRE"
check_eq "... draws one line per placed flow" "$(sed -n '/<g id="flows"/,/<\/g>/p' "$tmp/m.svg" | grep -c '<line')" \
    "$(run --close M84036,M86039 --format json --flows | jq '[.flows[] | select(.to != null and .patients > 0)] | length')"
if command -v xmllint >/dev/null; then
    check "the SVG is well-formed XML" xmllint --noout "$tmp/m.svg"
else
    pass "xmllint not installed: well-formedness not checked"
fi
if command -v rsvg-convert >/dev/null; then
    check "the SVG renders (rsvg-convert)" rsvg-convert -o "$tmp/m.png" "$tmp/m.svg"
    check_eq "... to a PNG of its size" "$(od -An -tu1 -j16 -N8 "$tmp/m.png" | tr -s ' ')" \
        " 0 0 3 192 0 0 3 122"
else
    pass "rsvg-convert not installed: rendering not checked"
fi

# The board paper links the map it was written with.
run --close M84036,M86039 --format md --map "$tmp/paper-map.svg" >"$tmp/paper.md"
check_has "the md paper links the map" "$(cat "$tmp/paper.md")" \
    "![Where the patients of the closing practices would go](<$tmp/paper-map.svg>)"
run --close M84036 --format md >"$tmp/plain.md"
check_eq "... and has no map section without --map" "$(grep -c '^## Map' "$tmp/plain.md")" 0

# Written safely: a planted symlink is replaced, not written through; a
# failure leaves no report and no half file.
echo "thesis" >"$tmp/victim"
ln -s "$tmp/victim" "$tmp/planted.svg"
check_exit "a symlink at the map's name" 0 run --close M84036 --map "$tmp/planted.svg"
check_eq "... leaves the file it pointed to alone" "$(cat "$tmp/victim")" "thesis"
check "... and is replaced by the map" test ! -L "$tmp/planted.svg"
check_exit "a map into a missing directory fails" 1 run --close M84036 --format md --map "$tmp/no/such/m.svg"
check_has "... saying why" "$(cat "$tmp/err")" "$tmp/no/such/m.svg: cannot create"
check_eq "... and prints no paper" "$(cat "$tmp/out")" ""
check_eq "no temporary file is left behind" "$(ls "$tmp" | grep -c '\.svg\.')" 0

# Names from the data are escaped: a hostile name keeps the SVG valid.
H=$tmp/hostile
sed 's/"M84036","ABBEY MEDICAL CENTRE"/"M84036","A \& B <SURGERY> \xe2\x80\xae"/' \
    "$top/data/epraccur-coventry-warwickshire-2026.csv" >"$tmp/epr.csv"
cp -r "$S" "$H"
"$bin" --store "$H" import --quiet "$tmp/epr.csv" 2>/dev/null
"$bin" --store "$H" scenario run --close M86039 --map "$tmp/h.svg" >/dev/null 2>&1
"$bin" --store "$H" scenario run --close M84036 --map "$tmp/h.svg" >/dev/null
check_has "a hostile name is escaped in the SVG" "$(cat "$tmp/h.svg")" "A &amp; B &lt;SURGERY&gt;"
if command -v xmllint >/dev/null; then
    check "... which stays well-formed" xmllint --noout "$tmp/h.svg"
fi
