#!/bin/sh
# Makes sure the Debian packages catchment builds and tests with are here.
# As root it installs what is missing; otherwise it prints the command.
set -eu
need="pkg-config liblmdb-dev lmdb-utils libyaml-dev libncurses-dev libcsv-dev tmux jq time clang
      libclang-rt-dev valgrind librsvg2-bin libxml2-utils"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "catchment: installing:$missing" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >&2
else
    echo "catchment: missing packages:$missing" >&2
    echo "install them with:  sudo apt-get install$missing" >&2
    exit 1
fi
