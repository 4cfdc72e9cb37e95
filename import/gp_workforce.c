/* NHS England "General Practice Workforce", practice level, detailed
 * (monthly; hundreds of columns, of which these): PRAC_CODE, TOTAL_PATIENTS,
 * TOTAL_GP_FTE, TOTAL_GP_EXTGL_FTE (2015-18 files: TOTAL_GP_EXRRL_FTE),
 * TOTAL_NURSES_FTE (older: TOTAL_NURSE_FTE), TOTAL_DPC_FTE, TOTAL_ADMIN_FTE.
 * NA / ND are "not available" / "not disclosed", kept as unknown.  The
 * file has no date column: the month comes from an EXTRACT_DATE column
 * when there is one, else from the file name as published ("... October
 * 2025 Practice Level - Detailed.csv"). */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <stdio.h>

enum { F_CODE, F_DATE, F_PATIENTS, F_GP, F_GP_FQ, F_NURSES, F_DPC, F_ADMIN, F_COUNT };

static const char *const spec[F_COUNT] = {
    "PRAC_CODE",          "?EXTRACT_DATE|CENSUS_DATE",
    "?TOTAL_PATIENTS",    "TOTAL_GP_FTE",
    "?TOTAL_GP_EXTGL_FTE|TOTAL_GP_EXRRL_FTE", "?TOTAL_NURSES_FTE|TOTAL_NURSE_FTE",
    "?TOTAL_DPC_FTE",     "?TOTAL_ADMIN_FTE"};

/* The measure each column becomes (docs/data-guide.md). */
static const char *const measure[F_COUNT] = {
    NULL, NULL, "wf.patients", "gp_fte", "wf.gp_fq_fte", "wf.nurses_fte", "wf.dpc_fte",
    "wf.admin_fte"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "PRAC_CODE") >= 0 && imp_find(row, "TOTAL_GP_FTE") >= 0 ? 95 : 0;
}

static int row_date(import_ctx *ic, const csvr_row *row, long *date, err *e)
{
    if (ic->col[F_DATE] >= 0 && *imp_str(ic, row, F_DATE))
        return imp_date(ic, row, F_DATE, date, e);
    *date = ev_month_in_name(csvr_name(ic->r));
    if (*date == 0)
        return err_at(e, csvr_name(ic->r), row->line, 0,
                      "no date: the file has no EXTRACT_DATE column and its name no month "
                      "(keep the published name, e.g. '... October 2025 Practice Level')");
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    char code[CODE_MAX], period[32];
    long date;
    (void)ctx;
    if (imp_code(ic, row, F_CODE, code, e) || row_date(ic, row, &date, e))
        return -1;
    int known = ev_known_practice(ic, code, e);
    if (known <= 0)
        return known;
    ev_month_period(date, period, sizeof period);
    for (int f = F_PATIENTS; f < F_COUNT; f++) {
        evidence r;
        if (ic->col[f] < 0)
            continue;
        evidence_init(&r, code, measure[f], date);
        snprintf(r.source, sizeof r.source, "gp-workforce");
        snprintf(r.period, sizeof r.period, "%s", period);
        if (ev_figure(ic, row, f, 0, f == F_PATIENTS ? 1e6 : 1000, &r, e) ||
            store_evidence_put(ic->s, &r, e))
            return -1;
    }
    ev_extract_date(ic, date);
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_gp_workforce = {
    "gp-workforce",
    "NHS England GP workforce, practice level detailed (GP, nurse, DPC, admin FTE; monthly)",
    detect, run};
