#include "engine/impact.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int impact_quintile(int d)
{
    return d >= 1 && d <= 10 ? (d + 1) / 2 : 0;
}

const char *impact_imd_label(int row)
{
    static const char *const names[IMPACT_IMD_ROWS] = {
        "unknown", "1 (most deprived)", "2", "3", "4", "5 (least deprived)"};
    return row >= 0 && row < IMPACT_IMD_ROWS ? names[row] : "unknown";
}

/* Running sums behind one impact_group. */
typedef struct {
    double displaced, placed, unplaced, beyond, unknown;
    double before_n, before_km, after_n, after_km;
    bool any;
} tally;

/* Adds area ai's patients and flows [f0, f1) to t with weight w (1 for a
 * whole group, the age fraction for an age group). */
static void tally_area(tally *t, double w, const disp_area *a, double km_before,
                       const disp_flow *f, int nf, double reasonable_km)
{
    bool known = !a->residence_unknown;
    t->any = true;
    t->displaced += w * (double)a->patients;
    if (!known)
        t->unknown += w * (double)a->patients;
    if (known && isfinite(km_before)) {
        t->before_n += w * (double)a->patients;
        t->before_km += w * (double)a->patients * km_before;
    }
    for (int i = 0; i < nf; i++) {
        double n = w * (double)f[i].patients;
        if (f[i].to < 0) {
            t->unplaced += n;
            continue;
        }
        t->placed += n;
        if (!known)
            continue;
        t->after_n += n;
        t->after_km += n * f[i].km;
        if (f[i].km > reasonable_km)
            t->beyond += n;
    }
}

static impact_group tally_group(const tally *t)
{
    return (impact_group){
        .displaced = t->displaced,
        .placed = t->placed,
        .unplaced = t->unplaced,
        .mean_km_before = t->before_n > 0 ? t->before_km / t->before_n : NAN,
        .mean_km_after = t->after_n > 0 ? t->after_km / t->after_n : NAN,
        .beyond_reasonable = t->beyond,
        .residence_unknown = t->unknown,
        .assessed = t->any,
    };
}

static double frac_of(const double *frac, int from)
{
    if (!frac)
        return NAN;
    double f = frac[from];
    return isfinite(f) && f >= 0 && f <= 1 ? f : NAN;
}

/* Every group at once, walking each area's run of flows (flows come
 * grouped by area). */
static void groups(const disp_area *a, int na, double rk, const disp_result *res,
                   const double *f65, const double *f75, impact *out)
{
    tally all = {0}, imd[IMPACT_IMD_ROWS] = {{0}}, t65 = {0}, t75 = {0};
    int k = 0;
    for (int i = 0; i < na; i++) {
        int k0 = k;
        while (k < res->nflows && res->flows[k].area == i)
            k++;
        const disp_flow *f = res->flows + k0;
        double kb = res->km_before[i], x;
        tally_area(&all, 1, &a[i], kb, f, k - k0, rk);
        tally_area(&imd[impact_quintile(a[i].imd_decile)], 1, &a[i], kb, f, k - k0, rk);
        if (!isnan(x = frac_of(f65, a[i].from)))
            tally_area(&t65, x, &a[i], kb, f, k - k0, rk);
        if (!isnan(x = frac_of(f75, a[i].from)))
            tally_area(&t75, x, &a[i], kb, f, k - k0, rk);
    }
    impact_group g = tally_group(&all);
    out->mean_km_before = g.mean_km_before;
    out->mean_km_after = g.mean_km_after;
    out->beyond_reasonable = (long)llround(all.beyond);
    out->residence_unknown = (long)llround(all.unknown);
    for (int r = 0; r < IMPACT_IMD_ROWS; r++) {
        out->imd[r] = tally_group(&imd[r]);
        out->imd[r].assessed = true;
    }
    out->age65 = tally_group(&t65);
    out->age75 = tally_group(&t75);
}

typedef struct {
    double km;
    long n;
} km_n;

static void km_swap(km_n *v, int i, int j)
{
    km_n t = v[i];
    v[i] = v[j];
    v[j] = t;
}

/* The km at which patients counted from the shortest trip reach `rank`
 * (1 <= rank <= their sum): a quickselect weighted by patients, three
 * ways around the pivot's km, so no sort of every flow (equal distances
 * give the same answer in any order).  Reorders v. */
static double km_at_rank(km_n *v, int m, long rank)
{
    int lo = 0, hi = m - 1;
    while (lo < hi) {
        double p = v[lo + (hi - lo) / 2].km;
        int lt = lo, i = lo, gt = hi;
        long below = 0, equal = 0;
        while (i <= gt) { /* [lo, lt) < p, [lt, i) == p, (gt, hi] > p */
            if (v[i].km < p)
                below += v[i].n, km_swap(v, lt++, i++);
            else if (v[i].km > p)
                km_swap(v, i, gt--);
            else
                equal += v[i++].n;
        }
        if (rank <= below)
            hi = lt - 1;
        else if (rank <= below + equal)
            return p;
        else
            rank -= below + equal, lo = gt + 1;
    }
    return v[lo].km;
}

