/* MCF_PATHS: successive shortest paths.  Each sending node in turn
 * sends its supply to the one receiving node, each unit along a cheapest
 * path in the residual graph (Dijkstra with node potentials, stopping
 * once the receiver is settled).  Each search reads only the arcs with
 * capacity left: a node's arcs are kept with those first.
 *
 * Why no figure overflows (the bounds of mcf.h: costs |c| <= C =
 * MCF_COST_MAX = 2^28, n <= MCF_NODES_MAX = 2^28 nodes).
 *
 * A cost is a pair (tier, cost); both parts are added, compared and
 * bounded separately, so it is enough to bound the cost part (the tier
 * part is the same argument with C = 1).  Every arc costs between -C and C
 * (a reverse arc costs minus its edge).
 *
 * Potentials.  pot[] starts at 0.  After a search from s that settles the
 * sink t, each settled node v gets pot[v] += d[v] - d[t], where d[v] is
 * the reduced length of the search's path P(s,v):
 *     d[v] = c(P(s,v)) + pot[s] - pot[v],
 * so the new pot[v] = c(P(s,v)) - c(P(s,t)) + pot[t].  pot[t] never moves
 * (d[t] - d[t] = 0) and stays 0, and the search's paths are simple (at most
 * n - 1 arcs), so every potential stays within 2(n - 1)C: it is reset to
 * a bounded value each time it changes, never accumulated.  (This is the
 * usual "pot += min(d, d[t])" less the same d[t] from every node, which
 * changes no reduced cost and touches only the settled nodes.)
 *
 * Distances.  A tentative distance is du + cost + pot[u] - pot[v] where
 * du + pot[u] = c(P(s,u)) + pot[s]: a walk of at most n arcs plus one
 * potential, minus another.  So every intermediate sum is within
 * nC + 2nC + 2nC = 5nC <= 5 * 2^56 < 2^59.
 *
 * Flows.  A residual capacity is an edge's capacity less its flow, or its
 * flow; a flow is at most the capacity, so within MCF_CAP_MAX = 2^62. */
#include "engine/mcf_graph.h"

#include <limits.h>
#include <stdlib.h>

static const cost2 INF = {LLONG_MAX, LLONG_MAX};

static int eq(cost2 a, cost2 b)
{
    return a.t == b.t && a.c == b.c;
}

static cost2 add(cost2 a, cost2 b)
{
    return (cost2){a.t + b.t, a.c + b.c};
}

static cost2 sub(cost2 a, cost2 b)
{
    return (cost2){a.t - b.t, a.c - b.c};
}

/* An edge as the search reads it, in its node's slots. */
typedef struct arc {
    int to, id;           /* id: the edge id, id ^ 1 its reverse */
    long long cap;        /* residual capacity */
    cost2 cost;
} arc;

/* Edges come in pairs: e forward, e ^ 1 its residual reverse (e / 2 is
 * the graph's edge). */
typedef struct sp {
    int n, m;
    int *head, *next, *to;
    long long *cap, *orig;
    cost2 *cost;
    cost2 *pot, *dist;
    int *prev;            /* slot of the arc used to reach each node */
    int *seen, nseen;     /* nodes the last search reached, to reset */
    int *heap, *hpos;     /* binary heap of nodes keyed by (dist, node) */
    int hn;
    /* Arcs laid out by node, each node's arcs with capacity left first
     * (start[u] .. start[u] + live[u]), so the search never reads the many
     * that have none (the reverse arcs of unused edges, receivers that are
     * full). */
    int *start, *live, *pos; /* n + 1 offsets; per node; edge id -> slot */
    arc *arc;
    int *path;               /* edge ids changed by one augmentation */
} sp;

static void sp_free(sp *g)
{
    free(g->head);
    free(g->next);
    free(g->to);
    free(g->cap);
    free(g->cost);
    free(g->orig);
    free(g->pot);
    free(g->dist);
    free(g->prev);
    free(g->heap);
    free(g->hpos);
    free(g->seen);
    free(g->start);
    free(g->live);
    free(g->pos);
    free(g->arc);
    free(g->path);
}

static void half(sp *g, int from, int to, long long cap, cost2 cost)
{
    int e = g->m++;
    g->to[e] = to;
    g->cap[e] = cap;
    g->orig[e] = cap;
    g->cost[e] = cost;
    g->next[e] = g->head[from];
    g->head[from] = e;
}

