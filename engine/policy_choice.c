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
static int offer_cmp(const void *x, const void *y)
{
    const offer *a = x, *b = y;
    if (a->frac != b->frac)
        return a->frac > b->frac ? -1 : 1;
    return (a->c > b->c) - (a->c < b->c);
}

static double weight(const disp_work *w, const disp_cand *d)
{
    double list = w->p[d->p].list > 0 ? (double)w->p[d->p].list : 1.0;
    double km = d->km > DISP_CHOICE_MIN_KM ? d->km : DISP_CHOICE_MIN_KM;
    return list / pow(km, w->r->choice_beta);
}

/* One round: offers `rest` patients over the receivers with headroom left
 * and gives what fits.  Returns patients still to place, or -1. */
static long spread_round(disp_work *w, int ai, long rest, offer *o)
{
    int m = 0;
    double sum = 0;
    for (int c = w->cstart[ai]; c < w->cstart[ai + 1]; c++)
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
    qsort(o, (size_t)m, sizeof *o, offer_cmp);
    for (int j = 0; given < rest; j = (j + 1) % m, given++)
        o[j].n++;
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
        if (w->cstart[i + 1] - w->cstart[i] > most)
            most = w->cstart[i + 1] - w->cstart[i];
    offer *o = malloc((size_t)most * sizeof *o);
    if (!o)
        return err_set(e, "dispersal: out of memory");
    for (int k = 0; k < w->na; k++) {
        int ai = w->order[k];
        long rest = w->a[ai].patients, before;
        do {
            before = rest;
            rest = spread_round(w, ai, rest, o);
            if (rest < 0) {
                free(o);
                return err_set(e, "dispersal: out of memory");
            }
        } while (rest > 0 && rest < before);
    }
    free(o);
    return 0;
}
