# The command line itself: help, versions, mistakes and their exit codes.
. "$(dirname "$0")/lib.sh"

out=$("$bin" --help)
check_has "--help lists the commands" "$out" "scenario"
check_has "--help lists the global options" "$out" "--read-only"
for cmd in import show search near scenario contracts note set history config stats check \
    backup restore export; do
    out=$("$bin" "$cmd" --help 2>&1)
    check_has "$cmd --help says its usage" "$out" "usage: catchment $cmd"
done
check_has "import --help lists every kind" "$("$bin" import --help)" "epraccur"
check_exit "an unknown command exits 2" 2 "$bin" frobnicate
check_has "an unknown command is named" "$(cat "$tmp/err")" "unknown command 'frobnicate'"
check_exit "an unknown global option exits 2" 2 "$bin" --colour show X
check_exit "a bad --format exits 2" 2 "$bin" --store "$tmp/s" stats --format yaml
check_has "a bad --format is explained" "$(cat "$tmp/err")" "unknown format 'yaml'"
check_exit "show with no code exits 2" 2 "$bin" --store "$tmp/s" show
check_exit "reading a store that does not exist exits 1" 1 "$bin" --store "$tmp/none" stats
check_has "and says to import first" "$(cat "$tmp/err")" "import"
check_eq "--version" "$("$bin" --version)" "catchment 0.1.0"
