/* The ONS LSOA (2011) to LSOA (2021) lookup: LSOA11CD, LSOA11NM, LSOA21CD,
 * LSOA21NM, CHGIND (U unchanged, S split, M merged, X complex), then local
 * authority columns whose year suffixes change between releases.  Each
 * row links a 2011 code and a 2021 code, so an area figure published on
 * one vintage can be joined to a code of the other. */
#include "import/kinds.h"

#include <string.h>

#include "util/text.h"

enum { F_CODE11, F_CODE21, F_CHANGE, F_COUNT };

static const char *const spec[F_COUNT] = {"LSOA11CD", "LSOA21CD", "CHGIND"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "LSOA11CD") >= 0 && imp_find(row, "LSOA21CD") >= 0 &&
                   imp_find(row, "CHGIND") >= 0
               ? 98
               : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    lsoa_link l;
    const char *chg = imp_str(ic, row, F_CHANGE);
    if (imp_lsoa_code(ic, row, F_CODE11, l.lsoa11, e) ||
        imp_lsoa_code(ic, row, F_CODE21, l.lsoa21, e))
        return -1;
    if (strlen(chg) != 1 || !strchr("USMX", chg[0])) {
        char shown[40];
        text_escape(chg, shown, sizeof shown);
        return imp_fail(ic, row, F_CHANGE, e, "CHGIND '%s' is not U, S, M or X", shown);
    }
    if (chg[0] == 'U' && strcmp(l.lsoa11, l.lsoa21) != 0)
        return imp_fail(ic, row, F_CHANGE, e, "U (unchanged) but the codes differ: %s, %s",
                        l.lsoa11, l.lsoa21);
    l.change = chg[0];
    if (store_lsoa_link_put(ic->s, &l, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_lsoa_lookup = {
    "lsoa-lookup", "ONS LSOA (2011) to LSOA (2021) lookup (LSOA11CD, LSOA21CD, CHGIND)", detect,
    run};
