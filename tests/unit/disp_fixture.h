/* Helpers shared by the dispersal tests: practices and areas placed along
 * one meridian at whole-km offsets, and small summaries of a result. */
#ifndef CATCHMENT_DISP_FIXTURE_H
#define CATCHMENT_DISP_FIXTURE_H
#include "engine/dispersal.h"
#include "engine/geo.h"
#include "tests/unit/t.h"

#include <stdlib.h>

#define KM (1.0 / 111.19508) /* degrees of latitude per km */

static unsigned long rng = 2024;

static inline double rnd(void)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static inline int rnd_int(int n)
{
    return (int)(rnd() * n);
}

static inline disp_practice prac(double lat_km, long list, long capacity)
{
    disp_practice p = {NULL, 52.0 + lat_km * KM, -1.5, list, capacity, NAN, true};
    return p;
}

static inline disp_area area(const char *code, int from, double lat_km, long n)
{
    disp_area a = {code, from, 52.0 + lat_km * KM, -1.5, n, 0};
    return a;
}

static inline disp_rules rules(disp_policy pol)
{
    disp_rules r = disp_rules_default();
    r.policy = pol;
    return r;
}

/* Patients area ai sends to practice to (-1: unplaced). */
static inline long sent(const disp_result *r, int ai, int to)
{
    long n = 0;
    for (int i = 0; i < r->nflows; i++)
        if (r->flows[i].area == ai && r->flows[i].to == to)
            n += r->flows[i].patients;
    return n;
}

/* The room practice i has to receive: none when it closes (the from of
 * an area) or may not receive, else capacity less list. */
static inline long room_of(const disp_practice *p, const disp_area *a, int na, int i)
{
    for (int k = 0; k < na; k++)
        if (a[k].from == i)
            return 0;
    return p[i].can_receive && p[i].capacity > p[i].list ? p[i].capacity - p[i].list : 0;
}

static inline long long cost_m(const disp_result *r)
{
    long long c = 0;
    for (int i = 0; i < r->nflows; i++)
        if (r->flows[i].to >= 0)
            c += r->flows[i].patients * llround(r->flows[i].km * 1000.0);
    return c;
}


#endif
