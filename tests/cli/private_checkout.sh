#!/bin/sh
# Where the checkout lives is not ours to choose: a clone inside
# `mktemp -d` sits in a 0700 directory that other users cannot enter.
# Run the tests that act as another user from such a private copy, so
# none of them comes to depend on reaching the checkout.
. "$(dirname "$0")/lib.sh"

priv=$tmp/private
mkdir -p "$priv/p/tests" "$priv/p/build"
chmod 700 "$priv"
cp -r "$top/tests/cli" "$priv/p/tests/"
cp -r "$top/data" "$top/scripts" "$priv/p/"
cp "$bin" "$priv/p/build/catchment"
check_eq "the copy sits in a private directory" "$(stat -c %a "$priv")" 700

out=$(CATCHMENT="$priv/p/build/catchment" sh "$priv/p/tests/cli/access.sh" 2>&1)
passed=$(printf '%s\n' "$out" | grep -c '^PASS: ')
failed=$(printf '%s\n' "$out" | grep '^FAIL: ')
check_eq "the access tests pass from a private checkout" "$failed" ""
[ "$passed" -gt 0 ] && pass "... ($passed checks ran there)" || fail "... no check ran there"
