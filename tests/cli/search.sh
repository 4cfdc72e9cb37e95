# search as a contract manager on a call uses it: any address line, a
# former name, a postcode's start; every hit says whether the practice is
# open, and a search that leaves closed practices out says so.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

check_eq "search: a street in an address line" "$(q search foleshill --format json | jq -r '.[0].code')" M86612
check_eq "search: a building in an address line" \
    "$(q search city of coventry --format json | jq -r '[.[].code] | sort | join(",")')" "M86005,M86012,Y00996"
check_eq "search: a former name (from the 2024 PCN map)" \
    "$(q search cubbington --format json | jq -r '.[0].code')" M84029
check_eq "search: the name says which of its names matched" \
    "$(q search cubbington --format json | jq -r '.[0].other_names[0]')" "CUBBINGTON RD SURGERY"
check_eq "search: a postcode's start ranks first" \
    "$(q search --all CV5 7 --format json | jq -r '.[0].code')" Y04952
check_eq "search: the whole postcode" "$(q search --all cv5 9je --format json | jq -r '.[0].code')" M86004

w=$(q search --all willenhall primary care)
check_has "search: an open practice says so" "$w" "M86001  WILLENHALL PRIMARY CARE CENTRE - 1  open"
check_has "search: a closed one says when it closed" "$w" "M86026  WILLENHALL PRIMARY CARE CENTRE - 2  closed  2019-01-31"
check_eq "search: status and close date in JSON" \
    "$(q search --all willenhall primary care --format json | jq -c '[.[] | [.code, .status, .close_date]]')" \
    '[["M86001","open",null],["M86026","closed","2019-01-31"]]'
check_has "search: the CSV has the status" "$(q search --all willenhall primary --format csv)" \
    "M86026,WILLENHALL PRIMARY CARE CENTRE - 2,closed,2019-01-31"

q search tile hill >"$tmp/out" 2>"$tmp/err"
check_eq "search tile hill: open practices there are found" "$?" 0
check_has "search tile hill: the open ones in Tile Hill" "$(cat "$tmp/out")" M86605
check_has "search tile hill: the closed surgery is named in a hint" "$(cat "$tmp/err")" \
    "2 closed practices also matched: M86629 TILE HILL SURGERY (closed 2017-10-31), Y04952"
check_exit "search: only closed matches still exits 1" 1 q search tile hill 76474744
check_has "search: ... and says what matched" "$(cat "$tmp/err")" \
    "catchment: 1 closed practice matched: M86629 TILE HILL SURGERY (closed 2017-10-31); --all shows it"
check_eq "search --all: the name first" "$(q search --all tile hill --format json | jq -r '.[0].code')" M86629
q search tile hill --format json >/dev/null 2>"$tmp/err"
check_eq "search --format json: no note for programs on stderr" "$(cat "$tmp/err")" ""
check_has "show: the card names the former name" "$(q show M84029)" "Other names  CUBBINGTON RD SURGERY (pcn-map)"
check_eq "show --format json: other_names" "$(q show M84029 --format json | jq -c .other_names)" '["CUBBINGTON RD SURGERY"]'
