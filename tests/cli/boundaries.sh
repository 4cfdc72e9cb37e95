#!/bin/sh
# Boundaries: an ONS GeoJSON of sub-ICB locations or local authorities
# imports by its content (or --kind boundaries), simplified, in one
# transaction; bad and hostile files are refused with file:line:column
# and leave the store as it was; check, stats and backup cover them; the
# what-if's SVG draws the outlines inside its view.
. "$(dirname "$0")/lib.sh"

B=$top/tests/data/boundaries
S=$tmp/st

check_exit "an ONS sub-ICB GeoJSON imports, recognised by its content" 0 \
    "$bin" --store "$S" import "$B/sicbl-constructed.geojson"
check_eq "... one summary line: features, points and the simplification" "$(cat "$tmp/out")" \
    "$B/sicbl-constructed.geojson: boundaries, 2 rows read, 2 kept, 0 skipped (18 points in the file; 18 points kept, simplified to within 20 m)"
check_exit "a local authority GeoJSON imports with --kind boundaries" 0 \
    "$bin" --store "$S" import --kind boundaries "$B/lad-constructed.geojson"
check_has "... 3 outlines" "$(cat "$tmp/out")" "boundaries, 3 rows read, 3 kept"
check_exit "the same file again changes nothing" 0 "$bin" --store "$S" import "$B/lad-constructed.geojson"
check_has "... and says so" "$(cat "$tmp/out")" "already imported"
check_has "... read through a pipe too" \
    "$(command cat "$B/lad-constructed.geojson" | "$bin" --store "$tmp/pipe" import - 2>&1)" \
    "standard input: boundaries, 3 rows read, 3 kept"
check_has "import --help lists the kind" "$("$bin" import --help)" "boundaries"

stats=$("$bin" --store "$S" stats)
check_has "stats counts the outlines" "$stats" "5 boundary outlines"
check_has "... and lists the import" "$stats" "lad-constructed.geojson"
check_eq "stats --format json counts them" "$("$bin" --store "$S" stats --format json | jq .counts.boundaries)" 5
check_eq "... the import's kind" \
    "$("$bin" --store "$S" stats --format json | jq -r '.imports[] | select(.file == "sicbl-constructed.geojson") | .kind')" boundaries
check_exit "check: the store with boundaries is clean" 0 "$bin" --store "$S" check
check "backup copies them" "$bin" --store "$S" backup "$tmp/bk"
check_eq "... the backup counts the same" "$("$bin" --store "$tmp/bk" stats --format json | jq .counts.boundaries)" 5

# A newer file of the same kind of area replaces the older outlines.
awk 'NR == 7 { next } NR == 6 { sub(/,$/, ""); sub(/99X/, "99X (2023)") } { print }' \
    "$B/sicbl-constructed.geojson" >"$tmp/sicbl-newer.geojson"
check_exit "a newer sub-ICB file imports" 0 "$bin" --store "$S" import "$tmp/sicbl-newer.geojson"
check_eq "... replacing the sub-ICB outlines, keeping the districts" \
    "$("$bin" --store "$S" stats --format json | jq .counts.boundaries)" 4

# ---- bad and hostile files: refused where the fault is, store unchanged.
snapshot() {
    "$bin" --store "$S" stats --format json | grep -v '"imported_at"'
    mdb_dump -a -p "$S" | sha256sum
}
base=$(snapshot)
bad() { # bad WHAT FILE MESSAGE
    check_exit "$1: refused" 1 "$bin" --store "$S" import "$2"
    check_eq "... $4" "$(cat "$tmp/err")" "catchment: $2:$3"
    if grep -q "$(printf '\033')" "$tmp/err"; then fail "... no raw escape on stderr"; fi
    check_eq "... the store unchanged" "$(snapshot)" "$base"
}
head='{"type": "FeatureCollection", "features": ['
ring() { # ring LINE6: a polygon whose second point is the line given
    printf '%s\n' "$head" \
        '{"type": "Feature", "properties": {"SICBL24CD": "E38000001", "SICBL24NM": "A"},' \
        '"geometry": {"type": "Polygon", "coordinates": [[' \
        '[-1.5, 52.4],' "$1" '[-1.4, 52.5],' '[-1.5, 52.4]]]}}' ']}'
}
feat() { # feat CODE NAME: one feature on one line
    printf '{"type": "Feature", "properties": {"LAD24CD": "%s", "LAD24NM": "%s"}, "geometry": {"type": "Polygon", "coordinates": [[[-1.5, 52.4], [-1.4, 52.4], [-1.4, 52.5], [-1.5, 52.4]]]}}' "$1" "$2"
}

