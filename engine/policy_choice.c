/* Policy "choice": a Huff model.  Areas in the same order as "nearest".
 * An area's patients spread over its receivers with headroom in proportion
 *     share_j = list_j / max(d_j, 0.5 km)^beta  /  sum over receivers,
 * rounded to whole patients by largest remainder; a receiver offered more
 * than its headroom keeps only its headroom, and the overflow is spread
 * again over those with headroom left, until all are placed or no
 * receiver is left. */
#include "engine/disp_work.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    int c;        /* candidate index */
    double frac;  /* fractional part of its quota */
    long n;       /* whole patients offered */
} offer;

/* Largest remainder first; ties by nearer, then lower practice index
 * (candidates are already in that order, so by candidate index). */
static int offer_before(const offer *a, const offer *b)
{
    return a->frac > b->frac || (a->frac == b->frac && a->c < b->c);
}

static void ix_swap(int *ix, int i, int j)
{
    int t = ix[i];
    ix[i] = ix[j];
    ix[j] = t;
}

/* Puts the indexes of the k first offers (in offer_before's order) in
 * ix[0..k), in any order: a quickselect, linear on average where a sort
 * of every offer of every round was a third of this policy's time.  The
 * order is total, so which k are first does not depend on how they are
 * found.  The offers keep their order (nearest first), and so do the
 * flows given from them. */
static void first_k(const offer *o, int *ix, int m, int k)
{
    for (int j = 0; j < m; j++)
        ix[j] = j;
    int lo = 0, hi = m - 1;
    while (k > 0 && lo < hi) {
        ix_swap(ix, lo + (hi - lo) / 2, hi); /* the middle as pivot */
        int store = lo;
        for (int i = lo; i < hi; i++)
            if (offer_before(&o[ix[i]], &o[ix[hi]]))
                ix_swap(ix, i, store++);
        ix_swap(ix, store, hi); /* ix[lo..store) before the pivot, now at store */
        if (store == k || store == k - 1)
            return;
        if (store < k)
            lo = store + 1;
        else
            hi = store - 1;
    }
}

static double weight(const disp_work *w, const disp_cand *d)
{
    double list = w->p[d->p].list > 0 ? (double)w->p[d->p].list : 1.0;
    double km = d->km > DISP_CHOICE_MIN_KM ? d->km : DISP_CHOICE_MIN_KM;
    return list / pow(km, w->r->choice_beta);
}

/* One round: offers `rest` patients over the receivers with headroom left
 * and gives what fits.  Returns patients still to place, or -1. */
static long spread_round(disp_work *w, int ai, long rest, offer *o, int *ix)
{
    int m = 0;
    double sum = 0;
    for (int c = w->cstart[ai]; c < w->cend[ai]; c++)
        if (w->left[w->cand[c].p] > 0) {
            o[m++] = (offer){c, weight(w, &w->cand[c]), 0};
            sum += o[m - 1].frac;
        }
    if (m == 0)
        return rest;
    if (!(sum > 0) || !isfinite(sum)) { /* weights out of range: share equally */
        for (int j = 0; j < m; j++)
            o[j].frac = 1.0;
        sum = m;
    }
    long given = 0;
    for (int j = 0; j < m; j++) {
        double q = (double)rest * (o[j].frac / sum);
        o[j].n = (long)floor(q);
        if (o[j].n > rest - given)
            o[j].n = rest - given;
        o[j].frac = q - floor(q);
        given += o[j].n;
    }
    /* The rest, one each, to the largest remainders: k / m to all, then
     * one more to the k % m first. */
    long k = rest - given;
    for (int j = 0; j < m && k >= m; j++)
        o[j].n += k / m;
    first_k(o, ix, m, (int)(k % m));
    for (int j = 0; j < (int)(k % m); j++)
        o[ix[j]].n++;
    long placed = 0;
    for (int j = 0; j < m; j++) {
        const disp_cand *d = &w->cand[o[j].c];
        long n = o[j].n < w->left[d->p] ? o[j].n : w->left[d->p];
        if (n > 0 && work_give(w, ai, d, n) < 0)
            return -1;
        placed += n > 0 ? n : 0;
    }
    return rest - placed;
}

int policy_choice(disp_work *w, err *e)
{
    int most = 1;
    for (int i = 0; i < w->na; i++)
        if (w->cend[i] - w->cstart[i] > most)
            most = w->cend[i] - w->cstart[i];
    offer *o = malloc((size_t)most * sizeof *o);
    int *ix = malloc((size_t)most * sizeof *ix);
    if (!o || !ix) {
        free(o);
        free(ix);
        return err_set(e, "dispersal: out of memory");
    }
    int k;
    for (k = 0; k < w->na; k++) {
        int ai = w->order[k];
        long rest = w->a[ai].patients, before;
        do {
            before = rest;
            rest = spread_round(w, ai, rest, o, ix);
        } while (rest > 0 && rest < before);
        if (rest < 0)
            break;
    }
    free(o);
    free(ix);
    return k < w->na ? err_set(e, "dispersal: out of memory") : 0;
}
