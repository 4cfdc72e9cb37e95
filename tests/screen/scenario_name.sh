# W with a name that cannot be a scenario's (spaces, capitals) asks again
# with what was typed still there to mend, instead of throwing it away.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86019
x
w
W
"Westwood and Limbrick
<Enter>
:save-display s1
<C-U>
"westwood-limbrick
<Enter>
:save-display s2
W
"bad name
<Esc>
:save-display s3
KEYS
check_has "a bad name: asked again, saying why" s1 "a-z 0-9 . _ -, no spaces"
check_has "with the text typed kept" s1 "Westwood and Limbrick"
check_has "mended, it saves" s2 "saved scenario westwood-limbrick"
check_has "the scenario is in the user's file" "$HOME/.config/catchment/scenarios.yaml" "westwood-limbrick"
check_lacks "Esc still abandons" s3 "saved scenario bad"