ring '[-1.4, NaN],' >"$tmp/nan.geojson"
bad "NaN" "$tmp/nan.geojson" "5:8: expected a number" "at the NaN"
ring '[-1.4, 1e400],' >"$tmp/inf.geojson"
bad "a number too big for a double" "$tmp/inf.geojson" "5:8: expected a number" "at the number"
ring '[1e30, 52.4],' >"$tmp/huge.geojson"
bad "a huge coordinate" "$tmp/huge.geojson" \
    "5:1: a point that is neither WGS84 degrees nor on the British National Grid" "at the point"
ring '[-1.4],' >"$tmp/short.geojson"
bad "a position of one number" "$tmp/short.geojson" "5:1: a position needs two numbers" "at the position"
printf '%s\n%s\n%s\n' "$head" \
    '{"type": "Feature", "properties": {"LAD24CD": "E08000026"}, "geometry": {"type": "Point", "coordinates": [-1.5, 52.4]}}' \
    ']}' >"$tmp/point.geojson"
bad "a Point feature" "$tmp/point.geojson" \
    "2:1: feature E08000026: only Polygon and MultiPolygon geometries are boundaries" "at the feature"
printf '%s\n%s,\n%s\n]}\n' "$head" "$(feat E08000026 Coventry)" "$(feat E08000026 Again)" >"$tmp/dup.geojson"
bad "a code twice" "$tmp/dup.geojson" "3:1: E08000026 is also the code of the feature on line 2" \
    "naming both lines"
printf '%s\n%s\n]}\n' "$head" "$(feat 'E08<b>26' Coventry)" >"$tmp/code.geojson"
bad "a code that is not letters and digits" "$tmp/code.geojson" \
    "2:1: feature code 'E08<b>26': letters and digits only, at most 15" "at the feature"
printf '%s\n%s\n]}\n' "$head" "$(feat E08000026 "$(printf 'Cov\033[2Jentry')")" >"$tmp/esc.geojson"
bad "a raw escape in a name" "$tmp/esc.geojson" "2:75: a control character inside a string" \
    "at the escape, shown escaped"
deep=$(awk 'BEGIN { for (i = 0; i < 40; i++) printf "["; for (i = 0; i < 40; i++) printf "]" }')
printf '%s\n{"type": "Feature", "properties": {"LAD24CD": "E08000026", "x": %s}}\n]}\n' "$head" "$deep" \
    >"$tmp/deep.geojson"
bad "nesting 40 deep" "$tmp/deep.geojson" "2:94: nested too deeply" "at the bracket too deep"
printf '%s]}\n' "$head" >"$tmp/empty.geojson"
bad "no features" "$tmp/empty.geojson" "1: no features (a GeoJSON FeatureCollection of boundaries?)" \
    "saying what was expected"
head -c 700 "$B/lad-constructed.geojson" >"$tmp/cut.geojson"
bad "a download cut short" "$tmp/cut.geojson" "7:75: a string without its closing quote" "where it stops"
check_exit "a CSV named a boundary file: refused" 1 "$bin" --store "$S" import --kind boundaries \
    "$data/epraccur-coventry-warwickshire-2026.csv"
check_eq "... at its first byte" "$(cat "$tmp/err")" \
    "catchment: $data/epraccur-coventry-warwickshire-2026.csv:1:1: expected '{'"
check_eq "... the store unchanged" "$(snapshot)" "$base"

# Escapes and bidi controls in names are kept, and shown through the
# output filter wherever they appear.
printf '%s\n%s,\n%s\n]}\n' "$head" "$(feat E08000026 'Cov\u001b[2Jentry')" \
    "$(feat E07000222 "$(printf 'War\342\200\256kciw')")" >"$tmp/names.geojson"
check_exit "names with an escape and a bidi control import" 0 "$bin" --store "$tmp/names" import "$tmp/names.geojson"

# A million-point ring (a circle 5 km across Coventry) is simplified to a
# few dozen points.
awk 'BEGIN {
    print "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"LAD24CD\": \"E08000026\", \"LAD24NM\": \"Coventry\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [["
    n = 1000000
    for (i = 0; i < n; i++) { t = 6.283185307179586 * i / n; printf "[%.7f, %.7f],\n", -1.51 + 0.0736 * cos(t), 52.41 + 0.045 * sin(t) }
    printf "[%.7f, %.7f]]]}}]}\n", -1.51 + 0.0736, 52.41
}' >"$tmp/million.geojson"
check_exit "a ring of a million points imports" 0 "$bin" --store "$tmp/m" import "$tmp/million.geojson"
kept=$(sed -n 's/.*; \([0-9]*\) points kept.*/\1/p' "$tmp/out")
check_has "... all of them read" "$(cat "$tmp/out")" "(1000001 points in the file;"
[ -n "$kept" ] && [ "$kept" -lt 200 ] && [ "$kept" -gt 20 ] && pass "... kept as $kept points" ||
    fail "... simplified to a few dozen points: '$kept'"
