/* QOF prevalence (NHS England, annual, in a zip: PREVALENCE_2223.csv):
 * per practice and disease register (GROUP_CODE: DM diabetes, HYP
 * hypertension, ...) the patients on the register and the list it is
 * counted against (PRACTICE_LIST_SIZE, for some registers only patients
 * of an age: PATIENT_LIST_TYPE 18OV, ...).  The year comes from an
 * ACHIEVEMENT_YEAR column when there is one, else the file's name. */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

enum { F_CODE, F_GROUP, F_REGISTER, F_LIST, F_LISTTYPE, F_YEAR, F_COUNT };

static const char *const spec[F_COUNT] = {
    "PRACTICE_CODE",       "GROUP_CODE|INDICATOR_GROUP_CODE", "REGISTER",
    "PRACTICE_LIST_SIZE|LIST_SIZE", "?PATIENT_LIST_TYPE", "?ACHIEVEMENT_YEAR|YEAR"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "PRACTICE_CODE") >= 0 && imp_find(row, "REGISTER") >= 0 &&
                   (imp_find(row, "GROUP_CODE") >= 0 || imp_find(row, "INDICATOR_GROUP_CODE") >= 0)
               ? 95 : 0;
}

static int year(import_ctx *ic, const csvr_row *row, long *date, err *e)
{
    const char *y = imp_str(ic, row, F_YEAR);
    *date = *y ? ev_financial_year(y) : ev_financial_year_in_name(csvr_name(ic->r));
    if (*date)
        return 0;
    if (*y)
        return imp_fail(ic, row, F_YEAR, e, "not a financial year (2022/23 or 2022-23)");
    return err_at(e, csvr_name(ic->r), row->line, 0,
                  "no year: keep the published name (PREVALENCE_2223.csv)");
}

/* The group code: letters and digits, as published ("DM", "STIA"). */
static int group(import_ctx *ic, const csvr_row *row, char *out, size_t n, err *e)
{
    const char *g = imp_str(ic, row, F_GROUP);
    size_t len = strlen(g);
    bool ok = len >= 1 && len <= 12;
    for (size_t i = 0; ok && i < len; i++)
        ok = (g[i] >= 'A' && g[i] <= 'Z') || (g[i] >= 'a' && g[i] <= 'z') ||
             (g[i] >= '0' && g[i] <= '9');
    if (!ok)
        return imp_fail(ic, row, F_GROUP, e, "not a register group code (DM, HYP, ...)");
    snprintf(out, n, "qof.%s", g);
    text_upper(out + 4);
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    char code[CODE_MAX], measure[SHORT_MAX], period[16];
    long date, reg, list;
    if (imp_code(ic, row, F_CODE, code, e) || group(ic, row, measure, sizeof measure, e) ||
        imp_long(ic, row, F_REGISTER, &reg, e) || imp_long(ic, row, F_LIST, &list, e) ||
        year(ic, row, &date, e))
        return -1;
    if (reg < 0 || list < 0 || reg > list)
        return imp_fail(ic, row, F_REGISTER, e, "register %ld is not 0 to the list size %ld",
                        reg, list);
    int known = ev_known_practice(ic, code, e);
    if (known <= 0)
        return known;
    evidence r;
    evidence_init(&r, code, measure, date);
    r.value = (double)reg;
    r.base = (double)list;
    if (imp_text(ic, row, F_LISTTYPE, r.text, sizeof r.text, e))
        return -1;
    ev_year_period(date, period, sizeof period);
    text_copy(r.source, sizeof r.source, "qof");
    text_copy(r.period, sizeof r.period, period);
    if (store_evidence_put(ic->s, &r, e))
        return -1;
    ev_extract_date(ic, date);
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_qof = {
    "qof", "QOF prevalence: patients on each disease register per practice (annual)", detect,
    run};
