# Output that cannot silently fail: a report written to a full disk
# (/dev/full) is an error with a non-zero exit and a message, for every
# command that writes to standard output, in every format.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
n=0 bad=0
# full "what" args...: the command, its standard output on /dev/full.
full() {
    what=$1
    shift
    n=$((n + 1))
    "$bin" "$@" >/dev/full 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne 0 ] && grep -q "No space left on device" "$tmp/err"; then
        pass "$what to a full disk fails"
    else
        bad=$((bad + 1))
        fail "$what to a full disk: exit $rc, stderr: $(head -c 200 "$tmp/err")"
    fi
}
for f in table csv json; do
    full "show --format $f" --store "$st" show M86010 --format $f
    full "search --format $f" --store "$st" search surgery --format $f
    full "near --format $f" --store "$st" near M86010 --format $f
    full "contracts --format $f" --store "$st" contracts --format $f
    full "history --format $f" --store "$st" history --format $f
    full "stats --format $f" --store "$st" stats --format $f
    full "scenario list --format $f" --store "$st" --config "$data/demo.yaml" scenario list --format $f
done
for f in table csv json md; do
    full "scenario run --format $f" --store "$st" scenario run --close M86019 --format $f
done
full "config show" --config "$data/demo.yaml" config show
full "config check" --config "$data/demo.yaml" config check
full "check" --store "$st" check
full "the import summary" --store "$tmp/new" import "$data/epraccur-coventry-warwickshire-2026.csv"
full "--help" --help
full "--version" --version
full "a command's --help" show --help
echo "$n commands written to a full disk, $bad of them passed silently"
