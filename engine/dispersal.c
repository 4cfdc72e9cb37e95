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

static const char *const policy_names[DISP_POLICIES] = {"nearest", "choice", "optimal",
                                                        "demand"};

const char *disp_policy_name(disp_policy p)
{
    return (unsigned)p < DISP_POLICIES ? policy_names[p] : "unknown";
}

int disp_policy_parse(const char *s)
{
    for (int i = 0; s && i < DISP_POLICIES; i++)
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
    if ((unsigned)r->policy >= DISP_POLICIES)
        return err_set(e, "dispersal: unknown policy %d", (int)r->policy);
    if ((r->policy == POLICY_CHOICE || r->policy == POLICY_DEMAND) &&
        !(r->choice_beta >= 0 && r->choice_beta <= 20))
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

/* The most each practice may take: an agreed intake, else its headroom
 * (unlimited under demand).  Closing practices (the `from` of any area)
 * and unlocated ones take none. */
static void set_headroom(disp_work *w)
{
    for (int i = 0; i < w->np; i++) {
        const disp_practice *q = &w->p[i];
        int ok = q->can_receive && isfinite(q->lat) && isfinite(q->lon);
        long room = q->capacity > q->list ? q->capacity - q->list : 0;
        if (w->r->intake && w->r->intake[i] >= 0)
            room = w->r->intake[i];
        else if (w->r->policy == POLICY_DEMAND)
            room = DISP_UNLIMITED;
        w->left[i] = ok ? room : 0;
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
 * max_km by the distance in use.  Great-circle distance asks the rules'
 * reach (the same hits, kept) or else the index for max_km; a caller's
 * distance asks the index for search_km (or tries all). */
static int area_cands(disp_work *w, const nearby *ix, int ai, nearby_hit **h,
                      int *hcap, int *cap, int *n)
{
    const disp_area *a = &w->a[ai];
    const disp_rules *r = w->r;
    const nearby_hit *hit = NULL;
    int nh = -1, all = r->dist && !(r->search_km > 0);
    if (!all && !r->dist)
        nh = reach_find(r->reach, a->lat, a->lon, r->max_km, &hit);
    if (!all && nh < 0) {
        nh = nearby_within(ix, a->lat, a->lon, r->dist ? r->search_km : r->max_km, h, hcap);
        if (nh < 0)
            return -1;
        hit = *h;
    }
    int from = *n, m = all ? w->np : nh;
    for (int k = 0; k < m; k++) {
        int p = all ? k : hit[k].index;
        if (w->left[p] <= 0)
            continue;
        double km = r->dist ? r->dist(r->dist_ctx, ai, p) : hit[k].km;
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
 * practices) shares its list.  A place table (disp_work.h) finds it. */
int place_tab_init(place_tab *t, int na)
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
    size_t s = place_hash(a[i].lat, a[i].lon) & t->mask;
    while (t->slot[s] >= 0 && !(a[t->slot[s]].lat == a[i].lat && a[t->slot[s]].lon == a[i].lon))
        s = (s + 1) & t->mask;
    return &t->slot[s];
}

/* Every area's candidates, those at one place in one list (a town's
 * closures list each LSOA many times over; copies were most of the
 * memory the engine touched). */
static int build_cands(disp_work *w, const nearby *ix)
{
    nearby_hit *h = NULL;
    int hcap = 0, cap = 0, n = 0, rc = 0, share = !w->r->dist;
    place_tab t = {0};
    if (share && place_tab_init(&t, w->na) < 0)
        return -1;
    for (int i = 0; i < w->na && rc == 0; i++) {
        const disp_area *a = &w->a[i];
        w->cstart[i] = w->cend[i] = n;
        if (!(a->patients > 0 && isfinite(a->lat) && isfinite(a->lon)))
            continue;
        int *same = share ? place_slot(&t, w->a, i) : NULL;
        if (same && *same >= 0) {
            w->cstart[i] = w->cstart[*same];
            w->cend[i] = w->cend[*same];
            continue;
        }
        rc = area_cands(w, ix, i, &h, &hcap, &cap, &n);
        w->cend[i] = n;
        if (same)
            *same = i;
    }
    w->ncand = n;
    free(t.slot);
    free(h);
    return rc;
}

static int flow_to_cmp(const void *x, const void *y)
{
    const disp_flow *a = x, *b = y;
    return (a->to > b->to) - (a->to < b->to);
}

/* The published order within an area: nearest first, ties by practice,
 * the unplaced flow (to -1, km NAN) last. */
static int flow_out_cmp(const void *x, const void *y)
{
    const disp_flow *a = x, *b = y;
    if ((a->to < 0) != (b->to < 0))
        return a->to < 0 ? 1 : -1;
    if (a->to >= 0 && a->km != b->km)
        return a->km < b->km ? -1 : 1;
    return (a->to > b->to) - (a->to < b->to);
}

/* One area's flows: pairs merged (the first's km kept), then in the
 * published order.  Returns how many are left.  Flows already in that
 * order with no pair twice (most: the policies give an area's flows
 * nearest first) are left as they are. */
static int order_area(disp_flow *f, int n)
{
    int m = 0;
    while (m + 1 < n && flow_out_cmp(&f[m], &f[m + 1]) < 0)
        m++;
    if (m + 1 >= n)
        return n;
    m = 0;
    if (n > 1)
        qsort(f, (size_t)n, sizeof *f, flow_to_cmp);
    for (int i = 0; i < n; i++) {
        if (m > 0 && f[m - 1].to == f[i].to)
            f[m - 1].patients += f[i].patients;
        else
            f[m++] = f[i];
    }
    if (m > 1)
        qsort(f, (size_t)m, sizeof *f, flow_out_cmp);
    return m;
}

/* A counting sort by area, then each area's few flows sorted apart: one
 * global sort of a policy that spreads every area over many receivers
 * ("choice", "demand") cost a third of its time. */
int disp_flows_order(disp_flow *f, int *count)
{
    int n = *count, areas = 0;
    for (int i = 0; i < n; i++)
        if (f[i].area >= areas)
            areas = f[i].area + 1;
    int *start = calloc((size_t)areas + 2, sizeof *start);
    disp_flow *t = malloc(((size_t)n + 1) * sizeof *t);
    if (!start || !t) {
        free(start);
        free(t);
        return -1;
    }
    for (int i = 0; i < n; i++)
        start[f[i].area + 2]++;
    for (int a = 2; a <= areas; a++)
        start[a] += start[a - 1];
    for (int i = 0; i < n; i++) /* stable: start[a + 1] counts area a's so far */
        t[start[f[i].area + 1]++] = f[i];
    int m = 0;
    for (int a = 0; a < areas; a++) {
        int k = order_area(t + start[a], start[a + 1] - start[a]);
        memcpy(f + m, t + start[a], (size_t)k * sizeof *f);
        m += k;
    }
    free(start);
    free(t);
    *count = m;
    return 0;
}

/* Adds each area's unplaced remainder to the placed flows, merges
 * repeated (area, practice) pairs, and totals: nobody is lost, by
 * construction. */
static int finish(disp_work *w, disp_result *out)
{
    int n = w->nflows;
    disp_flow *o = malloc(((size_t)n + (size_t)w->na + 1) * sizeof *o);
    long *placed = calloc((size_t)w->na + 1, sizeof *placed);
    if (!o || !placed) {
        free(o);
        free(placed);
        return -1;
    }
    if (n > 0)
        memcpy(o, w->flows, (size_t)n * sizeof *o);
    for (int i = 0; i < n; i++)
        placed[o[i].area] += o[i].patients;
    for (int i = 0; i < w->na; i++) {
        long rest = w->a[i].patients - placed[i];
        out->displaced += w->a[i].patients;
        if (rest > 0)
            o[n++] = (disp_flow){i, -1, rest, NAN};
    }
    free(placed);
    if (disp_flows_order(o, &n) < 0) {
        free(o);
        return -1;
    }
    for (int i = 0; i < n; i++) /* in the published order: the same sum every time */
        if (o[i].to >= 0) {
            out->placed += o[i].patients;
            out->patient_km += (double)o[i].patients * o[i].km;
        }
    out->unplaced = out->displaced - out->placed;
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
    case POLICY_DEMAND: return policy_demand(w, e);
    }
    return err_set(e, "dispersal: unknown policy");
}

static void work_free(disp_work *w)
{
    free(w->left);
    free(w->cstart);
    free(w->cend);
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
    w.cend = malloc(((size_t)na + 1) * sizeof *w.cend);
    w.order = malloc(((size_t)na + 1) * sizeof *w.order);
    int *tmp = malloc(((size_t)na + 1) * sizeof *tmp);
    int rc = -1;
    if (w.left && w.cstart && w.cend && w.order && tmp) {
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
