#include "engine/mcf.h"

#include <limits.h>
#include <stdlib.h>

#define INF LLONG_MAX

/* Edges come in pairs: e forward, e ^ 1 its residual reverse. */
struct mcf {
    int n, m, capm;
    int *head, *next, *to;
    long long *cap, *cost, *orig;
    long long *pot, *dist;
    int *prev;            /* edge used to reach each node */
    int *heap, *hpos;     /* binary heap of nodes keyed by (dist, node) */
    int hn;
    /* Frozen at the first push: edges laid out by node (CSR) for speed. */
    int *start, *pos, *rev; /* n + 1 offsets; edge id -> slot; reverse slot */
    int *cto;
    long long *ccap, *ccost;
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
    free(g->pos);
    free(g->rev);
    free(g->cto);
    free(g->ccap);
    free(g->ccost);
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
        return g->orig[edge] - g->ccap[g->pos[edge]];
    return g->orig[edge] - g->cap[edge];
}

/* Lays the edges out node by node, in each node's list order, so the
 * shortest-path search reads memory in sequence. */
static int freeze(mcf *g)
{
    size_t m = (size_t)g->m + 1;
    g->start = calloc((size_t)g->n + 1, sizeof *g->start);
    g->pos = malloc(m * sizeof *g->pos);
    g->rev = malloc(m * sizeof *g->rev);
    g->cto = malloc(m * sizeof *g->cto);
    g->ccap = malloc(m * sizeof *g->ccap);
    g->ccost = malloc(m * sizeof *g->ccost);
    if (!g->start || !g->pos || !g->rev || !g->cto || !g->ccap || !g->ccost)
        return -1;
    int k = 0;
    for (int u = 0; u < g->n; u++) {
        g->start[u] = k;
        for (int e = g->head[u]; e >= 0; e = g->next[e])
            g->pos[e] = k++;
    }
    g->start[g->n] = k;
    for (int e = 0; e < g->m; e++) {
        int p = g->pos[e];
        g->rev[p] = g->pos[e ^ 1];
        g->cto[p] = g->to[e];
        g->ccap[p] = g->cap[e];
        g->ccost[p] = g->cost[e];
    }
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
        for (int e = g->start[u]; e < g->start[u + 1]; e++) {
            int v = g->cto[e];
            if (g->ccap[e] <= 0 || g->hpos[v] == -2)
                continue;
            long long d = g->dist[u] + g->ccost[e] + g->pot[u] - g->pot[v];
            if (d >= g->dist[v])
                continue;
            g->dist[v] = d;
            g->prev[v] = e;
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
        for (int v = t; v != s; v = g->cto[g->rev[g->prev[v]]])
            if (g->ccap[g->prev[v]] < push)
                push = g->ccap[g->prev[v]];
        for (int v = t; v != s; v = g->cto[g->rev[g->prev[v]]]) {
            g->ccap[g->prev[v]] -= push;
            g->ccap[g->rev[g->prev[v]]] += push;
            *cost += push * g->ccost[g->prev[v]];
        }
        *sent += push;
    }
    return 0;
}
