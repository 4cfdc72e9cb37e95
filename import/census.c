/* ONS Census 2021 bulk tables at LSOA (census2021-tsNNN-lsoa.csv): `date`,
 * `geography`, `geography code`, then a count per category, named
 * "Table: Total: All ..." and "Table: Category" (Nomis copies add
 * "; measures: Value", so names match by prefix).  Each table gives one
 * or two shares per LSOA, stored as count and total (area facts):
 *   TS045 car or van availability -> households without a car or van
 *   TS021 ethnic group            -> residents other than White British
 *   TS038 disability              -> disabled under the Equality Act
 *   TS007A age (five-year bands)  -> aged 65 and over, aged 75 and over */
#include "import/kinds.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

enum { CENSUS_PARTS = 6 };

typedef struct census_share {
    const char *measure;                 /* "census.no_car" */
    int parts[CENSUS_PARTS];             /* spec indexes summed; 0 ends */
    bool complement;                     /* total minus the parts */
} census_share;

typedef struct census_table {
    const char *const *spec;             /* [0] date, [1] code, [2] total, then parts */
    int nspec;
    census_share share[2];
    int nshare;
} census_table;

enum { C_DATE, C_CODE, C_TOTAL, C_FIRST };

static const char *const ts045_spec[] = {
    "?date", "geography code", "Number of cars or vans: Total: All households*",
    "Number of cars or vans: No cars or vans in household*"};
static const char *const ts021_spec[] = {
    "?date", "geography code", "Ethnic group: Total: All usual residents*",
    "Ethnic group: White: English, Welsh, Scottish, Northern Irish or British*"};
static const char *const ts038_spec[] = {
    "?date", "geography code", "Disability: Total: All usual residents*",
    "Disability: Disabled under the Equality Act|Disability: Disabled under the Equality Act; *"};
static const char *const ts007a_spec[] = {
    "?date", "geography code", "Age: Total*", "Age: Aged 65 to 69 years*",
    "Age: Aged 70 to 74 years*", "Age: Aged 75 to 79 years*", "Age: Aged 80 to 84 years*",
    "Age: Aged 85 years and over*"};

static const census_table ts045 = {ts045_spec, 4, {{"census.no_car", {3}, false}}, 1};
static const census_table ts021 = {ts021_spec, 4, {{"census.not_white_british", {3}, true}}, 1};
static const census_table ts038 = {ts038_spec, 4, {{"census.disabled", {3}, false}}, 1};
static const census_table ts007a = {
    ts007a_spec, 8, {{"census.age65", {3, 4, 5, 6, 7}, false}, {"census.age75", {5, 6, 7}, false}}, 2};

/* The header names column spec (its first alternative, as a prefix). */
static bool has(const csvr_row *row, const char *spec)
{
    size_t n = strcspn(spec, "|*");
    for (int c = 0; c < row->n; c++)
        if (strncasecmp(row->f[c], spec, n) == 0)
            return true;
    return false;
}

static int detect_table(const csvr_row *row, const census_table *t)
{
    for (int i = C_CODE; i < t->nspec; i++)
        if (!has(row, t->spec[i]))
            return 0;
    return 95;
}

static int count(import_ctx *ic, const csvr_row *row, int i, long *out, err *e)
{
    if (imp_long(ic, row, i, out, e))
        return -1;
    return *out < 0 || *out > 10000000 ? imp_fail(ic, row, i, e, "%ld is not a count", *out) : 0;
}

static int share(import_ctx *ic, const csvr_row *row, const census_share *sh, const char *code,
                 long total, err *e)
{
    long sum = 0, v;
    for (int k = 0; k < CENSUS_PARTS && sh->parts[k]; k++) {
        if (count(ic, row, sh->parts[k], &v, e))
            return -1;
        sum += v;
    }
    if (sum > total)
        return imp_fail(ic, row, sh->parts[0], e, "the groups (%ld) exceed the total (%ld)",
                        sum, total);
    evidence r;
    evidence_init(&r, code, sh->measure, 20210321); /* Census Day */
    r.value = (double)(sh->complement ? total - sum : sum);
    r.base = (double)total;
    text_copy(r.source, sizeof r.source, ic->prov->kind);
    text_copy(r.period, sizeof r.period, "Census 2021");
    return store_area_fact_put(ic->s, &r, e);
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    const census_table *t = ctx;
    char code[LSOA_MAX];
    long total;
    if (imp_lsoa_code(ic, row, C_CODE, code, e) || count(ic, row, C_TOTAL, &total, e))
        return -1;
    for (int s = 0; s < t->nshare; s++)
        if (share(ic, row, &t->share[s], code, total, e))
            return -1;
    ic->prov->extract_date = 20210321;
    imp_keep(ic);
    return 0;
}

static int run_table(import_ctx *ic, const census_table *t, err *e)
{
    return imp_read_header(ic, t->spec, t->nspec, e) ? -1
                                                     : imp_rows(ic, one_row, (void *)t, e);
}

#define CENSUS_KIND(id, name, blurb)                                                  \
    static int detect_##id(const csvr_row *row) { return detect_table(row, &id); }    \
    static int run_##id(import_ctx *ic, err *e) { return run_table(ic, &id, e); }     \
    const import_kind kind_census_##id = {name, blurb, detect_##id, run_##id};

CENSUS_KIND(ts045, "census-ts045", "Census 2021 TS045 car or van availability by LSOA")
CENSUS_KIND(ts021, "census-ts021", "Census 2021 TS021 ethnic group by LSOA")
CENSUS_KIND(ts038, "census-ts038", "Census 2021 TS038 disability by LSOA")
CENSUS_KIND(ts007a, "census-ts007a", "Census 2021 TS007A age (five-year bands) by LSOA")
