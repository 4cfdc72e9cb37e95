#include "tests/unit/t.h"
#include "engine/search.h"

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
    T_DONE();
}
