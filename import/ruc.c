/* ONS rural-urban classification of LSOAs: 2021 (`LSOA21CD`, `RUC21CD`,
 * `RUC21NM`, e.g. "Larger rural: Further from a major town or city") and
 * 2011 (`LSOA11CD`, `RUC11CD`, `RUC11`, e.g. "Rural village").  Each LSOA
 * is rural (1) or urban (0), with its class kept as text. */
#include "import/kinds.h"

#include <strings.h>

#include "util/text.h"

enum { F_CODE, F_CLASS, F_COUNT };

static const char *const spec[F_COUNT] = {"LSOA21CD|LSOA11CD", "RUC21NM|RUC11"};

static int detect(const csvr_row *row)
{
    bool code = imp_find(row, "LSOA21CD") >= 0 || imp_find(row, "LSOA11CD") >= 0;
    bool ruc = imp_find(row, "RUC21NM") >= 0 || imp_find(row, "RUC11") >= 0;
    return code && ruc ? 95 : 0;
}

/* Does the class name say rural?  Both editions start urban classes
 * with "Urban" and rural ones with "Rural", "Larger rural" or "Smaller
 * rural". */
static int rural(const char *name)
{
    if (strncasecmp(name, "Urban", 5) == 0)
        return 0;
    for (const char *p = name; *p; p++)
        if (strncasecmp(p, "rural", 5) == 0)
            return 1;
    return -1;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    char code[LSOA_MAX];
    evidence r;
    if (imp_lsoa_code(ic, row, F_CODE, code, e))
        return -1;
    const char *name = imp_str(ic, row, F_CLASS);
    int rur = rural(name);
    if (rur < 0)
        return imp_fail(ic, row, F_CLASS, e, "not a rural-urban class (Urban ..., Rural ...)");
    bool y2021 = ic->colname[F_CODE][5] == '2';
    evidence_init(&r, code, "ruc.rural", y2021 ? 20210321 : 20110327);
    r.value = rur;
    r.base = 1;
    if (imp_text(ic, row, F_CLASS, r.text, sizeof r.text, e))
        return -1;
    text_copy(r.source, sizeof r.source, "ruc");
    text_copy(r.period, sizeof r.period, y2021 ? "RUC 2021" : "RUC 2011");
    if (store_area_fact_put(ic->s, &r, e))
        return -1;
    ic->prov->extract_date = r.date;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_ruc = {
    "ruc", "ONS rural-urban classification of LSOAs (2021 or 2011)", detect, run};
