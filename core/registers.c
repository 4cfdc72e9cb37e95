#include "core/registers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

struct reg_load {
    reg_sum *v;
    int n, cap;
    evidence last;   /* the newest point of the measure being read */
    bool have;
    err *e;
};

static reg_sum *find(struct reg_load *rl, const char *measure)
{
    for (int i = 0; i < rl->n; i++)
        if (strcmp(rl->v[i].measure, measure) == 0)
            return &rl->v[i];
    if (rl->n == rl->cap) {
        int nc = rl->cap ? rl->cap * 2 : 32;
        reg_sum *v = realloc(rl->v, (size_t)nc * sizeof *v);
        if (!v)
            return NULL;
        rl->v = v;
        rl->cap = nc;
    }
    reg_sum *r = &rl->v[rl->n++];
    memset(r, 0, sizeof *r);
    text_copy(r->measure, sizeof r->measure, measure);
    return r;
}

/* Adds the newest point of the measure just read to the sums. */
static int flush(struct reg_load *rl)
{
    if (!rl->have)
        return 0;
    rl->have = false;
    reg_sum *r = find(rl, rl->last.measure);
    if (!r)
        return err_set(rl->e, "out of memory");
    r->patients += isfinite(rl->last.value) ? rl->last.value : 0;
    r->list += isfinite(rl->last.base) ? rl->last.base : 0;
    if (strcmp(rl->last.period, r->period) > 0)
        text_copy(r->period, sizeof r->period, rl->last.period);
    r->practices++;
    return 0;
}

static int add(const evidence *ev, void *ctx)
{
    struct reg_load *rl = ctx;
    if (strncmp(ev->measure, "qof.", 4) != 0)
        return 0;
    if (rl->have && strcmp(rl->last.measure, ev->measure) != 0 && flush(rl))
        return -1;
    rl->last = *ev;   /* points come oldest first: the last one stays */
    rl->have = true;
    return 0;
}

static int by_measure(const void *a, const void *b)
{
    return strcmp(((const reg_sum *)a)->measure, ((const reg_sum *)b)->measure);
}

int registers_read(store *s, const world *w, const int *closing, int n, reg_sum **out,
                   int *nout, err *e)
{
    struct reg_load rl = {NULL, 0, 0, {{0}}, false, e};
    for (int c = 0; c < n; c++)
        if (store_evidence_each(s, w->v[closing[c]].p.code, add, &rl, e) < 0 || flush(&rl)) {
            free(rl.v);
            return -1;
        }
    if (rl.n)
        qsort(rl.v, (size_t)rl.n, sizeof *rl.v, by_measure);
    *out = rl.v;
    *nout = rl.n;
    return 0;
}
