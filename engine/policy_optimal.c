/* Policy "optimal": the exact best placement.  First as many patients
 * placed as headroom and max_km allow; among all such placements, the
 * least total patient-distance (in whole metres, or thousandths of the
 * caller's unit).
 *
 * A transportation problem: area -> practice (cost in metres) -> sink
 * (capacity: headroom), plus area -> "unplaced" -> sink at a cost M larger
 * than any difference in total distance, so leaving one more patient
 * unplaced never pays.  With every patient then sent somewhere, the
 * cheapest flow for these supplies is found one area at a time by
 * successive shortest paths (mcf_push), and it is the lexicographic
 * optimum.  Only areas with a receiver in reach enter the graph. */
#include "engine/disp_work.h"
#include "engine/mcf.h"

#include <limits.h>
#include <stdlib.h>

typedef struct {
    int *area_node; /* na: node of each area, -1 none */
    int *prac_node; /* np: node of each practice, -1 none */
    int *edge;      /* per candidate: its edge id */
    int n;          /* nodes */
    int unplaced, sink;
    long long big;  /* M, the cost of leaving a patient unplaced */
} net_map;

/* Numbers the nodes and picks M = (patients in the graph x the dearest
 * edge) + 1.  Returns -1 when costs that large would not fit in 64 bits. */
static int number_nodes(const disp_work *w, net_map *m)
{
    long long total = 0, dear = 1;
    m->n = 0;
    for (int i = 0; i < w->na; i++)
        if (w->cstart[i + 1] > w->cstart[i]) {
            m->area_node[i] = m->n++;
            total += w->a[i].patients;
        }
    for (int c = 0; c < w->cstart[w->na]; c++) {
        int p = w->cand[c].p;
        if (m->prac_node[p] < 0)
            m->prac_node[p] = m->n++;
        if (w->cand[c].cost > dear)
            dear = w->cand[c].cost;
    }
    m->unplaced = m->n++;
    m->sink = m->n++;
    if (total > 0 && dear > (LLONG_MAX / 8) / total / ((long long)m->n + 2) / (total + 1))
        return -1;
    m->big = total * dear + 1;
    return 0;
}

static int build_net(const disp_work *w, net_map *m, mcf *g)
{
    for (int i = 0; i < w->na; i++) {
        int an = m->area_node[i];
        if (an < 0)
            continue;
        for (int c = w->cstart[i]; c < w->cstart[i + 1]; c++) {
            m->edge[c] = mcf_add(g, an, m->prac_node[w->cand[c].p],
                                 w->a[i].patients, w->cand[c].cost);
            if (m->edge[c] < 0)
                return -1;
        }
        if (mcf_add(g, an, m->unplaced, w->a[i].patients, m->big) < 0)
            return -1;
    }
    for (int p = 0; p < w->np; p++)
        if (m->prac_node[p] >= 0 &&
            mcf_add(g, m->prac_node[p], m->sink, w->left[p], 0) < 0)
            return -1;
    return mcf_add(g, m->unplaced, m->sink, LLONG_MAX / 4, 0) < 0 ? -1 : 0;
}

/* Every area's patients, largest area first: the order only decides
 * between placements of equal cost, never the cost. */
static int solve(const disp_work *w, net_map *m, mcf *g)
{
    for (int k = 0; k < w->na; k++) {
        int i = w->order[k];
        long long sent, cost;
        if (m->area_node[i] >= 0 &&
            mcf_push(g, m->area_node[i], m->sink, w->a[i].patients, &sent, &cost) < 0)
            return -1;
    }
    return 0;
}

static int give_all(disp_work *w, const net_map *m, const mcf *g)
{
    for (int i = 0; i < w->na; i++)
        for (int c = w->cstart[i]; c < w->cstart[i + 1]; c++)
            if (work_give(w, i, &w->cand[c], (long)mcf_flow(g, m->edge[c])) < 0)
                return -1;
    return 0;
}

int policy_optimal(disp_work *w, err *e)
{
    int nc = w->cstart[w->na], rc = -1;
    net_map m = {0};
    m.area_node = malloc(((size_t)w->na + 1) * sizeof *m.area_node);
    m.prac_node = malloc(((size_t)w->np + 1) * sizeof *m.prac_node);
    m.edge = malloc(((size_t)nc + 1) * sizeof *m.edge);
    mcf *g = NULL;
    if (!m.area_node || !m.prac_node || !m.edge)
        goto out;
    for (int i = 0; i < w->na; i++)
        m.area_node[i] = -1;
    for (int p = 0; p < w->np; p++)
        m.prac_node[p] = -1;
    if (number_nodes(w, &m) < 0) {
        rc = -2;
        goto out;
    }
    g = mcf_new(m.n);
    if (g && build_net(w, &m, g) == 0 && solve(w, &m, g) == 0)
        rc = give_all(w, &m, g);
out:
    mcf_free(g);
    free(m.area_node);
    free(m.prac_node);
    free(m.edge);
    if (rc == -2)
        return err_set(e, "dispersal: too many patients or too long distances "
                          "for the optimal policy");
    return rc < 0 ? err_set(e, "dispersal: out of memory") : 0;
}
