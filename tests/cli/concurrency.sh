#!/bin/sh
# Many readers, one writer, one store.  Eight reader processes loop over
# show, search, near, scenario and stats (JSON) and scripted sessions of
# the terminal interface while a writer imports
# big files and a run of list-size months and adds notes.  No read may
# fail, and every read must see whole imports only:
#   stats: the list-size points counted equal the rows the list-size
#          imports listed in the same output kept (likewise postcodes and
#          practice-LSOA rows), and the number of imports never goes down;
#   show:  a practice's latest list size is the last point of its history.
# At the end every note written is there.
#   CATCHMENT_CONC_SECONDS (default 8)
. "$(dirname "$0")/lib.sh"

secs=${CATCHMENT_CONC_SECONDS:-8}
readers=8
gen=$CATCHMENT_BUILD/bench/gen
S=$(demo_store)
cfg=$data/demo.yaml
"$gen" --small --seed 7 --postcodes 60000 "$tmp/gen" >/dev/null 2>&1 || fail "gen"
"$bin" --store "$S" import --quiet "$tmp/gen/epraccur.csv" || fail "seeding the store"
# A practice every list-size month has: its card changes all the time.
code=$(sed -n 2p "$tmp/gen/gp-reg-pat-prac-all-2025-05.csv" | cut -d, -f6)

# Whole imports only: each count equals the sum of the kept rows of the
# imports of its kinds, as read in the same transaction.
inv='def kept(k): [.imports[] | select(.kind | IN(k)) | .rows_kept] | add // 0;
  .counts.list_points == kept("list-size")
  and .counts.postcodes == kept("onspd", "codepoint", "ukpostcodes")
  and .counts.practice_lsoa_rows == kept("lsoa-all")'
card='.history[-1].patients == .list_size and .history[-1].date == .list_date'

end=$(($(date +%s) + secs))
reader() {
    r=$1 n=0 last=0
    printf ':open %s\n:save-display %s\n/\n"medical\n<Enter>\nq\n' "$code" "$tmp/screen.$r" >"$tmp/keys.$r"
    while [ "$(date +%s)" -lt "$end" ]; do
        n=$((n + 1))
        case $(((n + r) % 6)) in
        0)
            if out=$("$bin" --store "$S" stats --format json 2>&1); then
                echo "$out" | jq -e "$inv" >/dev/null ||
                    echo "reader $r: stats shows half an import: $(echo "$out" | jq -c .counts)"
                now=$(echo "$out" | jq .counts.imports)
                [ "$now" -ge "$last" ] || echo "reader $r: imports went from $last to $now"
                last=$now
            else
                echo "reader $r: stats failed: $out"
            fi
            ;;
        1)
            if out=$("$bin" --store "$S" show "$code" --format json 2>&1); then
                echo "$out" | jq -e "$card" >/dev/null ||
                    echo "reader $r: the card's list size is not its history's last: $(echo "$out" | jq -c '[.list_size, .history[-1]]')"
            else
                echo "reader $r: show failed: $out"
            fi
            ;;
        2) out=$("$bin" --store "$S" search medical centre --format json 2>&1) &&
            echo "$out" | jq -e 'length > 0' >/dev/null || echo "reader $r: search failed: $out" ;;
        3) out=$("$bin" --store "$S" near M86019 --format json 2>&1) &&
            echo "$out" | jq -e 'length > 0' >/dev/null || echo "reader $r: near failed: $out" ;;
        4) out=$("$bin" --store "$S" --config "$cfg" scenario run westwood-ends --format json 2>&1) &&
            echo "$out" | jq -e '.closed | length == 1' >/dev/null || echo "reader $r: scenario failed: $out" ;;
        5) # A scripted terminal session: the card, then the search screen.
            rm -f "$tmp/screen.$r"
            if CATCHMENT_SCRIPT="$tmp/keys.$r" TERM=xterm-256color LINES=30 COLUMNS=100 \
                "$bin" --store "$S" --config "$cfg" >/dev/null 2>"$tmp/tuierr.$r"; then
                grep -q "^$code  " "$tmp/screen.$r" 2>/dev/null ||
                    echo "reader $r: the terminal card is not there: $(head -5 "$tmp/screen.$r" 2>&1)"
            else
                echo "reader $r: the terminal session failed: $(cat "$tmp/tuierr.$r")"
            fi ;;
        esac
    done
    echo "$n" >"$tmp/reads.$r"
}

# The writer: the big files, twelve list-size months (each kept whole),
# and a note after each; then notes until the time is up.
writer() {
    w=0 notes=0 imports=0
    for f in "$tmp/gen/onspd.csv" "$tmp/gen"/gp-reg-pat-prac-all-*.csv \
        "$tmp/gen/gp-reg-pat-prac-lsoa-all.csv" "$tmp/gen/gp-reg-pat-prac-quin-age.csv"; do
        [ "$(date +%s)" -lt "$end" ] || break
        "$bin" --store "$S" import --quiet "$f" >/dev/null 2>"$tmp/werr" ||
            echo "writer: import $(basename "$f"): $(cat "$tmp/werr")"
        imports=$((imports + 1))
        notes=$((notes + 1))
        "$bin" --store "$S" note M86019 "concurrent note $notes" >/dev/null ||
            echo "writer: note $notes failed"
    done
    while [ "$(date +%s)" -lt "$end" ]; do
        notes=$((notes + 1))
        "$bin" --store "$S" note M86019 "concurrent note $notes" >/dev/null ||
            echo "writer: note $notes failed"
    done
    echo "$imports $notes" >"$tmp/writes"
}

r=1
while [ "$r" -le "$readers" ]; do
    reader "$r" >"$tmp/rerr.$r" 2>&1 &
    r=$((r + 1))
done
writer >"$tmp/werrs" 2>&1
wait

reads=$(cat "$tmp"/reads.* | awk '{ s += $1 } END { print s }')
read -r imports notes <"$tmp/writes"
errors=$(cat "$tmp"/rerr.* | grep -c .)
if [ "$errors" -eq 0 ] && [ "$reads" -gt 0 ]; then
    pass "$readers readers x $reads reads, $imports imports and $notes notes written, no reader error, no half import seen"
else
    fail "$errors reader errors in $reads reads: $(cat "$tmp"/rerr.* | head -3)"
fi
check_eq "the writer had no error" "$(cat "$tmp/werrs")" ""
"$bin" --store "$S" export "$tmp/ex" >/dev/null
check_eq "all $notes notes are there" "$(grep -c 'concurrent note' "$tmp/ex/notes.csv")" "$notes"
check_eq "the last note is the last written" \
    "$(grep -o 'concurrent note [0-9]*' "$tmp/ex/notes.csv" | sort -k3n | tail -1)" "concurrent note $notes"
check "the final stats are whole" sh -c "'$bin' --store '$S' stats --format json | jq -e '$inv'"
check "the store checks clean" "$bin" --store "$S" check
