# Small limits from the attack on a shared server: an over-long note is
# refused, not cut; a key binding the screen would reject fails `config
# check` with FILE:LINE:COL; a relative XDG_DATA_HOME or XDG_CONFIG_HOME
# is ignored, as the XDG spec says.
. "$(dirname "$0")/lib.sh"

st=$tmp/st
"$bin" --store "$st" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv"
before=$(mdb_dump -a "$st" | sha256sum)
long=$(head -c 5000 /dev/zero | tr '\0' x)
check_exit "a 5,000-byte note is refused" 1 "$bin" --store "$st" note M84001 "$long"
check_has "saying it is too long" "$(cat "$tmp/err")" "5000 bytes is too long (at most 4095)"
check_exit "so is one made of many words" 1 "$bin" --store "$st" note M84001 "$long" and more
check_eq "nothing was stored, not even a cut note" "$(mdb_dump -a "$st" | sha256sum)" "$before"
check "a note of 4,095 bytes is fine" "$bin" --store "$st" note M84001 "$(head -c 4095 /dev/zero | tr '\0' y)"

# Keys the screen could not bind.
for k in '"<NoSuchKey>"' '"ab"' '"<C-!>"'; do
    printf 'keys:\n  search: %s\n' "$k" >"$tmp/keys.yaml"
    check_exit "config check refuses the key $k" 1 "$bin" --config "$tmp/keys.yaml" config check
    check_has "at FILE:LINE:COL" "$(cat "$tmp/err")" "keys.yaml:2:11:"
done
printf 'keys:\n  search: "<F5>"\n  quit: Q\n  help: "<C-H>"\n' >"$tmp/keys.yaml"
check_exit "keys the screen knows pass" 0 "$bin" --config "$tmp/keys.yaml" config check

# A relative XDG directory is ignored: the store and the saved scenarios
# go under $HOME, never under the working directory.
mkdir -p "$tmp/work"
(cd "$tmp/work" && XDG_DATA_HOME=rel-data XDG_CONFIG_HOME=rel-config \
    "$bin" import --quiet "$data/epraccur-coventry-warwickshire-2026.csv" &&
    XDG_DATA_HOME=rel-data XDG_CONFIG_HOME=rel-config \
    "$bin" scenario save x --close M84001) >"$tmp/out" 2>&1
check_eq "nothing under the working directory" "$(ls "$tmp/work")" ""
check "the store is under ~/.local/share" test -f "$HOME/.local/share/catchment/data.mdb"
check "the scenario under ~/.config" test -f "$HOME/.config/catchment/scenarios.yaml"
