/* MCF_SIMPLEX: the primal network simplex, after the well-known implementation in the
 * LEMON graph library (Király and Kovács, "Efficient implementations of
 * minimum-cost flow algorithms", 2012): a spanning tree rooted at an extra
 * node, one artificial arc from each node to the root carrying its supply
 * at first; block-search pricing; the tree kept as parent, thread (preorder)
 * and subtree sizes, so a pivot costs the size of the cycle and of the
 * subtree that moves.
 *
 * Why no figure overflows (the bounds of mcf.h: |cost| <= C = 2^28 for an
 * ordinary arc, n <= 2^28 nodes).  A cost is a pair (tier, cost), added and
 * bounded part by part.  Ordinary arcs cost (0, 0..C), last-resort arcs
 * (1, 0); an artificial arc from a node that receives costs (A, 0) with
 * A = n + 1, more than the tier of any simple path of real arcs (at most
 * n - 1), so no optimal flow keeps a unit on an artificial arc when a real
 * route exists; artificial arcs from the others cost (0, 0).
 *
 * Potentials: pi[root] = 0 and every tree arc (u, v) has pi[v] = pi[u] +
 * cost, so pi[v] is the cost of v's tree path from the root: at most one
 * artificial arc (the first) and n - 1 real ones.  |pi.t| <= A + n and
 * |pi.c| <= nC.  A reduced cost, cost + pi[u] - pi[v], is then within
 * (2n + 1)C <= 2^58 in the cost part and 5n + 3 in the tier part; the
 * potential shift of a pivot (sigma) is a reduced cost less one arc's cost,
 * and the shifted potentials are again tree path costs.
 *
 * Flows: every arc's flow stays in 0..cap (artificial arcs: cap
 * MCF_CAP_MAX, flow at most the positive supplies); a pivot moves at most
 * the smallest residual capacity on its cycle. */
#include "engine/mcf_graph.h"

#include <math.h>
#include <stdlib.h>

enum { UPPER = -1, TREE = 0, LOWER = 1 }; /* arc states */
enum { UP = 1, DOWN = -1 };               /* a tree arc to or from the parent */

/* The solver's state.  Arcs 0..m-1 are the graph's edges, m..m+n-1 the
 * artificial ones (appended to the graph's arrays); flow has m + n. */
typedef struct ns {
    mcf *g;
    int n, m;
    int *src, *dst;
    long long *cap, *flow;
    cost2 *cost;
    signed char *state;
    /* the spanning tree, by node (n + 1 with the root) */
    int *parent, *pred, *thread, *rev_thread, *succ_num, *last_succ;
    signed char *pred_dir;
    cost2 *pi;
    /* the pivot in progress */
    int in_arc, join, u_in, v_in, u_out, next_arc, block;
    long long delta;
    int *dirty;
} ns;

/* ------------------------------------------------------------ pricing */

/* state x reduced cost: negative when the arc would lower the cost. */
static cost2 gain(const ns *g, int e)
{
    cost2 c = g->cost[e], a = g->pi[g->src[e]], b = g->pi[g->dst[e]];
    long long s = g->state[e];
    return (cost2){s * (c.t + a.t - b.t), s * (c.c + a.c - b.c)};
}

/* Block search: the most negative arc of the first block (from where the
 * last search stopped) holding one.  Only real arcs enter. */
static int find_entering(ns *g)
{
    cost2 min = {0, 0};
    int cnt = g->block, e = g->next_arc, found = 0;
    for (int k = 0; k < g->m; k++, e = e + 1 == g->m ? 0 : e + 1) {
        if (g->state[e] != TREE) {
            cost2 c = gain(g, e);
            if (cost2_lt(c, min)) {
                min = c;
                g->in_arc = e;
                found = 1;
            }
        }
        if (--cnt == 0) {
            if (found)
                break;
            cnt = g->block;
        }
    }
    g->next_arc = e;
    return found;
}

/* ------------------------------------------------------------- pivot */

