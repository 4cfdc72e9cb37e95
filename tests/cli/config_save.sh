# Scenarios saved by many sessions at once: each save takes a lock,
# re-reads the user's scenarios file and merges, so no session loses
# another's scenario or a hand edit; the hand-written config is never
# rewritten (its comments stay); a different scenario of the same name is
# replaced only with --replace; numbers are written as people write them
# and read the same in every locale; a scenario naming a code the store
# lacks fails only when it is run.
. "$(dirname "$0")/lib.sh"

st=$(demo_store)
cfg=$tmp/team.yaml
scen=$HOME/.config/catchment/scenarios.yaml
cat >"$cfg" <<'YAML'
# The team's settings: keep this comment.
rules:
  max_distance_km: 8   # as agreed at the March board
scenarios:
  - name: westwood-ends
    close: [M86019]
YAML
cp "$cfg" "$tmp/team.orig"
cs() { "$bin" --store "$st" --config "$cfg" "$@"; }

# Twenty sessions save at once.
n=20 i=0
while [ $i -lt $n ]; do
    cs scenario save "s$i" --close M86019 --growth 20 >"$tmp/save.$i" 2>&1 &
    i=$((i + 1))
done
wait
kept=$(cs scenario list --format json | jq '[.[] | select(.Name | startswith("s"))] | length')
echo "$n sessions saved a scenario at the same moment; $kept of them are in the file"
check_eq "no session lost another's scenario" "$kept" "$n"
check_eq "the hand-written config is untouched, comments and all" \
    "$(cmp "$cfg" "$tmp/team.orig" && echo same)" same
check "and no .bak beside it" test ! -e "$cfg.bak"
check_has "numbers are written as people write them" "$(cat "$scen" 2>/dev/null)" "growth_pct: 20
"
check_eq "never as 2e+01" "$(grep -c "e+" "$scen" 2>/dev/null)" 0

# A hand edit of the scenarios file between two saves is kept.
mkdir -p "$(dirname "$scen")"
printf '  - name: by-hand\n    close: [M86010]\n    growth_pct: 2.5\n' >>"$scen"
check "a save after a hand edit" cs scenario save later --close M86034
check_has "keeps the hand edit" "$(cs scenario list)" "by-hand"
check_has "and writes 2.5 as 2.5" "$(cat "$scen" 2>/dev/null)" "growth_pct: 2.5"

# The same name: the same scenario is fine; a different one needs --replace.
check "saving the same scenario again is fine" cs scenario save s1 --close M86019 --growth 20
before=$(cat "$scen")
check_exit "a different scenario under a taken name is refused" 1 \
    cs scenario save s1 --close M86034
check_has "saying how to replace it" "$(cat "$tmp/err")" "--replace"
check_eq "and nothing changed" "$(cat "$scen" 2>/dev/null)" "$before"
check_exit "one of the config's own names too" 1 cs scenario save westwood-ends --close M86034
check "--replace replaces it" cs scenario save s1 --close M86034 --replace
check_has "with the new practice" "$(cs scenario list --format json | jq -r '.[] | select(.Name == "s1") | .Close')" M86034

# A scenario naming a code the store lacks: only running it fails.
cat >"$tmp/stale.yaml" <<'YAML'
scenarios:
  - name: stale
    close: [M99999]
  - name: fine
    close: [M86019]
YAML
sc() { "$bin" --store "$st" --config "$tmp/stale.yaml" "$@"; }
check_exit "show works with a stale scenario in the config" 0 sc show M86010
check_eq "and warns once" "$(grep -c 'M99999' "$tmp/err")" 1
check_has "where it is" "$(cat "$tmp/err")" "stale.yaml:3:13:"
check_exit "near works" 0 sc near M86010
check_exit "scenario list works" 0 sc scenario list
check_exit "config check passes with a warning" 0 sc config check
check_has "the warning" "$(cat "$tmp/err")" "M99999"
check_exit "another scenario runs" 0 sc scenario run fine
check_exit "running the stale one fails" 1 sc scenario run stale
check_has "saying why and where" "$(cat "$tmp/err")" "stale.yaml:3:13: unknown practice code 'M99999'"

# Numbers read the same in every locale (a comma-decimal one made here).
mkdir -p "$tmp/loc"
if localedef -i de_DE -f UTF-8 "$tmp/loc/de_DE.UTF-8" >/dev/null 2>&1; then
    export LOCPATH=$tmp/loc
    printf 'rules:\n  max_distance_km: 5.5\n' >"$tmp/de.yaml"
    check_exit "config show under de_DE.UTF-8 reads 5.5" 0 env LC_ALL=de_DE.UTF-8 \
        "$bin" --config "$tmp/de.yaml" config show
    check_has "and writes it as 5.5" "$(cat "$tmp/out")" "max_distance_km: 5.5"
    unset LOCPATH
else
    fail "localedef could not make de_DE.UTF-8"
fi

# A distance too small for 17 decimals is written so that it loads back
# the same, not as 0 (found by fuzz_config).
printf 'rules:\n  reasonable_km: .000000000000000000000000000000000000000000000000012297829382473033955\n' \
    >"$tmp/tiny.yaml"
shown=$("$bin" --config "$tmp/tiny.yaml" config show)
check_eq "a tiny distance is not written as 0" \
    "$(echo "$shown" | grep -c 'reasonable_km: 0.00000000000000000$')" 0
echo "$shown" >"$tmp/tiny-back.yaml"
check_eq "and loads back the same" \
    "$("$bin" --config "$tmp/tiny-back.yaml" config show | grep reasonable_km)" \
    "$(echo "$shown" | grep reasonable_km)"
