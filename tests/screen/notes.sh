# Notes: a on a card adds a dated note that shows at once; a read-only
# session says so and the note key says why it cannot.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86605
:save-display s0
a
"Called the practice manager
:save-display s1
<Enter>
:save-display s2
a
"never mind
<Esc>
:save-display s3
KEYS

check_has "a prompts for the note at the bottom" s1 "Note for M86605: Called the practice manager"
# Stamped by the system clock (no pin exists): a date and a time.
check_match "the note is on the card at once" s2 "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} $who:"
check_has "with its text" s2 "  Called the practice manager"
check_has "the card says it was added" s2 "note added to M86605"
check_lacks "Esc abandons a note" s3 "never mind"
if [ "$(grep -c 'Called the practice manager' s3)" = 1 ]; then pass "one note stored"; else
    fail "one note stored: $(grep -c 'Called the practice manager' s3)"; fi
check_has "the CLI sees the note too" "$("$bin" --store "$store" show M86605 >out.txt 2>&1; echo out.txt)" \
    "Called the practice manager"
check_lacks "before the note: none" s0 "Called the practice manager"

run_keys --read-only <<'KEYS'
:open M86605
G
a
:save-display r1
KEYS
check_has "read-only sessions say so in the title" r1 "[read-only]"
check_has "the note key says why it cannot" r1 "read-only (--read-only): notes cannot be added"
check_has "read-only sessions still browse" r1 "Called the practice manager"

# A store the user cannot write opens read-only with the reason.
if [ "$(id -u)" != 0 ]; then
    chmod -R a-w "$store"
    run_keys <<'KEYS'
:open M86605
a
:save-display p1
KEYS
    chmod -R u+w "$store"
    check_has "no write permission: read-only with the reason" p1 "no write permission on the store"
fi

# Esc by reflex mid-note keeps what was typed: a on the same practice
# brings it back to finish; another practice's note starts empty.
run_keys <<'KEYS'
:open M86019
a
"Rang back: list closure request
<Esc>
:save-display d1
:open M86605
a
:save-display d2
<Esc>
:open M86019
a
:save-display d3
" expected Monday
<Enter>
:save-display d4
a
:save-display d5
KEYS
check_has "Esc on a note says it is kept" d1 "note not added; a brings it back"
check_lacks "another practice's note starts empty" d2 "Rang back"
check_has "a brings the text back" d3 "Note for M86019: Rang back: list closure request"
check_has "finished, it is added whole" d4 "  Rang back: list closure request expected Monday"
check_match "once added, the next note starts empty" d5 "^Note for M86019: *$"