static void find_join(ns *g)
{
    int u = g->src[g->in_arc], v = g->dst[g->in_arc];
    while (u != v) {
        if (g->succ_num[u] < g->succ_num[v])
            u = g->parent[u];
        else
            v = g->parent[v];
    }
    g->join = u;
}

/* The arc leaving the tree: the first on the cycle (in the direction of
 * the flow, from the join) with the least residual capacity, which keeps
 * the tree strongly feasible.  Returns 0 when the entering arc itself is
 * the bottleneck (it only changes bound). */
static int find_leaving(ns *g)
{
    int e = g->in_arc, first, second, result = 0;
    if (g->state[e] == LOWER)
        first = g->src[e], second = g->dst[e];
    else
        first = g->dst[e], second = g->src[e];
    g->delta = g->cap[e];
    for (int u = first; u != g->join; u = g->parent[u]) {
        int a = g->pred[u];
        long long d = g->pred_dir[u] == DOWN ? g->cap[a] - g->flow[a] : g->flow[a];
        if (d < g->delta) {
            g->delta = d;
            g->u_out = u;
            result = 1;
        }
    }
    for (int u = second; u != g->join; u = g->parent[u]) {
        int a = g->pred[u];
        long long d = g->pred_dir[u] == UP ? g->cap[a] - g->flow[a] : g->flow[a];
        if (d <= g->delta) {
            g->delta = d;
            g->u_out = u;
            result = 2;
        }
    }
    if (result == 1)
        g->u_in = first, g->v_in = second;
    else
        g->u_in = second, g->v_in = first;
    return result != 0;
}

static void change_flow(ns *g, int change)
{
    int e = g->in_arc;
    if (g->delta > 0) {
        long long val = g->state[e] * g->delta;
        g->flow[e] += val;
        for (int u = g->src[e]; u != g->join; u = g->parent[u])
            g->flow[g->pred[u]] -= g->pred_dir[u] * val;
        for (int u = g->dst[e]; u != g->join; u = g->parent[u])
            g->flow[g->pred[u]] += g->pred_dir[u] * val;
    }
    if (change) {
        g->state[e] = TREE;
        int out = g->pred[g->u_out];
        g->state[out] = g->flow[out] == 0 ? LOWER : UPPER;
    } else {
        g->state[e] = (signed char)-g->state[e];
    }
}

/* u_out's subtree hangs from v_in by the entering arc now: the path from
 * u_in up to u_out is reversed (the "stem"), and the thread, the subtree
 * sizes and last successors follow. */
static void rehang(ns *g, int old_rev, int old_last)
{
    int *par = g->parent, *th = g->thread, *rth = g->rev_thread, *ls = g->last_succ;
    int u_in = g->u_in, v_in = g->v_in, u_out = g->u_out, nd = 0;
    int cont = old_rev == v_in ? th[old_last] : th[v_in];
    int stem = u_in, par_stem = v_in, last = ls[u_in], after = th[last];
    th[v_in] = u_in;
    g->dirty[nd++] = v_in;
    while (stem != u_out) {
        int next = par[stem];
        th[last] = next;
        g->dirty[nd++] = last;
        int before = rth[stem];
        th[before] = after;
        rth[after] = before;
        par[stem] = par_stem;
        par_stem = stem;
        stem = next;
        last = ls[stem] == ls[par_stem] ? rth[par_stem] : ls[stem];
        after = th[last];
    }
    par[u_out] = par_stem;
    th[last] = cont;
    rth[cont] = last;
    ls[u_out] = last;
    if (old_rev != v_in) {
        th[old_rev] = after;
        rth[after] = old_rev;
    }
    for (int i = 0; i < nd; i++)
        rth[th[g->dirty[i]]] = g->dirty[i];
    int sc = 0, tail = ls[u_out];
    for (int u = u_out, p = par[u]; u != u_in; u = p, p = par[u]) {
        g->pred[u] = g->pred[p];
        g->pred_dir[u] = (signed char)-g->pred_dir[p];
        sc += g->succ_num[u] - g->succ_num[p];
        g->succ_num[u] = sc;
        ls[p] = tail;
    }
}

