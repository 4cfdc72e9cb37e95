/* gp-reg-pat-prac-quin-age.csv: registered patients by sex and five-year
 * age band, for every level of the NHS (practice, PCN, sub-ICB, ICB,
 * region).  Practice rows are gathered into one age profile per practice
 * and extract date. */
#include "import/kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_DATE, F_TYPE, F_CODE, F_SEX, F_BAND, F_PATIENTS, F_COUNT };

static const char *const spec[F_COUNT] = {
    "EXTRACT_DATE", "ORG_TYPE|TYPE", "ORG_CODE|CODE|PRACTICE_CODE", "SEX",
    "AGE_GROUP_5", "NUMBER_OF_PATIENTS|Number of Patients"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "AGE_GROUP_5") >= 0 && imp_find(row, "SEX") >= 0 ? 95 : 0;
}

/* The profile being filled: rows come grouped by practice, so it is
 * written when the practice changes (and merged with what is stored, so
 * an ungrouped file is still right, only slower). */
typedef struct pending {
    char code[CODE_MAX];
    age_profile a;
    bool live;
} pending;

static int flush(import_ctx *ic, pending *p, err *e)
{
    if (!p->live)
        return 0;
    p->live = false;
    return store_age_put(ic->s, p->code, &p->a, e);
}

static int switch_to(import_ctx *ic, pending *p, const char *code, long date, err *e)
{
    if (p->live && p->a.date == date && strcmp(p->code, code) == 0)
        return 0;
    if (flush(ic, p, e))
        return -1;
    int rc = store_age_get(ic->s, code, date, &p->a, e);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        memset(&p->a, 0, sizeof p->a);
        p->a.date = date;
    }
    snprintf(p->code, sizeof p->code, "%s", code);
    p->live = true;
    return 0;
}

/* "0_4" -> 0 .. "90_94" -> 18, "95+" -> 19; -1 otherwise. */
static int band_index(const char *s)
{
    if (strcmp(s, "95+") == 0)
        return AGE_BANDS - 1;
    for (int i = 0; i < AGE_BANDS - 1; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d_%d", i * 5, i * 5 + 4);
        if (strcmp(s, want) == 0)
            return i;
    }
    return -1;
}

/* Reads one practice row into the pending profile. */
static int practice_row(import_ctx *ic, const csvr_row *row, pending *p, long date, err *e)
{
    const char *sex = imp_str(ic, row, F_SEX), *band = imp_str(ic, row, F_BAND);
    char code[CODE_MAX];
    long n;
    long *by = strcmp(sex, "ALL") == 0      ? p->a.all
               : strcmp(sex, "MALE") == 0   ? p->a.male
               : strcmp(sex, "FEMALE") == 0 ? p->a.female : NULL;
    if (!by)
        return imp_fail(ic, row, F_SEX, e, "unknown sex (ALL, MALE or FEMALE)");
    int b = band_index(band);
    if (b < 0 && strcmp(band, "ALL") != 0)
        return imp_fail(ic, row, F_BAND, e, "unknown age band (0_4 .. 90_94, 95+, ALL)");
    char key[CODE_MAX + 64];
    if (imp_code(ic, row, F_CODE, code, e) || imp_count(ic, row, F_PATIENTS, &n, e))
        return -1;
    imp_key(key, sizeof key, "%s %s %s on %ld", code, sex, band, date);
    if (imp_once(ic, row, F_CODE, key, e) || imp_practice_ref(ic, code, e))
        return -1;
    if (b < 0) {
        imp_skip(ic, "all-ages totals");
        return 0;
    }
    if (switch_to(ic, p, code, date, e))
        return -1;
    by[b] = n;
    imp_keep(ic);
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    long date;
    if (imp_date(ic, row, F_DATE, &date, e))
        return -1;
    if (date == 0)
        return imp_fail(ic, row, F_DATE, e, "empty extract date");
    if (strcmp(imp_str(ic, row, F_TYPE), "GP") != 0) {
        imp_skip(ic, "PCN, sub-ICB, ICB or region rows");
        return 0;
    }
    if (practice_row(ic, row, ctx, date, e))
        return -1;
    if (date > ic->prov->extract_date)
        ic->prov->extract_date = date;
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    pending p = {.live = false};
    if (imp_read_header(ic, spec, F_COUNT, e) || imp_rows(ic, one_row, &p, e))
        return -1;
    return flush(ic, &p, e);
}

const import_kind kind_quin_age = {
    "quin-age", "NHS Digital gp-reg-pat-prac-quin-age.csv (patients by five-year age band)",
    detect, run};
