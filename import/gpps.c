/* GP Patient Survey, practice results, weighted (annual, July).  Two
 * eras: 2017-2023 files name questions (`Practice_Code`, `Q28_12pct`:
 * a fraction, negative when suppressed); from 2024 measures
 * (`ad_practicecode`, `overallexp.pcteval`, `gpcontactoverall.pcteval`;
 * -97 when suppressed).  The survey year is in the file's name
 * ("GPPS_2023_Practice_data_(weighted)_(csv)_PUBLIC.csv"). */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <stdio.h>

/* Overall experience good: Q28 in the 2018-2021 question set; ease of
 * contact and continuity are named only from 2024. */
static const ev_column cols[] = {
    {"?overallexp.pcteval|Q28_12pct", "gpps.overall", EV_PERCENT, 0},
    {"?gpcontactoverall.pcteval", "gpps.contact", EV_PERCENT, 0},
    {"?continuityofcare.pcteval|preferredhcp.pcteval", "gpps.continuity", EV_PERCENT, 0},
};

static int when(import_ctx *ic, const csvr_row *row, const char *col, long *date,
                char *period, size_t psz, err *e)
{
    (void)col;
    int y = ev_year_in_name(csvr_name(ic->r));
    if (!y)
        return err_at(e, csvr_name(ic->r), row->line, 0,
                      "no survey year in the file's name (keep the published name, "
                      "e.g. GPPS_2023_Practice_data_(weighted)_(csv)_PUBLIC.csv)");
    *date = (long)y * 10000 + 701;
    snprintf(period, psz, "%d survey", y);
    return 0;
}

static const ev_wide wide = {"gpps", "ad_practicecode|Practice_Code", NULL, when, cols,
                             (int)(sizeof cols / sizeof *cols)};

static int detect(const csvr_row *row)
{
    bool code = imp_find(row, "ad_practicecode") >= 0 || imp_find(row, "Practice_Code") >= 0;
    return code && ev_wide_count(&wide, row) >= 1 ? 90 : 0;
}

static int run(import_ctx *ic, err *e) { return ev_wide_run(ic, &wide, e); }

const import_kind kind_gpps = {
    "gpps", "GP Patient Survey practice results, weighted (2017-2023 and 2024 on; annual)",
    detect, run};
