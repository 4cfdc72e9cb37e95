#!/bin/sh
# Makes sure the Debian packages catchment builds and tests with are here.
# As root it installs what is missing; otherwise it prints the command.
#
#   scripts/deps.sh          what the build and `make check` need
#   scripts/deps.sh bench    also what `make bench` compares with
#                            (networkx, pandas), if it can: never an error
set -eu
if [ "${1:-}" = bench ]; then
    has() { # has MODULE: some python3 here imports it
        for py in python3 /usr/bin/python3; do
            "$py" -c "import $1" 2>/dev/null && return 0
        done
        return 1
    }
    want=""
    has networkx || want="$want python3-networkx"
    has pandas || want="$want python3-pandas"
    [ -z "$want" ] && exit 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "catchment: installing for the bench:$want" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q $want >&2 ||
            echo "catchment: not installed:$want; their bench rows are skipped" >&2
    else
        echo "catchment: the bench compares with networkx and pandas when installed:" \
            "sudo apt-get install$want" >&2
    fi
    exit 0
fi
need="pkg-config liblmdb-dev lmdb-utils libyaml-dev libncurses-dev tmux jq time clang
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
