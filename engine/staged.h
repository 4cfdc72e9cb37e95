/* A dispersal as it is run: first a share of each area's patients choose a
 * practice for themselves (the demand model, uncapped, or the choice
 * model within headroom); Primary Care Support England then allocates the
 * rest with the scenario's policy, within each receiver's agreed intake
 * (else its headroom left), at so many registrations a working day.
 *
 * Guarantees, on top of dispersal.h's:
 *   - self + allocated + unplaced == displaced, area by area;
 *   - an area's self-registering patients are its patients x pct / 100
 *     rounded half up (fewer only when none of them has a practice in
 *     reach, and those are then allocated);
 *   - no receiver is allocated more than its intake. */
#ifndef CATCHMENT_STAGED_H
#define CATCHMENT_STAGED_H

#include "engine/dispersal.h"

typedef struct {
    double self_pct;        /* 0 .. 100: share that self-registers */
    bool self_capped;       /* self-registration within headroom */
    const long *intake;     /* NULL, or per practice; -1 none agreed */
    const long *per_day;    /* NULL, or per practice; -1: the default */
    long default_per_day;   /* 0: none given */
} staged_opts;

typedef struct {
    disp_result all;        /* both stages: what the impact figures see */
    disp_result self;       /* the self-registrations (placed flows) */
    disp_result alloc;      /* the allocation: the list PCSE works from */
    long *self_gain, *alloc_gain; /* per practice */
    long *days;             /* per practice: working days to register its
                               allocation; 0 none allocated, -1 no rate */
    long self_placed, allocated;
    long weeks;             /* working weeks (5 days) until every allocated
                               patient is registered; -1 unknown (a
                               receiver without a rate) */
} staged_result;

/* Working days to register n patients at rate a day (rate > 0). */
long staged_days(long n, long rate);
/* Working weeks of five days that hold days. */
long staged_weeks(long days);

/* Runs both stages over the practices and areas (as dispersal_run_ix).
 * Returns 0, or -1 with e set; free out with staged_free. */
int staged_run(const nearby *ix, const disp_practice *p, int np,
               const disp_area *a, int na, const disp_rules *r,
               const staged_opts *o, staged_result *out, err *e);

void staged_free(staged_result *s);

#endif
