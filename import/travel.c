/* A travel-time matrix (docs/data-guide.md), from OSRM, r5r, TRACC or
 * similar: from,to,minutes[,km] where from is an LSOA code or a postcode
 * and to is a practice code.  Used when rules.travel says so. */
#include "import/kinds.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "util/text.h"

enum { F_FROM, F_TO, F_MINUTES, F_KM, F_COUNT };

static const char *const spec[F_COUNT] = {
    "from|origin", "to|destination|practice_code", "minutes|travel_minutes|duration_min",
    "?km|distance_km|road_km"};

static int detect(const csvr_row *row)
{
    bool from = imp_find(row, "from") >= 0 || imp_find(row, "origin") >= 0;
    bool to = imp_find(row, "to") >= 0 || imp_find(row, "destination") >= 0;
    bool minutes = imp_find(row, "minutes") >= 0 || imp_find(row, "travel_minutes") >= 0;
    return from && to && minutes ? 90 : 0;
}

/* An LSOA code (a letter and eight digits) as it is; else a postcode. */
static int place(import_ctx *ic, const csvr_row *row, char *out, err *e)
{
    const char *v = imp_str(ic, row, F_FROM);
    bool lsoa = strlen(v) == 9 && isalpha((unsigned char)v[0]);
    for (int i = 1; lsoa && i < 9; i++)
        lsoa = isdigit((unsigned char)v[i]);
    if (lsoa) {
        memcpy(out, v, 10);
        text_upper(out);
        return 0;
    }
    return imp_postcode(ic, row, F_FROM, out, e);
}

static int fill(import_ctx *ic, const csvr_row *row, travel_rec *t, err *e)
{
    memset(t, 0, sizeof *t);
    t->km = NAN;
    if (place(ic, row, t->from, e) || imp_code(ic, row, F_TO, t->to, e) ||
        imp_double(ic, row, F_MINUTES, &t->minutes, e))
        return -1;
    if (t->minutes < 0 || t->minutes > 1440)
        return imp_fail(ic, row, F_MINUTES, e, "minutes must be from 0 to 1440");
    if (*imp_str(ic, row, F_KM)) {
        if (imp_double(ic, row, F_KM, &t->km, e))
            return -1;
        if (t->km < 0 || t->km > 2000)
            return imp_fail(ic, row, F_KM, e, "km must be from 0 to 2000");
    }
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    travel_rec t;
    (void)ctx;
    if (fill(ic, row, &t, e) || store_travel_put(ic->s, &t, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_travel = {
    "travel-time", "a travel-time matrix: from (LSOA or postcode), to (practice), minutes, km",
    detect, run};
