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

/* Each LSOA's shares as area_shares gives them without a practice's age
 * profile, kept while the baseline is read: an ICB's practices list the
 * same LSOAs many times over, and each lookup is several store reads.
 * Open addressing over 2^k slots, grown at half full. */
typedef struct {
    char lsoa[LSOA_MAX]; /* "" empty */
    eq_shares s;
} area_memo;

struct base_load {
    store *s;
    eq_baseline_sums sum;
    long date, oldest; /* the newest and oldest extract read */
    bool modelled;  /* a MODELLED row was read */
    double f65, f75;
    int ed; /* the IMD edition in use: read once, not per row (a scan of
               every provenance record) */
    area_memo *memo;
    size_t slots, used;
    eq_shares unkept; /* an empty LSOA code's, not kept */
    err *e;
};

static size_t lsoa_hash(const char *k)
{
    size_t h = 1469598103934665603ULL;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211ULL;
    return h;
}

static area_memo *memo_slot(area_memo *m, size_t slots, const char *lsoa)
{
    size_t i = lsoa_hash(lsoa) & (slots - 1);
    while (m[i].lsoa[0] && strcmp(m[i].lsoa, lsoa) != 0)
        i = (i + 1) & (slots - 1);
    return &m[i];
}

static int memo_grow(struct base_load *bl)
{
    size_t n = bl->slots ? bl->slots * 2 : 4096;
    area_memo *m = calloc(n, sizeof *m);
    if (!m)
        return -1;
    for (size_t i = 0; i < bl->slots; i++)
        if (bl->memo[i].lsoa[0])
            *memo_slot(m, n, bl->memo[i].lsoa) = bl->memo[i];
    free(bl->memo);
    bl->memo = m;
    bl->slots = n;
    return 0;
}

static int read_shares(struct base_load *bl, const char *lsoa, eq_shares *out)
{
    area_info ai = {.imd = 0};
    return (bl->ed >= 0 && areas_get(bl->s, lsoa, bl->ed, &ai, bl->e)) ||
                   area_shares(bl->s, lsoa, ai.imd, NAN, NAN, out, bl->e)
               ? -1
               : 0;
}

/* The shares of an LSOA, from the memo or read and kept (an empty code,
 * the memo's mark of a free slot, is read every time). */
static const eq_shares *memo_shares(struct base_load *bl, const char *lsoa)
{
    if (!*lsoa)
        return read_shares(bl, lsoa, &bl->unkept) ? NULL : &bl->unkept;
    if (2 * (bl->used + 1) > bl->slots && memo_grow(bl) < 0) {
        err_set(bl->e, "out of memory");
        return NULL;
    }
    area_memo *m = memo_slot(bl->memo, bl->slots, lsoa);
    if (m->lsoa[0])
        return &m->s;
    if (read_shares(bl, lsoa, &m->s))
        return NULL;
    text_copy(m->lsoa, LSOA_MAX, lsoa);
    bl->used++;
    return &m->s;
}

static int add_base(const lsoa_reg *r, void *ctx)
{
    struct base_load *bl = ctx;
    if (r->patients <= 0)
        return 0;
    if (r->date > bl->date)
        bl->date = r->date;
    if (!bl->oldest || r->date < bl->oldest)
        bl->oldest = r->date;
    bl->modelled |= r->modelled;
    /* Core20 from the IMD edition in use, joined on the area's own vintage;
     * the ages from the practice's profile where it has one. */
    const eq_shares *sh = memo_shares(bl, r->lsoa);
    if (!sh)
        return -1;
    eq_base b = {(double)r->patients, *sh};
    if (!isnan(bl->f65))
        b.s.share[EQ_AGE65] = bl->f65;
    if (!isnan(bl->f75))
        b.s.share[EQ_AGE75] = bl->f75;
    equality_baseline_add(&bl->sum, &b);
    return 0;
}

/* The LSOA rows of every practice in the ICB, each practice's newest
 * extract on or before the world's date (one extract each: a second is
 * not added to the first). */
static int read_base(const world *w, store *s, const char *icb, eq_baseline *out, err *e)
{
    struct base_load bl = {.s = s, .f65 = NAN, .f75 = NAN, .ed = -1, .e = e};
    int rc = areas_edition(s, 0, &bl.ed, e);
    for (int i = 0; i < w->n && rc == 0; i++) {
        age_profile a;
        if (strcmp(w->v[i].p.icb, icb) != 0)
            continue;
        int got = store_age_at(s, w->v[i].p.code, w->at.date, &a, e);
        bl.f65 = got > 0 ? card_age_share(&a, AGE_BAND_65) : NAN;
        bl.f75 = got > 0 ? card_age_share(&a, AGE_BAND_75) : NAN;
        if (got < 0 ||
            store_lsoa_reg_each_at(s, w->v[i].p.code, w->at.date, add_base, &bl, e) < 0)
            rc = -1;
    }
    free(bl.memo);
    if (rc == 0) {
        equality_baseline_finish(&bl.sum, out);
        out->date = bl.date;
        out->oldest = bl.oldest;
        out->modelled = bl.modelled;
    }
    return rc ? -1 : 0;
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
