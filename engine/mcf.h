/* Minimum-cost maximum flow on a small directed graph with integer
 * capacities and non-negative integer costs: successive shortest paths,
 * Dijkstra with node potentials (stopping once the sink is settled).
 * Exact and deterministic. */
#ifndef CATCHMENT_MCF_H
#define CATCHMENT_MCF_H

typedef struct mcf mcf;

/* A graph of n nodes (0..n-1).  NULL when out of memory. */
mcf *mcf_new(int n);

void mcf_free(mcf *g);

/* Adds an edge; returns its id (for mcf_flow), or -1 when out of memory or
 * the edge is invalid (bad node, negative capacity or cost). */
int mcf_add(mcf *g, int from, int to, long long cap, long long cost);

/* Sends up to `amount` units from s to t, each along a shortest path in
 * the residual graph.  Successive calls from different nodes keep the flow
 * the cheapest for what each node has sent so far (no negative cycle), so
 * a transportation problem can be solved one supply node at a time.
 * *sent is what went (less when t is out of reach), *cost its cost.
 * The first push fixes the graph: add no edges after it.  Returns 0, or
 * -1 when out of memory. */
int mcf_push(mcf *g, int s, int t, long long amount, long long *sent,
             long long *cost);

/* Flow on an edge so far. */
long long mcf_flow(const mcf *g, int edge);

#endif
