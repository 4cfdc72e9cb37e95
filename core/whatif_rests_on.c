/* What a what-if's figures rest on that a reader must be told: which
 * receivers' capacity rests on made-up figures (a capacity file whose
 * notes say ILLUSTRATIVE, the demo's), how many are only assumed, and
 * whether any practice could be reached at all. */
#include "core/whatif.h"

#include <math.h>
#include <stdio.h>

static bool closing(const whatif *wf, int i)
{
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->closing[c] == i)
            return true;
    return false;
}

bool whatif_none_located(const world *w, const whatif *wf)
{
    for (int i = 0; i < w->n; i++) {
        const world_practice *wp = &w->v[i];
        if (wp->open && wp->p.list_size >= 0 && !isnan(wp->lat) && !closing(wf, i))
            return false;
    }
    return true;
}

static bool receiver_illustrative(const world *w, const whatif *wf, int i)
{
    const world_practice *wp = &w->v[i];
    return world_capacity_illustrative(&wp->facts, wp->fte_date, wf->cap_source[i]);
}

int whatif_illustrative_codes(const world *w, const whatif *wf, char *out, size_t n)
{
    enum { NAMED = 10 };
    int k = 0;
    size_t len = 0;
    *out = '\0';
    for (int i = 0; i < wf->im.nreceivers; i++) {
        int p = wf->im.receivers[i].practice;
        if (!receiver_illustrative(w, wf, p))
            continue;
        if (k < NAMED && len < n)
            len += (size_t)snprintf(out + len, n - len, "%s%s", k ? ", " : "", w->v[p].p.code);
        k++;
    }
    if (k > NAMED && len < n)
        snprintf(out + len, n - len, " and %d more", k - NAMED);
    return k;
}

int whatif_capacity_assumed(const whatif *wf)
{
    int k = 0;
    for (int i = 0; i < wf->im.nreceivers; i++)
        k += wf->cap_source[wf->im.receivers[i].practice] == CAP_DEFAULT_HEADROOM;
    return k;
}
