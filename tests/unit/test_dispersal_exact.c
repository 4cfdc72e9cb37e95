/* The optimal policy against a second exact method on random closures of
 * several practices at once: a plain minimum-cost maximum flow written
 * here from the textbook (one super source, Bellman-Ford with a queue for
 * each shortest path, no potentials, no merged areas, no last-resort
 * edges), which places the most and then the least patient-metres. */
#include "tests/unit/disp_fixture.h"

#include <limits.h>

#define MAXP 24
#define MAXA 48
#define MAXN (MAXP + MAXA + 2)
#define MAXE (2 * (MAXA * MAXP + MAXA + MAXP))

typedef struct {
    disp_practice p[MAXP];
    disp_area a[MAXA];
    char code[MAXA][16]; /* "A" and any int */
    int np, na;
} town;

/* Practices over about 10 x 10 km, `closing` of them closing; areas
 * belong to a closing practice, and about a third repeat an earlier
 * area (the same LSOA listed by another closing practice). */
static void town_make(town *t, int np, int na, int closing, long most)
{
    t->np = np;
    t->na = na;
    for (int i = 0; i < np; i++) {
        long list = 2000 + rnd_int(8000);
        t->p[i] = (disp_practice){NULL, 52.0 + 10 * KM * rnd(),
                                  -1.5 + 10 * KM / 0.6157 * rnd(), list,
                                  list - 100 + rnd_int((int)most), NAN, rnd_int(8) != 0};
    }
    for (int i = 0; i < na; i++) {
        int from = rnd_int(closing);
        snprintf(t->code[i], sizeof t->code[i], "A%d", i);
        t->a[i] = (disp_area){t->code[i], from, 52.0 + 10 * KM * rnd(),
                              -1.5 + 10 * KM / 0.6157 * rnd(), 1 + rnd_int((int)most / (1 + rnd_int(6))), 0};
        if (i > 0 && rnd_int(3) == 0) {
            const disp_area *twin = &t->a[rnd_int(i)];
            t->a[i].area = twin->area;
            t->a[i].lat = twin->lat;
            t->a[i].lon = twin->lon;
        }
    }
}

static long room(const town *t, int i)
{
    return room_of(t->p, t->a, t->na, i);
}

/* ---- the second method: a residual graph and Bellman-Ford ---- */

typedef struct {
    int n, m;
    int from[MAXE], to[MAXE];
    long long cap[MAXE], cost[MAXE];
} net;

static void edge(net *g, int u, int v, long long cap, long long cost)
{
    g->from[g->m] = u, g->to[g->m] = v, g->cap[g->m] = cap, g->cost[g->m++] = cost;
    g->from[g->m] = v, g->to[g->m] = u, g->cap[g->m] = 0, g->cost[g->m++] = -cost;
}

/* Cheapest path s -> t by Bellman-Ford (every edge, until nothing
 * improves); fills via[] with the edge into each node.  0: no path. */
static int cheapest(const net *g, int s, int t, int *via)
{
    long long d[MAXN];
    for (int i = 0; i < g->n; i++)
        d[i] = LLONG_MAX, via[i] = -1;
    d[s] = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int e = 0; e < g->m; e++)
            if (g->cap[e] > 0 && d[g->from[e]] != LLONG_MAX &&
                d[g->from[e]] + g->cost[e] < d[g->to[e]]) {
                d[g->to[e]] = d[g->from[e]] + g->cost[e];
                via[g->to[e]] = e;
                changed = 1;
            }
    }
    return d[t] != LLONG_MAX;
}

/* Minimum-cost maximum flow from the super source: placed and metres. */
static void textbook(const town *t, double max_km, long *placed, long long *metres)
{
    static net g;
    int s = t->na + t->np, sink = s + 1, via[MAXN];
    g.n = sink + 1;
    g.m = 0;
    for (int i = 0; i < t->na; i++) {
        const disp_area *a = &t->a[i];
        edge(&g, s, i, a->patients, 0);
        for (int p = 0; p < t->np && !isnan(a->lat); p++) {
            double km = geo_km(a->lat, a->lon, t->p[p].lat, t->p[p].lon);
            if (room(t, p) > 0 && km <= max_km)
                edge(&g, i, t->na + p, a->patients, llround(km * 1000.0));
        }
    }
    for (int p = 0; p < t->np; p++)
        edge(&g, t->na + p, sink, room(t, p), 0);
    *placed = 0;
    *metres = 0;
    while (cheapest(&g, s, sink, via)) {
        long long push = LLONG_MAX;
        for (int v = sink; v != s; v = g.from[via[v]])
            push = g.cap[via[v]] < push ? g.cap[via[v]] : push;
        for (int v = sink; v != s; v = g.from[via[v]]) {
            g.cap[via[v]] -= push;
            g.cap[via[v] ^ 1] += push;
            *metres += push * g.cost[via[v]];
        }
        *placed += (long)push;
    }
}

static int agrees(const town *t, double max_km)
{
    disp_rules r = rules(POLICY_OPTIMAL);
    r.max_km = max_km;
    disp_result res;
    err e;
    if (dispersal_run(t->p, t->np, t->a, t->na, &r, &res, &e) < 0) {
        printf("optimal failed: %s\n", e.msg);
        return 0;
    }
    long placed;
    long long metres;
    textbook(t, max_km, &placed, &metres);
    int ok = res.placed == placed && cost_m(&res) == metres;
    if (!ok)
        printf("optimal placed %ld, %lld m; textbook %ld, %lld m\n", res.placed,
               cost_m(&res), placed, metres);
    disp_result_free(&res);
    return ok;
}

static void test_many_closures(void)
{
    int bad = 0, scarce = 0, plenty = 0;
    for (int k = 0; k < 400; k++) {
        town t;
        int np = 8 + rnd_int(MAXP - 7), na = 6 + rnd_int(MAXA - 5);
        town_make(&t, np, na, 1 + rnd_int(5), 50 + rnd_int(3000));
        double max_km = 2 + 8 * rnd();
        long want = 0, have = 0;
        for (int i = 0; i < t.na; i++)
            want += t.a[i].patients;
        for (int i = 0; i < t.np; i++)
            have += room(&t, i);
        scarce += have < want;
        plenty += have >= want;
        bad += !agrees(&t, max_km);
    }
    CHECK_INT(bad, 0);
    CHECK(scarce > 20); /* the cases did test both scarce */
    CHECK(plenty > 20); /* and plentiful headroom */
}

/* Hundreds of thousands of patients and max_km at its bound: sizes once refused
 * as too big for 64-bit costs. */
static void test_big_numbers(void)
{
    int bad = 0;
    for (int k = 0; k < 20; k++) {
        town t;
        town_make(&t, 20, 40, 4, 400000);
        bad += !agrees(&t, 20000);
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    test_many_closures();
    test_big_numbers();
    T_DONE();
}
