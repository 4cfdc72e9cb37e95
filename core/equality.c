#include "core/equality.h"

#include "core/card.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

struct base_load {
    store *s;
    eq_base *v;
    int n, cap;
    double f65, f75;
    err *e;
};

static int add_base(const lsoa_reg *r, void *ctx)
{
    struct base_load *bl = ctx;
    lsoa_rec l;
    if (r->patients <= 0)
        return 0;
    if (bl->n == bl->cap) {
        int nc = bl->cap ? bl->cap * 2 : 1024;
        eq_base *v = realloc(bl->v, (size_t)nc * sizeof *v);
        if (!v)
            return err_set(bl->e, "out of memory");
        bl->v = v;
        bl->cap = nc;
    }
    int rc = store_lsoa_get(bl->s, r->lsoa, &l, bl->e);
    if (rc < 0)
        return -1;
    eq_base *b = &bl->v[bl->n++];
    b->patients = (double)r->patients;
    return area_shares(bl->s, r->lsoa, rc ? l.imd_decile : 0, bl->f65, bl->f75, &b->s, bl->e);
}

/* Every LSOA row of every practice in the ICB. */
static int read_base(const world *w, store *s, const char *icb, eq_base **base, int *nb,
                     err *e)
{
    struct base_load bl = {s, NULL, 0, 0, NAN, NAN, e};
    for (int i = 0; *icb && i < w->n; i++) {
        age_profile a;
        if (strcmp(w->v[i].p.icb, icb) != 0)
            continue;
        int rc = store_age_latest(s, w->v[i].p.code, &a, e);
        bl.f65 = rc > 0 ? card_age_share(&a, AGE_BAND_65) : NAN;
        bl.f75 = rc > 0 ? card_age_share(&a, AGE_BAND_75) : NAN;
        if (rc < 0 || store_lsoa_reg_each(s, w->v[i].p.code, add_base, &bl, e) < 0) {
            free(bl.v);
            return -1;
        }
    }
    *base = bl.v;
    *nb = bl.n;
    return 0;
}

int equality_read(const world *w, store *s, const disp_area *a, int na, const char *icb,
                  const double *frac65, const double *frac75, eq_shares **as, eq_base **base,
                  int *nb, err *e)
{
    *base = NULL;
    *nb = 0;
    *as = calloc((size_t)na + 1, sizeof **as);
    if (!*as)
        return err_set(e, "out of memory");
    for (int i = 0; i < na; i++)
        if (area_shares(s, a[i].area, a[i].imd_decile, frac65[a[i].from], frac75[a[i].from],
                        &(*as)[i], e))
            return -1;
    return read_base(w, s, icb, base, nb, e);
}
