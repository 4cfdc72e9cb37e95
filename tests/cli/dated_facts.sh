# Contracts and capacity figures are dated histories, taken as at the
# as-at date like every other figure: successive contracts of one practice
# each kept, the one in force on the date shown (the newest that had
# started, marked ended when none is in force); a capacity figure applies
# from its date, and before the first one it is unknown ("-"), never 0.
# Without --as-at they are taken as they stand today.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
one() { jq -r ".[] | select(.practice == \"$1\") | [.provider, .start, .end, .ended] | join(\",\")"; }

# Constructed rows: Westwood's contract as two, the older ending when the
# newer starts (the file replaces the demo's row starting 2017-04-01).
cat >"$tmp/contracts.csv" <<'CSV'
practice_code,contract_type,start_date,end_date,extension_options,provider,notes
M86019,APMS,2017-04-01,2022-03-31,none,Old Provider (constructed),CONSTRUCTED test row
M86019,APMS,2022-04-01,2027-03-31,2+2,New Provider (constructed),CONSTRUCTED test row
M86004,APMS,2024-01-01,2025-12-31,none,Short Provider (constructed),CONSTRUCTED test row
CSV
check "import: two contracts of one practice in one file" q import "$tmp/contracts.csv"
q export "$tmp/export" >/dev/null
check_eq "import: both kept, the demo's row starting 2017-04-01 replaced" \
    "$(grep -c '^M86019,' "$tmp/export/contracts.csv")" 2

check_eq "contracts: before the switch, the old one" \
    "$(q --as-at 2021-06-01 contracts --all --format json | one M86019)" \
    "Old Provider (constructed),2017-04-01,2022-03-31,false"
check_eq "contracts: after it, the new one" \
    "$(q --as-at 2023-01-01 contracts --all --format json | one M86019)" \
    "New Provider (constructed),2022-04-01,2027-03-31,false"
check_eq "contracts: without --as-at, as it stands today" \
    "$(q contracts --all --format json | one M86019)" \
    "New Provider (constructed),2022-04-01,2027-03-31,false"
check_has "contracts: the table says when it started" \
    "$(q --as-at 2021-06-01 contracts --format csv | grep '^M86019,')" "2017-04-01,2022-03-31"
check_eq "contracts: milestones from the contract in force (the old one's end)" \
    "$(q --as-at 2021-06-01 contracts --format json | jq -r '.[] | select(.practice == "M86019") | .milestones[-1].date')" \
    "2021-12-31"
check_eq "contracts: none started yet, none shown" \
    "$(q --as-at 2023-01-01 contracts --all --format json | jq '[.[] | select(.practice == "M86004")] | length')" 0
check_eq "contracts: the newest started, marked ended when none is in force" \
    "$(q --as-at 2026-01-15 contracts --all --format json | one M86004)" \
    "Short Provider (constructed),2024-01-01,2025-12-31,true"

check_eq "show --json: the contract as at the date" \
    "$(q --as-at 2021-06-01 show M86019 --format json | jq -r '.contract | [.provider, .start, .end, .ended] | join(",")')" \
    "Old Provider (constructed),2017-04-01,2022-03-31,false"
check_has "show: ... and in the table, ended" \
    "$(q --as-at 2026-01-15 show M86004)" "2024-01-01 to 2025-12-31 (ended)"
check_has "list: the contract end as at the date" \
    "$(q --as-at 2021-06-01 list --format csv | grep '^M86019,')" "2022-03-31"

check_eq "set: edits the contract in force (today's: the new one)" \
    "$(q set M86019 contract.provider 'Newer Name')" \
    "M86019 contract.provider: New Provider (constructed) -> Newer Name (recorded in the history)"
check_eq "set: the old one as it was" \
    "$(q --as-at 2021-06-01 contracts --all --format json | one M86019)" \
    "Old Provider (constructed),2017-04-01,2022-03-31,false"
check_eq "set --from: the contract in force then" \
    "$(q set --from 2021-06-01 M86019 contract.extension 1+1)" \
    "M86019 contract.extension: none -> 1+1 (recorded in the history)"

# Capacity: a figure from a date.
check_eq "capacity: none recorded before" \
    "$(q set --from 2022-01-01 M86010 capacity 15000)" \
    "M86010 capacity: unknown -> 15000 from 2022-01-01 (recorded in the history)"
