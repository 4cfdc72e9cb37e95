#include "engine/mcf.h"

#include <limits.h>
#include <stdlib.h>

#define INF LLONG_MAX

/* An edge as the search reads it, in its node's slots. */
typedef struct arc {
    int to, id;           /* id: the edge id, id ^ 1 its reverse */
    long long cap, cost;  /* residual capacity and cost */
} arc;

/* Edges come in pairs: e forward, e ^ 1 its residual reverse. */
struct mcf {
    int n, m, capm;
    int *head, *next, *to;
    long long *cap, *cost, *orig;
    long long *pot, *dist;
    int *prev;            /* slot of the arc used to reach each node */
    int *heap, *hpos;     /* binary heap of nodes keyed by (dist, node) */
    int hn;
    /* Frozen at the first push: arcs laid out by node, each node's arcs
     * with capacity left first (start[u] .. start[u] + live[u]), so the
     * search never reads the many that have none (the reverse arcs of
     * unused edges, receivers that are full). */
    int *start, *live, *pos; /* n + 1 offsets; per node; edge id -> slot */
    arc *arc;
    int *path;               /* edge ids changed by one augmentation */
};

mcf *mcf_new(int n)
{
    mcf *g = calloc(1, sizeof *g);
    if (!g || n < 1) {
        free(g);
        return NULL;
    }
    g->n = n;
    g->head = malloc((size_t)n * sizeof *g->head);
    g->pot = calloc((size_t)n, sizeof *g->pot);
    g->dist = malloc((size_t)n * sizeof *g->dist);
    g->prev = malloc((size_t)n * sizeof *g->prev);
    g->heap = malloc((size_t)n * sizeof *g->heap);
    g->hpos = malloc((size_t)n * sizeof *g->hpos);
    if (!g->head || !g->pot || !g->dist || !g->prev || !g->heap || !g->hpos) {
        mcf_free(g);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        g->head[i] = -1;
    return g;
}

void mcf_free(mcf *g)
{
    if (!g)
        return;
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
    free(g->start);
    free(g->live);
    free(g->pos);
    free(g->arc);
    free(g->path);
    free(g);
}

static int grow(mcf *g)
{
    int nc = g->capm ? g->capm * 2 : 1024;
    int *nx = realloc(g->next, (size_t)nc * sizeof *nx);
    if (nx) g->next = nx;
    int *to = realloc(g->to, (size_t)nc * sizeof *to);
    if (to) g->to = to;
    long long *ca = realloc(g->cap, (size_t)nc * sizeof *ca);
    if (ca) g->cap = ca;
    long long *co = realloc(g->cost, (size_t)nc * sizeof *co);
    if (co) g->cost = co;
    long long *og = realloc(g->orig, (size_t)nc * sizeof *og);
    if (og) g->orig = og;
    if (!nx || !to || !ca || !co || !og)
        return -1;
    g->capm = nc;
    return 0;
}

static void half(mcf *g, int from, int to, long long cap, long long cost)
{
    int e = g->m++;
    g->to[e] = to;
    g->cap[e] = cap;
    g->orig[e] = cap;
    g->cost[e] = cost;
    g->next[e] = g->head[from];
    g->head[from] = e;
}

int mcf_add(mcf *g, int from, int to, long long cap, long long cost)
{
    if (from < 0 || from >= g->n || to < 0 || to >= g->n || cap < 0 || cost < 0)
        return -1;
    if (g->m + 2 > g->capm && grow(g) < 0)
        return -1;
    half(g, from, to, cap, cost);
    half(g, to, from, 0, -cost);
    return g->m - 2;
}

long long mcf_flow(const mcf *g, int edge)
{
    if (g->start)
        return g->orig[edge] - g->arc[g->pos[edge]].cap;
    return g->orig[edge] - g->cap[edge];
}

static void arc_swap(mcf *g, int x, int y)
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
static void arc_place(mcf *g, int e)
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
static int freeze(mcf *g)
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

static int before(const mcf *g, int a, int b)
{
    return g->dist[a] < g->dist[b] || (g->dist[a] == g->dist[b] && a < b);
}

static void heap_set(mcf *g, int i, int v)
{
    g->heap[i] = v;
    g->hpos[v] = i;
}

static void heap_up(mcf *g, int i)
{
    int v = g->heap[i];
    while (i > 0 && before(g, v, g->heap[(i - 1) / 2])) {
        heap_set(g, i, g->heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    heap_set(g, i, v);
}

static int heap_pop(mcf *g)
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

/* Shortest path s -> t in reduced costs, stopping once t is settled;
 * then every potential rises by min(dist, dist(t)), which keeps all
 * residual reduced costs non-negative.  Returns 0 when t is unreachable. */
static int dijkstra(mcf *g, int s, int t)
{
    for (int i = 0; i < g->n; i++) {
        g->dist[i] = INF;
        g->hpos[i] = -1; /* -1 unseen, -2 settled */
    }
    g->dist[s] = 0;
    g->hn = 0;
    heap_set(g, g->hn++, s);
    while (g->hn > 0) {
        int u = heap_pop(g);
        if (u == t)
            break;
        long long du = g->dist[u] + g->pot[u];
        for (int x = g->start[u]; x < g->start[u] + g->live[u]; x++) {
            const arc *a = &g->arc[x];
            int v = a->to;
            if (g->hpos[v] == -2)
                continue;
            long long d = du + a->cost - g->pot[v];
            /* Parallel arcs u -> v that tie: the one added last wins, as
             * it did when every node's arcs were read in list order. */
            if (d > g->dist[v] ||
                (d == g->dist[v] && !(g->prev[v] >= g->start[u] &&
                                      g->prev[v] < g->start[u + 1] &&
                                      a->id > g->arc[g->prev[v]].id)))
                continue;
            g->dist[v] = d;
            g->prev[v] = x;
            if (g->hpos[v] == -1)
                heap_set(g, g->hn++, v);
            heap_up(g, g->hpos[v]);
        }
    }
    if (g->dist[t] == INF)
        return 0;
    long long dt = g->dist[t];
    for (int i = 0; i < g->n; i++)
        g->pot[i] += g->dist[i] < dt ? g->dist[i] : dt;
    return 1;
}

int mcf_push(mcf *g, int s, int t, long long amount, long long *sent,
             long long *cost)
{
    *sent = 0;
    *cost = 0;
    if (s == t || s < 0 || t < 0 || s >= g->n || t >= g->n)
        return 0;
    if (!g->start && freeze(g) < 0)
        return -1;
    while (*sent < amount && dijkstra(g, s, t)) {
        long long push = amount - *sent;
        for (int v = t; v != s; v = g->to[g->arc[g->prev[v]].id ^ 1])
            if (g->arc[g->prev[v]].cap < push)
                push = g->arc[g->prev[v]].cap;
        int np = 0;
        for (int v = t; v != s; v = g->to[g->arc[g->prev[v]].id ^ 1]) {
            arc *a = &g->arc[g->prev[v]];
            a->cap -= push;
            g->arc[g->pos[a->id ^ 1]].cap += push;
            *cost += push * a->cost;
            g->path[np++] = a->id;
        }
        /* Only now, as moving arcs would move what prev points at. */
        for (int i = 0; i < np; i++) {
            arc_place(g, g->path[i]);
            arc_place(g, g->path[i] ^ 1);
        }
        *sent += push;
    }
    return 0;
}
