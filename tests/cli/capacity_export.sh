# A practice's capacity history exported (one row per dated record)
# imports again into a new store as the same history: two rows of one
# practice with different effective_from dates are two records, not a
# repeated row.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
q set --from 2026-06-01 M86004 capacity 21000 >/dev/null 2>&1
q export --force "$tmp/ex" >/dev/null 2>&1
check_eq "export: two dated rows for M86004" "$(grep -c '^M86004,' "$tmp/ex/capacity.csv")" 2
check_exit "the exported capacity.csv imports into a new store" 0 \
    "$bin" --store "$tmp/again" import "$data"/epraccur-*.csv "$data"/gp-reg-pat-prac-all-2026-04-*.csv \
    "$tmp/ex/capacity.csv"
a() { "$bin" --store "$tmp/again" --config "$data/demo.yaml" "$@"; }
check_eq "... the earlier record as at its date" \
    "$(a --as-at 2026-05-01 show M86004 --format json | jq .capacity.recorded)" 22000
check_eq "... the later one as at its date" \
    "$(a --as-at 2026-07-01 show M86004 --format json | jq .capacity.recorded)" 21000
printf 'code,capacity,gp_fte,list_open,effective_from\nM86004,1,,,2026-04-01\nM86004,2,,,2026-04-01\n' >"$tmp/twice.csv"
check_exit "the same practice and date twice is still refused" 1 \
    "$bin" --store "$tmp/again" import "$tmp/twice.csv"
check_has "... naming the first line" "$(cat "$tmp/err")" "twice.csv:3:"
