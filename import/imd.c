/* English Indices of Deprivation by LSOA: the IMD decile (1 = the most
 * deprived tenth) and, when the file has it, the income decile.  Takes
 * the official File 1 / File 2 / File 7 column names and the short names
 * of the bundled extract.  Each edition is kept apart (2019 on 2011
 * LSOAs, 2025 on 2021 LSOAs: an unchanged code is in both), merged into
 * the LSOA record, keeping its centroid. */
#include "import/kinds.h"

#include <string.h>
#include <strings.h>

enum { F_CODE, F_NAME, F_DISTRICT, F_IMD, F_INCOME, F_COUNT };

static const char *const spec[F_COUNT] = {
    "LSOA_CODE|LSOA code*|LSOA11CD|LSOA21CD", "?LSOA_NAME|LSOA name*|LSOA11NM|LSOA21NM",
    "?LAD_NAME|Local Authority District name*",
    "IMD_OVERALL|IMD_DECILE|Index of Multiple Deprivation (IMD) Decile*",
    "?IMD_INCOME|INCOME_DECILE|Income Decile*"};

/* A header holding an LSOA code column and an IMD decile column. */
static int detect(const csvr_row *row)
{
    bool code = false, imd = false;
    for (int c = 0; c < row->n; c++) {
        const char *h = row->f[c];
        code |= strcasecmp(h, "LSOA_CODE") == 0 || strncasecmp(h, "LSOA code", 9) == 0;
        imd |= strcasecmp(h, "IMD_OVERALL") == 0 || strcasecmp(h, "IMD_DECILE") == 0 ||
               strncasecmp(h, "Index of Multiple Deprivation (IMD) Decile", 42) == 0;
    }
    return code && imd ? 95 : 0;
}

static int decile(import_ctx *ic, const csvr_row *row, int i, int *out, err *e)
{
    long d;
    if (imp_long(ic, row, i, &d, e))
        return -1;
    if (d < 1 || d > 10)
        return imp_fail(ic, row, i, e, "decile %ld is not 1..10", d);
    *out = (int)d;
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    int ed = *(const int *)ctx;
    char code[LSOA_MAX];
    lsoa_rec l;
    if (imp_lsoa_code(ic, row, F_CODE, code, e) ||
        imp_lsoa(ic, code, &l, e) || decile(ic, row, F_IMD, &l.imd[ed], e))
        return -1;
    if (ic->col[F_INCOME] >= 0 && decile(ic, row, F_INCOME, &l.income[ed], e))
        return -1;
    l.vintages |= ed == IMD_2025 ? LSOA_2021 : LSOA_2011;
    if (*imp_str(ic, row, F_NAME) && imp_text(ic, row, F_NAME, l.name, sizeof l.name, e))
        return -1;
    if (*imp_str(ic, row, F_DISTRICT) &&
        imp_text(ic, row, F_DISTRICT, l.district, sizeof l.district, e))
        return -1;
    if (store_lsoa_put(ic->s, &l, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run_edition(import_ctx *ic, int edition, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, &edition, e);
}

static int run_2019(import_ctx *ic, err *e) { return run_edition(ic, IMD_2019, e); }
static int run_2025(import_ctx *ic, err *e) { return run_edition(ic, IMD_2025, e); }

/* The 2025 edition is keyed by 2021 LSOAs ("LSOA code (2021)"); the 2019
 * edition by 2011 LSOAs: the code column tells them apart. */
static bool keyed_2021(const csvr_row *row)
{
    return imp_find(row, "LSOA code (2021)") >= 0 || imp_find(row, "LSOA21CD") >= 0;
}

static int detect_2019(const csvr_row *row) { return keyed_2021(row) ? 0 : detect(row); }
static int detect_2025(const csvr_row *row) { return keyed_2021(row) ? detect(row) : 0; }

const import_kind kind_imd = {
    "imd", "English Indices of Deprivation 2019 by 2011 LSOA (IMD decile, income decile)",
    detect_2019, run_2019};
const import_kind kind_imd2025 = {
    "imd2025", "English Indices of Deprivation 2025, File 7, by 2021 LSOA (\"LSOA code (2021)\")",
    detect_2025, run_2025};
