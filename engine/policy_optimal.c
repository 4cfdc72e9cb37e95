/* Policy "optimal": the exact best placement.  First as many patients
 * placed as headroom and max_km allow; among all such placements, the
 * least total patient-distance (in whole metres, or thousandths of the
 * caller's unit).
 *
 * A transportation problem: area -> practice (cost in metres) -> sink
 * (capacity: headroom), plus area -> "unplaced" -> sink by a last-resort
 * edge (mcf.h), dearer than any path of placements, so leaving one more
 * patient unplaced never pays; no "big M", so no input is too big.  Every
 * patient is then sent somewhere, and the cheapest such flow (the network
 * simplex, mcf.h) is the lexicographic optimum.
 *
 * Areas whose receivers and distances are the same (one LSOA listed by
 * several closing practices) are one node: the same costs, so any split of
 * the node's flow among them is as good; it is shared out in processing
 * order (largest area first).  Only areas with a receiver in reach enter the graph. */
#include "engine/disp_work.h"
#include "engine/mcf.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int *node;      /* na: node of each area (shared by its twins), -1 none */
    int *first;     /* na: the area that made each area node (by node) */
    int *next;      /* na: the next twin of an area in processing order, -1 */
    long long *supply; /* by node: the patients of all its twins */
    int *prac_node; /* np: node of each practice, -1 none */
    int *edge;      /* per candidate of each first area: its edge id */
    int n, nareas;  /* nodes; area nodes (0 .. nareas - 1) */
    int unplaced, sink;
} net_map;

/* FNV-1a over an area's candidates: practices and costs. */
static uint64_t cands_hash(const disp_work *w, int i)
{
    uint64_t h = 1469598103934665603ULL;
    for (int c = w->cstart[i]; c < w->cend[i]; c++) {
        uint64_t v[2] = {(uint64_t)w->cand[c].p, (uint64_t)w->cand[c].cost};
        for (int k = 0; k < 2; k++)
            h = (h ^ v[k]) * 1099511628211ULL;
    }
    return h;
}

static int same_cands(const disp_work *w, int i, int j)
{
    int n = w->cend[i] - w->cstart[i];
    if (n != w->cend[j] - w->cstart[j])
        return 0;
    for (int k = 0; k < n; k++) {
        const disp_cand *a = &w->cand[w->cstart[i] + k], *b = &w->cand[w->cstart[j] + k];
        if (a->p != b->p || a->cost != b->cost)
            return 0;
    }
    return 1;
}

/* Gives every area with candidates a node, twins (same candidates) the
 * node of the first of them in processing order; an open-addressing table
 * of 2^k slots keyed by the candidates' hash finds the twins. */
static int number_areas(const disp_work *w, net_map *m)
{
    size_t slots = 16;
    while (slots < 2 * (size_t)w->na)
        slots *= 2;
    int *tab = malloc(slots * sizeof *tab);
    uint64_t *hash = malloc(((size_t)w->na + 1) * sizeof *hash);
    int *last = malloc(((size_t)w->na + 1) * sizeof *last); /* by node */
    if (!tab || !hash || !last) {
        free(tab);
        free(hash);
        free(last);
        return -1;
    }
    memset(tab, -1, slots * sizeof *tab);
    for (int k = 0; k < w->na; k++) {
        int i = w->order[k];
        m->node[i] = m->next[i] = -1;
        if (w->cend[i] == w->cstart[i])
            continue;
        hash[i] = cands_hash(w, i);
        size_t s = (size_t)hash[i] & (slots - 1);
        while (tab[s] >= 0 && !(hash[tab[s]] == hash[i] && same_cands(w, tab[s], i)))
            s = (s + 1) & (slots - 1);
        if (tab[s] < 0) {
            tab[s] = i;
            m->first[m->n] = i;
            m->supply[m->n] = 0;
            last[m->n] = i;
            m->node[i] = m->n++;
        } else {
            m->node[i] = m->node[tab[s]];
            m->next[last[m->node[i]]] = i;
            last[m->node[i]] = i;
        }
        m->supply[m->node[i]] += w->a[i].patients;
    }
    m->nareas = m->n;
    free(tab);
    free(hash);
    free(last);
    return 0;
}

