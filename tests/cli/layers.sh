#!/bin/sh
# The layers point one way: cli -> tui -> core -> engine, import, config,
# store -> util.  A lower floor never includes a higher one.
. "$(dirname "$0")/lib.sh"

# below FLOOR DIRS...: no file in DIRS includes FLOOR/.
below() {
    floor=$1
    shift
    hits=""
    for d in "$@"; do
        hits="$hits$(cd "$top" && grep -ln "^#include \"$floor/" "$d"/*.c "$d"/*.h 2>/dev/null)"
    done
    check_eq "nothing in $* includes $floor/" "$hits" ""
}
below cli tui core engine config store import util
below tui core engine config store import util
below core engine config store import util
below engine config store util
# The test itself: a planted include is seen.
printf '#include "cli/cli.h"\n' >"$tmp/planted.h"
check_eq "a planted include is found" "$(grep -l '^#include "cli/' "$tmp/planted.h")" "$tmp/planted.h"
