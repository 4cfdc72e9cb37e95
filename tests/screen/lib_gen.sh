# usage: sh /tmp/gen.sh KEYFILE [options]  -> prints saved screens
. /work/wt-tui/tests/screen/lib.sh
make_store
[ -n "${PRE:-}" ] && eval "$PRE"
cd "$tmp"
run_keys "$@" < "$KEYS"
for f in $(ls "$tmp" | grep '^s[0-9]*$' | sort); do echo "=== $f"; cat "$tmp/$f"; done
for f in $(ls "$tmp" | grep '^a[0-9]*$' | sort); do echo "=== $f"; cat "$tmp/$f"; done
cat "$tmp/err"