/* The residual graph of the graph's edges, all empty. */
static int sp_init(sp *g, const mcf *gr)
{
    int n = gr->n;
    size_t m = 2 * (size_t)gr->m + 1;
    *g = (sp){.n = n};
    g->head = malloc((size_t)n * sizeof *g->head);
    g->pot = calloc((size_t)n, sizeof *g->pot);
    g->dist = malloc((size_t)n * sizeof *g->dist);
    g->prev = malloc((size_t)n * sizeof *g->prev);
    g->heap = malloc((size_t)n * sizeof *g->heap);
    g->hpos = malloc((size_t)n * sizeof *g->hpos);
    g->seen = malloc((size_t)n * sizeof *g->seen);
    g->next = malloc(m * sizeof *g->next);
    g->to = malloc(m * sizeof *g->to);
    g->cap = malloc(m * sizeof *g->cap);
    g->orig = malloc(m * sizeof *g->orig);
    g->cost = malloc(m * sizeof *g->cost);
    if (!g->head || !g->pot || !g->dist || !g->prev || !g->heap || !g->hpos ||
        !g->seen || !g->next || !g->to || !g->cap || !g->orig || !g->cost)
        return -1;
    for (int i = 0; i < n; i++) {
        g->head[i] = -1;
        g->dist[i] = INF;
        g->hpos[i] = -1;
    }
    for (int e = 0; e < gr->m; e++) {
        cost2 c = gr->cost[e];
        half(g, gr->src[e], gr->dst[e], gr->cap[e], c);
        half(g, gr->dst[e], gr->src[e], 0, (cost2){-c.t, -c.c});
    }
    return 0;
}

static void arc_swap(sp *g, int x, int y)
{
    if (x == y)
        return;
    arc t = g->arc[x];
    g->arc[x] = g->arc[y];
    g->arc[y] = t;
    g->pos[g->arc[x].id] = x;
    g->pos[g->arc[y].id] = y;
}

/* Moves edge e to its node's live part when it has capacity left, and
 * out of it when it has none. */
static void arc_place(sp *g, int e)
{
    int u = g->to[e ^ 1], x = g->pos[e], b = g->start[u] + g->live[u];
    if (g->arc[x].cap > 0 && x >= b) {
        arc_swap(g, x, b);
        g->live[u]++;
    } else if (g->arc[x].cap <= 0 && x < b) {
        arc_swap(g, x, b - 1);
        g->live[u]--;
    }
}

/* Lays the edges out node by node, in each node's list order, then
 * moves those with capacity to the front of their node. */
static int freeze(sp *g)
{
    size_t m = (size_t)g->m + 1;
    g->start = calloc((size_t)g->n + 1, sizeof *g->start);
    g->live = calloc((size_t)g->n, sizeof *g->live);
    g->pos = malloc(m * sizeof *g->pos);
    g->arc = malloc(m * sizeof *g->arc);
    g->path = malloc(((size_t)g->n * 2 + 1) * sizeof *g->path);
    if (!g->start || !g->live || !g->pos || !g->arc || !g->path)
        return -1;
    int k = 0;
    for (int u = 0; u < g->n; u++) {
        g->start[u] = k;
        for (int e = g->head[u]; e >= 0; e = g->next[e]) {
            g->pos[e] = k;
            g->arc[k++] = (arc){g->to[e], e, g->cap[e], g->cost[e]};
        }
    }
    g->start[g->n] = k;
    for (int e = 0; e < g->m; e++)
        arc_place(g, e);
    return 0;
}

static int before(const sp *g, int a, int b)
{
    return cost2_lt(g->dist[a], g->dist[b]) || (eq(g->dist[a], g->dist[b]) && a < b);
}

static void heap_set(sp *g, int i, int v)
{
    g->heap[i] = v;
    g->hpos[v] = i;
}

static void heap_up(sp *g, int i)
{
    int v = g->heap[i];
    while (i > 0 && before(g, v, g->heap[(i - 1) / 2])) {
        heap_set(g, i, g->heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    heap_set(g, i, v);
}

static int heap_pop(sp *g)
{
    int top = g->heap[0], v = g->heap[--g->hn], i = 0;
    g->hpos[top] = -2;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= g->hn)
            break;
        if (c + 1 < g->hn && before(g, g->heap[c + 1], g->heap[c]))
            c++;
        if (!before(g, g->heap[c], v))
            break;
        heap_set(g, i, g->heap[c]);
        i = c;
    }
    if (g->hn > 0)
        heap_set(g, i, v);
    return top;
}

