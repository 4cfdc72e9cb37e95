# The command line's rough edges, as a contract manager hit them: an
# unquoted postcode, --km 0, column names, codes that do not exist, a
# list of every practice for a spreadsheet, `set` that says what it did,
# and empty answers that say why.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

check_eq "near: an unquoted postcode" "$(q near CV4 9DR --km 1 --format json | jq -c '[.[].code]')" \
    "$(q near 'CV4 9DR' --km 1 --format json | jq -c '[.[].code]')"
check_eq "near: ... finds the practices there" "$(q near CV4 9DR --km 1 --format json | jq -r '.[0].code')" M86019
check_exit "near: --km 0 is allowed (the same building)" 0 q near M86605 --km 0 --all
check_eq "near --km 0: the practice in the same building" "$(q near M86605 --km 0 --all --format json | jq -r '.[].code')" M86629
check_eq "near: a closed practice's unknown list is null, not -1" \
    "$(q near M86605 --km 0 --all --format json | jq -c '.[0] | [.list_size, .capacity, .headroom]')" "[null,null,null]"
check "near: ... and '-' in the table" sh -c "'$bin' --store '$st' near M86605 --km 0 --all | grep -q '^M86629 .*0.00  *- '"
q near M86605 --km 0 >"$tmp/out" 2>"$tmp/err"
check_has "near: an empty answer says a closed practice was left out" "$(cat "$tmp/err")" \
    "1 closed practice matched; --all shows it"
check_exit "near: --km below 0 is refused" 2 q near M86605 --km -1

# No two columns share a name, in any table.
for cmd in "search --all surgery" "near M86019" "contracts --all" "scenario run westwood-ends" \
    "history" "stats" "list --all"; do
    head=$(q $cmd --format csv 2>/dev/null | head -1 | tr -d '\r')
    check "columns: $cmd has a header" test -n "$head"
    check_eq "columns: no two named alike in $cmd" "$(printf '%s\n' "$head" | tr , '\n' | sort | uniq -d)" ""
done

check_exit "history: an unknown practice is an error" 1 q history ZZ9999
check_has "history: ... saying so as note does" "$(cat "$tmp/err")" "no practice 'ZZ9999' in the store"
check_exit "scenario run: --capacity for an unknown practice is refused" 1 \
    q scenario run --close M86019 --capacity ZZ=5
check_has "scenario run: ... naming it" "$(cat "$tmp/err")" "--capacity ZZ=5: no practice 'ZZ' in the store"

# catchment list: every practice, filtered, for a spreadsheet.
all=$(q list --all --format json | jq length)
check_eq "list --all: every GP practice" "$all" 142
check_eq "list: the open ones by default" "$(q list --format json | jq '[.[] | select(.status != "open")] | length')" 0
check_eq "list --format csv: a header and a row per practice" "$(q list --all --format csv | wc -l)" 143
check_eq "list --pcn: by PCN name" "$(q list --pcn 'go west pcn' --format json | jq -r '[.[].code] | join(",")')" \
    "$(q list --format json | jq -r '[.[] | select(.pcn == "GO WEST PCN") | .code] | join(",")')"
check_has "list --pcn: ... Forrest is in Go West" "$(q list --pcn 'GO WEST PCN')" "M86010"
check_eq "list --town: any address line" \
    "$(q list --town nuneaton --format json | jq -c '([.[] | select(.town == "COVENTRY")] | length), any(.[]; .code == "M84001")')" \
    "0
true"
check_eq "list --contract APMS" "$(q list --contract apms --format json | jq -r '[.[].code] | join(",")')" \
    "M86019,Y00060,Y00140,Y04965"
check_eq "list --postcode: by postcode district" \
    "$(q list --postcode CV4 --format json | jq -r '[.[].postcode[0:4]] | unique | join(",")')" "CV4 "
check_has "list: the table has thousands separators" "$(q list --town coventry)" "20,512"
q list --postcode 'CV4 9PN' --all --format json >/dev/null
q list --postcode 'CV5 7BB' >"$tmp/out" 2>"$tmp/err"
check_has "list: an empty answer gives the hint" "$(cat "$tmp/err")" "1 closed practice matched; --all shows it"
check_exit "list: an unknown option" 2 q list --colour red

# set says what it did, and a set that changes nothing records nothing.
out=$(q set M86010 gp_fte 6.5)
check_eq "set: says what changed" "$out" "M86010 gp_fte: 8 -> 6.5 (recorded in the history)"
n=$(q history M86010 --format json | jq length)
out=$(q set M86010 gp_fte 6.5)
check_eq "set: the same value again says so" "$out" "M86010 gp_fte: already 6.5 (nothing recorded)"
check_eq "set: ... and leaves no audit row" "$(q history M86010 --format json | jq length)" "$n"
check_eq "set: a contract field" "$(q set M86019 contract.provider 'New Provider Ltd')" \
    "M86019 contract.provider: Illustrative Provider A (demo) -> New Provider Ltd (recorded in the history)"

# An unknown command names every command.
q frobnicate >"$tmp/out" 2>"$tmp/err"
for c in $(q --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }'); do
    check "unknown command: names $c" grep -Eq "(^| )$c(,|\$)" "$tmp/err"
done
check_has "unknown command: says which" "$(cat "$tmp/err")" "unknown command 'frobnicate'"