check_exit "... and the store checks clean" 0 "$bin" --store "$tmp/m" check

# check finds a damaged boundary record.
cp -r "$S" "$tmp/dmg"
rewrite_db "$tmp/dmg" boundary '/^ / { if (++n == 2) $0 = $0 ~ /0$/ ? substr($0, 1, length($0) - 1) "1" : substr($0, 1, length($0) - 1) "0" } { print }'
check_exit "check: a flipped bit in a boundary record" 1 "$bin" --store "$tmp/dmg" check
check_has "... names the database and the damage" "$(cat "$tmp/out")" "boundary: "
check_has "... the checksum" "$(cat "$tmp/out")" "the checksum does not match"

# ---- the what-if's map draws the outlines inside its view.
D=$(demo_store)
cp -r "$D" "$tmp/db"
"$bin" --store "$tmp/db" import --quiet "$B/lad-constructed.geojson" "$B/sicbl-constructed.geojson"
run() { "$bin" --store "$tmp/db" --config "$top/data/demo.yaml" scenario run "$@"; }
check_exit "a what-if map with boundaries" 0 run --close M84036,M86039 --map "$tmp/b.svg"
svg=$(cat "$tmp/b.svg")
check_has "the SVG has a boundaries layer" "$svg" '<g id="boundaries"'
check_has "... Coventry's outline, named" "$svg" "<title>Coventry (E08000026)</title>"
check_has "... the sub-ICB's" "$svg" "<title>NHS Example ICB - 99X (E38000999)</title>"
case $svg in *"Isles of Scilly"*) fail "... not the Isles of Scilly, outside the view" ;;
*) pass "... not the Isles of Scilly, outside the view" ;; esac
check_has "... a legend row for them" "$svg" "boundaries: local authority districts (LAD24), sub-ICB locations (SICBL22)"
check "... drawn under the flows" sh -c "grep -n 'id=\"boundaries\"' '$tmp/b.svg' | cut -d: -f1 |
    { read b; f=\$(grep -n 'id=\"flows\"' '$tmp/b.svg' | cut -d: -f1); [ \"\$b\" -lt \"\$f\" ]; }"
np=$(grep -c '<polyline' "$tmp/b.svg")
[ "$np" -ge 2 ] && pass "... as $np polylines" || fail "... as polylines: $np"
outside=$(grep -o 'points="[^"]*"' "$tmp/b.svg" | tr -d 'points="' | tr ' ' '\n' |
    awk -F, 'NF == 2 && ($1 < 0 || $1 > 960 || $2 < 0 || $2 > 640) { n++ } END { print n + 0 }')
check_eq "... every point inside the map" "$outside" 0
if command -v xmllint >/dev/null; then check "... well-formed XML" xmllint --noout "$tmp/b.svg"; fi
if command -v rsvg-convert >/dev/null; then
    check "... renders (rsvg-convert)" rsvg-convert -o "$tmp/b.png" "$tmp/b.svg"
    run --close M84036,M86039 --map "$tmp/plain.svg" >/dev/null
    "$bin" --store "$D" --config "$top/data/demo.yaml" scenario run --close M84036,M86039 --map "$tmp/plain.svg" >/dev/null
    rsvg-convert -o "$tmp/plain.png" "$tmp/plain.svg"
    if cmp -s "$tmp/b.png" "$tmp/plain.png"; then fail "... the outlines show in the picture"; else
        pass "... the outlines show in the picture"; fi
fi
check_eq "without boundaries the SVG has no boundaries layer" \
    "$(grep -c 'id="boundaries"' "$tmp/plain.svg")" 0

# Names are filtered on the way out: the hostile names in the SVG.
"$bin" --store "$tmp/db" import --quiet "$tmp/names.geojson"
run --close M84036,M86039 --map "$tmp/h.svg" >/dev/null
check_has "an escape in a name is shown escaped" "$(cat "$tmp/h.svg")" "<title>Cov?[2Jentry (E08000026)</title>"
if grep -q "$(printf '\342\200\256')" "$tmp/h.svg"; then fail "... no raw bidi control in the SVG"; else
    pass "... no raw bidi control in the SVG"; fi
if command -v xmllint >/dev/null; then check "... which stays well-formed" xmllint --noout "$tmp/h.svg"; fi
