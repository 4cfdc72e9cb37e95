# Bytes per keystroke on a slow link: one cursor move in the practice list
# must cost a few dozen bytes, not a repainted screen.  Counted from what
# curses writes to a file-backed terminal.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
export CATCHMENT_TERM_OUT="$tmp/tty"
run_keys <<'KEYS'
:bytes b
j
:bytes b
j
:bytes b
k
:bytes b
<C-L>
:bytes b
KEYS
set -- $(cat b)
if [ $# -ne 5 ]; then fail "five byte counts: $(cat b)"; exit 0; fi
down=$(($2 - $1)) down2=$(($3 - $2)) up=$(($4 - $3)) full=$(($5 - $4))
if [ "$down" -gt 0 ] && [ "$down" -lt 400 ] && [ "$down2" -lt 400 ] && [ "$up" -lt 400 ]; then
    pass "one cursor move writes $down bytes (then $down2, back up $up; a full repaint is $full)"
else
    fail "one cursor move writes under 400 bytes: $down, $down2, $up (full repaint $full)"
fi
if [ "$full" -gt 400 ]; then pass "the bound would catch a full repaint ($full bytes)"; else
    fail "a full repaint is over the bound: $full"; fi
