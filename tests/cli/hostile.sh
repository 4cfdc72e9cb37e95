#!/bin/sh
# The hostile input corpus (tests/hostile/: CSV and YAML that are broken,
# binary, badly encoded, out of range, or carry terminal escapes), plus
# huge inputs made here rather than kept in git.  Each must be refused
# with "FILE:LINE:" and a non-zero exit, nothing echoed to stdout or
# stderr may hold a raw control byte (C0 but tab and newlines, DEL, C1 as
# UTF-8 or raw) or invalid UTF-8, and the store's content must not change.
# Each must be refused within 60 s, even under the sanitizers.
# tests/cli/import_bad.sh has the per-importer matrix; this is the rest.
. "$(dirname "$0")/lib.sh"

corpus=$top/tests/hostile
S=$tmp/store
imp=$top/tests/data/import
"$bin" --store "$S" import --quiet "$imp/epraccur-coventry-warwickshire-2026.csv" \
    "$imp/gp-reg-pat-prac-all-2026-04-coventry-warwickshire.csv" \
    "$imp/onspd-2023-11-practice-postcodes.csv" || fail "seeding the store"
dump() { mdb_dump -a "$S" | sha256sum; }
base=$(dump)

# Made here: too big for git.
big=$tmp/big
mkdir -p "$big"
lh='PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS'
row='GP_PRAC_PAT_LIST,2026-04-01,GP,B2M3M,E38000251,M84001,CV11 5TW,ALL,ALL,13265'
{ echo "$lh"; head -c 16777216 /dev/zero | tr '\0' A; } >"$big/line-16mb-no-newline.csv"
{ echo "$lh"; echo "$row"; head -c 200000 /dev/zero | tr '\0' ,; echo; } >"$big/row-200000-fields.csv"
{ head -c 300000 /dev/zero | tr '\0' ,; echo; echo "$row"; } >"$big/header-300000-fields.csv"
{ echo "$lh"; printf 'GP_PRAC_PAT_LIST,2026-04-01,GP,B2M3M,E38000251,M84001,"'
  head -c 8388608 /dev/zero | tr '\0' '\n'; printf '",ALL,ALL,1\n'; } >"$big/quoted-8mb-of-newlines.csv"
{ echo "$lh"; i=0; while [ $i -lt 2000 ]; do echo "$row"; i=$((i + 1)); done
  printf 'GP_PRAC_PAT_LIST,2026-04-01,GP,B2M3M,E38000251,M84002,"B80\033[2J 7QU",ALL,ALL,1\n'; } \
    >"$big/escape-on-row-2002.csv"
head -c 100000 /dev/zero | tr '\0' '[' >"$big/flow-nesting-100000.yaml"
# Just under the 1 MiB a config may have, so the parser meets them ...
awk 'BEGIN { s = ""; for (i = 0; i < 1300; i++) { printf "%sk:\n", s; s = s " " } }' \
    >"$big/block-nesting-1300.yaml"
{ printf 'scenarios:\n  - name: x\n    close: [M84001]\n    description: "'
  head -c 1000000 /dev/zero | tr '\0' x; printf '"\n'; } >"$big/scalar-1000000.yaml"
{ printf 'rules:\n  '; head -c 1000000 /dev/zero | tr '\0' k; printf ': 1\n'; } >"$big/key-1000000.yaml"
# ... and over it.
{ printf 'rules:\n  max_distance_km: 8\n#'; head -c 8388608 /dev/zero | tr '\0' x; echo; } \
    >"$big/comment-8mb.yaml"
awk 'BEGIN { print "scenarios:"; for (i = 0; i < 20000; i++) printf "  - name: s%d\n    close: [M84001]\n", i;
             print "rules: {max_distance_km: 800}" }' >"$big/scenarios-20000-then-bad.yaml"

# Nothing a terminal would act on, and valid UTF-8.
clean() {
    perl -0777 -ne 'utf8::decode($_) or exit 1;
        exit 1 if /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/' "$@"
}

tried=0 bad=0
# refuse FILE LINE-PATTERN COMMAND...: the command must be refused.
refuse() {
    f=$1 pat=$2
    shift 2
    tried=$((tried + 1))
    timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    why=
    [ "$rc" -ne 0 ] || why="$why exit status 0;"
    [ "$rc" -ne 124 ] || why="$why still running after 60 s;"
    [ "$rc" -lt 128 ] || why="$why killed by signal $((rc - 128));"
    grep -qaE "^(catchment: )?$f:$pat" "$tmp/err" || why="$why no FILE:LINE: on stderr;"
    clean "$tmp/out" "$tmp/err" || why="$why a raw control byte or invalid UTF-8 echoed;"
    now=$(dump)
    if [ "$now" != "$base" ]; then
        why="$why the store changed;"
        base=$now
    fi
    name=${f#"$top/"}
    name=${name#"$tmp/"}
    if [ -z "$why" ]; then
        pass "$name refused ($(head -c 120 "$tmp/err" | tr '\n' ' '))"
    else
        bad=$((bad + 1))
        fail "$name:$why"
        cat -v "$tmp/err" | head -3 | cut -c1-200 | sed 's/^/    /'
    fi
}

for f in "$corpus"/csv/*.csv "$big"/*.csv; do
    refuse "$f" '[0-9]+:' "$bin" --store "$S" import "$f"
done
for f in "$corpus"/yaml/*.yaml "$big"/*.yaml; do
    refuse "$f" '[0-9]+:' "$bin" --store "$S" config check "$f"
    refuse "$f" '[0-9]+:' "$bin" --store "$S" --config "$f" scenario list
done

if [ "$bad" -eq 0 ]; then
    pass "$tried hostile inputs tried ($(ls "$corpus"/csv | wc -l) CSV and $(ls "$corpus"/yaml | wc -l) YAML files in the corpus, $(ls "$big" | wc -l) huge ones made here): every one refused with FILE:LINE:, no control byte echoed, the store unchanged"
fi
check_eq "the store's records are as before the corpus" "$(mdb_dump -a "$S" | sha256sum)" "$base"