q set --from 2024-01-01 M86010 capacity 16000 >/dev/null
cap() { q --as-at "$1" show M86010 --format json | jq -c '.capacity | [.recorded, .recorded_from, .source]'; }
check_eq "capacity: before the first figure, unknown" "$(cap 2021-06-01)" '[null,null,"default-headroom"]'
check_eq "capacity: the first figure from its date" "$(cap 2023-01-01)" '[15000,"2022-01-01","set"]'
check_eq "capacity: the second from its date" "$(cap 2025-01-01)" '[16000,"2024-01-01","set"]'
check_has "capacity: the table says '-' before the first" \
    "$(q --as-at 2021-06-01 show M86010)" "Recorded     - (no capacity recorded on the date)"
check_has "capacity: ... and the date of one in force" \
    "$(q --as-at 2023-01-01 show M86010)" "Recorded     15,000 from 2022-01-01"
check_eq "capacity: the what-if as at each date" \
    "$(for d in 2023-01-01 2025-01-01; do q --as-at "$d" scenario run --close M86019 --format json |
        jq -r '.receivers[] | select(.code == "M86010") | .capacity'; done | tr '\n' ' ')" "15000 16000 "
check_eq "capacity: set without --from takes effect today" \
    "$(q set M86010 capacity 17000 >/dev/null; cap 2025-01-01; q show M86010 --format json | jq -c '.capacity.recorded')" \
    '[16000,"2024-01-01","set"]
17000'

# The demo's capacity file dates its figures (effective_from): unknown before.
check_eq "import: a figure from the file's date" \
    "$(q show M86004 --format json | jq -c '.capacity | [.recorded, .recorded_from]')" '[22000,"2026-04-01"]'
check_eq "import: unknown before it" \
    "$(q --as-at 2026-03-01 show M86004 --format json | jq -c '.capacity.recorded')" null
# A formal list closure keeps its own dates, whatever the figure's date.
check_eq "list closure: in force on its dates" \
    "$(q --as-at 2026-04-01 list --format json | jq -r '.[] | select(.code == "M86039") | .list')" closed
check_eq "list closure: not before them" \
    "$(q --as-at 2026-02-01 list --format json | jq -r '.[] | select(.code == "M86039") | .list')" open

check "check: the dated records are sound" q check

# Refusals leave the store as it was.
base=$(q export --force "$tmp/ex2" >/dev/null; cat "$tmp/ex2/contracts.csv" "$tmp/ex2/capacity.csv" | sha256sum)
check_exit "set: a contract moved onto another's start is refused" 1 q set M86019 contract.start 2017-04-01
check_has "set: ... saying so" "$(cat "$tmp/err")" "M86019 already has a contract starting 2017-04-01"
check_exit "set --from: not a date" 2 q set --from soon M86010 capacity 1
check_has "set --from: ... saying so" "$(cat "$tmp/err")" "--from wants a date"
check_eq "refusals: the store unchanged" \
    "$(q export --force "$tmp/ex2" >/dev/null; cat "$tmp/ex2/contracts.csv" "$tmp/ex2/capacity.csv" | sha256sum)" "$base"
check_eq "set: a contract's new start moves it" \
    "$(q set M86019 contract.start 2022-05-01 >/dev/null; q contracts --all --format json | one M86019 | cut -d, -f2)" \
    "2022-05-01"
check_eq "set: ... and leaves no copy under the old start" \
    "$(q export --force "$tmp/ex3" >/dev/null; grep -c '^M86019,' "$tmp/ex3/contracts.csv")" 2
printf 'code,capacity,gp_fte,list_open,effective_from\r\nM86010,100,,,soon\r\n' >"$tmp/badcap.csv"
check_exit "import: an effective_from that is not a date is refused" 1 q import "$tmp/badcap.csv"
check_has "import: ... at its line and column" "$(cat "$tmp/err")" "badcap.csv:2:14: effective_from: 'soon' is not a date"

# A figure from tomorrow is in force tomorrow, with no write in between
# (what was kept for today's commands is not used on another day).
q set --from 2026-11-24 M86034 capacity 12345 >/dev/null
check_eq "tomorrow's figure: not today" "$(q show M86034 --format json | jq .capacity.recorded)" null
check_eq "tomorrow's figure: today's what-if" \
    "$(q scenario run --close M86019 --format json | jq '[.receivers[] | select(.code == "M86034") | .capacity_source] | .[0]')" '"gp-fte"'
check_eq "tomorrow's figure: tomorrow" \
    "$(CATCHMENT_TODAY=2026-11-24 q scenario run --close M86019 --format json | jq '[.receivers[] | select(.code == "M86034") | .capacity] | .[0]')" 12345
