# The engagement survey on screen: e from a practice's card shows who
# answered and how, the scales, what matters most, reasonable travel and
# the free text, escaped.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
sv=$top/tests/data/survey
"$bin" --store "$store" import --mapping "$sv/survey-map.yaml" "$sv/engagement-survey-constructed.csv" >/dev/null
cat >"$tmp/map.yaml" <<'YAML'
columns: {id: id, practice: practice}
free_text: {comment: comment}
YAML
printf 'id,practice,comment\r\nZ1,Y04951,"evil \033[2J text"\r\nZ2,Y04951,"abc \342\200\256gnp.exe"\r\n' >"$tmp/hostile.csv"
"$bin" --store "$store" import --mapping "$tmp/map.yaml" "$tmp/hostile.csv" >/dev/null
run_keys <<'KEYS'
:open Y04965
:save-display c0
e
:save-display e1
G
:save-display e2
q
q
:open M86010
e
:save-display e3
q
q
:open Y04951
e
G
:save-display e4
KEYS

check_has "the card names the key" c0 "e survey"
check_has "e opens the summary" e1 "Y04965  ALLIANCE TEACHING PRACTICES: 89 responses, 2021-09-06 to 2021-10-17"
check_has "the title says whose" e1 "Engagement survey"
check_has "channels, with shares" e1 "paper                                            26  29.2%"
check_has "the end: the free text, by response" e2 "R0360 do_better"
check_has "a practice with no responses says so" e3 "No engagement survey responses for this practice"
check_has "an escape in free text is shown, not sent" e4 'evil \x1B[2J text'
check_lacks "no bidi override on the screen" e4 "$(printf '\342\200\256')"
