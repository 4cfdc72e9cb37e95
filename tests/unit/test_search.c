#include "tests/unit/t.h"
#include "engine/search.h"

#include <stdlib.h>

static const search_item items[] = {
    {"M86010", "TILE HILL HEALTH CENTRE", "CV4 9DR", "024 76466106", "COVENTRY"},
    {"M86627", "ALLESLEY PARK MEDICAL CENTRE", "CV5 9PB", "024 76679150", "COVENTRY"},
    {"M84001", "RED ROOFS SURGERY", "CV11 5TW", "024 76357100", "NUNEATON"},
    {"Y04952", "BROAD LANE SURGERY", "CV5 7AY", "024 76421111", "COVENTRY"},
    {"M84004", "CENTRAL SURGERY", "CV21 3AQ", "01788 574335", "RUGBY"},
};

static int top(search_index *ix, const char *q)
{
    int out[5];
    return search_query(ix, q, out, NULL, 5) > 0 ? out[0] : -1;
}

int main(void)
{
    search_index *ix = search_build(items, 5);
    int out[5], sc[5];
    CHECK_INT(top(ix, "M86627"), 1);
    CHECK_INT(top(ix, "m86627"), 1);
    CHECK_INT(top(ix, "tile hill"), 0);
    CHECK_INT(top(ix, "hill tile"), 0);           /* word order */
    CHECK_INT(top(ix, "alesley"), 1);             /* a letter missing */
    CHECK_INT(top(ix, "allelsey park"), 1);       /* transposed letters */
    CHECK_INT(top(ix, "broad lnae"), 3);
    CHECK_INT(top(ix, "CV11 5TW"), 2);            /* postcode */
    CHECK_INT(top(ix, "cv115tw"), 2);             /* postcode without a space */
    CHECK_INT(top(ix, "76357100"), 2);            /* phone */
    CHECK_INT(top(ix, "02476357100"), 2);         /* phone digits run together */
    CHECK_INT(top(ix, "rugby"), 4);               /* town */
    /* Numbers are never matched loosely: one phone, not every 024 number. */
    CHECK_INT(search_query(ix, "024 7635", out, NULL, 5), 1);
    CHECK_INT(search_query(ix, "zzzz", out, NULL, 5), 0);
    CHECK_INT(search_query(ix, "", out, NULL, 5), 0);
    /* Every word must match: "tile rugby" matches nothing. */
    CHECK_INT(search_query(ix, "tile rugby", out, NULL, 5), 0);
    /* Ranked: "coventry" matches three; an exact name word beats a prefix. */
    CHECK_INT(search_query(ix, "coventry", out, sc, 5), 3);
    CHECK_INT(search_query(ix, "surgery", out, sc, 5), 3);
    CHECK(sc[0] >= sc[1] && sc[1] >= sc[2]);
    /* max bounds the answer and keeps the best. */
    CHECK_INT(search_query(ix, "cent", out, sc, 1), 1);
    search_free(ix);

    /* Address lines, localities and other names are searched too; a hit
     * in the name ranks before one in the address. */
    static const char *const addr_a[5] = {"298 TILE HILL LANE", "", "", "COVENTRY", ""};
    static const char *const addr_b[5] = {"178 FOLESHILL ROAD", "", "", "COVENTRY", ""};
    static const char *const addr_c[5] = {"684 BROAD LANE", "TILE HILL", "", "COVENTRY", ""};
    static const char *const addr_d[5] = {"VALLEY ROAD", "", "", "LEAMINGTON SPA", ""};
    static const search_item more[] = {
        {"M86019", "WESTWOOD MEDICAL H/CENTRE", "CV4 9DR", "", "COVENTRY", addr_a, NULL},
        {"M86612", "GEORGE ELIOT MEDICAL CENTRE", "CV1 4JH", "", "COVENTRY", addr_b, NULL},
        {"M86004", "ALLESLEY PARK MEDICAL CTR", "CV5 9JE", "", "COVENTRY", NULL, NULL},
        {"Y04952", "BROAD LANE SURGERY", "CV5 7BB", "", "COVENTRY", addr_c, NULL},
        {"M84029", "VALLEY ROAD MEDICAL PRACTICE", "CV32 7RU", "", "LEAMINGTON SPA", addr_d,
         "CUBBINGTON RD SURGERY"},
        {"M86629", "TILE HILL SURGERY", "CV4 9PN", "", "COVENTRY", NULL, NULL},
    };
    ix = search_build(more, 6);
    CHECK_INT(top(ix, "foleshill"), 1);           /* an address line */
    CHECK_INT(top(ix, "cubbington"), 4);          /* a former name */
    CHECK_INT(top(ix, "tile hill"), 5);           /* the name before the address */
    CHECK_INT(search_query(ix, "tile hill", out, NULL, 5), 3);
    CHECK_INT(top(ix, "CV5 7"), 3);               /* the postcode's start first */
    CHECK_INT(top(ix, "cv5 9je"), 2);
    CHECK_INT(top(ix, "cv57bb"), 3);

    /* The index as bytes (kept in the store's snapshot) and read back in
     * place answers every query as the index built here does. */
    size_t n = search_export(ix, NULL, 0);
    long long *blob = calloc(n / 8 + 1, 8);
    CHECK_INT(search_export(ix, blob, n), n);
    search_index *back = search_import(blob, n);
    CHECK(back != NULL);
    static const char *const queries[] = {"foleshill", "cubbington", "tile hill", "CV5 7",
                                          "cv5 9je", "medical", "alesley park", "zzz"};
    for (size_t q = 0; back && q < sizeof queries / sizeof *queries; q++) {
        int o1[6], s1[6], o2[6], s2[6];
        int n1 = search_query(ix, queries[q], o1, s1, 6), n2 = search_query(back, queries[q], o2, s2, 6);
        T_REPORT(n1 == n2 && memcmp(o1, o2, (size_t)n1 * sizeof *o1) == 0 &&
                     memcmp(s1, s2, (size_t)n1 * sizeof *s1) == 0,
                 "query '%s' read back: %d hits as built, %d read back", queries[q], n1, n2);
    }
    /* Bytes that are not an index are refused, never read past. */
    CHECK(search_import(blob, n - 8) == NULL);
    CHECK(search_import(blob, 4) == NULL);
    search_free(back);
    free(blob);
    search_free(ix);
    T_DONE();
}
