/* The two min-cost flow methods against each other on random
 * transportation problems with last-resort edges: both feasible (every
 * supply sent, no capacity exceeded) and both as cheap, tier first. */
#include "engine/mcf.h"
#include "tests/unit/t.h"

#include <stdlib.h>

#define SRC 30
#define DST 12

static unsigned long rng = 7;

static int rnd_int(int n)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (int)((rng >> 33) % (unsigned long)n);
}

typedef struct {
    int ns, nd;
    long long supply[SRC], room[DST], cost[SRC][DST];
    int link[SRC][DST]; /* 0: no edge */
} problem;

static void problem_make(problem *p)
{
    p->ns = 1 + rnd_int(SRC);
    p->nd = 1 + rnd_int(DST);
    for (int i = 0; i < p->ns; i++)
        p->supply[i] = rnd_int(500);
    for (int j = 0; j < p->nd; j++)
        p->room[j] = rnd_int(800);
    for (int i = 0; i < p->ns; i++)
        for (int j = 0; j < p->nd; j++) {
            p->link[i][j] = rnd_int(3) != 0;
            p->cost[i][j] = rnd_int(4) == 0 ? MCF_COST_MAX - rnd_int(10) : rnd_int(9000);
        }
}

/* Nodes: sources, receivers, "unplaced", sink.  Solves by `m` and returns
 * the cost as (tier, cost) in *tier, *cost; 0 when the flow is sound. */
static int solve(const problem *p, mcf_method m, long long *tier, long long *cost)
{
    int un = p->ns + p->nd, sink = un + 1, n = sink + 1;
    int edge[SRC][DST], last[SRC], room[DST];
    long long supply[SRC + DST + 2] = {0}, total = 0;
    mcf *g = mcf_new(n, m);
    if (!g)
        return -1;
    for (int i = 0; i < p->ns; i++) {
        for (int j = 0; j < p->nd; j++)
            edge[i][j] = p->link[i][j] ? mcf_add(g, i, p->ns + j, p->supply[i], p->cost[i][j]) : -1;
        last[i] = mcf_add_last(g, i, un, p->supply[i]);
        supply[i] = p->supply[i];
        total += p->supply[i];
    }
    for (int j = 0; j < p->nd; j++)
        room[j] = mcf_add(g, p->ns + j, sink, p->room[j], 0);
    mcf_add(g, un, sink, MCF_CAP_MAX, 0);
    supply[sink] = -total;
    int bad = mcf_solve(g, supply) != 0;
    *tier = *cost = 0;
    for (int i = 0; i < p->ns; i++) {
        long long out = mcf_flow(g, last[i]);
        *tier += out;
        for (int j = 0; j < p->nd; j++)
            if (edge[i][j] >= 0) {
                long long f = mcf_flow(g, edge[i][j]);
                bad |= f < 0;
                out += f;
                *cost += f * p->cost[i][j];
            }
        bad |= out != p->supply[i];
    }
    for (int j = 0; j < p->nd; j++)
        bad |= mcf_flow(g, room[j]) > p->room[j];
    mcf_free(g);
    return bad;
}

static void test_methods_agree(void)
{
    int unsound = 0, differ = 0, scarce = 0;
    for (int k = 0; k < 500; k++) {
        problem p;
        problem_make(&p);
        long long t1, c1, t2, c2;
        unsound += solve(&p, MCF_SIMPLEX, &t1, &c1) != 0;
        unsound += solve(&p, MCF_PATHS, &t2, &c2) != 0;
        differ += t1 != t2 || c1 != c2;
        scarce += t1 > 0;
    }
    CHECK_INT(unsound, 0);
    CHECK_INT(differ, 0);
    CHECK(scarce > 100); /* many cases left some supply unplaced */
}

static void test_bad_input(void)
{
    mcf *g = mcf_new(3, MCF_SIMPLEX);
    CHECK_INT(mcf_add(g, 0, 3, 1, 1), -1);
    CHECK_INT(mcf_add(g, 0, 1, -1, 1), -1);
    CHECK_INT(mcf_add(g, 0, 1, 1, MCF_COST_MAX + 1), -1);
    CHECK_INT(mcf_add(g, 0, 1, 5, 2), 0);
    long long unbalanced[3] = {5, -4, 0}, ok[3] = {5, -5, 0}, more[3] = {9, -9, 0};
    CHECK_INT(mcf_solve(g, unbalanced), -1);
    CHECK_INT(mcf_solve(g, ok), 0);
    CHECK_INT(mcf_flow(g, 0), 5);
    mcf_free(g);
    g = mcf_new(3, MCF_PATHS);
    mcf_add(g, 0, 1, 5, 2);
    CHECK_INT(mcf_solve(g, more), 1); /* only 5 of 9 can go */
    mcf_free(g);
    CHECK(mcf_new(0, MCF_SIMPLEX) == NULL);
}

int main(void)
{
    test_methods_agree();
    test_bad_input();
    T_DONE();
}
