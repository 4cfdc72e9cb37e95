#include "engine/dispersal.h"

#include "engine/disp_work.h"
#include "engine/geo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

disp_rules disp_rules_default(void)
{
    disp_rules r = {.max_km = 8.0, .reasonable_km = 5.0,
                    .choice_beta = DISP_CHOICE_BETA, .policy = POLICY_NEAREST};
    return r;
}

static const char *const policy_names[] = {"nearest", "choice", "optimal"};

const char *disp_policy_name(disp_policy p)
{
    return (unsigned)p < 3 ? policy_names[p] : "unknown";
}

int disp_policy_parse(const char *s)
{
    for (int i = 0; s && i < 3; i++)
        if (strcmp(s, policy_names[i]) == 0)
            return i;
    return -1;
}

nearby *disp_index_build(const disp_practice *p, int np)
{
    double *la = malloc(((size_t)(np > 0 ? np : 0) + 1) * sizeof *la);
    double *lo = malloc(((size_t)(np > 0 ? np : 0) + 1) * sizeof *lo);
    nearby *nb = NULL;
    if (la && lo) {
        for (int i = 0; i < np; i++) {
            la[i] = p[i].lat;
            lo[i] = p[i].lon;
        }
        nb = nearby_build(la, lo, np, 2.0);
    }
    free(la);
    free(lo);
    return nb;
}

int work_give(disp_work *w, int a, const disp_cand *c, long n)
{
    if (n <= 0)
        return 0;
    if (w->nflows == w->capflows) {
        int nc = w->capflows ? w->capflows * 2 : 256;
        disp_flow *f = realloc(w->flows, (size_t)nc * sizeof *f);
        if (!f)
            return -1;
        w->flows = f;
        w->capflows = nc;
    }
    w->flows[w->nflows++] = (disp_flow){a, c->p, n, c->km};
    w->left[c->p] -= n;
    return 0;
}

/* Input errors are caught here so the policies can trust the arrays. */
static int check_input(const disp_practice *p, int np, const disp_area *a,
                       int na, const disp_rules *r, err *e)
{
    if (np < 0 || na < 0 || (np > 0 && !p) || (na > 0 && !a) || !r)
        return err_set(e, "dispersal: missing practices, areas or rules");
    if (!(r->max_km >= 0 && r->max_km <= DISP_MAX_KM))
        return err_set(e, "dispersal: max_km must be between 0 and %.0f", DISP_MAX_KM);
    if ((unsigned)r->policy > POLICY_OPTIMAL)
        return err_set(e, "dispersal: unknown policy %d", (int)r->policy);
    if (r->policy == POLICY_CHOICE && !(r->choice_beta >= 0 && r->choice_beta <= 20))
        return err_set(e, "dispersal: choice beta must be between 0 and 20");
    long total = 0;
    for (int i = 0; i < na; i++) {
        if (a[i].from < 0 || a[i].from >= np)
            return err_set(e, "dispersal: area %s: closing practice %d out of range",
                           a[i].area ? a[i].area : "?", a[i].from);
        if (a[i].patients < 0)
            return err_set(e, "dispersal: area %s: negative patients",
                           a[i].area ? a[i].area : "?");
        if (a[i].patients > DISP_MAX_PATIENTS - total)
            return err_set(e, "dispersal: more than %ld patients in all",
                           DISP_MAX_PATIENTS);
        total += a[i].patients;
    }
    return 0;
}

static double dist_of(const disp_work *w, int ai, int pi)
{
    if (w->r->dist)
        return w->r->dist(w->r->dist_ctx, ai, pi);
    const disp_area *a = &w->a[ai];
    return geo_km(a->lat, a->lon, w->p[pi].lat, w->p[pi].lon);
}

/* Headroom of every practice that may receive: closing practices (the
 * `from` of any area) and unlocated ones get none. */
