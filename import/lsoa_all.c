/* gp-reg-pat-prac-lsoa-all.csv: how many of each practice's patients live
 * in each LSOA (quarterly, about a million rows nationally).  Each extract
 * is kept beside the others (a what-if uses the newest on or before its
 * date); importing an extract again replaces that extract's rows.
 * Welsh and placeholder LSOA codes are kept (the patients are real) and
 * counted, since they cannot be placed on the map. */
#include "import/kinds.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_PUB, F_DATE, F_CODE, F_LSOA, F_SEX, F_PATIENTS, F_COUNT };

static const char *const spec[F_COUNT] = {
    "?PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "LSOA_CODE|LSOA*", "?SEX",
    "NUMBER_OF_PATIENTS|Number of Patients"};

static const char WELSH[] = "rows in Welsh or placeholder LSOAs (kept, not located)";

static int detect(const csvr_row *row)
{
    bool lsoa = false;
    for (int c = 0; c < row->n; c++)
        lsoa |= strncasecmp(row->f[c], "LSOA", 4) == 0;
    bool patients = imp_find(row, "NUMBER_OF_PATIENTS") >= 0 ||
                    imp_find(row, "Number of Patients") >= 0;
    return lsoa && patients && imp_find(row, "PRACTICE_CODE") >= 0 ? 95 : 0;
}

/* Practice extracts ("CODE DATE") met so far in this file: an
 * open-addressing hash set, so a national file needs no scans. */
typedef struct seen {
    struct slot { char code[CODE_MAX + 16]; bool used; } *slot;
    size_t cap, n;
} seen;

static size_t hash(const char *s)
{
    size_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct slot *seen_find(seen *t, const char *code)
{
    size_t i = hash(code) & (t->cap - 1);
    while (t->slot[i].used && strcmp(t->slot[i].code, code) != 0)
        i = (i + 1) & (t->cap - 1);
    return &t->slot[i];
}

/* Makes room for one more; the table stays at most half full. */
static int seen_grow(seen *t, err *e)
{
    if (t->n * 2 < t->cap)
        return 0;
    seen bigger = {calloc(t->cap ? t->cap * 2 : 1024, sizeof *t->slot),
                   t->cap ? t->cap * 2 : 1024, t->n};
    if (!bigger.slot)
        return err_set(e, "out of memory");
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].used)
            *seen_find(&bigger, t->slot[i].code) = t->slot[i];
    free(t->slot);
    *t = bigger;
    return 0;
}

/* First sight of a practice's extract: clear what is stored of it (an
 * extract imported again replaces itself; the others stay). */
static int first_sight(import_ctx *ic, seen *t, const char *code, long date, err *e)
{
    char k[CODE_MAX + 16];
    if (seen_grow(t, e))
        return -1;
    imp_key(k, sizeof k, "%s %ld", code, date);
    struct slot *sl = seen_find(t, k);
    if (sl->used)
        return 0;
    if (store_lsoa_reg_clear(ic->s, code, date, e))
        return -1;
    memcpy(sl->code, k, sizeof sl->code);
    sl->used = true;
    t->n++;
    return 0;
}

/* An English LSOA: E01 and six digits. */
static bool english(const char *lsoa)
{
    if (strlen(lsoa) != 9 || strncmp(lsoa, "E01", 3) != 0)
        return false;
    for (int i = 3; i < 9; i++)
        if (!isdigit((unsigned char)lsoa[i]))
            return false;
    return true;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    seen *t = ctx;
    lsoa_reg r = {.modelled = strcmp(imp_str(ic, row, F_PUB), "MODELLED_GRAVITY") == 0};
    if (imp_date(ic, row, F_DATE, &r.date, e))
        return -1;
    if (r.date == 0)
        return imp_fail(ic, row, F_DATE, e, "empty extract date");
    if (ic->col[F_SEX] >= 0 && strcmp(imp_str(ic, row, F_SEX), "ALL") != 0) {
        imp_skip(ic, "male or female rows (the ALL rows are kept)");
        return 0;
    }
    char key[CODE_MAX + LSOA_MAX + 24];
    if (imp_code(ic, row, F_CODE, r.practice, e) || imp_lsoa_code(ic, row, F_LSOA, r.lsoa, e) ||
        imp_count(ic, row, F_PATIENTS, &r.patients, e))
        return -1;
    imp_key(key, sizeof key, "%s in %s on %ld", r.practice, r.lsoa, r.date);
    if (imp_once(ic, row, F_CODE, key, e) || imp_practice_ref(ic, r.practice, e))
        return -1;
    if (r.patients < 0)
        return imp_fail(ic, row, F_PATIENTS, e, "a negative number of patients");
    if (first_sight(ic, t, r.practice, r.date, e) || store_lsoa_reg_put(ic->s, &r, e))
        return -1;
    if (!english(r.lsoa))
        imp_note(ic, WELSH);
    ic->prov->modelled |= r.modelled;
    if (r.date > ic->prov->extract_date)
        ic->prov->extract_date = r.date;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    seen t = {NULL, 0, 0};
    int rc = imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, &t, e);
    free(t.slot);
    return rc;
}

const import_kind kind_lsoa_all = {
    "lsoa-all", "NHS Digital gp-reg-pat-prac-lsoa-all.csv (patients by LSOA of residence)",
    detect, run};