static void number_practices(const disp_work *w, net_map *m)
{
    for (int k = 0; k < m->nareas; k++) {
        int i = m->first[k];
        for (int c = w->cstart[i]; c < w->cend[i]; c++)
            if (m->prac_node[w->cand[c].p] < 0)
                m->prac_node[w->cand[c].p] = m->n++;
    }
    m->unplaced = m->n++;
    m->sink = m->n++;
}

static int build_net(const disp_work *w, net_map *m, mcf *g)
{
    for (int k = 0; k < m->nareas; k++) {
        int i = m->first[k];
        for (int c = w->cstart[i]; c < w->cend[i]; c++) {
            m->edge[c] = mcf_add(g, k, m->prac_node[w->cand[c].p], m->supply[k],
                                 w->cand[c].cost);
            if (m->edge[c] < 0)
                return -1;
        }
        if (mcf_add_last(g, k, m->unplaced, m->supply[k]) < 0)
            return -1;
    }
    for (int p = 0; p < w->np; p++)
        if (m->prac_node[p] >= 0 &&
            mcf_add(g, m->prac_node[p], m->sink, w->left[p], 0) < 0)
            return -1;
    return mcf_add(g, m->unplaced, m->sink, MCF_CAP_MAX, 0) < 0 ? -1 : 0;
}

/* Each area node sends its patients; the sink takes them all. */
static int solve(const net_map *m, mcf *g)
{
    long long *supply = calloc((size_t)m->n, sizeof *supply), total = 0;
    if (!supply)
        return -1;
    for (int k = 0; k < m->nareas; k++) {
        supply[k] = m->supply[k];
        total += m->supply[k];
    }
    supply[m->sink] = -total;
    int rc = mcf_solve(g, supply);
    free(supply);
    return rc == 0 ? 0 : -1;
}

/* Shares each node's flows out to its twins, in processing order, each
 * receiver's flow (nearest first) filling one area before the next. */
static int give_all(disp_work *w, const net_map *m, const mcf *g)
{
    for (int k = 0; k < m->nareas; k++) {
        int i = m->first[k], twin = i;
        long room = w->a[twin].patients;
        for (int c = w->cstart[i]; c < w->cend[i]; c++) {
            long long f = mcf_flow(g, m->edge[c]);
            while (f > 0 && twin >= 0) {
                long n = f < room ? (long)f : room;
                /* a twin's own candidate row: same practice and distance */
                int tc = w->cstart[twin] + (c - w->cstart[i]);
                if (n > 0 && work_give(w, twin, &w->cand[tc], n) < 0)
                    return -1;
                f -= n;
                room -= n;
                if (room == 0 && (twin = m->next[twin]) >= 0)
                    room = w->a[twin].patients;
            }
        }
    }
    return 0;
}

int policy_optimal(disp_work *w, err *e)
{
    int nc = w->ncand, rc = -1;
    size_t na = (size_t)w->na + 1;
    net_map m = {0};
    m.node = malloc(na * sizeof *m.node);
    m.first = malloc(na * sizeof *m.first);
    m.next = malloc(na * sizeof *m.next);
    m.supply = malloc(na * sizeof *m.supply);
    m.prac_node = malloc(((size_t)w->np + 1) * sizeof *m.prac_node);
    m.edge = malloc(((size_t)nc + 1) * sizeof *m.edge);
    mcf *g = NULL;
    if (!m.node || !m.first || !m.next || !m.supply || !m.prac_node || !m.edge ||
        number_areas(w, &m) < 0)
        goto out;
    for (int p = 0; p < w->np; p++)
        m.prac_node[p] = -1;
    number_practices(w, &m);
    g = mcf_new(m.n, MCF_SIMPLEX);
    if (g && build_net(w, &m, g) == 0 && solve(&m, g) == 0)
        rc = give_all(w, &m, g);
out:
    mcf_free(g);
    free(m.node);
    free(m.first);
    free(m.next);
    free(m.supply);
    free(m.prac_node);
    free(m.edge);
    return rc < 0 ? err_set(e, "dispersal: out of memory") : 0;
}