static void set_headroom(disp_work *w)
{
    for (int i = 0; i < w->np; i++) {
        const disp_practice *q = &w->p[i];
        int ok = q->can_receive && isfinite(q->lat) && isfinite(q->lon);
        w->left[i] = ok && q->capacity > q->list ? q->capacity - q->list : 0;
    }
    for (int i = 0; i < w->na; i++)
        w->left[w->a[i].from] = 0;
}

static int area_cmp_ctx(const disp_area *a, int x, int y)
{
    if (a[x].patients != a[y].patients)
        return a[x].patients > a[y].patients ? -1 : 1;
    int c = strcmp(a[x].area ? a[x].area : "", a[y].area ? a[y].area : "");
    if (c)
        return c;
    return (x > y) - (x < y);
}

/* Areas in processing order.  A merge sort, because C11 qsort has no
 * context pointer; the compare breaks every tie, so the order is total. */
static void order_areas(const disp_area *a, int *ord, int *tmp, int lo, int hi)
{
    if (hi - lo < 2)
        return;
    int mid = (lo + hi) / 2, i = lo, j = mid, k = lo;
    order_areas(a, ord, tmp, lo, mid);
    order_areas(a, ord, tmp, mid, hi);
    while (i < mid || j < hi)
        tmp[k++] = (j >= hi || (i < mid && area_cmp_ctx(a, ord[i], ord[j]) <= 0))
                       ? ord[i++] : ord[j++];
    memcpy(ord + lo, tmp + lo, (size_t)(hi - lo) * sizeof *ord);
}

static int cand_cmp(const void *x, const void *y)
{
    const disp_cand *a = x, *b = y;
    if (a->km != b->km)
        return a->km < b->km ? -1 : 1;
    return (a->p > b->p) - (a->p < b->p);
}

static int cand_push(disp_work *w, int *cap, int *n, int p, double km)
{
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 1024;
        disp_cand *c = realloc(w->cand, (size_t)nc * sizeof *c);
        if (!c)
            return -1;
        w->cand = c;
        *cap = nc;
    }
    w->cand[(*n)++] = (disp_cand){p, km, llround(km * 1000.0)};
    return 0;
}

/* The practices an area may send patients to: headroom left, and within
 * max_km by the distance in use.  Great-circle distance asks the index
 * for max_km; a caller's distance asks it for search_km (or tries all). */
static int area_cands(disp_work *w, const nearby *ix, int ai, nearby_hit **h,
                      int *hcap, int *cap, int *n)
{
    const disp_area *a = &w->a[ai];
    const disp_rules *r = w->r;
    int nh = 0, all = r->dist && !(r->search_km > 0);
    if (!all) {
        nh = nearby_within(ix, a->lat, a->lon, r->dist ? r->search_km : r->max_km,
                           h, hcap);
        if (nh < 0)
            return -1;
    }
    int from = *n, m = all ? w->np : nh;
    for (int k = 0; k < m; k++) {
        int p = all ? k : (*h)[k].index;
        if (w->left[p] <= 0)
            continue;
        double km = r->dist ? r->dist(r->dist_ctx, ai, p) : (*h)[k].km;
        if (isfinite(km) && km >= 0 && km <= r->max_km &&
            cand_push(w, cap, n, p, km) < 0)
            return -1;
    }
    if (r->dist && *n - from > 1)
        qsort(w->cand + from, (size_t)(*n - from), sizeof *w->cand, cand_cmp);
    return 0;
}

/* Great-circle candidates depend only on where an area is: an area at
 * the place of an earlier one (the same LSOA listed by several closing
 * practices) copies its list.  A table of 2^k slots, keyed by the place. */
typedef struct {
    int *slot;   /* area index with candidates at that place, -1 empty */
    size_t mask;
} place_tab;

static int place_tab_init(place_tab *t, int na)
{
    size_t n = 16;
    while (n < 2 * (size_t)na)
        n *= 2;
    t->mask = n - 1;
    t->slot = malloc(n * sizeof *t->slot);
    if (!t->slot)
        return -1;
    memset(t->slot, -1, n * sizeof *t->slot);
    return 0;
}

