#!/bin/sh
# Builds the demo store from the bundled files in data/, once: if DIR
# already holds a store it is left alone.  Built beside DIR and moved into
# place, so an interrupted first run leaves nothing half made.
#   scripts/demo-store.sh BINARY DIR
set -eu
bin=$1
dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$dir/data.mdb" ] && exit 0
tmp="$dir.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "catchment: building the demo store in $dir (first run only)"
# The register first reads best, but any order gives the same store.
"$bin" --store "$tmp" import --quiet \
    "$top"/data/epraccur-*.csv \
    "$top"/data/gp-reg-pat-prac-*.csv \
    "$top"/data/onspd-*.csv \
    "$top"/data/codepoint-*.csv \
    "$top"/data/lsoa11-*.csv \
    "$top"/data/imd2019-*.csv \
    "$top"/data/fingertips-*.csv \
    $(ls "$top"/data/contracts-*.csv "$top"/data/capacity-*.csv 2>/dev/null)
mkdir -p "$(dirname "$dir")"
rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT
