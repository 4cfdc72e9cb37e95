#include "core/equality.h"

#include "core/areas.h"

#include "core/card.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* The area fact behind each Census or RUC share; NULL for the IMD. */
static const char *const fact[EQ_MEASURES] = {
    [EQ_AGE65] = "census.age65",        [EQ_AGE75] = "census.age75",
    [EQ_DISABLED] = "census.disabled",  [EQ_NOT_WB] = "census.not_white_british",
    [EQ_CORE20] = NULL,                 [EQ_NO_CAR] = "census.no_car",
    [EQ_RURAL] = "ruc.rural"};

const char *equality_source(int m)
{
    static const char *const src[EQ_MEASURES] = {
        [EQ_AGE65] = "the practice's age profile, else Census 2021 TS007A",
        [EQ_AGE75] = "the practice's age profile, else Census 2021 TS007A",
        [EQ_DISABLED] = "Census 2021 TS038",
        [EQ_NOT_WB] = "Census 2021 TS021",
        [EQ_CORE20] = "Index of Multiple Deprivation decile of the LSOA",
        [EQ_NO_CAR] = "Census 2021 TS045 (share of households)",
        [EQ_RURAL] = "ONS rural-urban classification"};
    return m >= 0 && m < EQ_MEASURES ? src[m] : "?";
}

/* One LSOA's shares.  Census 2021 is on 2021 LSOAs: an area on a 2011
 * code is found when its code did not change (most did not); the rest
 * are not assessed. */
static int area_shares(store *s, const char *lsoa, int imd_decile, double f65, double f75,
                       eq_shares *out, err *e)
{
    for (int m = 0; m < EQ_MEASURES; m++) {
        evidence ev;
        out->share[m] = NAN;
        if (!fact[m])
            continue;
        int rc = store_area_fact_latest(s, lsoa, fact[m], 0, &ev, e);
        if (rc < 0)
            return -1;
        if (rc > 0)
            out->share[m] = m == EQ_RURAL ? ev.value : equality_ratio(ev.value, ev.base);
    }
    out->share[EQ_CORE20] = imd_decile >= 1 && imd_decile <= 10 ? (imd_decile <= 2) : NAN;
    if (!isnan(f65))
        out->share[EQ_AGE65] = f65;
    if (!isnan(f75))
        out->share[EQ_AGE75] = f75;
    return 0;
}

struct eq_cache {
    struct {
        char icb[CODE_MAX];
        eq_baseline base;
    } *v;
    int n, cap;
};

eq_cache *equality_cache_new(void) { return calloc(1, sizeof(eq_cache)); }

void equality_cache_free(eq_cache *c)
{
    if (c)
        free(c->v);
    free(c);
}

struct base_load {
    store *s;
    eq_baseline_sums sum;
    double f65, f75;
    int ed; /* the IMD edition in use: read once, not per row (a scan of
               every provenance record) */
    err *e;
};

static int add_base(const lsoa_reg *r, void *ctx)
{
    struct base_load *bl = ctx;
    area_info ai = {.imd = 0};
    int ed = bl->ed;
    eq_base b = {(double)r->patients, {{0}}};
    if (r->patients <= 0)
        return 0;
    /* Core20 from the IMD edition in use, joined on the area's own vintage. */
    if ((ed >= 0 && areas_get(bl->s, r->lsoa, ed, &ai, bl->e)) ||
        area_shares(bl->s, r->lsoa, ai.imd, bl->f65, bl->f75, &b.s, bl->e))
        return -1;
    equality_baseline_add(&bl->sum, &b);
    return 0;
}

/* Every LSOA row of every practice in the ICB. */
static int read_base(const world *w, store *s, const char *icb, eq_baseline *out, err *e)
{
    struct base_load bl = {s, {0}, NAN, NAN, -1, e};
    if (areas_edition(s, 0, &bl.ed, e))
        return -1;
    for (int i = 0; i < w->n; i++) {
        age_profile a;
        if (strcmp(w->v[i].p.icb, icb) != 0)
            continue;
        int rc = store_age_latest(s, w->v[i].p.code, &a, e);
        bl.f65 = rc > 0 ? card_age_share(&a, AGE_BAND_65) : NAN;
        bl.f75 = rc > 0 ? card_age_share(&a, AGE_BAND_75) : NAN;
        if (rc < 0 || store_lsoa_reg_each(s, w->v[i].p.code, add_base, &bl, e) < 0)
            return -1;
    }
    equality_baseline_finish(&bl.sum, out);
    return 0;
}

/* The ICB's baseline: from the world's cache, or read and kept there. */
static int baseline(const world *w, store *s, const char *icb, const eq_baseline **out, err *e)
{
    eq_cache *c = w->eq_cache;
    *out = NULL;
    if (!*icb || !c)
        return 0;
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->v[i].icb, icb) == 0)
            return *out = &c->v[i].base, 0;
    if (c->n == c->cap) {
        int nc = c->cap ? c->cap * 2 : 8;
        void *v = realloc(c->v, (size_t)nc * sizeof *c->v);
        if (!v)
            return err_set(e, "out of memory");
        c->v = v;
        c->cap = nc;
    }
    if (read_base(w, s, icb, &c->v[c->n].base, e))
        return -1;
    text_copy(c->v[c->n].icb, CODE_MAX, icb);
    *out = &c->v[c->n++].base;
    return 0;
}

int equality_read(const world *w, store *s, const disp_area *a, int na, const char *icb,
                  const double *frac65, const double *frac75, eq_shares **as,
                  const eq_baseline **base, err *e)
{
    *as = calloc((size_t)na + 1, sizeof **as);
    if (!*as)
        return err_set(e, "out of memory");
    for (int i = 0; i < na; i++)
        if (area_shares(s, a[i].area, a[i].imd_decile, frac65[a[i].from], frac75[a[i].from],
                        &(*as)[i], e))
            return -1;
    return baseline(w, s, icb, base, e);
}
