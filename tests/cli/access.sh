#!/bin/sh
# Who may do what: the modes a new store gets, --read-only and
# ui.read_only, a user who may not write (read-only session, with or
# without the lock file), a team sharing through a Unix group as the user
# guide says, and stores that are damaged.
. "$(dirname "$0")/lib.sh"

epr=$data/epraccur-coventry-warwickshire-2026.csv
lst=$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv
dump() { mdb_dump -a "$1" | sha256sum; }

# ---- modes: 0770 and 0660 less the umask -----------------------------
(umask 007 && "$bin" --store "$tmp/team/store" import --quiet "$epr")
check_eq "umask 007: the store directory is 0770" "$(stat -c %a "$tmp/team/store")" 770
check_eq "umask 007: data.mdb and lock.mdb are 0660" \
    "$(stat -c %a "$tmp/team/store/data.mdb" "$tmp/team/store/lock.mdb" | sort -u)" 660
(umask 022 && "$bin" --store "$tmp/own/store" import --quiet "$epr")
check_eq "umask 022: 0750 and 0640" \
    "$(stat -c %a "$tmp/own/store" "$tmp/own/store/data.mdb" | tr '\n' ' ')" "750 640 "
(umask 077 && "$bin" --store "$tmp/mine/store" import --quiet "$epr")
check_eq "umask 077: 0700 and 0600" \
    "$(stat -c %a "$tmp/mine/store" "$tmp/mine/store/data.mdb" | tr '\n' ' ')" "700 600 "

# ---- --read-only and ui.read_only --------------------------------------
S=$tmp/own/store
base=$(dump "$S")
check_exit "--read-only: a note is refused" 1 "$bin" --store "$S" --read-only note M84001 "x"
check_has "... saying why" "$(cat "$tmp/err")" "the store is read-only (--read-only)"
check_exit "--read-only: an import is refused" 1 "$bin" --store "$S" --read-only import "$lst"
check_exit "--read-only: a restore is refused" 1 "$bin" --store "$S" --read-only restore "$tmp/mine/store"
check "--read-only: reading works" "$bin" --store "$S" --read-only show M84001
check_eq "--read-only: the store is unchanged" "$(dump "$S")" "$base"
printf 'ui:\n  read_only: true\n' >"$tmp/ro.yaml"
check_exit "ui.read_only: a change is refused" 1 "$bin" --store "$S" --config "$tmp/ro.yaml" set M84001 capacity 9000
check_has "... saying why" "$(cat "$tmp/err")" "the store is read-only (ui.read_only in the config)"
check_exit "ui.read_only: an import is refused" 1 "$bin" --store "$S" --config "$tmp/ro.yaml" import "$lst"
check "ui.read_only: reading works" "$bin" --store "$S" --config "$tmp/ro.yaml" show M84001
check_eq "ui.read_only: the store is unchanged" "$(dump "$S")" "$base"
printf 'ui:\n  read_only: false\n' >"$tmp/rw.yaml"
check "ui.read_only: false allows changes" "$bin" --store "$S" --config "$tmp/rw.yaml" note M84001 "allowed"

# ---- another user --------------------------------------------------------
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1; then
    pass "other-user checks skipped: they need root and setpriv (CI runs them)"
else
    # The other user reaches only what is in this test's own directory:
    # the checkout may sit in a private (0700) directory, so the binary
    # and the input file are copied here first.
    chmod 755 "$tmp" "$tmp/own"
    mkdir -p "$tmp/shared-in"
    cp "$bin" "$tmp/shared-in/catchment"
    cp "$lst" "$tmp/shared-in/list.csv"
    chmod 755 "$tmp/shared-in" "$tmp/shared-in/catchment"
    chmod 644 "$tmp/shared-in/list.csv"
    bin=$tmp/shared-in/catchment
    lst=$tmp/shared-in/list.csv
    chmod o+rx "$S"
    chmod o+r "$S/data.mdb" "$S/lock.mdb"
    base=$(dump "$S")
    # data.mdb and lock.mdb both read-only for this user.
    check_exit "no write permission, no lock: reading works" 0 as_nobody "$bin" --store "$S" show M84001
    check_has "... saying it reads without locking" "$(cat "$tmp/err")" "read-only, without locking"
    check_exit "no write permission: a note is refused" 1 as_nobody "$bin" --store "$S" note M84001 "x"
    check_has "... as read-only for you, not as an error" "$(cat "$tmp/err")" \
        "the store is read-only for you (no write permission)"
    # lock.mdb writable: a normal read-only session, in the reader table.
    chmod o+w "$S/lock.mdb"
    check_exit "no write permission on data.mdb, lock writable: reading works" 0 \
        as_nobody "$bin" --store "$S" stats
    check_eq "... with locking (no note about it)" "$(cat "$tmp/err")" ""
    check_exit "... and writing is refused" 1 as_nobody "$bin" --store "$S" import "$lst"
    check_has "... because the store is read-only for that user" "$(cat "$tmp/err")" "read-only for you"
    check_eq "the other user changed nothing" "$(dump "$S")" "$base"

    # A team: the user guide's recipe (a group, setgid directory, umask 007).
    T=$tmp/team/store
    chgrp -R nogroup "$tmp/team"
    chmod 2770 "$tmp/team"
    chmod g+s "$T"
    check_exit "a team member (by group) can write" 0 sh -c \
        "umask 007; setpriv --reuid=nobody --regid=nogroup --clear-groups -- '$bin' --store '$T' import --quiet '$lst'"
    check_eq "... and the files stay the team's" "$(stat -c '%G %a' "$T/data.mdb" "$T/lock.mdb" | sort -u)" \
        "nogroup 660"
    check_exit "a backup made by a team member is the team's" 0 sh -c \
        "umask 007; setpriv --reuid=nobody --regid=nogroup --clear-groups -- '$bin' --store '$T' backup '$T/../bk'"
    check_eq "... (group and modes)" "$(stat -c '%G %a' "$tmp/team/bk" "$tmp/team/bk/data.mdb" | tr '\n' ' ')" \
        "nogroup 2750 nogroup 640 "
fi

# ---- damaged stores: refused clearly, never a crash --------------------
mkdir -p "$tmp/random" "$tmp/short" "$tmp/empty"
head -c 65536 /dev/urandom >"$tmp/random/data.mdb"
check_exit "random bytes as data.mdb are refused" 1 "$bin" --store "$tmp/random" stats
check_has "... clearly" "$(cat "$tmp/err")" "not a catchment store (data.mdb is not an LMDB file)"
check_exit "... and not written over by an import" 1 "$bin" --store "$tmp/random" import "$epr"
head -c 12288 "$S/data.mdb" >"$tmp/short/data.mdb"
check_exit "a data.mdb cut short is refused (it used to crash)" 1 "$bin" --store "$tmp/short" show M84001
check_has "... clearly" "$(cat "$tmp/err")" "data.mdb is cut short"
check_exit "... also by check" 1 "$bin" --store "$tmp/short" check
: >"$tmp/empty/data.mdb"
check_exit "an empty data.mdb is refused" 1 "$bin" --store "$tmp/empty" stats
check_has "... clearly" "$(cat "$tmp/err")" "data.mdb is empty"
