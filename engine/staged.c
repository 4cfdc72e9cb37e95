#include "engine/staged.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

long staged_days(long n, long rate)
{
    return n <= 0 ? 0 : (n + rate - 1) / rate;
}

long staged_weeks(long days)
{
    return (days + 4) / 5;
}

/* Each area's self-registering share, rounded half up. */
static void self_share(disp_area *a1, const disp_area *a, int na, double pct)
{
    for (int i = 0; i < na; i++) {
        a1[i] = a[i];
        a1[i].patients = (long)floor((double)a[i].patients * pct / 100.0 + 0.5);
        if (a1[i].patients > a[i].patients)
            a1[i].patients = a[i].patients;
    }
}

/* What is left of each area, and the receivers' lists after the
 * self-registrations (so their headroom counts them). */
static void leftover(const staged_result *s, const disp_practice *p, int np,
                      const disp_area *a, int na, disp_practice *p2, disp_area *a2)
{
    for (int i = 0; i < na; i++)
        a2[i] = a[i];
    for (int i = 0; i < s->self.nflows; i++) {
        const disp_flow *f = &s->self.flows[i];
        if (f->to >= 0)
            a2[f->area].patients -= f->patients;
    }
    for (int i = 0; i < np; i++) {
        p2[i] = p[i];
        p2[i].list += s->self_gain[i];
    }
}

/* Both stages as one result: the self-registrations' placed flows and
 * the allocation's flows (its unplaced are everyone's unplaced). */
static int join(staged_result *s)
{
    disp_result *o = &s->all, *x = &s->self, *y = &s->alloc;
    o->flows = malloc(((size_t)x->nflows + (size_t)y->nflows + 1) * sizeof *o->flows);
    o->km_before = malloc(((size_t)y->nareas + 1) * sizeof *o->km_before);
    if (!o->flows || !o->km_before)
        return -1;
    for (int i = 0; i < x->nflows; i++)
        if (x->flows[i].to >= 0)
            o->flows[o->nflows++] = x->flows[i];
    memcpy(o->flows + o->nflows, y->flows, (size_t)y->nflows * sizeof *o->flows);
    o->nflows += y->nflows;
    if (disp_flows_order(o->flows, &o->nflows) < 0)
        return -1;
    if (y->nareas > 0)
        memcpy(o->km_before, y->km_before, (size_t)y->nareas * sizeof *o->km_before);
    o->nareas = y->nareas;
    o->placed = x->placed + y->placed;
    o->unplaced = y->unplaced;
    o->displaced = o->placed + o->unplaced;
    o->patient_km = x->patient_km + y->patient_km;
    return 0;
}

static void gains(const disp_result *r, long *gain)
{
    for (int i = 0; i < r->nflows; i++)
        if (r->flows[i].to >= 0)
            gain[r->flows[i].to] += r->flows[i].patients;
}

/* Working days per receiver, and the weeks until the last is done. */
static void schedule(staged_result *s, const staged_opts *o, int np)
{
    long most = 0;
    bool unknown = false;
    for (int i = 0; i < np; i++) {
        long rate = o->per_day && o->per_day[i] > 0 ? o->per_day[i] : o->default_per_day;
        if (s->alloc_gain[i] <= 0)
            s->days[i] = 0;
        else if (rate > 0)
            s->days[i] = staged_days(s->alloc_gain[i], rate);
        else
            s->days[i] = -1, unknown = true;
        if (s->days[i] > most)
            most = s->days[i];
    }
    s->weeks = unknown ? -1 : staged_weeks(most);
}

static int stages(const nearby *ix, const disp_practice *p, int np, const disp_area *a,
                  int na, const disp_rules *r, const staged_opts *o, staged_result *out,
                  disp_area *aw, disp_practice *pw, err *e)
{
    disp_rules r1 = *r, r2 = *r;
    r1.policy = o->self_capped ? POLICY_CHOICE : POLICY_DEMAND;
    r1.intake = NULL;
    r2.intake = o->intake;
    self_share(aw, a, na, o->self_pct);
    if (dispersal_run_ix(ix, p, np, aw, na, &r1, &out->self, e) < 0)
        return -1;
    gains(&out->self, out->self_gain);
    leftover(out, p, np, a, na, pw, aw);
    if (dispersal_run_ix(ix, pw, np, aw, na, &r2, &out->alloc, e) < 0)
        return -1;
    gains(&out->alloc, out->alloc_gain);
    if (join(out) < 0)
        return err_set(e, "dispersal: out of memory");
    out->self_placed = out->self.placed;
    out->allocated = out->alloc.placed;
    schedule(out, o, np);
    return 0;
}

int staged_run(const nearby *ix, const disp_practice *p, int np, const disp_area *a,
               int na, const disp_rules *r, const staged_opts *o, staged_result *out,
               err *e)
{
    memset(out, 0, sizeof *out);
    if (np < 0 || na < 0 || !o)
        return err_set(e, "dispersal: missing practices, areas or options");
    if (!(o->self_pct >= 0 && o->self_pct <= 100) || o->default_per_day < 0)
        return err_set(e, "dispersal: self-registration share must be 0 to 100 and the "
                          "rate 0 or more");
    disp_area *aw = calloc((size_t)na + 1, sizeof *aw);
    disp_practice *pw = calloc((size_t)np + 1, sizeof *pw);
    out->self_gain = calloc((size_t)np + 1, sizeof *out->self_gain);
    out->alloc_gain = calloc((size_t)np + 1, sizeof *out->alloc_gain);
    out->days = calloc((size_t)np + 1, sizeof *out->days);
    int rc = !aw || !pw || !out->self_gain || !out->alloc_gain || !out->days
                 ? err_set(e, "dispersal: out of memory")
                 : stages(ix, p, np, a, na, r, o, out, aw, pw, e);
    free(aw);
    free(pw);
    if (rc < 0)
        staged_free(out);
    return rc;
}

void staged_free(staged_result *s)
{
    if (!s)
        return;
    disp_result_free(&s->all);
    disp_result_free(&s->self);
    disp_result_free(&s->alloc);
    free(s->self_gain);
    free(s->alloc_gain);
    free(s->days);
    memset(s, 0, sizeof *s);
}
