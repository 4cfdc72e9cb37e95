# Changes people make (notes, capacity, list status, contract fields):
# they show at once, leave an audit trail, and bad values change nothing.
. "$(dirname "$0")/lib.sh"

st="$tmp/st"
"$bin" --store "$st" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" \
    "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv"

check "set capacity" "$bin" --store "$st" set M84001 capacity 14500
check "set list_open" "$bin" --store "$st" set m84001 list_open no
check "set contract fields" "$bin" --store "$st" set M84001 contract.type APMS
check "set contract end" "$bin" --store "$st" set M84001 contract.end 2027-03-31
check "add a note" "$bin" --store "$st" note M84001 "Practice manager rang: two GPs retiring"

card=$("$bin" --store "$st" show M84001 --format json)
check_eq "the card shows the capacity" "$(echo "$card" | jq .capacity.capacity)" 14500
check_eq "and where it came from: set by a person" "$(echo "$card" | jq -r .capacity.source)" set
check_eq "the list is closed" "$(echo "$card" | jq .capacity.list_open)" false
check_eq "the contract end" "$(echo "$card" | jq -r .contract.end)" 2027-03-31
check_eq "the note" "$(echo "$card" | jq -r '.notes[0].text')" "Practice manager rang: two GPs retiring"
check_eq "signed by the user" "$(echo "$card" | jq -r '.notes[0].user')" "$(id -un)"

hist=$("$bin" --store "$st" history M84001 --format json)
check_eq "history holds five changes" "$(echo "$hist" | jq length)" 5
check_eq "with the old capacity" "$(echo "$hist" | jq -r '.[0].old')" unknown
check_eq "and the new" "$(echo "$hist" | jq -r '.[0].new')" 14500
check_eq "in order" "$(echo "$hist" | jq -r '[.[].field] | join(",")')" \
    "capacity,list_open,contract.type,contract.end,note"

before=$(mdb_dump -a "$st" | sha256sum)
check_exit "a capacity that is not a number fails" 1 "$bin" --store "$st" set M84001 capacity lots
check_has "and says why" "$(cat "$tmp/err")" "'lots' is not a number of patients"
check_exit "an unknown field fails" 1 "$bin" --store "$st" set M84001 colour blue
check_exit "an unknown practice fails" 1 "$bin" --store "$st" set M99999 capacity 3
check_exit "a contract ending before it starts fails" 1 \
    "$bin" --store "$st" set M84001 contract.start 2030-01-01
check_exit "a note with an escape sequence fails" 1 \
    "$bin" --store "$st" note M84001 "$(printf 'x\033[2Jy')"
check_exit "a read-only session cannot write" 1 "$bin" --store "$st" --read-only note M84001 hi
check_has "and says so" "$(cat "$tmp/err")" "read-only"
check_eq "after all that the store is unchanged" "$(mdb_dump -a "$st" | sha256sum)" "$before"
