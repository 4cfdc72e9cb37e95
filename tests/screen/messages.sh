# The status line's message belongs to the last thing done: a command
# that runs clears an older message (":foo: unknown command" stayed under
# a filter that had worked), while Esc at the prompt leaves it to read.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:foo
:save-display s1
:filter expiring 24
:save-display s2
:open M86019
x
:save-display s3
 : <Esc>
:save-display s4
KEYS
check_has "an unknown command says so" s1 ":foo: unknown command"
check_lacks "a command that then works clears it" s2 "unknown command"
check_has "the filter ran" s2 "filter ending within 24 months"
check_has "a mark says so" s3 "marked to close WESTWOOD"
check_has "Esc at the prompt leaves the message" s4 "marked to close WESTWOOD"
check_has "and the card" s4 "MARKED TO CLOSE"

# :open takes a code; given a name it says where names are found.
run_keys <<'KEYS'
:open westwood
:save-display o1
KEYS
check_has ":open with a name: no such code" o1 "westwood: no practice has this code"
check_has "... and / finds names" o1 "/ searches names"
