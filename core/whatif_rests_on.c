/* What a what-if's figures rest on that a reader must be told: which
 * receivers' capacity rests on made-up figures (a capacity file whose
 * notes say ILLUSTRATIVE, the demo's), how many are only assumed,
 * whether any practice could be reached at all, and the ICB baseline's
 * date. */
#include "core/whatif.h"

#include <math.h>
#include <stdio.h>

#include "util/text.h"

bool whatif_none_located(const world *w, const whatif *wf)
{
    for (int i = 0; i < w->n; i++) {
        const world_practice *wp = &w->v[i];
        if (world_capacity_known(wp) && !isnan(wp->lat) && !whatif_closes(wf, i))
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

const char *whatif_baseline_text(const whatif *wf, const char *what, char *out, size_t n)
{
    const eq_pack *q = &wf->eq;
    char p[32], d1[16], d2[16], dates[48];
    if (!q->base_date || q->base_patients <= 0) {
        snprintf(out, n, "not known: no registrations by area on or before %s",
                 text_date_or_dash(wf->as_at, d1, sizeof d1));
        return out;
    }
    text_date_or_dash(q->base_date, d2, sizeof d2);
    if (q->base_oldest && q->base_oldest != q->base_date)
        snprintf(dates, sizeof dates, "extracts of %s to %s",
                 text_date_or_dash(q->base_oldest, d1, sizeof d1), d2);
    else
        snprintf(dates, sizeof dates, "extract of %s", d2);
    snprintf(out, n, "%s patients %s, %s%s", text_thousands(lround(q->base_patients), p, sizeof p),
             what, dates, q->base_modelled ? ", MODELLED" : "");
    return out;
}
