/* Closing one site of a practice whose patients stay registered (a branch
 * surgery): each area's patients use the practice's nearest open site;
 * those whose nearest was the closing site now travel to the nearest one
 * left.  Travel figures only: no list moves.  Pure arithmetic. */
#ifndef CATCHMENT_BRANCH_H
#define CATCHMENT_BRANCH_H

#include <stdbool.h>

#include "engine/dispersal.h"
#include "util/err.h"

typedef struct {
    double lat, lon;  /* NAN: not located (never used) */
    bool closing;
} branch_site;

typedef struct {
    long patients;          /* in located areas */
    long not_located;       /* in areas with no known location */
    long affected;          /* whose nearest site was the closing one */
    double mean_km_before, mean_km_after;         /* every located patient */
    double affected_km_before, affected_km_after; /* the affected; NAN none */
    long beyond_before, beyond_after;             /* further than reasonable */
} branch_impact;

/* Fails when no located site is left open. */
int branch_close(const disp_area *a, int na, const branch_site *s, int ns,
                 double reasonable_km, branch_impact *out, err *e);

#endif
