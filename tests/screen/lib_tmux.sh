# Shared by the screen tests that drive real terminals in tmux (the runner
# skips lib*.sh).  Source after lib.sh; exits 0 (nothing to test) without
# tmux.  tm runs tmux on this test's own server; $t names the pane that
# wait_for and wait_exit watch.
command -v tmux >/dev/null 2>&1 || exit 0
sock=catchment-test-$$
tm() { tmux -L "$sock" -f "$tmp/tmux.conf" "$@"; }
# The server's going ends any session still open (SIGHUP).  Under
# AddressSanitizer the leak check at its exit can hang for ever on some
# kernels (the sanitizer's own thread, waiting for a stop that never
# comes), so whatever still runs after 5 seconds is killed: a test leaves
# nothing behind.
tm_cleanup() {
    pids=$(tm list-panes -a -F '#{pane_dead} #{pane_pid}' 2>/dev/null | awk '$1 == 0 { print $2 }')
    tmux -L "$sock" kill-server >/dev/null 2>&1
    for pid in $pids; do
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
            sleep 0.1
            i=$((i + 1))
        done
        # Only one still running: an ended one's number may be another's.
        ! kill -0 "$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap tm_cleanup EXIT
printf 'set -g status off\nset -g remain-on-exit on\n' >"$tmp/tmux.conf"

# wait_for "what" TEXT [-E]: polls pane $t for up to 10 seconds.
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        if tm capture-pane -p -t "$t" 2>/dev/null | grep -q "${3:--F}" -- "$2"; then pass "$1"; return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "$1: '$2' not seen"
    tm capture-pane -p -t "$t" 2>/dev/null | sed 's/^/    |/'
    return 1
}

# wait_exit "what": pane $t's program has ended (within 10 seconds).
wait_exit() {
    i=0
    while [ $i -lt 100 ]; do
        [ "$(tm display -p -t "$t" '#{pane_dead}' 2>/dev/null)" = 1 ] && { pass "$1"; return 0; }
        sleep 0.1
        i=$((i + 1))
    done
    fail "$1"
}
