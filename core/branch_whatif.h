/* Closing a branch surgery: the practice's sites and where its patients
 * live from the store, the travel figures from the engine. */
#ifndef CATCHMENT_BRANCH_WHATIF_H
#define CATCHMENT_BRANCH_WHATIF_H

#include <stdbool.h>

#include "core/world.h"
#include "engine/branch.h"

enum { BRANCH_SITES = 17 };

typedef struct branch_whatif {
    branch_rec branch;        /* the closing branch */
    int practice;             /* its practice, a world index */
    int nsites;               /* the practice's sites: main, then open branches */
    char site_code[BRANCH_SITES][CODE_MAX];
    branch_site sites[BRANCH_SITES];
    bool modelled;            /* where patients live is the MODELLED stand-in */
    long area_date;           /* the practice-by-LSOA extract */
    branch_impact im;
} branch_whatif;

/* Runs the what-if for branch code (case-insensitive).  0, or -1 with e
 * set: no such branch, its practice not in the world, no LSOA data. */
int branch_whatif_run(const world *w, store *s, const char *code, double reasonable_km,
                      branch_whatif *out, err *e);

#endif
