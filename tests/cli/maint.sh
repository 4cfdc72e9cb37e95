# Looking after the store: check finds damage, backup and restore round
# trip while others read, export gives back what people entered.
. "$(dirname "$0")/lib.sh"

st="$tmp/st"
"$bin" --store "$st" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" \
    "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv"
"$bin" --store "$st" set M84001 capacity 14500
"$bin" --store "$st" set M84001 contract.type APMS
"$bin" --store "$st" set M84001 contract.end 2027-03-31
"$bin" --store "$st" note M84001 "a note, with a comma"

check "a fresh store checks clean" "$bin" --store "$st" check
check "backup" "$bin" --store "$st" backup "$tmp/bk"
check "the backup is a store that checks clean" "$bin" --store "$tmp/bk" check
check_exit "a second backup into the same place is refused" 1 "$bin" --store "$st" backup "$tmp/bk"
dump() { mdb_dump -a "$1" | sha256sum; }
check_eq "the backup holds the same records" "$(dump "$tmp/bk")" "$(dump "$st")"

"$bin" --store "$st" set M84001 capacity 9000
"$bin" --store "$st" note M84002 "after the backup"
check "restore" "$bin" --store "$st" restore "$tmp/bk"
# Every database but the audit trail (and the meta record of its last
# entry) equals the backup's: the restore records itself in the trail.
# The snapshot is worked out again from the restored data, as after any
# change (tests/cli/snapshot.sh).
dump_data() {
    for d in $(mdb_dump -l "$1" | grep -v -x -e audit -e meta -e snapshot); do mdb_dump -s "$d" "$1"; done | sha256sum
}
check_eq "after restore the store equals the backup" "$(dump_data "$st")" "$(dump_data "$tmp/bk")"
check_eq "the capacity is the backed-up one" \
    "$("$bin" --store "$st" show M84001 --format json | jq .capacity.capacity)" 14500

check "export" "$bin" --store "$st" export "$tmp/ex"
check_eq "contracts.csv in the import format" "$(sed -n 2p "$tmp/ex/contracts.csv" | tr -d '\r')" \
    "M84001,APMS,,2027-03-31,,,"
check_eq "capacity.csv" "$(sed -n 2p "$tmp/ex/capacity.csv" | tr -d '\r')" "M84001,14500,,,,,2026-11-23,"
check_has "notes.csv quotes a comma" "$(cat "$tmp/ex/notes.csv")" '"a note, with a comma"'
check_eq "audit.csv holds every change, and the restore" "$(($(wc -l <"$tmp/ex/audit.csv") - 1))" 5
# What was exported imports into a new store as the same facts.
"$bin" --store "$tmp/st2" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv"
if "$bin" --store "$tmp/st2" import --quiet "$tmp/ex/contracts.csv" "$tmp/ex/capacity.csv" 2>/dev/null; then
    check_eq "exported contracts import again" \
        "$("$bin" --store "$tmp/st2" show M84001 --format json | jq -c '[.contract.type, .contract.end, .capacity.capacity]')" \
        '["APMS","2027-03-31",14500]'
else
    fail "exported contracts and capacity import again"
fi

# Damage: values written behind catchment's back (no checksum), and a
# record whose practice was removed behind its back.
printf 'code,capacity,gp_fte,list_open\r\nY99999,5,,\r\n' >"$tmp/cap.csv"
"$bin" --store "$st" import --quiet "$tmp/cap.csv" 2>/dev/null
printf 'VERSION=3\nformat=print\ntype=btree\nmapsize=8589934592\nmaxreaders=510\ndb_pagesize=4096\nHEADER=END\n M99999\n \\07junk\n Z00001\n \\01\\00\\00\\00\\00\\00\\00\\00\\01\nDATA=END\n' >"$tmp/bad.txt"
mdb_load -s practice "$st" <"$tmp/bad.txt" 2>/dev/null
# Y99999 in hex, as mdb_dump writes keys: the practice is removed.
rewrite_db "$st" practice '/^ 593939393939$/ { skip = 2 } skip { skip--; next } { print }'
check_exit "check finds the damage" 1 "$bin" --store "$st" check
check_has "a value written without its checksum" "$(cat "$tmp/out")" \
    "practice: M99999: the checksum does not match"
check_has "a record of no practice" "$(cat "$tmp/out")" "capacity: Y99999 2026-11-23: refers to a practice"
check_exit "a damaged backup is not restored" 1 "$bin" --store "$tmp/bk" restore "$st"

# Indexes, both ways: an index entry removed is found from its record.
cp -r "$tmp/bk" "$tmp/ix" && rm -f "$tmp/ix/lock.mdb"
rewrite_db "$tmp/ix" practice_postcode '/^ / { if (++n <= 2) next } { print }'
rewrite_db "$tmp/ix" provenance_sha '/^ / { if (++n <= 2) next } { print }'
check_exit "check finds index entries removed" 1 "$bin" --store "$tmp/ix" check
check_has "... a practice missing from the postcode index" "$(cat "$tmp/out")" \
    "missing from the postcode index"
check_has "... an import missing from the SHA-256 index" "$(cat "$tmp/out")" \
    "the import is missing from its SHA-256 index"

# A store from a newer catchment is refused, clearly.
printf 'VERSION=3\nformat=print\ntype=btree\nHEADER=END\n catchment\n \\00\\00\\00\\63\nDATA=END\n' >"$tmp/meta.txt"
mdb_load -s meta "$tmp/bk" <"$tmp/meta.txt" 2>/dev/null
check_exit "a store from a newer catchment is refused" 1 "$bin" --store "$tmp/bk" stats
check_has "and says so" "$(cat "$tmp/err")" "newer than this catchment"
printf 'not a store' >"$tmp/junk.mdb"
mkdir -p "$tmp/junk" && cp "$tmp/junk.mdb" "$tmp/junk/data.mdb"
check_exit "a file that is not a store is refused" 1 "$bin" --store "$tmp/junk" stats
