#!/bin/sh
# The Provider Selection Regime's standstill: 8 working days counted from
# the day after the notice, passing over weekends and England and Wales
# bank holidays (Easter, Christmas, the turn of the year), from the
# regime file; and a regime file that is wrong is refused where it is
# wrong.
. "$(dirname "$0")/lib.sh"

out=$("$bin" psr standstill 2026-03-02)
check_has "standstill: the last day after a Monday notice" "$out" \
    "Last day of the standstill: 2026-03-12 (Thursday)"
check_has "... the first day counted is the day after" "$out" "   1  2026-03-03  Tuesday"
check_has "... the eighth" "$out" "   8  2026-03-12  Thursday"
check_has "... the weekend is listed as not counted" "$out" "2026-03-07  Saturday  weekend"
check_has "... and the regulation cited" "$out" "SI 2023/1348 reg. 12"

out=$("$bin" psr standstill 2026-03-30)
check_has "Easter 2026: Good Friday and Easter Monday pass over" "$out" \
    "Last day of the standstill: 2026-04-13 (Monday)"
check_has "... Good Friday named" "$out" "2026-04-03  Friday    Good Friday"
check_has "... Easter Monday named" "$out" "2026-04-06  Monday    Easter Monday"

out=$("$bin" psr standstill 2026-12-22)
check_has "Christmas 2026 and the new year" "$out" \
    "Last day of the standstill: 2027-01-06 (Wednesday)"
check_has "... Boxing Day's substitute" "$out" "2026-12-28  Monday    Boxing Day (substitute day)"
check_has "... New Year's Day" "$out" "2027-01-01  Friday    New Year's Day"
out=$("$bin" psr standstill 2026-12-14)
check_has "the next working day after a standstill ending on Christmas Eve" "$out" "is 2026-12-29."

out=$("$bin" psr standstill 2027-12-23)
check_has "Christmas 2027 at a weekend, into 2028" "$out" \
    "Last day of the standstill: 2028-01-07 (Friday)"
check_has "... a projected holiday says so" "$out" \
    "New Year's Day (substitute day) (projected: not yet announced on GOV.UK)"

out=$("$bin" psr standstill 2018-12-21)
check_has "Christmas 2018 (the first year listed)" "$out" \
    "Last day of the standstill: 2019-01-07 (Monday)"

check_exit "a date past the last listed year is refused, not guessed" 1 \
    "$bin" psr standstill 2030-12-24
check_has "... saying which year is missing" "$(cat "$tmp/err")" "no bank holidays are known for 2031"
check_exit "a bad date is a usage error" 2 "$bin" psr standstill 2026-02-30

# ---- the regime is data ------------------------------------------------
"$bin" psr regime --yaml >"$tmp/regime.yaml"
check_has "the built-in regime can be printed to edit" "$(cat "$tmp/regime.yaml")" \
    "https://www.gov.uk/bank-holidays"
printf '  - { date: 2031-01-01, title: "New Year'"'"'s Day", source: projected }\n' >>"$tmp/regime.yaml"
out=$("$bin" psr --regime "$tmp/regime.yaml" standstill 2030-12-24)
check_has "an extended file covers the next year" "$out" "Last day of the standstill: 2031-01-08 (Wednesday)"
out=$(CATCHMENT_PSR_REGIME="$tmp/regime.yaml" "$bin" psr standstill 2030-12-24)
check_has "... also through CATCHMENT_PSR_REGIME" "$out" "2031-01-01  Wednesday New Year's Day"
sed 's/working_days: 8/working_days: 10/' "$tmp/regime.yaml" >"$tmp/ten.yaml"
out=$("$bin" psr --regime "$tmp/ten.yaml" standstill 2026-03-02)
check_has "the standstill's length is an edit" "$out" "Last day of the standstill: 2026-03-16"
sed 's/2026-04-03, title: "Good Friday"/2026-04-31, title: "Good Friday"/' "$tmp/regime.yaml" >"$tmp/bad.yaml"
check_exit "a bad date in the regime is refused" 1 "$bin" psr --regime "$tmp/bad.yaml" standstill 2026-03-02
check_has "... at its line and column" "$(cat "$tmp/err")" "bad.yaml:"
check_has "... saying what is wrong" "$(cat "$tmp/err")" "date must be YYYY-MM-DD, not '2026-04-31'"
sed 's/must_answer: "no"/must_anser: "no"/' "$tmp/regime.yaml" >"$tmp/typo.yaml"
check_exit "an unknown key in the regime is refused" 1 "$bin" psr --regime "$tmp/typo.yaml" regime
check_has "... with a suggestion" "$(cat "$tmp/err")" "did you mean 'must_answer'"
awk '/2026-04-06/ && !done { print; print; done=1; next } { print }' "$tmp/regime.yaml" >"$tmp/dup.yaml"
check_exit "a holiday listed twice is refused" 1 "$bin" psr --regime "$tmp/dup.yaml" regime
out=$("$bin" psr regime)
check_has "psr regime lists the routes" "$out" "C     Direct award process C"
check_has "... the key criteria" "$out" "Improving access, reducing health inequalities and facilitating choice"
check_has "... and the holidays' span" "$out" "2018-01-01 to 2030-12-26"
: >"$tmp/empty.yaml"
check_exit "an empty regime file is refused (it crashed)" 1 "$bin" psr --regime "$tmp/empty.yaml" regime
check_has "... saying so" "$(cat "$tmp/err")" "empty.yaml:1: the regime is empty"
check_has "a holiday out of order is named at its own line" \
    "$("$bin" psr --regime "$tmp/dup.yaml" regime 2>&1)" "is not after"
printf 'routes: &a [*a]\n' >"$tmp/alias.yaml"
check_exit "anchors and aliases are refused" 1 "$bin" psr --regime "$tmp/alias.yaml" regime
