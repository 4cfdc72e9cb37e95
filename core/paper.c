#include "core/paper.h"

#include <stdlib.h>

static bool near_capacity(const impact_receiver *r)
{
    return r->capacity > 0 && r->list_after * 100 >= r->capacity * PAPER_NEAR_PCT;
}

const char *paper_capacity_note(const impact_receiver *r)
{
    if (r->over_capacity)
        return r->over_before ? "already over" : "over capacity";
    if (r->list_after == r->capacity)
        return "full";
    return near_capacity(r) ? "near capacity" : "";
}

long paper_round_above(long v)
{
    for (long p = 1;; p *= 10)
        for (int k = 0; k < 3; k++) {
            long b = p * (k == 0 ? 1 : k == 1 ? 2 : 5);
            if (b > v)
                return b;
        }
}

int paper_pick(const whatif *wf, paper_receivers *out)
{
    const impact *im = &wf->im;
    long max_other = 0;
    *out = (paper_receivers){0};
    out->rows = calloc((size_t)im->nreceivers + 1, sizeof *out->rows);
    if (!out->rows)
        return -1;
    for (int i = 0; i < im->nreceivers; i++) {
        const impact_receiver *r = &im->receivers[i];
        bool over = r->over_capacity && r->gain > 0, near = !r->over_capacity && near_capacity(r);
        out->over += over;
        out->near += near;
        if (i < PAPER_TOP || over || near) {
            out->rows[out->n++] = i;
        } else {
            out->others++;
            max_other = r->gain > max_other ? r->gain : max_other;
        }
    }
    out->others_under = paper_round_above(max_other);
    return 0;
}

void paper_free(paper_receivers *pr)
{
    free(pr->rows);
    *pr = (paper_receivers){0};
}
