# The engagement survey: an export read through its mapping file, the
# summary per practice, the free text shown safely, and the contract's
# engagement milestone settled by the import.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
sv=$top/tests/data/survey
q() { "$bin" --store "$st" --config "$data/demo.yaml" "$@"; }

check_eq "import: through the mapping" \
    "$(q import --mapping "$sv/survey-map.yaml" "$sv/engagement-survey-constructed.csv")" \
    "$sv/engagement-survey-constructed.csv: survey, 360 rows read, 360 kept, 0 skipped
Y04965 milestone.engagement: open -> done (survey responses imported; recorded in the history)"
check_has "import: again changes nothing" \
    "$(q import --mapping "$sv/survey-map.yaml" "$sv/engagement-survey-constructed.csv")" \
    "already imported"
check_eq "milestone: in the history, by the import" \
    "$(q history Y04965 --format json | jq -r '.[] | select(.field == "milestone.engagement") | .new')" "done"
check_eq "milestone: contracts shows it done" \
    "$(q contracts --format json | jq -c '.[] | select(.practice == "Y04965") | .milestones[1].state')" '"done"'

# Figures cross-checked against the CSV with Python's csv module.
check_eq "overview: one line per practice" "$(q engagement --format csv | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" \
    "Code Y04947 Y04951 Y04952 Y04965 "
check_eq "overview: Alliance's responses, channels, satisfied, travel" \
    "$(q engagement --format csv | grep '^Y04965,' | tr -d '\r')" \
    "Y04965,ALLIANCE TEACHING PRACTICES,89,45,26,18,2021-09-06,2021-10-17,27.0%,15,10,minutes"
out=$(q engagement y04965 --format csv | tr -d '\r')
check_has "detail: paper responses" "$out" "channel,paper,26,29.2%"
check_has "detail: what matters most, most chosen first" "$(echo "$out" | grep -m1 '^what matters most')" \
    "what matters most,Public transport,25,28.1%"
check_has "detail: an equality group's reach" "$out" "ethnicity,\"Black, Black British, Caribbean or African\",12,13.5%"
check_has "detail: unanswered counted apart" "$out" "ethnicity,not answered,6,6.7%"
check_has "detail: travel half called reasonable" "$out" "reasonable travel (minutes),called reasonable by half,85,15"
j=$(q engagement Y04965 --format json)
check_eq "json: travel, and no GP Patient Survey" \
    "$(echo "$j" | jq -c '[.reasonable_travel.half, .reasonable_travel.three_quarters, .reasonable_travel.unit, .gp_patient_survey]')" \
    '[15,10,"minutes",null]'
check_eq "json: the overall scale" "$(echo "$j" | jq -c '.satisfaction[0] | [.question, .levels, .not_answered]')" \
    '["overall",[20,25,20,17,7],0]'
check_eq "json: the source file" "$(echo "$j" | jq -r '.sources[0].file')" "engagement-survey-constructed.csv"
check_eq "json: every practice" "$(q engagement --format json | jq length)" "4"
md=$(q engagement Y04965 --format md)
check_has "md: a heading" "$md" "## Engagement survey: Y04965 ALLIANCE TEACHING PRACTICES: 89 responses"
check_eq "md: the table" "$(echo "$md" | grep -cE '^\| channel +\| paper +\| +26 \| +29\.2% \|$')" "1"
check_has "table: says the GP Patient Survey is not imported" "$(q engagement Y04965)" \
    "GP Patient Survey: not imported"
check_eq "comments: searchable" "$(q engagement Y04947 --search 'FEMALE gps' --format csv | sed 1d | wc -l)" \
    "$(grep -c 'Stoke Aldermoor.*More female GPs' "$sv/engagement-survey-constructed.csv")"
check_exit "no such practice" 1 q engagement X99999
check_has "no such practice: says so" "$(cat "$tmp/err")" "no practice X99999"

# A hostile export: escapes, a bidi override and line breaks in free text;
# a full postcode that must not be kept.
cat >"$tmp/map.yaml" <<'YAML'
columns: {id: id, practice: practice, channel: how, postcode: pc, travel: miles}
free_text: {comment: comment}
travel_unit: miles
YAML
printf 'id,practice,how,pc,miles,comment\r\nH1,Y04951,online,ZE1 0AA,2,"evil \033[2J\033]0;pwned\007 text"\r\nH2,Y04951,paper,ze2,1.5,"abc \342\200\256gnp.exe"\r\nH3,Y04951,assisted,,,"two\nlines"\r\n' >"$tmp/hostile.csv"
hs=$tmp/hs
"$bin" --store "$hs" import "$data/epraccur-coventry-warwickshire-2026.csv" >/dev/null
check "hostile: imports" "$bin" --store "$hs" import --mapping "$tmp/map.yaml" "$tmp/hostile.csv"
c=$("$bin" --store "$hs" engagement Y04951 --comments)
check_eq "hostile: no escape reaches the terminal" "$(printf '%s' "$c" | tr -d -c '\033\007' | wc -c)" "0"
check_has "hostile: the escape shown" "$c" 'evil \x1B[2J'
check_eq "hostile: no bidi override reaches the terminal" "$(printf '%s' "$c" | grep -c "$(printf '\342\200\256')")" "0"
check_has "hostile: the bidi override shown" "$c" 'abc <U+202E>gnp.exe'
check_has "hostile: a line break shown, the row kept whole" "$c" 'two\x0Alines'
# (The district may sit in more than one page: LMDB writes a changed
# page anew and the old copy stays until reused.)
check_eq "hostile: the postcode kept as its district only" \
    "$(grep -c 'ZE1 0AA' "$hs/data.mdb"; grep -q 'ZE1' "$hs/data.mdb" && echo district)" "0