static void update_tree(ns *g)
{
    int *par = g->parent, *ls = g->last_succ;
    int u_in = g->u_in, v_in = g->v_in, u_out = g->u_out, join = g->join;
    int old_rev = g->rev_thread[u_out], old_succ = g->succ_num[u_out];
    int old_last = ls[u_out], v_out = par[u_out];
    if (u_in == u_out) {
        par[u_in] = v_in;
        if (g->thread[v_in] != u_out) {
            int after = g->thread[old_last];
            g->thread[old_rev] = after;
            g->rev_thread[after] = old_rev;
            after = g->thread[v_in];
            g->thread[v_in] = u_out;
            g->rev_thread[u_out] = v_in;
            g->thread[old_last] = after;
            g->rev_thread[after] = old_last;
        }
    } else {
        rehang(g, old_rev, old_last);
        g->succ_num[u_in] = old_succ;
    }
    g->pred[u_in] = g->in_arc;
    g->pred_dir[u_in] = u_in == g->src[g->in_arc] ? UP : DOWN;
    int up_limit = ls[join] == v_in ? join : -1, last_out = ls[u_out];
    for (int u = v_in; u != -1 && ls[u] == v_in; u = par[u])
        ls[u] = last_out;
    if (join != old_rev && v_in != old_rev) {
        for (int u = v_out; u != up_limit && ls[u] == old_last; u = par[u])
            ls[u] = old_rev;
    } else if (last_out != old_last) {
        for (int u = v_out; u != up_limit && ls[u] == old_last; u = par[u])
            ls[u] = last_out;
    }
    for (int u = v_in; u != join; u = par[u])
        g->succ_num[u] += old_succ;
    for (int u = v_out; u != join; u = par[u])
        g->succ_num[u] -= old_succ;
}

/* The moved subtree's potentials, so its tree arcs cost 0 again. */
static void update_potential(ns *g)
{
    int u_in = g->u_in, e = g->in_arc;
    long long dir = g->pred_dir[u_in];
    cost2 s = {g->pi[g->v_in].t - g->pi[u_in].t - dir * g->cost[e].t,
               g->pi[g->v_in].c - g->pi[u_in].c - dir * g->cost[e].c};
    int end = g->thread[g->last_succ[u_in]];
    for (int u = u_in; u != end; u = g->thread[u]) {
        g->pi[u].t += s.t;
        g->pi[u].c += s.c;
    }
}

/* ------------------------------------------------------------- setup */

static void ns_free(ns *s)
{
    free(s->flow);
    free(s->state);
    free(s->parent);
    free(s->pred);
    free(s->thread);
    free(s->rev_thread);
    free(s->succ_num);
    free(s->last_succ);
    free(s->pred_dir);
    free(s->pi);
    free(s->dirty);
}

/* The artificial arcs go after the graph's edges in its own arrays. */
static int ns_alloc(ns *s, mcf *g)
{
    int n = g->n + 1, m = g->m + g->n;
    *s = (ns){.g = g, .n = g->n, .m = g->m};
    if (mcf_reserve(g, m) < 0)
        return -1;
    s->src = g->src, s->dst = g->dst, s->cap = g->cap, s->cost = g->cost;
    s->flow = calloc((size_t)m, sizeof *s->flow);
    s->state = malloc((size_t)m);
    s->parent = malloc((size_t)n * sizeof *s->parent);
    s->pred = malloc((size_t)n * sizeof *s->pred);
    s->thread = malloc((size_t)n * sizeof *s->thread);
    s->rev_thread = malloc((size_t)n * sizeof *s->rev_thread);
    s->succ_num = malloc((size_t)n * sizeof *s->succ_num);
    s->last_succ = malloc((size_t)n * sizeof *s->last_succ);
    s->pred_dir = malloc((size_t)n);
    s->pi = malloc((size_t)n * sizeof *s->pi);
    s->dirty = malloc((size_t)n * sizeof *s->dirty);
    return s->flow && s->state && s->parent && s->pred && s->thread && s->rev_thread &&
                   s->succ_num && s->last_succ && s->pred_dir && s->pi && s->dirty
               ? 0 : -1;
}

