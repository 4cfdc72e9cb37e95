#!/bin/sh
# Builds a MODELLED stand-in for NHS Digital's practice-by-LSOA file
# (gp-reg-pat-prac-lsoa-all.csv) from list sizes, practice postcodes and
# LSOA centroids, in the published column layout with PUBLICATION
# MODELLED_GRAVITY so the importer can label it as modelled.
#
#   scripts/model-lsoa.sh LISTFILE ONSPDFILE CENTROIDS EPRACCUR > out.csv
#
# LISTFILE   gp-reg-pat-prac-all.csv (either header generation)
# ONSPDFILE  ONS Postcode Directory extract with pcds, lat, long columns
# CENTROIDS  LSOA population-weighted centroids: LSOA11CD/LSOA21CD, X, Y
# EPRACCUR   ODS register (practice names, column 2)
#
# The model is described in docs/data-guide-modelled-lsoa.md. The decay
# distance and cut-off can be changed with MODEL_LSOA_LAMBDA_KM and
# MODEL_LSOA_RADIUS_KM (defaults 1.5 and 10). POSIX sh and awk (mawk).
set -eu

if [ $# -ne 4 ]; then
    echo "usage: model-lsoa.sh LISTFILE ONSPDFILE CENTROIDS EPRACCUR > out.csv" >&2
    exit 2
fi
for f in "$@"; do
    if [ ! -r "$f" ]; then
        echo "model-lsoa: cannot read $f" >&2
        exit 1
    fi
done

lambda=${MODEL_LSOA_LAMBDA_KM:-1.5}
radius=${MODEL_LSOA_RADIUS_KM:-10}

# shellcheck disable=SC2016 # the program is awk, not shell
prog='
BEGIN {
    FS = ","
    EARTH_KM = 6371.0088
    RAD = atan2(0, -1) / 180
    NOGRID = 99.999999
}
FNR == 1 { file++ }
{ sub(/\r$/, "") }

# ---- inputs

file == 1 { read_list(); next }
file == 2 { read_onspd(); next }
file == 3 { read_centroids(); next }
file == 4 { read_epraccur(); next }

function column(name,    i, h) { # header position of name, or 0
    for (i = 1; i <= NF; i++) {
        h = tolower($i)
        gsub(/^"|"$/, "", h)
        if (h == name)
            return i
    }
    return 0
}

function prefix_column(re,    i, h) { # first header matching re, or 0
    for (i = 1; i <= NF; i++) {
        h = tolower($i)
        gsub(/^"|"$/, "", h)
        if (h ~ re)
            return i
    }
    return 0
}

function unquote(s) {
    gsub(/^"|"$/, "", s)
    return s
}

function norm_postcode(s) { # upper case, one space before the inward code
    s = toupper(unquote(s))
    gsub(/ /, "", s)
    if (length(s) < 5)
        return s
    return substr(s, 1, length(s) - 3) " " substr(s, length(s) - 2)
}

function need(col, what) {
    if (!col) {
        printf "model-lsoa: %s: no %s column\n", FILENAME, what > "/dev/stderr"
        bad_input = 1
        exit 1
    }
}

function read_list(    code) {
    if (FNR == 1) {
        l_code = column("code"); l_pc = column("postcode")
        l_n = column("number_of_patients"); l_date = column("extract_date")
        l_type = column("type")
        need(l_code, "CODE"); need(l_pc, "POSTCODE")
        need(l_n, "NUMBER_OF_PATIENTS"); need(l_date, "EXTRACT_DATE")
        return
    }
    if (l_type && unquote($l_type) != "GP")
        return
    code = unquote($l_code)
    if (!(code in list))
        nprac++
    list[code] = unquote($l_n) + 0
    prac_pc[code] = norm_postcode($l_pc)
    extract_date = unquote($l_date)
}

function read_onspd(    pc, sec, la, lo) {
    if (FNR == 1) {
        o_pc = column("pcds"); o_lat = column("lat"); o_lon = column("long")
        need(o_pc, "pcds"); need(o_lat, "lat"); need(o_lon, "long")
        return
    }
    la = unquote($o_lat) + 0
    lo = unquote($o_lon) + 0
    if (la == NOGRID || $o_lat == "")
        return
    pc = norm_postcode($o_pc)
    pc_lat[pc] = la
    pc_lon[pc] = lo
    sec = substr(pc, 1, length(pc) - 2)
    sec_lat[sec] += la
    sec_lon[sec] += lo
    sec_n[sec]++
}

function read_centroids() {
    if (FNR == 1) {
        c_code = prefix_column("^lsoa[0-9][0-9]cd$")
        c_lat = column("lat"); c_lon = column("long")
        if (!c_lat) { c_lat = column("y"); c_lon = column("x") }
        need(c_code, "LSOA11CD/LSOA21CD"); need(c_lat, "Y or lat"); need(c_lon, "X or long")
        return
    }
    nlsoa++
    lsoa[nlsoa] = unquote($c_code)
    lsoa_lat[nlsoa] = unquote($c_lat) + 0
    lsoa_lon[nlsoa] = unquote($c_lon) + 0
}

function read_epraccur(    line, f, name) {
    line = $0
    sub(/^"/, "", line)
    sub(/"$/, "", line)
    split(line, f, /","/)
    name = f[2]
    gsub(/""/, "\"", name)
    prac_name[f[1]] = name
}

# ---- sorting (quicksort on an index array; less() picks the order)

function less(a, b) {
    if (sort_mode == "code")
        return key[a] < key[b]
    if (rem[a] != rem[b]) # largest remainder first, then LSOA code order
        return rem[a] > rem[b]
    return a < b
}

function qsort(A, lo, hi,    i, last, t) {
    if (lo >= hi)
        return
    t = A[lo]; A[lo] = A[int((lo + hi) / 2)]; A[int((lo + hi) / 2)] = t
    last = lo
    for (i = lo + 1; i <= hi; i++)
        if (less(A[i], A[lo])) {
            last++
            t = A[last]; A[last] = A[i]; A[i] = t
        }
    t = A[lo]; A[lo] = A[last]; A[last] = t
    qsort(A, lo, last - 1)
    qsort(A, last + 1, hi)
}

# ---- the model

function haversine(la1, lo1, la2, lo2,    dla, dlo, h) {
    dla = (la2 - la1) * RAD
    dlo = (lo2 - lo1) * RAD
    h = sin(dla / 2) ^ 2 + cos(la1 * RAD) * cos(la2 * RAD) * sin(dlo / 2) ^ 2
    return 2 * EARTH_KM * atan2(sqrt(h), sqrt(1 - h))
}

# A practice sits at its postcode; failing that, at the mean of the
# postcode file entries in the same postcode sector.
function locate(code,    pc, sec) {
    pc = prac_pc[code]
    if (pc in pc_lat) {
        p_lat[code] = pc_lat[pc]; p_lon[code] = pc_lon[pc]
        return 1
    }
    sec = substr(pc, 1, length(pc) - 2)
    if (sec in sec_n) {
        p_lat[code] = sec_lat[sec] / sec_n[sec]; p_lon[code] = sec_lon[sec] / sec_n[sec]
        printf "model-lsoa: %s: postcode %s not found, using sector %s\n", code, pc, sec > "/dev/stderr"
        return 1
    }
    printf "model-lsoa: %s: postcode %s not found, practice left out\n", code, pc > "/dev/stderr"
    return 0
}

# Decay weights f(p, l) = exp(-d / lambda) within the radius; a practice
# with no LSOA in range gives its nearest LSOA weight 1 alone.
function decay(code,    l, d, best, bestd, any) {
    any = 0
    bestd = -1
    for (l = 1; l <= nlsoa; l++) {
        d = haversine(p_lat[code], p_lon[code], lsoa_lat[l], lsoa_lon[l])
        if (bestd < 0 || d < bestd) { bestd = d; best = l }
        if (d <= radius) {
            wt[code, l] = exp(-d / lambda)
            pressure[l] += list[code] * wt[code, l]
            any = 1
        }
    }
    if (!any) {
        wt[code, best] = 1
        pressure[best] += list[code]
        alone[code] = 1
    }
}

# Whole patients by largest remainder: the rows sum exactly to the list.
function apportion(code,    l, tot, n, given, i, exact, idx) {
    tot = 0
    for (l = 1; l <= nlsoa; l++)
        if ((code, l) in wt)
            tot += share[l] = wt[code, l] / pressure[l]
    n = 0
    given = 0
    for (l = 1; l <= nlsoa; l++) {
        cnt[l] = 0
        if (!((code, l) in wt))
            continue
        exact = list[code] * share[l] / tot
        cnt[l] = int(exact)
        rem[l] = exact - cnt[l]
        given += cnt[l]
        idx[++n] = l
    }
    sort_mode = "rem"
    qsort(idx, 1, n)
    for (i = 1; given < list[code]; i = i % n + 1) {
        cnt[idx[i]]++
        given++
    }
}

function csv_field(s) {
    if (s ~ /[",]/) {
        gsub(/"/, "\"\"", s)
        return "\"" s "\""
    }
    return s
}

function emit(code,    i, l, name) {
    name = csv_field(prac_name[code])
    for (i = 1; i <= nlsoa; i++) {
        l = lorder[i]
        if (cnt[l] > 0)
            printf "MODELLED_GRAVITY,%s,%s,%s,%s,ALL,%d\r\n", extract_date, code, name, lsoa[l], cnt[l]
    }
}

END {
    if (bad_input)
        exit 1
    if (!nlsoa || !nprac) {
        print "model-lsoa: no LSOAs or no practices read" > "/dev/stderr"
        exit 1
    }
    # LSOA indices renumbered so that index order is code order
    for (l = 1; l <= nlsoa; l++) { lorder[l] = l; key[l] = lsoa[l] }
    sort_mode = "code"
    qsort(lorder, 1, nlsoa)
    for (i = 1; i <= nlsoa; i++) {
        c2[i] = lsoa[lorder[i]]; a2[i] = lsoa_lat[lorder[i]]; o2[i] = lsoa_lon[lorder[i]]
    }
    for (i = 1; i <= nlsoa; i++) {
        lsoa[i] = c2[i]; lsoa_lat[i] = a2[i]; lsoa_lon[i] = o2[i]; lorder[i] = i
    }
    n = 0
    for (code in list) { n++; porder[n] = n; key[n] = code }
    qsort(porder, 1, n)
    for (i = 1; i <= n; i++)
        pcode[i] = key[porder[i]]
    for (i = 1; i <= n; i++)
        if (locate(pcode[i]))
            decay(pcode[i])
        else
            skip[pcode[i]] = 1
    print "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\r"
    for (i = 1; i <= n; i++) {
        code = pcode[i]
        if (code in skip)
            continue
        if (!(code in prac_name))
            printf "model-lsoa: %s: not in the practice register, name left blank\n", code > "/dev/stderr"
        if (code in alone)
            printf "model-lsoa: %s: no LSOA within %s km, nearest takes all\n", code, radius > "/dev/stderr"
        apportion(code)
        emit(code)
    }
}
'
exec awk -v lambda="$lambda" -v radius="$radius" "$prog" "$@"
