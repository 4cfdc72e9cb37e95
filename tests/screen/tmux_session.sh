# End to end in a real terminal (tmux): 80x24, search as you type, a card,
# back, a resize to 200x50 and back, quit; NO_COLOR and a VT100 in the C
# locale; a note written elsewhere shows on an open card.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"
make_store

session() { # label, session name, environment...
    label=$1
    t=$2
    shift 2
    tm new-session -d -s "$t" -x 80 -y 24 \
        "env $* '$bin' --store '$store' --config '$config'" || { fail "$label: tmux starts"; return; }
    wait_for "$label: the practice list at 80x24" "Practices  142 of 142"
    tm send-keys -t "$t" / w e s t
    wait_for "$label: search as you type" "WESTSIDE MEDICAL CENTRE"
    tm send-keys -t "$t" w o o d
    wait_for "$label: each key narrows" "Search  1 found"
    tm send-keys -t "$t" Enter
    wait_for "$label: Enter opens the card" "M86019  WESTWOOD MEDICAL H/CENTRE"
    tm resize-window -t "$t" -x 200 -y 50
    wait_for "$label: resized to 200x50, the card has two columns" 'WESTWOOD MEDICAL H/CENTRE {60,}.* Notes ' -E
    tm send-keys -t "$t" q
    wait_for "$label: q goes back to the search" "Search: westwood"
    tm send-keys -t "$t" Escape
    wait_for "$label: Esc goes back to the wide list, on the practice" "COVENTRY       GO WEST PCN"
    tm resize-window -t "$t" -x 80 -y 24
    tm send-keys -t "$t" g
    wait_for "$label: back to 80 columns" "  M84036 ABBEY MEDICAL CENTRE  15,942"
    tm send-keys -t "$t" Q
    wait_exit "$label: Q quits"
}

session "xterm" s1 TERM=xterm-256color
session "NO_COLOR" s2 TERM=xterm-256color NO_COLOR=1
session "vt100, C locale" s3 TERM=vt100 LC_ALL=C

# Another user's note reaches an open card without a restart.
t=s4
tm new-session -d -s "$t" -x 80 -y 24 "env TERM=xterm-256color '$bin' --store '$store' --config '$config'"
wait_for "a second session starts" "Practices  142 of 142"
tm send-keys -t "$t" : o p e n Space M 8 6 6 0 5 Enter G
wait_for "the card is open" "M86605"
"$bin" --store "$store" note M86605 "from another desk" >/dev/null 2>&1
tm send-keys -t "$t" G
wait_for "another user's note shows on the open card" "from another desk"
tm send-keys -t "$t" Q
wait_exit "and it quits"