/* The slot of area i's place: an earlier area there, or empty. */
static int *place_slot(const place_tab *t, const disp_area *a, int i)
{
    uint64_t h[2];
    memcpy(&h[0], &a[i].lat, sizeof h[0]);
    memcpy(&h[1], &a[i].lon, sizeof h[1]);
    size_t s = (size_t)((h[0] * 0x9E3779B97F4A7C15ULL ^ h[1]) * 0xBF58476D1CE4E5B9ULL >> 20) &
               t->mask;
    while (t->slot[s] >= 0 && !(a[t->slot[s]].lat == a[i].lat && a[t->slot[s]].lon == a[i].lon))
        s = (s + 1) & t->mask;
    return &t->slot[s];
}

static int copy_cands(disp_work *w, int from, int *cap, int *n)
{
    for (int c = w->cstart[from]; c < w->cstart[from + 1]; c++)
        if (cand_push(w, cap, n, w->cand[c].p, w->cand[c].km) < 0)
            return -1;
    return 0;
}

static int build_cands(disp_work *w, const nearby *ix)
{
    nearby_hit *h = NULL;
    int hcap = 0, cap = 0, n = 0, rc = 0, share = !w->r->dist;
    place_tab t = {0};
    if (share && place_tab_init(&t, w->na) < 0)
        return -1;
    for (int i = 0; i < w->na && rc == 0; i++) {
        const disp_area *a = &w->a[i];
        w->cstart[i] = n;
        if (!(a->patients > 0 && isfinite(a->lat) && isfinite(a->lon)))
            continue;
        int *same = share ? place_slot(&t, w->a, i) : NULL;
        if (same && *same >= 0) {
            rc = copy_cands(w, *same, &cap, &n);
        } else {
            rc = area_cands(w, ix, i, &h, &hcap, &cap, &n);
            if (same)
                *same = i;
        }
    }
    w->cstart[w->na] = n;
    free(t.slot);
    free(h);
    return rc;
}

static int flow_pair_cmp(const void *x, const void *y)
{
    const disp_flow *a = x, *b = y;
    if (a->area != b->area)
        return a->area < b->area ? -1 : 1;
    return (a->to > b->to) - (a->to < b->to);
}

/* The published order: by area, nearest first, ties by practice, the
 * unplaced flow (to -1, km NAN) last. */
static int flow_out_cmp(const void *x, const void *y)
{
    const disp_flow *a = x, *b = y;
    if (a->area != b->area)
        return a->area < b->area ? -1 : 1;
    if ((a->to < 0) != (b->to < 0))
        return a->to < 0 ? 1 : -1;
    if (a->to >= 0 && a->km != b->km)
        return a->km < b->km ? -1 : 1;
    return (a->to > b->to) - (a->to < b->to);
}

/* Merges repeated (area, practice) pairs, adds each area's unplaced
 * remainder, and totals: nobody is lost, by construction. */
static int finish(disp_work *w, disp_result *out)
{
    disp_flow *f = w->flows;
    int n = 0;
    if (w->nflows > 1)
        qsort(f, (size_t)w->nflows, sizeof *f, flow_pair_cmp);
    for (int i = 0; i < w->nflows; i++) {
        if (n > 0 && f[n - 1].area == f[i].area && f[n - 1].to == f[i].to)
            f[n - 1].patients += f[i].patients;
        else
            f[n++] = f[i];
    }
    disp_flow *o = malloc(((size_t)n + (size_t)w->na + 1) * sizeof *o);
    if (!o)
        return -1;
    if (n > 0)
        memcpy(o, f, (size_t)n * sizeof *o);
    long *placed = calloc((size_t)w->na + 1, sizeof *placed);
    if (!placed) {
        free(o);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        placed[o[i].area] += o[i].patients;
        out->placed += o[i].patients;
        out->patient_km += (double)o[i].patients * o[i].km;
    }
    for (int i = 0; i < w->na; i++) {
        long rest = w->a[i].patients - placed[i];
        out->displaced += w->a[i].patients;
        if (rest > 0)
            o[n++] = (disp_flow){i, -1, rest, NAN};
    }
    out->unplaced = out->displaced - out->placed;
    free(placed);
    if (n > 1)
        qsort(o, (size_t)n, sizeof *o, flow_out_cmp);
    out->flows = o;
    out->nflows = n;
    return 0;
}

