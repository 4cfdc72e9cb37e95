# What-if: e shows the equality impact pack (EHIA headings, against the
# ICB's registered patients) in place of the IMD table, e again goes back.
# The demo has no Census, so only Core20 (from the IMD) is assessed.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
run_keys <<'KEYS'
:open M86019
x
w
e
G
:save-display s1
e
G
:save-display s2
KEYS

check_has "e shows the pack with its baseline" s1 "Equality impact pack (EHIA) against ICB QWU"
check_has "... the baseline's size, date and that it is modelled" s1 \
    "ICB baseline: 1,119,429 patients by area, extract of 2026-04-01, MODELLED"
check_has "... Core20 from the IMD, against the ICB" s1 "Core20           13.3%   15.1%     621     621       0       0"
check_has "... groups without Census data say n/a, not 0" s1 "Disability           -     n/a       -       -       -       -"
check_has "... and why" s1 "n/a: no data for the areas (not assessed)"
check_has "e again: the IMD table" s2 "Equality, IMD 2019 (km: mean before, after; beyond reasonable)"

# The pack's counts are written as every other count on the screen is
# (1,136, not 1136), so they read aloud the same as the IMD table's.
run_keys <<'KEYS'
:open M86019
x
:open M86605
x
w
e
G
:save-display t1
KEYS
check_has "thousands separated in the pack" t1 "Core20           13.3%   15.9%   1,136   1,136       0       0"
