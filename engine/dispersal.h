/* Where the patients of closing practices go.  Patients live in areas
 * (LSOAs); each area belongs to one closing practice.  A policy sends
 * every area's patients to receiving practices within reach that have
 * headroom, in whole patients; whoever cannot be placed is "unplaced".
 * The "demand" policy asks where patients would go if nobody refused:
 * it ignores headroom, so it places everyone with a receiver in reach.
 *
 * Guarantees, whatever the policy:
 *   - sum of flow patients == sum of area patients, exactly;
 *   - no receiver gains more than its limit: its intake when the rules
 *     give one, else (but for "demand") its headroom,
 *     max(0, capacity - list);
 *   - no patient is sent further than max_km (by the distance in use);
 *   - closing practices (the `from` of any area) and practices with
 *     can_receive false or no known location never receive;
 *   - the same input gives the same flows, in the same order. */
#ifndef CATCHMENT_DISPERSAL_H
#define CATCHMENT_DISPERSAL_H

#include "engine/nearby.h"
#include "util/err.h"

#include <stdbool.h>

/* Huff distance-decay exponent used when a caller has no view. */
#define DISP_CHOICE_BETA 2.0
/* Distances below this count as this in the Huff model (no infinities). */
#define DISP_CHOICE_MIN_KM 0.5
/* The bounds of the input (dispersal_run refuses more as bad input):
 * max_km (km or the caller's unit) and all the areas' patients together.
 * Within them the optimal policy solves any case (engine/mcf.c). */
#define DISP_MAX_KM 20000.0
#define DISP_MAX_PATIENTS 1000000000000L

typedef struct {
    const char *code;  /* may be NULL */
    double lat, lon;   /* WGS84; NAN when unknown */
    long list;         /* registered patients (after any growth) */
    long capacity;
    double gp_fte;     /* NAN unknown (used by impact only) */
    bool can_receive;  /* false: closing, or a closed list the rules honour */
    bool pinned;       /* a receiver row even when it gains nobody (its capacity
                          was set in the scenario, 0 included, so it can be
                          seen and undone); used by impact only */
} disp_practice;

typedef struct {
    const char *area;  /* LSOA code, or the closing practice's postcode */
    int from;          /* index of the closing practice */
    double lat, lon;   /* NAN when the area has no known location */
    long patients;
    int imd_decile;    /* 1 most deprived .. 10; 0 unknown */
    bool residence_unknown; /* where they live is not known: lat/lon is a
                               stand-in (the closing practice's own), so
                               the area is left out of travel figures */
} disp_area;

typedef enum { POLICY_NEAREST, POLICY_CHOICE, POLICY_OPTIMAL, POLICY_DEMAND } disp_policy;
#define DISP_POLICIES 4

/* Each place's practices within a radius, nearest first, as the index
 * gives them one area at a time (disp_reach_build). */
typedef struct disp_reach disp_reach;

/* Distance from area to practice in km or minutes; NAN = no route. */
typedef double (*disp_dist_fn)(void *ctx, int area, int practice);

typedef struct {
    double max_km;        /* furthest a patient may be sent */
    double reasonable_km; /* travel beyond this is reported (impact) */
    double choice_beta;   /* Huff exponent for choice and demand, >= 0 */
    disp_policy policy;
    disp_dist_fn dist;    /* NULL: great-circle km from area to practice */
    void *dist_ctx;
    double search_km;     /* with dist: only practices within this
                             straight-line radius are tried; 0 tries all */
    const long *intake;   /* NULL, or per practice the most it takes (an
                             agreed intake), replacing its headroom; -1
                             where none was agreed */
    const disp_reach *reach; /* NULL, or the neighbours of the areas'
                             places kept (great-circle distance only, and
                             only when made for max_km): the same answer,
                             without asking the index again */
} disp_rules;

typedef struct {
    int area;        /* index into the areas */
    int to;          /* receiving practice, -1 unplaced */
    long patients;
    double km;       /* distance in use; NAN for unplaced */
} disp_flow;

typedef struct {
    disp_flow *flows;  /* by area; within an area nearest first (ties by
                          practice), the unplaced flow last */
    int nflows;
    double *km_before; /* per area: to its closing practice; NAN unknown */
    int nareas;
    long displaced, placed, unplaced;
    double patient_km; /* sum of patients x km over placed flows */
} disp_result;

/* max_km 8, reasonable_km 5, beta DISP_CHOICE_BETA, nearest, great-circle. */
disp_rules disp_rules_default(void);

/* "nearest", "choice", "optimal", "demand"; and back (-1 when unknown). */
const char *disp_policy_name(disp_policy p);
int disp_policy_parse(const char *s);

/* An index over the practices' locations, to reuse across many runs over
 * the same practice array (capacities and can_receive may change between
 * runs, locations may not).  NULL when out of memory. */
nearby *disp_index_build(const disp_practice *p, int np);

/* Runs the policy in r.  Returns 0, or -1 with e set (bad input, out of
 * memory); out is then empty.  Free out with disp_result_free. */
int dispersal_run(const disp_practice *p, int np, const disp_area *a, int na,
                  const disp_rules *r, disp_result *out, err *e);

/* As dispersal_run with an index from disp_index_build(p, np). */
int dispersal_run_ix(const nearby *ix, const disp_practice *p, int np,
                     const disp_area *a, int na, const disp_rules *r,
                     disp_result *out, err *e);

void disp_result_free(disp_result *r);

/* The practices within km of each place of the areas a[0..na), from
 * the index over the practices of later runs: kept for runs over those
 * places again (a sweep closing each practice in turn meets each LSOA in
 * every practice listing it, and asks the index once instead).  Read
 * only: runs on several threads may share it.  NULL when out of memory. */
disp_reach *disp_reach_build(const nearby *ix, const disp_area *a, int na, double km);

void disp_reach_free(disp_reach *r);

/* Merges flows of the same (area, practice) pair and puts them in the
 * published order (by area, nearest first, ties by practice, the unplaced
 * flow last).  Areas are 0 or more, and the flows of one pair carry one
 * distance (as every policy gives them).  *n becomes the number left.
 * Returns 0, or -1 when out of memory (f is then unchanged). */
int disp_flows_order(disp_flow *f, int *n);

/* Scales the areas' patients to sum to target in whole patients (largest
 * remainder, ties to the earlier area): the LSOA file says where a
 * practice's patients live, its list size how many there are. */
void disp_scale_areas(disp_area *a, int n, long target);

#endif
