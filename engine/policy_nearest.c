/* Policy "nearest": areas one at a time, largest first (ties by area code,
 * then input order); each area's patients fill its nearest receiver with
 * headroom left, then the next nearest, up to max_km. */
#include "engine/disp_work.h"

int policy_nearest(disp_work *w, err *e)
{
    for (int k = 0; k < w->na; k++) {
        int ai = w->order[k];
        long rest = w->a[ai].patients;
        for (int c = w->cstart[ai]; c < w->cend[ai] && rest > 0; c++) {
            const disp_cand *d = &w->cand[c];
            long n = w->left[d->p] < rest ? w->left[d->p] : rest;
            if (n > 0 && work_give(w, ai, d, n) < 0)
                return err_set(e, "dispersal: out of memory");
            rest -= n > 0 ? n : 0;
        }
    }
    return 0;
}
