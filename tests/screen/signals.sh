# The terminal is given back as it was when the session ends by SIGHUP or
# SIGQUIT (Ctrl-\), as it is on q, SIGINT and SIGTERM; a session whose
# terminal is gone (SIGHUP ignored, as under nohup) ends rather than
# spinning on a dead terminal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib_tmux.sh"
command -v pgrep >/dev/null 2>&1 || { fail "pgrep is needed"; exit 0; }
make_store
run="env TERM=xterm-256color '$bin' --store '$store' --config '$config'"

# wait_until "what" command...: polls for up to 10 seconds.
wait_until() {
    what=$1
    shift
    i=0
    while [ $i -lt 100 ]; do
        if "$@"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "$what"
    return 1
}
on_screen() { tm capture-pane -p -t "$t" 2>/dev/null | grep -qF -- "$1"; }

for sig in HUP QUIT; do
    t=$sig
    tm new-session -d -s "$t" -x 80 -y 24 \
        "sh -c \"$run; stty -a >'$tmp/stty.$sig' 2>&1\""
    wait_until "SIG$sig: the session starts" on_screen "Practices  142 of 142" || continue
    shell=$(tm display -p -t "$t" '#{pane_pid}')
    pid=$(pgrep -P "$shell")
    kill -s "$sig" "$pid"
    wait_until "SIG$sig: the session ends" test -s "$tmp/stty.$sig" || { kill -9 "$pid"; continue; }
    if grep -q -- ' icanon' "$tmp/stty.$sig" && grep -q -- ' echo ' "$tmp/stty.$sig"; then
        pass "SIG$sig gives the terminal back (canonical mode, echo)"
    else
        fail "SIG$sig leaves the terminal raw: $(tr '\n' ' ' <"$tmp/stty.$sig" | head -c 300)"
    fi
done

t=lost
tm new-session -d -s "$t" -x 80 -y 24 "sh -c \"trap '' HUP; exec $run\""
if wait_until "the session starts" on_screen "Practices  142 of 142"; then
    pid=$(tm display -p -t "$t" '#{pane_pid}')
    tm kill-session -t "$t"
    gone() { ! kill -0 "$pid" 2>/dev/null; }
    if wait_until "a session whose terminal is gone ends (it spins)" gone; then
        pass "a session whose terminal is gone ends"
    else
        kill -9 "$pid" 2>/dev/null
    fi
fi
