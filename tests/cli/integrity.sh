#!/bin/sh
# Referential integrity, one rule for every importer: a row for a
# practice the store does not hold is kept under a placeholder practice
# (named in the import's summary, with "did you mean" when a registered
# code is one character away), so files work in any order and `check`
# and `restore` accept what catchment itself wrote.  Two rows with one
# key in one file are refused, naming both lines; counts are bounded.
. "$(dirname "$0")/lib.sh"

epr=$data/epraccur-coventry-warwickshire-2026.csv
imp=$top/tests/data/import
S=$tmp/st
"$bin" --store "$S" import --quiet "$epr"

# ---- one mistyped code -----------------------------------------------
printf 'practice_code,contract_type,start_date,end_date\r\nM8601O,APMS,2020-04-01,2027-03-31\r\n' >"$tmp/typo.csv"
check_exit "a contracts row for an unknown practice is kept" 0 "$bin" --store "$S" import "$tmp/typo.csv"
check_has "... and the summary names it, with the code it may have meant" "$(cat "$tmp/out")" \
    "kept as placeholders: M8601O (did you mean M86010?)"
check_exit "check accepts the placeholder" 0 "$bin" --store "$S" check
"$bin" --store "$S" backup "$tmp/bk" >/dev/null
check_exit "a backup made after it restores" 0 "$bin" --store "$S" restore "$tmp/bk"
check_exit "search does not show the placeholder as a practice" 1 "$bin" --store "$S" search M8601O

# ---- every per-practice file before the register ------------------------
A=$tmp/any
for f in "$imp/gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv" \
    "$imp/gp-reg-pat-prac-quin-age-2026-04-constructed.csv" \
    "$imp/fingertips-imd2019-gp-coventry-warwickshire.csv" \
    "$imp/contracts-example.csv" "$imp/capacity-example.csv"; do
    check "before the register: $(basename "$f")" "$bin" --store "$A" import --quiet "$f"
done
check_exit "check accepts a store with no register yet" 0 "$bin" --store "$A" check
check "then the register" "$bin" --store "$A" import --quiet "$epr"
check_exit "... and the store still checks clean" 0 "$bin" --store "$A" check
check_has "the register fills the placeholder in" \
    "$("$bin" --store "$A" show M84001 --format json | jq -r .name)" "RED ROOFS SURGERY"

# ---- one key twice in one file -------------------------------------------
base=$(mdb_dump -a "$S" | sha256sum)
dup() { # what file: refused naming both lines, store unchanged
    check_exit "$1: a key twice is refused" 1 "$bin" --store "$S" import "$2"
    check_has "... naming both lines" "$(cat "$tmp/err")" "$3"
    check_eq "... and the store is unchanged" "$(mdb_dump -a "$S" | sha256sum)" "$base"
}
printf 'practice_code,contract_type,start_date,end_date\r\nM86010,GMS,2020-01-01,\r\nM84001,GMS,,\r\nM86010,APMS,2020-01-01,2026-12-31\r\n' >"$tmp/d1.csv"
dup contracts "$tmp/d1.csv" "d1.csv:4:13: start_date: M86010's contract starting 2020-01-01 is also on line 2"
printf 'code,capacity,gp_fte,list_open\r\nM86010,100,,\r\nM86010,200,,\r\n' >"$tmp/d2.csv"
dup capacity "$tmp/d2.csv" "d2.csv:3:1: code: M86010's capacity from 2026-11-23 is also on line 2"
{ head -2 "$epr"; sed -n 2p "$epr"; } >"$tmp/d3.csv"
dup epraccur "$tmp/d3.csv" "d3.csv:3:1"
{ head -2 "$imp/gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv"; sed -n 2p "$imp/gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv"; } >"$tmp/d4.csv"
dup "registrations by area" "$tmp/d4.csv" "is also on line 2"

# ---- counts are bounded ---------------------------------------------------
lsoa=$imp/gp-reg-pat-prac-lsoa-all-2026-04-constructed.csv
head -1 "$lsoa" >"$tmp/big.csv"
sed -n 2p "$lsoa" | awk -F, -v OFS=, '{ $NF = "9223372036854775807"; print }' >>"$tmp/big.csv"
check_exit "a count past any list is refused" 1 "$bin" --store "$S" import "$tmp/big.csv"
check_has "... saying the bound" "$(cat "$tmp/err")" "at most 1,000,000"
check_eq "... and the store is unchanged" "$(mdb_dump -a "$S" | sha256sum)" "$base"
