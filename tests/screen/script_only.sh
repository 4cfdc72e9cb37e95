# The commands made for the screen tests (:save-display, :save-attrs,
# :bytes) exist only in a scripted session: typed in a real one they are
# unknown and write nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"
make_store
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
