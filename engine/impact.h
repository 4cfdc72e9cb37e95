/* What a dispersal means: for the closing practices' patients (travel),
 * for the receiving practices (list growth, capacity), and for groups of
 * patients (deprivation quintile, age 65+ and 75+). */
#ifndef CATCHMENT_IMPACT_H
#define CATCHMENT_IMPACT_H

#include "engine/dispersal.h"
#include "util/err.h"

#include <stdbool.h>

/* Rows of impact.imd: 0 unknown, then quintiles 1 (most deprived) .. 5. */
#define IMPACT_IMD_ROWS 6

/* Figures for one group.  Real numbers: age groups are estimates (a
 * practice's fraction of its list in the group, times its patients); the
 * caller rounds to whole patients when showing them. */
typedef struct {
    double displaced, placed, unplaced;
    double mean_km_before; /* area -> closing practice; NAN when none known */
    double mean_km_after;  /* area -> receiver, placed only; NAN when none */
    double beyond_reasonable; /* placed further than reasonable_km */
    double residence_unknown; /* displaced whose home area is unknown: in
                                 the counts, not in the km figures */
    bool assessed;         /* false: no data for the group (age groups with
                              no closing practice's age profile) */
} impact_group;

typedef struct {
    int practice;          /* index into the practices */
    long list_before, gain, list_after, capacity;
    bool over_before;      /* list_before > capacity (already over) */
    bool over_capacity;    /* list_after > capacity */
    bool full;             /* filled to capacity exactly: list_after ==
                              capacity (a capped policy's "no more room") */
    long over_by;          /* list_after - capacity when over, else 0 */
    double growth_pct;     /* gain / list_before x 100; NAN for an empty list */
    double per_fte_before; /* list_before / GP FTE; NAN when FTE unknown */
    double per_fte_after;  /* list_after / GP FTE; NAN when FTE unknown */
} impact_receiver;

typedef struct {
    long displaced, placed, unplaced;
    long residence_unknown; /* displaced whose home area is unknown; every
                               travel figure leaves them out */
    double mean_km_before, mean_km_after; /* patient-weighted; NAN when none */
    double p90_km_after;   /* 90% of placed patients (home area known)
                              travel this or less */
    long beyond_reasonable;
    impact_receiver *receivers; /* practices that gain, and pinned ones that
                                   can receive, largest gain first, ties by
                                   practice index */
    int nreceivers;
    int n_over, n_full;    /* receivers over capacity; filled to it */
    long patients_over;    /* sum of over_by */
    impact_group imd[IMPACT_IMD_ROWS];
    impact_group age65, age75; /* only closing practices with a known
                                  fraction count */
} impact;

/* Computes the figures of res (from dispersal_run over the same p and a).
 * frac65 and frac75 are per practice (np each, or NULL): the fraction of
 * the practice's list aged 65+ / 75+, NAN when unknown; only the closing
 * practices' values are read.  Returns 0, or -1 with e set. */
int impact_compute(const disp_practice *p, int np, const disp_area *a, int na,
                   double reasonable_km, const disp_result *res,
                   const double *frac65, const double *frac75, impact *out,
                   err *e);

void impact_free(impact *im);

/* IMD quintile of a decile: (decile + 1) / 2; 0 for unknown (0 or out of
 * range). */
int impact_quintile(int imd_decile);

/* "unknown", "1 (most deprived)", "2", "3", "4", "5 (least deprived)". */
const char *impact_imd_label(int row);

#endif
