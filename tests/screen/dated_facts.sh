# The card and the contracts screen show the contract as at the date:
# after :as-at, the contract then in force, with its dates; and the
# capacity figure recorded then.
. "$(dirname "$0")/lib.sh"
make_store
cat >"$tmp/contracts.csv" <<'CSV'
practice_code,contract_type,start_date,end_date,extension_options,provider,notes
M86019,APMS,2017-04-01,2022-03-31,none,Old Provider (constructed),CONSTRUCTED test row
M86019,APMS,2022-04-01,2027-03-31,2+2,New Provider (constructed),CONSTRUCTED test row
CSV
"$bin" --store "$store" import --quiet "$tmp/contracts.csv" >/dev/null 2>&1 || fail "the contracts import"
"$bin" --store "$store" set --from 2022-01-01 M86019 capacity 7000 >/dev/null 2>&1 || fail "set capacity"
cd "$tmp"
run_keys <<'KEYS'
:open M86019
:save-display c1
:as-at 2021-06-01
:open M86019
:save-display c2
q
C
:save-display k1
:as-at 2023-01-01
:open M86019
:save-display c3
KEYS
check_has "card: today's contract" c1 "APMS from 2022-04-01, ends 2027-03-31, extension 2+2"
check_has "card: ... its provider" c1 "Provider New Provider (constructed)"
check_has "card after :as-at: the contract in force then" c2 "APMS from 2017-04-01, ends 2022-03-31, extension none"
check_has "card after :as-at: ... its provider" c2 "Provider Old Provider (constructed)"
check_lacks "card after :as-at: no capacity recorded then" c2 "Capacity recorded from"
check_has "contracts screen after :as-at: the date it is as at" k1 "As at 2021-06-01; milestones"
check_has "contracts screen after :as-at: the old contract's end" k1 "M86019 WESTWOOD MEDICAL H/CENTRE   2022-03-31"
check_has "card as at 2023: the new contract" c3 "APMS from 2022-04-01, ends 2027-03-31"
check_has "card as at 2023: the capacity recorded from its date" c3 "Capacity recorded from 2022-01-01"

# D on the contracts screen as at a date marks the contract shown there.
run_keys <<'KEYS'
:as-at 2021-06-01
C
D
y
:save-display k2
KEYS
ms() { "$bin" --store "$store" "$@" contracts --all --format json |
    jq -r '.[] | select(.practice == "M86019") | .milestones[0].state'; }
same() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi; }
same "D as at a date: that contract's milestone done" "$(ms --as-at 2021-06-01)" done
same "D as at a date: today's contract untouched" "$(ms)" open
