#!/bin/sh
# What a colleague can plant where catchment reads or writes, beyond the
# store's own files (open_safely.sh): a FIFO where a config, a scenarios
# file or a backup's data.mdb should be is refused at once, never waited
# on; a map or allocation list is private under umask 077, and one
# written to a terminal, /dev/null, /dev/full or /dev/fd/N (the shell's
# ">(...)") goes there, never replacing the device.
. "$(dirname "$0")/lib.sh"

S=$(demo_store)
dump() { mdb_dump -a "$S" | sha256sum; }
base=$(dump)

# ---- FIFOs where a file is read: refused, never waited on -------------
# (timeout only stops a hang; a refusal is immediate.)
mkfifo "$tmp/team.yaml"
check_exit "a FIFO as the config is refused" 1 timeout 20 "$bin" --store "$S" --config "$tmp/team.yaml" scenario list
check_has "... saying what it is" "$(cat "$tmp/err")" "$tmp/team.yaml: not a regular file"
check_exit "... by config check too" 1 timeout 20 "$bin" config check "$tmp/team.yaml"

mkdir -p "$HOME/.config/catchment"
mkfifo "$HOME/.config/catchment/scenarios.yaml"
check_exit "a FIFO as the saved scenarios is refused" 1 timeout 20 "$bin" --store "$S" scenario list
check_has "... saying what it is" "$(cat "$tmp/err")" "scenarios.yaml: not a regular file"
rm "$HOME/.config/catchment/scenarios.yaml"

mkdir "$tmp/fifo-backup"
mkfifo "$tmp/fifo-backup/data.mdb"
check_exit "a backup whose data.mdb is a FIFO is not restored" 1 timeout 20 "$bin" --store "$S" restore "$tmp/fifo-backup"
check_has "... saying what it is" "$(cat "$tmp/err")" "data.mdb: not a regular file"
check_eq "... and the store is unchanged" "$(dump)" "$base"

# ---- a map or allocation list: private when the umask says so ---------
run() { "$bin" --store "$S" scenario run --close M86019 "$@"; }
(umask 077 && run --allocation "$tmp/a77.csv" --map "$tmp/m77.svg" >/dev/null)
check_eq "under umask 077 the allocation list and map are 0600" \
    "$(stat -c %a "$tmp/a77.csv" "$tmp/m77.svg" | tr '\n' ' ')" "600 600 "
(umask 000 && run --allocation "$tmp/a00.csv" >/dev/null)
check_eq "under umask 000 the allocation list is 0640 at most" "$(stat -c %a "$tmp/a00.csv")" 640

# ---- to a descriptor or a device: written there -----------------------
want=$(sha256sum <"$tmp/a77.csv")
check_eq "--allocation /dev/fd/3 writes to descriptor 3 (as >(...) gives)" \
    "$(run --allocation /dev/fd/3 3>&1 >/dev/null | sha256sum)" "$want"
check_eq "--allocation /proc/self/fd/3 likewise" \
    "$(run --allocation /proc/self/fd/3 3>&1 >/dev/null | sha256sum)" "$want"
# A device node: the system's own for a user who cannot write /dev; as
# root, nodes made here (so a regression replaces those, not the system's).
dev=/dev
if [ -w /dev ]; then
    dev=$tmp/dev
    mkdir "$dev" && mknod "$dev/full" c 1 7 && mknod "$dev/null" c 1 3 ||
        fail "making device nodes as root"
else
    check_eq "--allocation /dev/stderr writes to standard error" \
        "$(run --allocation /dev/stderr 2>&1 >/dev/null | sha256sum)" "$want"
fi
check_exit "--map to a full device fails" 1 run --map "$dev/full"
check_has "... saying so" "$(cat "$tmp/err")" "No space left on device"
check "... and the device is still a device" test -c "$dev/full"
check_exit "--allocation to a null device succeeds" 0 run --allocation "$dev/null"
check "... and it is still a device" test -c "$dev/null"

# A FIFO planted where the map goes is replaced, never written to.
mkfifo "$tmp/map.svg"
check_exit "a FIFO at the map's name is replaced" 0 timeout 20 "$bin" --store "$S" scenario run --close M86019 --map "$tmp/map.svg"
check "... by a file of its own" test -f "$tmp/map.svg"

# ---- lock.mdb written into while the store is in use ------------------
# Anyone who may write lock.mdb (every reader with locking) can write its
# reader count while a session holds it open (so LMDB keeps the table):
# a count past the table's end made every command die of SIGBUS.  The
# holder here is a stand-in for a colleague's open session.
L=$tmp/locked
cp -r "$S" "$L"
"$bin" --store "$L" show M86019 >/dev/null
mkfifo "$tmp/held"
python3 -c '
import fcntl, os, struct, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_SH, 1, 0)
os.pwrite(fd, struct.pack("<I", 0x7fffffff), 56)  # mti_numreaders (LMDB 0.9, 64-bit)
open(sys.argv[2], "w").write("held\n")
time.sleep(600)' "$L/lock.mdb" "$tmp/held" &
holder=$!
read -r _ <"$tmp/held"
check_exit "a reader count past the lock table is refused, not a crash" 1 "$bin" --store "$L" show M86019
check_has "... saying lock.mdb is damaged" "$(cat "$tmp/err")" "lock.mdb is damaged"
check_exit "... also for a change" 1 "$bin" --store "$L" note M86019 "x"
kill "$holder"
wait "$holder" 2>/dev/null
check "when the holder has gone, the store opens again" "$bin" --store "$L" show M86019

# ---- a backup cut short -----------------------------------------------
mkdir "$tmp/short-backup"
head -c 100000 "$S/data.mdb" >"$tmp/short-backup/data.mdb"
check_exit "a backup cut short is not restored" 1 "$bin" --store "$S" restore "$tmp/short-backup"
check_has "... saying it is damaged, in words" "$(cat "$tmp/err")" "the backup is damaged (1 problem); not restored"
check_eq "... and the store is unchanged" "$(dump)" "$base"

# ---- a file size limit (ulimit -f: a quota, or a full disk in small) ---
# Past the limit a write fails; catchment must say so and clean up, not
# be killed by SIGXFSZ half way (which left a partial backup behind).
limited() { (ulimit -f 16 && exec "$@"); }
check_exit "a backup past the file size limit fails" 1 limited "$bin" --store "$S" backup "$tmp/big-bk"
check_has "... saying why" "$(cat "$tmp/err")" "File too large"
check "... and leaves nothing behind" test ! -e "$tmp/big-bk"
mkdir "$tmp/maps"
check_exit "a map past the limit fails" 1 limited "$bin" --store "$S" scenario run --close M86019 --map "$tmp/maps/m.svg"
check_has "... saying why" "$(cat "$tmp/err")" "File too large"
check_eq "... and leaves no temporary file" "$(ls -A "$tmp/maps")" ""
limited "$bin" --store "$S" scenario run --close M86019 --format json >"$tmp/report.json" 2>"$tmp/err"
check_eq "a report past the limit fails with status 1" "$?" 1
check_has "... saying why" "$(cat "$tmp/err")" "File too large"