/* Forgets the last search: only the nodes it reached. */
static void search_reset(sp *g)
{
    for (int i = 0; i < g->nseen; i++) {
        g->dist[g->seen[i]] = INF;
        g->hpos[g->seen[i]] = -1;
    }
    g->nseen = 0;
    g->hn = 0;
}

static void reach(sp *g, int v, cost2 d, int slot)
{
    if (g->hpos[v] == -1) {
        g->seen[g->nseen++] = v;
        heap_set(g, g->hn++, v);
    }
    g->dist[v] = d;
    g->prev[v] = slot;
    heap_up(g, g->hpos[v]);
}

/* Relaxes the arcs of u with capacity left. */
static void relax(sp *g, int u)
{
    cost2 du = add(g->dist[u], g->pot[u]);
    for (int x = g->start[u]; x < g->start[u] + g->live[u]; x++) {
        const arc *a = &g->arc[x];
        int v = a->to;
        if (g->hpos[v] == -2)
            continue;
        cost2 d = sub(add(du, a->cost), g->pot[v]);
        /* Parallel arcs u -> v that tie: the one added last wins, as
         * it did when every node's arcs were read in list order. */
        if (cost2_lt(g->dist[v], d) ||
            (eq(d, g->dist[v]) && !(g->prev[v] >= g->start[u] &&
                                    g->prev[v] < g->start[u + 1] &&
                                    a->id > g->arc[g->prev[v]].id)))
            continue;
        reach(g, v, d, x);
    }
}

/* Shortest path s -> t in reduced costs, stopping once t is settled;
 * then each settled node's potential moves by dist - dist(t), which keeps
 * all residual reduced costs non-negative (see the top of the file).
 * Returns 0 when t is unreachable. */
static int dijkstra(sp *g, int s, int t)
{
    search_reset(g);
    g->seen[g->nseen++] = s;
    g->dist[s] = (cost2){0, 0};
    heap_set(g, g->hn++, s);
    int found = 0;
    while (g->hn > 0) {
        int u = heap_pop(g);
        if (u == t) {
            found = 1;
            break;
        }
        relax(g, u);
    }
    if (!found)
        return 0;
    cost2 dt = g->dist[t];
    for (int i = 0; i < g->nseen; i++) {
        int v = g->seen[i];
        if (g->hpos[v] == -2)
            g->pot[v] = add(g->pot[v], sub(g->dist[v], dt));
    }
    return 1;
}

/* Sends up to `amount` units from s to t, each along a cheapest path. */
static void push(sp *g, int s, int t, long long amount)
{
    long long sent = 0;
    while (sent < amount && dijkstra(g, s, t)) {
        long long n = amount - sent;
        for (int v = t; v != s; v = g->to[g->arc[g->prev[v]].id ^ 1])
            if (g->arc[g->prev[v]].cap < n)
                n = g->arc[g->prev[v]].cap;
        int np = 0;
        for (int v = t; v != s; v = g->to[g->arc[g->prev[v]].id ^ 1]) {
            arc *a = &g->arc[g->prev[v]];
            a->cap -= n;
            g->arc[g->pos[a->id ^ 1]].cap += n;
            g->path[np++] = a->id;
        }
        /* Only now, as moving arcs would move what prev points at. */
        for (int i = 0; i < np; i++) {
            arc_place(g, g->path[i]);
            arc_place(g, g->path[i] ^ 1);
        }
        sent += n;
    }
}

int mcf_paths_solve(mcf *gr, const long long *supply)
{
    sp g;
    int t = -1, rc = -1;
    for (int u = 0; u < gr->n; u++)
        if (supply[u] < 0)
            t = u;
    if (sp_init(&g, gr) == 0 && freeze(&g) == 0) {
        for (int u = 0; u < gr->n; u++)
            if (supply[u] > 0)
                push(&g, u, t, supply[u]);
        long long in = 0; /* what t received, net */
        for (int e = 0; e < gr->m; e++) {
            gr->flow[e] = g.orig[2 * e] - g.arc[g.pos[2 * e]].cap;
            in += gr->dst[e] == t ? gr->flow[e] : gr->src[e] == t ? -gr->flow[e] : 0;
        }
        rc = t >= 0 && in != -supply[t];
    }
    sp_free(&g);
    return rc;
}
