/* Minimum-cost flow on a directed graph with integer capacities and
 * costs that are pairs (tier, cost), compared tier first: an ordinary arc
 * costs (0, cost), a last-resort arc (1, 0), so one more unit over a
 * last-resort arc is dearer than any path of ordinary arcs, without a
 * "big M" that could overflow.  Two exact methods, both deterministic
 * (the same graph and supplies give the same flows):
 *   MCF_SIMPLEX  the primal network simplex (mcf_simplex.c): the one to
 *                use, quicker on every closure measured (bench/results.md);
 *   MCF_PATHS    successive shortest paths from each sending node in turn
 *                (mcf_paths.c), the solver before it: kept as a second,
 *                independent exact method that the tests hold it to.
 *
 * Bounds (each solver's file proves every figure then fits in 64 bits):
 * ordinary costs in 0..MCF_COST_MAX, at most MCF_NODES_MAX nodes,
 * capacities in 0..MCF_CAP_MAX, supplies summing to 0 with the positive
 * ones summing to at most MCF_CAP_MAX. */
#ifndef CATCHMENT_MCF_H
#define CATCHMENT_MCF_H

/* 2^28: 268,435 km in metres, more than six times round the Earth. */
#define MCF_COST_MAX (1LL << 28)
#define MCF_NODES_MAX (1 << 28)
#define MCF_CAP_MAX (1LL << 62)

typedef struct mcf mcf;

typedef enum { MCF_SIMPLEX, MCF_PATHS } mcf_method;

/* A graph of n nodes (0..n-1), to be solved by `method`.  NULL when out
 * of memory or n is out of bounds. */
mcf *mcf_new(int n, mcf_method method);

void mcf_free(mcf *g);

/* Adds an ordinary edge; returns its id (for mcf_flow), or -1 when out of
 * memory or the edge is invalid (bad node, capacity or cost outside the
 * bounds, or the graph already solved). */
int mcf_add(mcf *g, int from, int to, long long cap, long long cost);

/* Adds a last-resort edge: used only where no path of ordinary edges
 * could carry the unit instead. */
int mcf_add_last(mcf *g, int from, int to, long long cap);

/* The cheapest flow meeting the supplies (n values, positive: sent,
 * negative: received, summing to 0; MCF_PATHS: one node receives, and
 * the senders send in node order, which only decides between flows of
 * equal cost).  Returns 0; 1 when no flow meets them (flows are then
 * meaningless); -1 when out of memory or the supplies are out of bounds.
 * Solve once. */
int mcf_solve(mcf *g, const long long *supply);

/* Flow on an edge in the solution. */
long long mcf_flow(const mcf *g, int edge);

#endif
