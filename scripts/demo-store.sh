#!/bin/sh
# Builds the demo store from the bundled files in data/, once: if DIR
# already holds a store it is left alone.  Built beside DIR and moved into
# place, so an interrupted first run leaves nothing half made.  With
# CONFIG, also copies data/demo.yaml there (once): the demo's own config,
# which the terminal interface may save scenarios to, so the repository's
# copy never changes.
#   scripts/demo-store.sh BINARY DIR [CONFIG]
set -eu
bin=$1
dir=$2
config=${3:-}
top=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$config" ] && [ ! -f "$config" ]; then
    mkdir -p "$(dirname "$config")"
    cp "$top/data/demo.yaml" "$config.tmp.$$"
    mv "$config.tmp.$$" "$config"
fi
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
