/* ODS successor organisations, succ.csv: no header; the old code, the
 * code that took it over, the reason, the effective date (YYYYMMDD), and
 * in some releases an indicator column, which is not used.  The back-test
 * reads it to tell a merger or transfer of a list from a dispersal. */
#include "import/kinds.h"

#include <ctype.h>
#include <string.h>

#include "util/text.h"

enum { F_OLD, F_NEW, F_REASON, F_DATE, F_INDICATOR, F_COUNT };

static const char *const names[F_COUNT] = {
    "organisation code", "successor organisation code", "reason", "effective date",
    "indicator"};

static bool code_like(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 10)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s))
            return false;
    return true;
}

static bool date_like(const char *s)
{
    return strlen(s) == 8 && text_date(s) > 0;
}

static int detect(const csvr_row *row)
{
    if (row->n < 4 || row->n > F_COUNT)
        return 0;
    return code_like(row->f[F_OLD]) && code_like(row->f[F_NEW]) && date_like(row->f[F_DATE])
               ? 90 : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    successor r;
    (void)ctx;
    memset(&r, 0, sizeof r);
    if (row->n < 4 || row->n > F_COUNT)
        return imp_need_fields(ic, row, 4, e);
    if (imp_code(ic, row, F_OLD, r.old_code, e) || imp_code(ic, row, F_NEW, r.new_code, e) ||
        imp_text(ic, row, F_REASON, r.reason, sizeof r.reason, e) ||
        imp_date(ic, row, F_DATE, &r.date, e))
        return -1;
    if (r.date == 0)
        return imp_fail(ic, row, F_DATE, e, "the effective date is missing");
    if (strcmp(r.old_code, r.new_code) == 0)
        return imp_fail(ic, row, F_NEW, e, "%s cannot succeed itself", r.old_code);
    if (store_successor_put(ic->s, &r, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    imp_fixed(ic, names, F_INDICATOR); /* the indicator is optional and unused */
    return imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_succ = {
    "succ", "ODS successor organisations succ.csv: old code, new code, reason, date",
    detect, run};