district"
check_eq "hostile: travel in miles" "$("$bin" --store "$hs" engagement Y04951 --format json | jq -c '.reasonable_travel | [.unit, .answered, .half, .three_quarters]')" \
    '["miles",2,2,1.5]'

# Bad input: FILE:LINE:COL, non-zero, the store unchanged.
printf 'id,practice,how\r\nB1,Y04951,online\r\nB2,Y04951,carrier pigeon\r\n' >"$tmp/bad.csv"
printf 'columns: {id: id, practice: practice, channel: how}\n' >"$tmp/bad.yaml"
before=$("$bin" --store "$hs" engagement --format csv)
check_exit "bad row: refused" 1 "$bin" --store "$hs" import --mapping "$tmp/bad.yaml" "$tmp/bad.csv"
check_has "bad row: where" "$(cat "$tmp/err")" "bad.csv:3:11: how: not online, paper or assisted"
check_eq "bad row: nothing imported" "$("$bin" --store "$hs" engagement --format csv)" "$before"
printf 'columns: {id: id, practice: practice}\nequalty: {age: Age}\n' >"$tmp/typo.yaml"
check_exit "bad mapping: refused" 1 "$bin" --store "$hs" import --mapping "$tmp/typo.yaml" "$tmp/bad.csv"
check_has "bad mapping: where and what" "$(cat "$tmp/err")" "typo.yaml:2:1: unknown key 'equalty' in the mapping (did you mean 'equality'?)"
printf 'columns: {id: id, practice: practice, channel: how_completed}\n' >"$tmp/nocol.yaml"
check_exit "mapping names a missing column" 1 "$bin" --store "$hs" import --mapping "$tmp/nocol.yaml" "$tmp/bad.csv"
check_has "... says which" "$(cat "$tmp/err")" "bad.csv:1: missing column 'how_completed'"
check_exit "survey kind without a mapping" 1 "$bin" --store "$hs" import --kind survey "$tmp/bad.csv"
check_has "... asks for it" "$(cat "$tmp/err")" "needs its mapping file (--mapping)"
check_eq "check: the store is sound" "$("$bin" --store "$hs" check >/dev/null 2>&1; echo $?)" "0"

# Reasonable travel from the people asked: half of Alliance's respondents
# called 15 minutes reasonable, three-quarters 10: at 15 km/h, 3.75 and
# 2.5 km.  The same what-if with the config's reasonable_km set to each
# must count the same patients beyond it.
tv=$(q scenario run --close Y04965 --survey-travel --format json)
check_eq "survey travel: the thresholds" "$(echo "$tv" | jq -c '[.answers, .half.said, .half.threshold, .three_quarters.said, .three_quarters.threshold, .speed_kmh, .unit]')" \
    '[85,15,3.75,10,2.5,15,"km"]'
for pair in "half 3.75" "three_quarters 2.5"; do
    set -- $pair
    sed "s/reasonable_km: 3\$/reasonable_km: $2/" "$data/demo.yaml" >"$tmp/r.yaml"
    check_eq "survey travel: beyond $1 as the what-if counts it at $2 km" \
        "$(echo "$tv" | jq ".$1.beyond")" \
        "$("$bin" --store "$st" --config "$tmp/r.yaml" scenario run --close Y04965 --format json | jq .travel.beyond_reasonable)"
done
check_eq "survey travel: per group, adding up" \
    "$(echo "$tv" | jq '[.groups[] | select(.group | startswith("IMD")) | .beyond_three_quarters] | add')" \
    "$(echo "$tv" | jq .three_quarters.beyond)"
tt=$(q scenario run --close Y04965 --survey-travel --speed 30)
check_has "survey travel: the speed assumption said" "$tt" "15 minutes (7.50 km at an assumed 30 km/h)"
check_has "survey travel: modelled data said" "$tt" "MODELLED"
check_has "survey travel: md" "$(q scenario run --close Y04965 --survey-travel --format md)" "## Reasonable travel as the people asked said it"
check_exit "survey travel: a practice nobody answered for" 1 q scenario run --close M86010 --survey-travel
check_has "survey travel: ... says so" "$(cat "$tmp/err")" "no survey respondent of the closing practices"
check_exit "survey travel: a silly speed" 2 q scenario run --close Y04965 --survey-travel --speed 0

# The source line of the md summary names the file as markdown text: a
# file named as a link stays text in the paper.
mkdir -p "$tmp/md"
cp "$sv/engagement-survey-constructed.csv" "$tmp/md/[pay here](http:e.vil) <b>x.csv"
"$bin" --store "$tmp/mdst" import --quiet "$data"/epraccur-*.csv >/dev/null 2>&1
"$bin" --store "$tmp/mdst" import --quiet --mapping "$sv/survey-map.yaml" "$tmp/md/[pay here](http:e.vil) <b>x.csv" >/dev/null 2>&1
src=$("$bin" --store "$tmp/mdst" engagement Y04965 --format md | grep '^Source: ')
check_has "md: the source file is named" "$src" 'pay here'
check_eq "md: a file named as a link or HTML stays text" \
    "$(printf '%s\n' "$src" | grep -E '(^|[^\\])(\[pay|<b>)')" ""
