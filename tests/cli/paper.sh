# The board paper: `scenario run NAME --format md`, as a board reads it
# and as Word gets it through pandoc.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }
# check_re "what" text regex: a line of text matches the extended regex.
check_re() {
    if printf '%s\n' "$2" | grep -Eq -- "$3"; then pass "$1"; else fail "$1: /$3/ not in: $(printf '%s' "$2" | head -c 300)"; fi
}

q scenario run westwood-ends --format md >"$tmp/paper.md"
check_eq "paper: runs" "$?" 0
md=$(cat "$tmp/paper.md")
check_eq "paper: the title, with the date its figures are as at" "$(head -1 "$tmp/paper.md")" \
    "# Closure what-if: westwood-ends, as at 2026-04-01"
check_has "paper: the scenario's description" "$md" "Westwood Medical Centre contract ends; disperse the list"
check_re "paper: who prepared it" "$md" "^\| Prepared by +\| $(id -un) +\|"
# The system clock's time (nothing pins it in a normal build).
check_re "paper: when" "$md" "^\| Prepared on +\| [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC +\|"
check_has "paper: the config and its checksum" "$md" \
    "| $data/demo.yaml, SHA-256 $(sha256sum "$data/demo.yaml" | cut -c1-64)"
check_re "paper: a place for the as-at date" "$md" "^\| As at +\|"
summary=$(sed -n '/^## Summary/,/^## /p' "$tmp/paper.md" | sed '1d;$d' | grep -v '^$')
check_eq "paper: the summary is one paragraph" "$(printf '%s\n' "$summary" | wc -l)" 1
check_has "paper: the summary says who closes and where they go" "$summary" \
    "If M86019 WESTWOOD MEDICAL H/CENTRE closed, all 4,106 of its patients would be placed at 46 practices within 8.0 km"
check_has "paper: ... and travel" "$summary" "mean travel would go from 2.17 km to 0.86 km"
check_has "paper: ... and that the areas are modelled" "$summary" "MODELLED"
check_re "paper: key figures with separators" "$md" "^\| Patients displaced +\| +4,106 \|"
recv=$(sed -n '/^## Receiving practices/,/^## /p' "$tmp/paper.md")
check_eq "paper: the ten that gain most (no capacity trouble here)" \
    "$(printf '%s\n' "$recv" | grep -c '^| [MY][0-9]')" 10
check_has "paper: the rest in one line" "$recv" "36 others, each gaining under 100 patients"
check_re "paper: a full practice is marked" "$recv" "^\| M86605 \| LIMBRICK WOOD SURGERY .*\| full +\|$"
check "paper: no column of 'no'" sh -c "! grep -q '| no *|' '$tmp/paper.md'"
check_re "paper: the separators in the receivers" "$recv" "\| +1,143 \|"
# Years (Census 2021, the 2025 survey) are not counts.
check "paper: every whole number of 4+ digits has separators" \
    sh -c "! grep -v 'SHA-256\|\.csv\|^# ' '$tmp/paper.md' | grep -Eo '(^|[^0-9A-Za-z,.:+-])[0-9]{4,}([^0-9-]|$)' | grep -Evq '^[^0-9]?(19|20)[0-9][0-9][^0-9]?$'"
check_has "paper: travel and equality" "$md" "## Travel and equality"
check_has "paper: what was not assessed" "$md" "Not assessed:"
check_has "paper: straight lines, not roads" "$md" "travel by road or public transport"
check_re "paper: the data sources with extract dates" "$md" \
    "^\| gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv +\| list-size +\| 2026-04-01 +\|"
check_re "paper: the register has no extract date" "$md" \
    "^\| epraccur-coventry-warwickshire-2026.csv +\| epraccur +\| - +\|"
check_has "paper: the attribution" "$md" "Open Government Licence v3.0"

# Word: pandoc reads every table as a table, and the .docx holds the text.
if command -v pandoc >/dev/null 2>&1; then
    tables=$(pandoc -f markdown -t json "$tmp/paper.md" | jq '[.blocks[] | select(.t == "Table")] | length')
    # key figures, receivers, travel and equality, the equality impact pack's
    # two (protected characteristics, health inequalities), data sources...
    check_eq "paper: pandoc reads seven tables" "$tables" 7
    q scenario run westwood-ends --format md | pandoc -o "$tmp/paper.docx" 2>"$tmp/pandoc.err"
    check_eq "paper: pandoc makes a .docx" "$?" 0
    check_eq "paper: ... without a warning" "$(cat "$tmp/pandoc.err")" ""
    check_has "paper: the .docx holds the receivers" "$(pandoc -t markdown --wrap=none "$tmp/paper.docx")" \
        "WOODSIDE MEDICAL CENTRE"
else
    echo "(pandoc is not installed: the .docx checks are skipped)"
fi
