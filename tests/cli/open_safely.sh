#!/bin/sh
# Opening safely in a shared directory: a store and its files are never
# opened through a symbolic link, nor when they are not regular files or
# belong to someone outside the store's group; backups and exports are
# new files, private to the user and the group whatever the umask; a full
# disk is an error message, never a signal.
. "$(dirname "$0")/lib.sh"

epr=$data/epraccur-coventry-warwickshire-2026.csv
S=$tmp/store
"$bin" --store "$S" import --quiet "$epr"
printf 'my thesis\n' >"$tmp/thesis.txt"
refused=0
attempts=0

# attack "what" setup-commands: the setup plants something, then `show`
# and `note` must both be refused with a message naming what is wrong,
# and the victim's file must be untouched.
attack() {
    what=$1
    want=$2
    attempts=$((attempts + 2))
    printf 'my thesis\n' >"$tmp/thesis.txt"
    for cmd in "show M84001" "note M84001 x"; do
        # shellcheck disable=SC2086
        "$bin" --store "$S" $cmd >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" -eq 1 ] && grep -q "$want" "$tmp/err"; then
            refused=$((refused + 1))
            pass "$what: '$cmd' refused"
        else
            fail "$what: '$cmd' exit $rc: $(cat "$tmp/err")"
        fi
    done
    check_eq "$what: the victim's file is untouched" "$(cat "$tmp/thesis.txt")" "my thesis"
}

mv "$S/lock.mdb" "$tmp/lock.keep"
ln -s "$tmp/thesis.txt" "$S/lock.mdb"
attack "lock.mdb a symbolic link to a colleague's file" "lock.mdb: is a symbolic link"
rm "$S/lock.mdb"

mv "$S/data.mdb" "$tmp/data.keep"
ln -s "$tmp/data.keep" "$S/data.mdb"
attack "data.mdb a symbolic link" "data.mdb: is a symbolic link"
rm "$S/data.mdb"
rm -f "$S/lock.mdb"
mv "$tmp/data.keep" "$S/data.mdb"

rm -f "$S/lock.mdb"
mkfifo "$S/lock.mdb"
attack "lock.mdb a fifo" "lock.mdb: not a regular file"
rm "$S/lock.mdb"

ln -s "$S" "$tmp/link-to-store"
attempts=$((attempts + 1))
if "$bin" --store "$tmp/link-to-store" show M84001 >"$tmp/out" 2>"$tmp/err"; then
    fail "a store directory reached through a symbolic link is opened"
elif grep -q "is a symbolic link" "$tmp/err"; then
    refused=$((refused + 1))
    pass "a store directory reached through a symbolic link is refused"
else
    fail "store directory symlink: $(cat "$tmp/err")"
fi

# Writable by anyone on the server, not only the team: anyone could plant
# or rewrite the store's files.  (A sticky directory, as /tmp, lets
# nobody replace another's files, and planted ones are caught above.)
chmod o+w "$S"
attack "the store directory writable by anyone" "anyone on this server can write it"
chmod o-w "$S"
chmod o+w "$S/data.mdb"
attack "data.mdb writable by anyone" "data.mdb: anyone on this server can write it"
chmod o-w "$S/data.mdb"
chmod o+wt "$S"
check "a sticky directory writable by anyone is opened" "$bin" --store "$S" show M84001
chmod o-wt "$S"

if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
    # A file that belongs neither to the user nor to the store's group.
    rm -f "$S/lock.mdb"
    mv "$tmp/lock.keep" "$S/lock.mdb"
    chown nobody:nogroup "$S/lock.mdb"
    attack "lock.mdb owned by someone outside the store's group" \
        "lock.mdb: belongs to neither you nor the store's group"
    chown 0:0 "$S/lock.mdb"
else
    pass "ownership attack skipped: it needs root (CI runs it)"
fi
check "after the attacks the store opens again" "$bin" --store "$S" show M84001
echo "symlink and file-type attacks: $refused of $attempts refused"

# ---- backups and exports: new files, 0640 at most, whatever the umask ----
printf 'my thesis\n' >"$tmp/thesis.txt"
(umask 000 && "$bin" --store "$S" backup "$tmp/bk" >/dev/null)
check_eq "a backup under umask 000 is 0750 and 0640" \
    "$(stat -c %a "$tmp/bk" "$tmp/bk/data.mdb" | tr '\n' ' ')" "750 640 "
