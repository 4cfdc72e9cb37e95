/* Inside the min-cost flow (mcf.h): the edges, and the two solvers that
 * fill in their flows.  Not for other files. */
#ifndef CATCHMENT_MCF_GRAPH_H
#define CATCHMENT_MCF_GRAPH_H

#include "engine/mcf.h"

/* (tier, cost), compared tier first. */
typedef struct cost2 {
    long long t, c;
} cost2;

static inline int cost2_lt(cost2 a, cost2 b)
{
    return a.t < b.t || (a.t == b.t && a.c < b.c);
}

struct mcf {
    int n, m, capm, solved;
    mcf_method method;
    /* edges 0..m-1; the simplex appends its artificial arcs after them */
    int *src, *dst;
    long long *cap;
    cost2 *cost;
    long long *flow;  /* m, once solved */
};

/* Room for `need` edges in src, dst, cap and cost.  0, or -1. */
int mcf_reserve(mcf *g, int need);

/* Each fills g->flow (allocated, zeroed) for supplies that mcf_solve has
 * checked.  0 solved, 1 infeasible, -1 out of memory. */
int mcf_simplex_solve(mcf *g, const long long *supply);
int mcf_paths_solve(mcf *g, const long long *supply);

#endif
