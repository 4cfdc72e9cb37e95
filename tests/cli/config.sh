# The YAML config through the command line: check, show, and errors with
# their line and column.
. "$(dirname "$0")/lib.sh"

check "the demo config checks clean" "$bin" --config "$data/demo.yaml" config check
out=$("$bin" config show)
check_has "show prints the built-in defaults" "$out" "max_distance_km: 8"
out=$("$bin" --config "$data/demo.yaml" config show)
check_has "show prints the demo scenarios" "$out" "westwood-ends"
printf 'rules:\n  max_distnce_km: 3\n' >"$tmp/typo.yaml"
check_exit "a misspelt key fails" 1 "$bin" config check "$tmp/typo.yaml"
check_has "with its line and column and a suggestion" "$(cat "$tmp/err")" \
    "typo.yaml:2:3: unknown key 'max_distnce_km' in rules (did you mean 'max_distance_km'?)"
printf 'rules:\n  max_distance_km: 800\n' >"$tmp/range.yaml"
check_exit "an out-of-range number fails" 1 "$bin" config check "$tmp/range.yaml"
check_has "and says where" "$(cat "$tmp/err")" "range.yaml:2:20:"
printf 'a: &x [1]\nb: *x\n' >"$tmp/alias.yaml"
check_exit "anchors and aliases are refused" 1 "$bin" config check "$tmp/alias.yaml"
check_exit "a config named but missing fails" 1 "$bin" --config "$tmp/nope.yaml" config show
mkdir -p "$HOME/.config/catchment"
printf 'rules:\n  reasonable_km: 2\n' >"$HOME/.config/catchment/config.yaml"
check_has "the default path is read" "$("$bin" config show)" "reasonable_km: 2"