/* Nearest-rank percentile over placed patients whose home area is
 * known: the distance of the ceil(0.9 x n)-th, from the shortest trip. */
static int p90(const disp_area *a, const disp_result *res, impact *out)
{
    km_n *v = malloc(((size_t)res->nflows + 1) * sizeof *v);
    if (!v)
        return -1;
    int m = 0;
    long known = 0;
    for (int i = 0; i < res->nflows; i++)
        if (res->flows[i].to >= 0 && !a[res->flows[i].area].residence_unknown) {
            v[m++] = (km_n){res->flows[i].km, res->flows[i].patients};
            known += res->flows[i].patients;
        }
    long rank = (long)ceil(0.9 * (double)known);
    out->p90_km_after = rank > 0 && m > 0 ? km_at_rank(v, m, rank) : NAN;
    free(v);
    return 0;
}

static int recv_cmp(const void *x, const void *y)
{
    const impact_receiver *a = x, *b = y;
    if (a->gain != b->gain)
        return a->gain > b->gain ? -1 : 1;
    return (a->practice > b->practice) - (a->practice < b->practice);
}

static int receivers(const disp_practice *p, int np, const disp_result *res,
                     impact *out)
{
    long *gain = calloc((size_t)np + 1, sizeof *gain);
    if (!gain)
        return -1;
    for (int i = 0; i < res->nflows; i++)
        if (res->flows[i].to >= 0)
            gain[res->flows[i].to] += res->flows[i].patients;
    int n = 0;
    for (int i = 0; i < np; i++)
        n += gain[i] > 0 || (p[i].pinned && p[i].can_receive);
    out->receivers = malloc(((size_t)n + 1) * sizeof *out->receivers);
    if (!out->receivers) {
        free(gain);
        return -1;
    }
    for (int i = 0; i < np; i++) {
        if (gain[i] <= 0 && !(p[i].pinned && p[i].can_receive))
            continue;
        impact_receiver *r = &out->receivers[out->nreceivers++];
        r->practice = i;
        r->list_before = p[i].list;
        r->gain = gain[i];
        r->list_after = p[i].list + gain[i];
        r->capacity = p[i].capacity;
        r->over_before = p[i].list > p[i].capacity;
        r->over_capacity = r->list_after > p[i].capacity;
        r->full = r->list_after == p[i].capacity;
        r->over_by = r->over_capacity ? r->list_after - p[i].capacity : 0;
        out->n_over += r->over_capacity;
        out->n_full += r->full;
        out->patients_over += r->over_by;
        r->growth_pct = p[i].list > 0 ? 100.0 * (double)gain[i] / (double)p[i].list : NAN;
        bool fte = isfinite(p[i].gp_fte) && p[i].gp_fte > 0;
        r->per_fte_before = fte ? (double)r->list_before / p[i].gp_fte : NAN;
        r->per_fte_after = fte ? (double)r->list_after / p[i].gp_fte : NAN;
    }
    free(gain);
    qsort(out->receivers, (size_t)out->nreceivers, sizeof *out->receivers, recv_cmp);
    return 0;
}

/* The result must belong to these areas and practices, flows grouped by
 * area: anything else is a caller's mistake, reported, not guessed at. */
static int check_result(int np, int na, const disp_result *res, err *e)
{
    if (!res || res->nareas != na || (na > 0 && !res->km_before))
        return err_set(e, "impact: result does not match the areas");
    for (int i = 0; i < res->nflows; i++) {
        const disp_flow *f = &res->flows[i];
        if (f->area < 0 || f->area >= na || f->to < -1 || f->to >= np ||
            f->patients < 0 || (i > 0 && f->area < res->flows[i - 1].area))
            return err_set(e, "impact: flow %d does not match the input", i);
    }
    return 0;
}

int impact_compute(const disp_practice *p, int np, const disp_area *a, int na,
                   double reasonable_km, const disp_result *res,
                   const double *frac65, const double *frac75, impact *out,
                   err *e)
{
    memset(out, 0, sizeof *out);
    if (check_result(np, na, res, e) < 0)
        return -1;
    for (int i = 0; i < na; i++)
        if (a[i].from < 0 || a[i].from >= np)
            return err_set(e, "impact: area %d: closing practice out of range", i);
    out->displaced = res->displaced;
    out->placed = res->placed;
    out->unplaced = res->unplaced;
    groups(a, na, reasonable_km, res, frac65, frac75, out);
    if (p90(a, res, out) < 0 || receivers(p, np, res, out) < 0) {
        impact_free(out);
        return err_set(e, "impact: out of memory");
    }
    return 0;
}

void impact_free(impact *im)
{
    if (!im)
        return;
    free(im->receivers);
    memset(im, 0, sizeof *im);
}
