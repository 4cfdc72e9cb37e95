# PuTTY's own Home, End and F1-F4 (ESC [1~, ESC [4~, ESC [11~ ...) with
# TERM=xterm, in a real terminal (tmux): Home and End move, F1 opens the
# help.  Unknown to xterm's terminfo, Home was read as Esc, went back a
# screen and said "~: no action".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"
make_store

t=s1
tm new-session -d -s "$t" -x 80 -y 24 "env TERM=xterm-256color '$bin' --store '$store' --config '$config'"
wait_for "the practice list" "Practices  142 of 142"
tm send-keys -t "$t" : o p e n Space M 8 6 0 1 9 Enter G
wait_for "the card's end" "Deprivation score (IMD 2019)"
tm send-keys -t "$t" -l "$(printf '\033[1~')"
wait_for "PuTTY's Home: the card's first line, not the list" "M86019  WESTWOOD MEDICAL H/CENTRE"
tm send-keys -t "$t" -l "$(printf '\033[4~')"
wait_for "PuTTY's End: the card's end again" "Deprivation score (IMD 2019)"
tm send-keys -t "$t" -l "$(printf '\033[11~')"
wait_for "PuTTY's F1: the help" "── Moving"
tm send-keys -t "$t" q
wait_for "q: back to the card" "Card  M86019"
tm send-keys -t "$t" -l "$(printf '\033[13~')"
wait_for "PuTTY's F3: the search" "Search: "
tm send-keys -t "$t" Escape Escape Q
wait_exit "Q quits"