static int km_before(disp_work *w, disp_result *out)
{
    out->nareas = w->na;
    out->km_before = malloc(((size_t)w->na + 1) * sizeof *out->km_before);
    if (!out->km_before)
        return -1;
    for (int i = 0; i < w->na; i++) {
        const disp_area *a = &w->a[i];
        double km = NAN;
        if (isfinite(a->lat) && isfinite(a->lon))
            km = dist_of(w, i, a->from);
        out->km_before[i] = isfinite(km) ? km : NAN;
    }
    return 0;
}

static int run_policy(disp_work *w, err *e)
{
    switch (w->r->policy) {
    case POLICY_NEAREST: return policy_nearest(w, e);
    case POLICY_CHOICE: return policy_choice(w, e);
    case POLICY_OPTIMAL: return policy_optimal(w, e);
    }
    return err_set(e, "dispersal: unknown policy");
}

static void work_free(disp_work *w)
{
    free(w->left);
    free(w->cstart);
    free(w->cand);
    free(w->order);
    free(w->flows);
}

int dispersal_run_ix(const nearby *ix, const disp_practice *p, int np,
                     const disp_area *a, int na, const disp_rules *r,
                     disp_result *out, err *e)
{
    memset(out, 0, sizeof *out);
    if (check_input(p, np, a, na, r, e) < 0)
        return -1;
    if (!ix && !(r->dist && !(r->search_km > 0)))
        return err_set(e, "dispersal: no practice index");
    disp_work w = {.p = p, .np = np, .a = a, .na = na, .r = r};
    w.left = malloc(((size_t)np + 1) * sizeof *w.left);
    w.cstart = malloc(((size_t)na + 1) * sizeof *w.cstart);
    w.order = malloc(((size_t)na + 1) * sizeof *w.order);
    int *tmp = malloc(((size_t)na + 1) * sizeof *tmp);
    int rc = -1;
    if (w.left && w.cstart && w.order && tmp) {
        for (int i = 0; i < na; i++)
            w.order[i] = i;
        order_areas(a, w.order, tmp, 0, na);
        set_headroom(&w);
        if (build_cands(&w, ix) == 0 && km_before(&w, out) == 0) {
            rc = run_policy(&w, e);
            if (rc == 0 && finish(&w, out) < 0)
                rc = err_set(e, "dispersal: out of memory");
        } else {
            err_set(e, "dispersal: out of memory");
        }
    } else {
        err_set(e, "dispersal: out of memory");
    }
    free(tmp);
    work_free(&w);
    if (rc < 0)
        disp_result_free(out);
    return rc;
}

int dispersal_run(const disp_practice *p, int np, const disp_area *a, int na,
                  const disp_rules *r, disp_result *out, err *e)
{
    nearby *ix = NULL;
    if (np >= 0 && (np == 0 || p)) {
        ix = disp_index_build(p, np);
        if (!ix) {
            memset(out, 0, sizeof *out);
            return err_set(e, "dispersal: out of memory");
        }
    }
    int rc = dispersal_run_ix(ix, p, np, a, na, r, out, e);
    nearby_free(ix);
    return rc;
}

void disp_result_free(disp_result *r)
{
    if (!r)
        return;
    free(r->flows);
    free(r->km_before);
    memset(r, 0, sizeof *r);
}
