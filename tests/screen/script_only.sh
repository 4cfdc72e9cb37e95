# The commands made for the screen tests (:save-display, :save-attrs,
# :bytes) exist only in a scripted session: typed in a real one they are
# unknown and write nothing.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null 2>&1 || exit 0
make_store
sock=catchment-test-$$
tm() { tmux -L "$sock" -f "$tmp/tmux.conf" "$@"; }
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
printf 'set -g status off\nset -g remain-on-exit on\n' >"$tmp/tmux.conf"
wait_for() { # what, text: polls the pane for up to 10 seconds
    i=0
    while [ $i -lt 100 ]; do
        if tm capture-pane -p -t "$t" 2>/dev/null | grep -qF -- "$2"; then pass "$1"; return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "$1: '$2' not seen"
    tm capture-pane -p -t "$t" 2>/dev/null | sed 's/^/    |/'
    return 1
}
t=s
tm new-session -d -s "$t" -x 80 -y 24 \
    "env TERM=xterm-256color '$bin' --store '$store' --config '$config'"
wait_for "the session starts" "Practices  142 of 142"
for c in save-display save-attrs bytes; do
    tm send-keys -t "$t" ":$c $tmp/leak-$c" Enter
    wait_for ":$c is unknown in a real session" ":$c: unknown command"
    if [ -e "$tmp/leak-$c" ]; then fail ":$c wrote $tmp/leak-$c"; else pass ":$c wrote nothing"; fi
done
tm send-keys -t "$t" Q