(umask 077 && "$bin" --store "$S" backup "$tmp/bk77" >/dev/null)
check_eq "a backup under umask 077 stays 0700 and 0600" \
    "$(stat -c %a "$tmp/bk77" "$tmp/bk77/data.mdb" | tr '\n' ' ')" "700 600 "
mkdir "$tmp/bk2"
ln -s "$tmp/thesis.txt" "$tmp/bk2/data.mdb"
check_exit "a backup into a planted symbolic link is refused" 1 "$bin" --store "$S" backup "$tmp/bk2"
check_eq "... and the link's target is untouched" "$(cat "$tmp/thesis.txt")" "my thesis"

(umask 000 && "$bin" --store "$S" export "$tmp/ex")
check_eq "export under umask 000 writes 0640 files" \
    "$(stat -c %a "$tmp/ex"/*.csv | sort -u)" 640
check_exit "export refuses to overwrite without --force" 1 "$bin" --store "$S" export "$tmp/ex"
check_has "... naming the file and the way out" "$(cat "$tmp/err")" "already exists (--force replaces it)"
mkdir "$tmp/ex2" && : >"$tmp/ex2/audit.csv"
check_exit "... even when only the last file is there" 1 "$bin" --store "$S" export "$tmp/ex2"
check_eq "... and then it writes none of the others" "$(ls "$tmp/ex2")" "audit.csv"
rm "$tmp/ex/notes.csv"
ln -s "$tmp/thesis.txt" "$tmp/ex/notes.csv"
check "export --force replaces the files" "$bin" --store "$S" export --force "$tmp/ex"
check_eq "... replacing a planted link, not writing through it" "$(cat "$tmp/thesis.txt")" "my thesis"
check "... with a file of its own" test ! -L "$tmp/ex/notes.csv"

# ---- a full disk -------------------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v mount >/dev/null; then
    mnt=$tmp/full
    mkdir -p "$mnt"
    if mount -t tmpfs -o size=128k tmpfs "$mnt" 2>/dev/null; then
        trap 'umount "$mnt" 2>/dev/null; rm -rf "$tmp"' EXIT
        mkdir "$mnt/st"
        dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
        # A new store on a full disk: LMDB sizes lock.mdb and maps it.
        check_exit "a new store on a full disk fails with a message" 1 \
            "$bin" --store "$mnt/st" import --quiet "$epr"
        check_has "... no space left on device" "$(cat "$tmp/err")" "o space left on device"
        rm -f "$mnt/fill" "$mnt/st/"*
        cp "$S/data.mdb" "$mnt/st/data.mdb"
        dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
        check_exit "opening a store whose lock file cannot be made on a full disk" 1 \
            "$bin" --store "$mnt/st" show M84001
        check_has "... no space left on device" "$(cat "$tmp/err")" "o space left on device"
        rm -f "$mnt/fill" "$mnt/st/"*
        "$bin" --store "$mnt/st" import --quiet "$epr" 2>/dev/null
        head -c 200k /dev/zero >"$mnt/fill" 2>/dev/null
        check_exit "an import onto a full disk fails with a message" 1 \
            "$bin" --store "$mnt/st" import --quiet "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv"
        check_has "... no space left on device" "$(cat "$tmp/err")" "o space left on device"
        rm -f "$mnt/fill"
        check "... and the store is as it was" "$bin" --store "$mnt/st" check
        rm -rf "$mnt/st"
        mkdir "$mnt/bk"
        head -c 100k /dev/zero >"$mnt/fill" 2>/dev/null
        check_exit "a backup onto a full disk fails" 1 "$bin" --store "$S" backup "$mnt/bk"
        check_has "... no space left on device" "$(cat "$tmp/err")" "o space left on device"
        check_eq "... and leaves nothing behind" "$(ls -A "$mnt/bk")" ""
        umount "$mnt"
    else
        pass "full-disk checks skipped: cannot mount a small tmpfs here"
    fi
else
    pass "full-disk checks skipped: they need root to mount a small tmpfs"
fi
