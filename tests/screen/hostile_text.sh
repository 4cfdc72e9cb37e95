# Names from the data with a bidi override, a zero-width space and an
# escape-like note reach the screen through the one output filter: shown
# as <U+202E>, never sent raw to the terminal; search finds the visible
# text.
. "$(dirname "$0")/lib.sh"
rlo=$(printf '\342\200\256') zws=$(printf '\342\200\213')
sed "s/\"M84002\",\"POOL MEDICAL CENTRE\"/\"M84002\",\"POOL${rlo}ERTNEC${zws}X\"/" \
    "$data/epraccur-coventry-warwickshire-2026.csv" >"$tmp/epraccur-bidi.csv"
"$bin" --store "$store" import --quiet "$tmp/epraccur-bidi.csv" \
    "$data/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" >/dev/null 2>&1 ||
    fail "the store imports"
"$bin" --store "$store" note M84002 "ring ${rlo}0001 back" || fail "the note is added"
cd "$tmp"
export CATCHMENT_TERM_OUT="$tmp/tty"
run_keys <<'KEYS'
/
"ertnec
:save-display s1
<Enter>
:save-display s2
G
:save-display s3
KEYS
check_has "the search finds the name and shows the override" s1 'POOL<U+202E>ERTNEC<U+200B>X'
check_has "the card shows it" s2 'POOL<U+202E>ERTNEC<U+200B>X'
check_has "and the note's override (at the card's end)" s3 'ring <U+202E>0001 back'
if perl -0777 -ne 'exit(/\x{202e}|\x{200b}/ ? 1 : 0) if utf8::decode($_); exit 1' tty; then
    pass "no bidi or invisible character reached the terminal"
else
    fail "a raw bidi or invisible character reached the terminal"
fi
# The interface's own error messages name files through the filter too.
evil=$(printf 'cfg\033]52;c;aGk=\a\033[2J.yaml')
printf 'rules: [\n' >"$tmp/$evil"
CATCHMENT_SCRIPT=/dev/null "$bin" --store "$store" --config "$tmp/$evil" >/dev/null 2>"$tmp/err"
if grep -q 'cfg\\x1B]52' "$tmp/err" && ! grep -q "$(printf '\033')" "$tmp/err"; then
    pass "an error naming the config shows its escapes visibly"
else
    fail "an error naming the config: $(cat -v "$tmp/err")"
fi

# y copies the card to the clipboard through the same filter: pasted into
# a shell, a mail or a spreadsheet, the override cannot reorder what
# follows it there either.
export CATCHMENT_CLIPBOARD="$tmp/clip"
run_keys <<'KEYS'
:open M84002
y
KEYS
copied=$(sed 's/^.*52;c;//' "$tmp/clip" | tr -d '\007' | base64 -d 2>/dev/null)
case $copied in
*"POOL<U+202E>ERTNEC<U+200B>X"*) pass "the copied card shows the override, as the screen does" ;;
*) fail "the copied card: $(printf '%s' "$copied" | od -c | head -3)" ;;
esac
