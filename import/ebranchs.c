/* ODS branch surgeries, ebranchs.csv: no header, 27 quoted columns in the
 * ODS site layout (code, name, grouping, geography, five address lines,
 * postcode, open and close dates, null, sub-type, the parent practice,
 * join and leave dates, telephone, ...).  A branch is kept when its
 * practice is in the store. */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <ctype.h>
#include <string.h>

#include "util/text.h"

enum { F_CODE, F_NAME, F_REGION, F_ICB, F_ADDR1, F_ADDR2, F_ADDR3, F_ADDR4, F_ADDR5,
       F_POSTCODE, F_OPEN, F_CLOSE, F_N13, F_SUBTYPE, F_PARENT, F_JOIN, F_LEFT, F_PHONE,
       F_COUNT = 27 };

static const char *const names[F_COUNT] = {
    "organisation code", "name", "national grouping", "high level health geography",
    "address line 1", "address line 2", "address line 3", "address line 4", "address line 5",
    "postcode", "open date", "close date", "column 13", "organisation sub-type",
    "parent practice", "join parent date", "left parent date", "telephone", "column 19",
    "column 20", "column 21", "amended record indicator", "column 23", "column 24",
    "column 25", "column 26", "column 27"};

/* A practice code: a letter and five digits. */
static bool practice_like(const char *s)
{
    if (strlen(s) != 6 || !isalpha((unsigned char)s[0]))
        return false;
    for (int i = 1; i < 6; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Surer than epraccur (which has a status in column 13): column 13 is
 * empty and column 15 names a practice. */
static int detect(const csvr_row *row)
{
    return row->n == F_COUNT && !*row->f[F_N13] && practice_like(row->f[F_PARENT]) ? 97 : 0;
}

static int fill(import_ctx *ic, const csvr_row *row, branch_rec *b, err *e)
{
    memset(b, 0, sizeof *b);
    if (imp_code(ic, row, F_CODE, b->code, e) || imp_code(ic, row, F_PARENT, b->practice, e) ||
        imp_text(ic, row, F_NAME, b->name, sizeof b->name, e) ||
        imp_date(ic, row, F_OPEN, &b->open_date, e) || imp_date(ic, row, F_CLOSE, &b->close_date, e))
        return -1;
    for (int a = F_ADDR5; a >= F_ADDR1 && !*b->town; a--)
        if (*imp_str(ic, row, a) && imp_text(ic, row, a, b->town, sizeof b->town, e))
            return -1;
    return *imp_str(ic, row, F_POSTCODE) ? imp_postcode(ic, row, F_POSTCODE, b->postcode, e) : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    branch_rec b;
    if (imp_need_fields(ic, row, F_COUNT, e) || fill(ic, row, &b, e))
        return -1;
    int known = ev_known_practice(ic, b.practice, e);
    if (known <= 0)
        return known;
    if (store_branch_put(ic->s, &b, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    imp_fixed(ic, names, F_COUNT);
    return imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_ebranchs = {
    "ebranchs", "ODS branch surgeries, ebranchs.csv (branch sites of each practice)", detect,
    run};
