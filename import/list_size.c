/* gp-reg-pat-prac-all.csv: registered patients per practice, one extract
 * date per file.  Both header eras (CCG_CODE / SUB_ICB_LOCATION_CODE) and
 * both date forms (01JAN2021 / 2026-04-01).  Each file is one point of
 * every practice's list-size history. */
#include "import/kinds.h"

#include <stdio.h>
#include <string.h>

enum { F_DATE, F_TYPE, F_COMM, F_CODE, F_POSTCODE, F_SEX, F_AGE, F_PATIENTS, F_COUNT };

static const char *const spec[F_COUNT] = {
    "EXTRACT_DATE", "TYPE|ORG_TYPE", "SUB_ICB_LOCATION_CODE|CCG_CODE", "CODE|ORG_CODE",
    "?POSTCODE", "SEX", "AGE", "NUMBER_OF_PATIENTS|Number of Patients"};

static int detect(const csvr_row *row)
{
    if (imp_find(row, "NUMBER_OF_PATIENTS") >= 0 && imp_find(row, "AGE") >= 0 &&
        imp_find(row, "CODE") >= 0)
        return 95;
    return 0;
}

/* The practice's newest list size follows the newest extract. */
static int record(import_ctx *ic, const csvr_row *row, const char *code, long date,
                  long patients, err *e)
{
    practice p;
    list_point pt = {date, patients};
    if (imp_practice(ic, code, &p, e) || store_list_put(ic->s, code, &pt, e))
        return -1;
    if (date >= p.list_date) {
        p.list_size = patients;
        p.list_date = date;
    }
    if (!p.in_register) {
        if (*imp_str(ic, row, F_POSTCODE) && imp_postcode(ic, row, F_POSTCODE, p.postcode, e))
            return -1;
        if (imp_text(ic, row, F_COMM, p.sub_icb, sizeof p.sub_icb, e))
            return -1;
        p.gp = true;
    }
    return store_practice_put(ic->s, &p, e);
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    char code[CODE_MAX];
    long date, patients;
    (void)ctx;
    if (imp_date(ic, row, F_DATE, &date, e))
        return -1;
    if (date == 0)
        return imp_fail(ic, row, F_DATE, e, "empty extract date");
    if (strcmp(imp_str(ic, row, F_TYPE), "GP") != 0) {
        imp_skip(ic, "not practice rows");
        return 0;
    }
    if (strcmp(imp_str(ic, row, F_SEX), "ALL") || strcmp(imp_str(ic, row, F_AGE), "ALL")) {
        imp_skip(ic, "sex or age breakdown rows");
        return 0;
    }
    char key[CODE_MAX + 16];
    if (imp_code(ic, row, F_CODE, code, e) || imp_count(ic, row, F_PATIENTS, &patients, e))
        return -1;
    imp_key(key, sizeof key, "%s on %ld", code, date);
    if (imp_once(ic, row, F_CODE, key, e))
        return -1;
    if (record(ic, row, code, date, patients, e))
        return -1;
    if (date > ic->prov->extract_date)
        ic->prov->extract_date = date;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_list_size = {
    "list-size", "NHS Digital gp-reg-pat-prac-all.csv (patients per practice, monthly)",
    detect, run};
