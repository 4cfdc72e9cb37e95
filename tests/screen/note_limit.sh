# A note longer than a note may be (4,095 bytes) is refused with a
# message, never cut short and stored.
. "$(dirname "$0")/lib.sh"
make_store
cd "$tmp"
x1500=$(head -c 1500 /dev/zero | tr '\0' x)
{
    echo ':open M86605'
    echo 'a'
    echo "\"start-$x1500"
    echo "\"$x1500"
    echo "\"${x1500}-end"
    echo '<Enter>'
    echo ':save-display s1'
} | run_keys
check_has "the over-long note is refused, saying so" s1 "too long"
check_lacks "and nothing is on the card" s1 "start-xxx"
n=$("$bin" --store "$store" show M86605 --format json | jq '.notes | length')
if [ "$n" = 0 ]; then pass "no note is stored"; else fail "a note was stored, cut short"; fi
