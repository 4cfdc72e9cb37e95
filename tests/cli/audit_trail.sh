#!/bin/sh
# An audit that tells the truth: every change to what a person entered
# (set, note, an import of contracts or capacity, a restore) is an entry
# with who, when, old, new and the file's checksum; the author is the
# login of the real uid, never the environment; the time is the system
# clock's (entries are matched as patterns: no test pins the clock); an
# entry edited, removed or moved is found by check, and such a backup is
# not restored.
. "$(dirname "$0")/lib.sh"

epr=$data/epraccur-coventry-warwickshire-2026.csv
S=$tmp/st
me=$(id -un)
"$bin" --store "$S" import --quiet "$epr"
hist() { "$bin" --store "$S" history --format csv "$@" | tr -d '\r'; }
stamp='^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2},'

# ---- who and when ----------------------------------------------------
USER=mallory LOGNAME=mallory "$bin" --store "$S" set M84001 capacity 14500
line=$(hist M84001 | tail -1)
check_has "set is recorded with the login of the real uid" "$line" ",$me,M84001,capacity,unknown,14500,"
check_has "... not \$USER" "$(hist)" "$me"
if printf '%s\n' "$line" | grep -qE "$stamp"; then pass "... with a time"; else fail "no time: $line"; fi
CATCHMENT_NOW=2001-01-01 "$bin" --store "$S" note M84001 "back-dated?"
check_has "CATCHMENT_NOW cannot back-date a note" "$(hist M84001 | tail -1)" "note,,back-dated?"
if hist M84001 | grep -q '^2001-'; then fail "... the note was stamped 2001"; else pass "... it carries the system clock's time"; fi

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    mkdir -p "$tmp/pub"
    cp "$bin" "$tmp/pub/catchment"
    chmod 755 "$tmp" "$tmp/pub" "$tmp/pub/catchment"
    # Write permission through the store's group (one open to everyone on
    # the server is refused before any of this).
    chgrp -R 54321 "$S"
    chmod -R g+rwX "$S"
    before=$(mdb_dump -a "$S" | sha256sum)
    check_exit "a uid with no login name cannot change the store" 1 \
        env USER=alice setpriv --reuid=54321 --regid=54321 --clear-groups -- \
        "$tmp/pub/catchment" --store "$S" note M84001 "by whom?"
    check_has "... saying why" "$(cat "$tmp/err")" "user id 54321 has no login name"
    check_eq "... and the store is unchanged" "$(mdb_dump -a "$S" | sha256sum)" "$before"
    check_exit "... nor import" 1 env USER=alice setpriv --reuid=54321 --regid=54321 \
        --clear-groups -- "$tmp/pub/catchment" --store "$S" import "$epr"
    check_exit "... but may read" 0 setpriv --reuid=54321 --regid=54321 --clear-groups -- \
        "$tmp/pub/catchment" --store "$S" show M84001
else
    pass "unknown-uid checks skipped: they need root and setpriv"
fi

# ---- imports of what people enter ---------------------------------------
printf 'practice_code,contract_type,start_date,end_date\r\nM84001,APMS,2020-04-01,2027-03-31\r\n' >"$tmp/c1.csv"
printf 'practice_code,contract_type,start_date,end_date\r\nM84001,APMS,2020-04-01,2029-03-31\r\n' >"$tmp/c2.csv"
printf 'code,capacity,gp_fte,list_open\r\nM84001,16000,7.5,no\r\n' >"$tmp/cap.csv"
"$bin" --store "$S" import --quiet "$tmp/c1.csv" "$tmp/c2.csv" "$tmp/cap.csv"
c2=$(sha256sum <"$tmp/c2.csv" | cut -c1-64)
cap=$(sha256sum <"$tmp/cap.csv" | cut -c1-64)
check_has "a contracts import that moves an end date is recorded, with the file's checksum" \
    "$(hist M84001)" ",$me,M84001,contract.end,2027-03-31,2029-03-31,$c2"
check_has "a capacity import is recorded field by field" \
    "$(hist M84001)" ",$me,M84001,capacity,14500,16000,$cap"
check_has "... the list status too" "$(hist M84001)" ",M84001,list_open,unknown,no,$cap"

# ---- restore records itself; the live store is not a backup ------------
"$bin" --store "$S" backup "$tmp/bk" >/dev/null
bk=$(sha256sum <"$tmp/bk/data.mdb" | cut -c1-64)
"$bin" --store "$S" set M84001 capacity 9000
n_before=$(hist | tail -n +2 | wc -l)
check "restore" "$bin" --store "$S" restore "$tmp/bk"
last=$(hist | tail -1)
check_has "the restore is the trail's last entry, naming the backup and its checksum" \
    "$last" ",$me,,restore,a trail of $n_before entries,$tmp/bk,$bk"
check "... and the restored store checks clean" "$bin" --store "$S" check
check_exit "restore refuses the live store as its source" 1 "$bin" --store "$S" restore "$S"
check_has "... saying so" "$(cat "$tmp/err")" "is the store itself"
check_exit "... also by another path" 1 "$bin" --store "$S" restore "$S/."

# ---- tampering with the trail ------------------------------------------
cp -r "$tmp/bk" "$tmp/del"
# Drop the second entry: its key line and its value line.
rewrite_db "$tmp/del" audit '/^ / { n++; if (n == 3 || n == 4) next } { print }'
check_exit "check finds an entry removed from the middle of the trail" 1 "$bin" --store "$tmp/del" check
check_has "... as a broken chain" "$(cat "$tmp/out")" "audit chain is broken"
check_exit "... and such a backup is not restored" 1 "$bin" --store "$S" restore "$tmp/del"

cp -r "$tmp/bk" "$tmp/last"
rewrite_db "$tmp/last" audit '/^ / { a[++n] = $0; next }
    { if (n) { for (i = 1; i <= n - 2; i++) print a[i]; n = 0 } print }'
check_exit "check finds the last entry removed" 1 "$bin" --store "$tmp/last" check
check_has "... saying so" "$(cat "$tmp/out")" "last audit entry is not the one recorded"

cp -r "$tmp/bk" "$tmp/swap"
# Swap two values (the keys stay): the entries change places.
rewrite_db "$tmp/swap" audit '/^ / { a[++n] = $0; next }
    { if (n) { t = a[2]; a[2] = a[4]; a[4] = t; for (i = 1; i <= n; i++) print a[i]; n = 0 } print }'
check_exit "check finds two entries swapped" 1 "$bin" --store "$tmp/swap" check
check_has "... as damage to the trail" "$(cat "$tmp/out")" "audit: "