/* Every node a child of the root by its artificial arc, carrying its
 * supply; every real arc empty. */
static void init_tree(ns *g, const long long *supply)
{
    int n = g->n, root = n;
    long long art = (long long)n + 1;
    for (int e = 0; e < g->m; e++)
        g->state[e] = LOWER;
    g->parent[root] = -1;
    g->pred[root] = -1;
    g->thread[root] = 0;
    g->rev_thread[0] = root;
    g->succ_num[root] = n + 1;
    g->last_succ[root] = root - 1;
    g->pi[root] = (cost2){0, 0};
    for (int u = 0; u < n; u++) {
        int e = g->m + u;
        g->parent[u] = root;
        g->pred[u] = e;
        g->thread[u] = u + 1;
        g->rev_thread[u + 1] = u;
        g->succ_num[u] = 1;
        g->last_succ[u] = u;
        g->cap[e] = MCF_CAP_MAX;
        g->state[e] = TREE;
        if (supply[u] >= 0) {
            g->pred_dir[u] = UP;
            g->pi[u] = (cost2){0, 0};
            g->src[e] = u, g->dst[e] = root;
            g->flow[e] = supply[u];
            g->cost[e] = (cost2){0, 0};
        } else {
            g->pred_dir[u] = DOWN;
            g->pi[u] = (cost2){art, 0};
            g->src[e] = root, g->dst[e] = u;
            g->flow[e] = -supply[u];
            g->cost[e] = (cost2){art, 0};
        }
    }
    g->block = (int)sqrt((double)(g->m > 0 ? g->m : 1));
    if (g->block < 10)
        g->block = 10;
    g->next_arc = 0;
}

/* One pivot on the entering arc g->in_arc. */
static void pivot(ns *g)
{
    find_join(g);
    int change = find_leaving(g);
    change_flow(g, change);
    if (change) {
        update_tree(g);
        update_potential(g);
    }
}

/* A head start: the arcs into receiving nodes, then each sending node's
 * cheapest arc, entered while they would lower the cost (LEMON's
 * "initial pivots", here for many senders and one receiver: in a
 * closure, the receivers' room, then each area's nearest practice). */
static void initial_pivots(ns *g, const long long *supply)
{
    int *best = malloc((size_t)g->n * sizeof *best);
    if (!best)
        return; /* only a head start */
    for (int u = 0; u < g->n; u++)
        best[u] = -1;
    for (int pass = 0; pass < 2; pass++) {
        for (int e = 0; e < g->m; e++) {
            int u = g->src[e];
            if (pass == 0 && supply[g->dst[e]] < 0) {
                g->in_arc = e;
                if (cost2_lt(gain(g, e), (cost2){0, 0}))
                    pivot(g);
            } else if (pass == 1 && supply[u] > 0 &&
                       (best[u] < 0 || cost2_lt(g->cost[e], g->cost[best[u]]))) {
                best[u] = e;
            }
        }
        for (int u = 0; pass == 1 && u < g->n; u++)
            if (best[u] >= 0 && cost2_lt(gain(g, best[u]), (cost2){0, 0})) {
                g->in_arc = best[u];
                pivot(g);
            }
    }
    free(best);
}

int mcf_simplex_solve(mcf *g, const long long *supply)
{
    ns s;
    int rc = -1;
    if (ns_alloc(&s, g) == 0) {
        init_tree(&s, supply);
        initial_pivots(&s, supply);
        while (find_entering(&s))
            pivot(&s);
        rc = 0;
        for (int u = 0; u < g->n; u++)
            if (s.flow[g->m + u] != 0)
                rc = 1;
        for (int e = 0; e < g->m; e++)
            g->flow[e] = s.flow[e];
    }
    ns_free(&s);
    return rc;
}
