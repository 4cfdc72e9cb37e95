#include "core/equality.h"

#include "core/areas.h"

#include "core/card.h"

#include <math.h>
#include <stdint.h>
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

/* The practice's own age profile before the Census's. */
static void with_age(eq_shares *s, double f65, double f75)
{
    if (!isnan(f65))
        s->share[EQ_AGE65] = f65;
    if (!isnan(f75))
        s->share[EQ_AGE75] = f75;
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
    with_age(out, f65, f75);
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

/* The shares of each area met so far, before any practice's age profile:
 * an ICB's practices draw from the same few thousand areas, each read
 * once.  Open addressing; cap a power of two. */
typedef struct area_memo {
    struct memo_slot {
        char lsoa[LSOA_MAX]; /* "" empty */
        eq_shares s;
    } *v;
    size_t n, cap;
} area_memo;

static size_t memo_at(const area_memo *m, const char *lsoa)
{
    uint64_t h = 14695981039346656037ULL;
    for (const char *c = lsoa; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    size_t i = (size_t)h & (m->cap - 1);
    while (*m->v[i].lsoa && strcmp(m->v[i].lsoa, lsoa) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

/* Room for one more, at most half full. */
static int memo_room(area_memo *m, err *e)
{
    if (m->n * 2 < m->cap)
        return 0;
    area_memo big = {calloc(m->cap ? m->cap * 2 : 4096, sizeof *big.v), m->n,
                     m->cap ? m->cap * 2 : 4096};
    if (!big.v)
        return err_set(e, "out of memory");
    for (size_t i = 0; i < m->cap; i++)
        if (*m->v[i].lsoa)
            big.v[memo_at(&big, m->v[i].lsoa)] = m->v[i];
    free(m->v);
    *m = big;
    return 0;
}

struct base_load {
    store *s;
    eq_baseline_sums sum;
    double f65, f75;
    int edition; /* the IMD edition in use, found once for every row */
    area_memo memo;
    err *e;
};

/* An area's shares with no age profile: read, or remembered. */
static int base_area(struct base_load *bl, const char *lsoa, eq_shares *out)
{
    area_info ai = {.imd = 0};
    size_t at = 0;
    if (*lsoa && strlen(lsoa) < LSOA_MAX) {
        if (memo_room(&bl->memo, bl->e))
            return -1;
        at = memo_at(&bl->memo, lsoa);
        if (*bl->memo.v[at].lsoa)
            return *out = bl->memo.v[at].s, 0;
    }
    /* Core20 from the IMD edition in use, joined on the area's own vintage. */
    if ((bl->edition >= 0 && areas_get(bl->s, lsoa, bl->edition, &ai, bl->e)) ||
        area_shares(bl->s, lsoa, ai.imd, NAN, NAN, out, bl->e))
        return -1;
    if (*lsoa && strlen(lsoa) < LSOA_MAX) {
        text_copy(bl->memo.v[at].lsoa, LSOA_MAX, lsoa);
        bl->memo.v[at].s = *out;
        bl->memo.n++;
    }
    return 0;
}

static int add_base(const lsoa_reg *r, void *ctx)
{
    struct base_load *bl = ctx;
    eq_base b = {(double)r->patients, {{0}}};
    if (r->patients <= 0)
        return 0;
    if (base_area(bl, r->lsoa, &b.s))
        return -1;
    with_age(&b.s, bl->f65, bl->f75);
    equality_baseline_add(&bl->sum, &b);
    return 0;
}

/* Every LSOA row of every practice in the ICB. */
static int read_base(const world *w, store *s, const char *icb, eq_baseline *out, err *e)
{
    struct base_load bl = {s, {0}, NAN, NAN, -1, {NULL, 0, 0}, e};
    int rc = areas_edition(s, 0, &bl.edition, e);
    for (int i = 0; rc == 0 && i < w->n; i++) {
        age_profile a;
        if (strcmp(w->v[i].p.icb, icb) != 0)
            continue;
        rc = store_age_latest(s, w->v[i].p.code, &a, e);
        bl.f65 = rc > 0 ? card_age_share(&a, AGE_BAND_65) : NAN;
        bl.f75 = rc > 0 ? card_age_share(&a, AGE_BAND_75) : NAN;
        rc = rc < 0 || store_lsoa_reg_each(s, w->v[i].p.code, add_base, &bl, e) < 0 ? -1 : 0;
    }
    free(bl.memo.v);
    if (rc == 0)
        equality_baseline_finish(&bl.sum, out);
    return rc;
}

/* A new slot at the end of the cache. */
static int cache_grow(eq_cache *c, err *e)
{
    if (c->n < c->cap)
        return 0;
    int nc = c->cap ? c->cap * 2 : 8;
    void *v = realloc(c->v, (size_t)nc * sizeof *c->v);
    if (!v)
        return err_set(e, "out of memory");
    c->v = v;
    c->cap = nc;
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
    if (cache_grow(c, e) || read_base(w, s, icb, &c->v[c->n].base, e))
        return -1;
    text_copy(c->v[c->n].icb, CODE_MAX, icb);
    *out = &c->v[c->n++].base;
    return 0;
}

int equality_cache_fill(const world *w, store *s, err *e)
{
    const eq_baseline *b;
    for (int i = 0; i < w->n; i++)
        if (baseline(w, s, w->v[i].p.icb, &b, e))
            return -1;
    return 0;
}

int equality_cache_count(const eq_cache *c) { return c ? c->n : 0; }

const eq_baseline *equality_cache_entry(const eq_cache *c, int i, const char **icb)
{
    *icb = c->v[i].icb;
    return &c->v[i].base;
}

int equality_cache_add(eq_cache *c, const char *icb, const eq_baseline *b, err *e)
{
    if (cache_grow(c, e))
        return -1;
    text_copy(c->v[c->n].icb, CODE_MAX, icb);
    c->v[c->n++].base = *b;
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
