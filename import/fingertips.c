/* OHID Fingertips indicator export (27 columns): one value per area,
 * indicator and period.  Practice rows (Area Type GP, older exports GPs)
 * are kept; England, PCN, sub-ICB and other areas are skipped. */
#include "import/kinds.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { F_ID, F_NAME, F_AREA, F_TYPE, F_CATTYPE, F_PERIOD, F_VALUE, F_N, F_DENOM, F_COUNT };

static const char *const spec[F_COUNT] = {
    "Indicator ID", "Indicator Name", "Area Code", "Area Type", "?Category Type",
    "Time period", "Value", "?Count", "?Denominator"};

static int detect(const csvr_row *row)
{
    bool ok = imp_find(row, "Indicator ID") >= 0 && imp_find(row, "Area Code") >= 0 &&
              imp_find(row, "Area Type") >= 0;
    return ok ? 95 : 0;
}

/* Counts and denominators: -1 when empty; some indicators give them
 * with decimals (weighted populations), rounded to whole numbers. */
static int whole(import_ctx *ic, const csvr_row *row, int i, long *out, err *e)
{
    double v;
    *out = -1;
    if (!*imp_str(ic, row, i))
        return 0;
    if (imp_double(ic, row, i, &v, e))
        return -1;
    if (v < 0 || v > 1e15)
        return imp_fail(ic, row, i, e, "%g is not a count", v);
    *out = lround(v);
    return 0;
}

static int fill(import_ctx *ic, const csvr_row *row, indicator *r, err *e)
{
    if (imp_long(ic, row, F_ID, &r->id, e))
        return -1;
    if (r->id < 0 || r->id > 0xFFFFFFFFL)
        return imp_fail(ic, row, F_ID, e, "%ld is not an indicator id", r->id);
    if (imp_code(ic, row, F_AREA, r->practice, e) ||
        imp_text(ic, row, F_NAME, r->name, sizeof r->name, e) ||
        imp_text(ic, row, F_PERIOD, r->period, sizeof r->period, e) ||
        whole(ic, row, F_N, &r->count, e) || whole(ic, row, F_DENOM, &r->denominator, e))
        return -1;
    if (!*r->period)
        return imp_fail(ic, row, F_PERIOD, e, "empty time period");
    r->value = NAN;
    return *imp_str(ic, row, F_VALUE) ? imp_double(ic, row, F_VALUE, &r->value, e) : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    const char *type = imp_str(ic, row, F_TYPE);
    indicator r;
    if (strcmp(type, "GP") != 0 && strcmp(type, "GPs") != 0) {
        imp_skip(ic, strcmp(type, "England") == 0 ? "England rows"
                                                  : "rows for other areas (PCN, ICB, ...)");
        return 0;
    }
    if (*imp_str(ic, row, F_CATTYPE)) {
        imp_skip(ic, "category breakdown rows");
        return 0;
    }
    char key[CODE_MAX + SHORT_MAX + 40];
    if (fill(ic, row, &r, e))
        return -1;
    imp_key(key, sizeof key, "%s indicator %ld for %s", r.practice, r.id, r.period);
    if (imp_once(ic, row, F_AREA, key, e) || imp_practice_ref(ic, r.practice, e) ||
        store_indicator_put(ic->s, &r, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_fingertips = {
    "fingertips", "OHID Fingertips indicator export (practice rows: Area Type GP)",
    detect, run};
