/* The edges of a min-cost flow problem, and the choice of solver. */
#include "engine/mcf_graph.h"

#include <limits.h>
#include <stdlib.h>

mcf *mcf_new(int n, mcf_method method)
{
    if (n < 1 || n > MCF_NODES_MAX || (method != MCF_SIMPLEX && method != MCF_PATHS))
        return NULL;
    mcf *g = calloc(1, sizeof *g);
    if (g) {
        g->n = n;
        g->method = method;
    }
    return g;
}

void mcf_free(mcf *g)
{
    if (!g)
        return;
    free(g->src);
    free(g->dst);
    free(g->cap);
    free(g->cost);
    free(g->flow);
    free(g);
}

int mcf_reserve(mcf *g, int need)
{
    if (need <= g->capm)
        return 0;
    int nc = g->capm ? g->capm : 1024;
    while (nc < need)
        nc = nc > INT_MAX / 2 ? need : nc * 2;
    int *src = realloc(g->src, (size_t)nc * sizeof *src);
    if (src)
        g->src = src;
    int *dst = realloc(g->dst, (size_t)nc * sizeof *dst);
    if (dst)
        g->dst = dst;
    long long *cap = realloc(g->cap, (size_t)nc * sizeof *cap);
    if (cap)
        g->cap = cap;
    cost2 *cost = realloc(g->cost, (size_t)nc * sizeof *cost);
    if (cost)
        g->cost = cost;
    if (!src || !dst || !cap || !cost)
        return -1;
    g->capm = nc;
    return 0;
}

static int add_arc(mcf *g, int from, int to, long long cap, cost2 cost)
{
    if (g->solved || from < 0 || from >= g->n || to < 0 || to >= g->n || cap < 0 ||
        cap > MCF_CAP_MAX || g->m >= INT_MAX / 2 - g->n || mcf_reserve(g, g->m + 1) < 0)
        return -1;
    g->src[g->m] = from;
    g->dst[g->m] = to;
    g->cap[g->m] = cap;
    g->cost[g->m] = cost;
    return g->m++;
}

int mcf_add(mcf *g, int from, int to, long long cap, long long cost)
{
    if (cost < 0 || cost > MCF_COST_MAX)
        return -1;
    return add_arc(g, from, to, cap, (cost2){0, cost});
}

int mcf_add_last(mcf *g, int from, int to, long long cap)
{
    return add_arc(g, from, to, cap, (cost2){1, 0});
}

long long mcf_flow(const mcf *g, int edge)
{
    return g->flow && edge >= 0 && edge < g->m ? g->flow[edge] : 0;
}

/* Supplies sum to 0, each side within MCF_CAP_MAX; MCF_PATHS: one
 * receiver. */
static int supplies_ok(const mcf *g, const long long *supply)
{
    long long in = 0, out = 0;
    int receivers = 0;
    for (int u = 0; u < g->n; u++) {
        if (supply[u] < -MCF_CAP_MAX || supply[u] > MCF_CAP_MAX)
            return 0;
        if (supply[u] < 0) {
            if (-supply[u] > MCF_CAP_MAX - out)
                return 0;
            out -= supply[u];
            receivers++;
        } else {
            if (supply[u] > MCF_CAP_MAX - in)
                return 0;
            in += supply[u];
        }
    }
    return in == out && (g->method != MCF_PATHS || receivers <= 1);
}

int mcf_solve(mcf *g, const long long *supply)
{
    if (g->solved || !supplies_ok(g, supply))
        return -1;
    g->solved = 1;
    g->flow = calloc((size_t)g->m + 1, sizeof *g->flow);
    if (!g->flow)
        return -1;
    return g->method == MCF_SIMPLEX ? mcf_simplex_solve(g, supply)
                                    : mcf_paths_solve(g, supply);
}
