# The card of a practice whose capacity and list status come from the
# demo's made-up capacity file: both say ILLUSTRATIVE.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86010
:save-display s1
:open M86039
:save-display s2
KEYS

check_has "the card: a capacity from the file's GP FTE is labelled" s1 \
    "14,400 patients (gp-fte ILLUSTRATIVE), headroom 1,363"
check_has "the card: the file's GP FTE is labelled" s1 "recorded ILLUSTRATIVE"
check_has "the card: a list closed by the file is labelled" s2 \
    "List closed to new patients (ILLUSTRATIVE)"
