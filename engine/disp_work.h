/* Shared by dispersal.c and the policies: the candidate receivers of each
 * area, headroom left, and the flows given so far.  Not for other layers. */
#ifndef CATCHMENT_DISP_WORK_H
#define CATCHMENT_DISP_WORK_H

#include "engine/dispersal.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    int p;          /* practice index */
    double km;      /* distance in use */
    long long cost; /* km x 1000 rounded: the integer cost optimal uses */
} disp_cand;

typedef struct {
    const disp_practice *p;
    int np;
    const disp_area *a;
    int na;
    const disp_rules *r;
    long *left;       /* np: headroom left; 0 for any non-receiver */
    int *cstart;      /* na: where each area's candidates begin in cand */
    int *cend;        /* na: and end (areas at one place share them) */
    disp_cand *cand;  /* each area's receivers within reach, nearest first
                         (ties by practice index); only those with headroom */
    int ncand;
    int *order;       /* na: areas, largest first, ties by code then index */
    disp_flow *flows; /* placed flows given so far (may repeat a pair) */
    int nflows, capflows;
} disp_work;

/* Records n patients of area a going to practice c->p; lowers headroom. */
int work_give(disp_work *w, int a, const disp_cand *c, long n);

int policy_nearest(disp_work *w, err *e);
int policy_choice(disp_work *w, err *e);
int policy_optimal(disp_work *w, err *e);
int policy_demand(disp_work *w, err *e);

/* A table of 2^k slots keyed by a place (lat, lon): an area's, or a
 * reach's; the slot holds the owner's index, -1 when empty. */
typedef struct {
    int *slot;
    size_t mask;
} place_tab;

/* Slots for n places; -1 when out of memory. */
int place_tab_init(place_tab *t, int n);

static inline size_t place_hash(double lat, double lon)
{
    uint64_t h[2];
    memcpy(&h[0], &lat, sizeof h[0]);
    memcpy(&h[1], &lon, sizeof h[1]);
    return (size_t)((h[0] * 0x9E3779B97F4A7C15ULL ^ h[1]) * 0xBF58476D1CE4E5B9ULL >> 20);
}

/* The kept hits of the place (lat, lon) for km (*hits, their number), or
 * -1 when reach is NULL, made for another km, or has no such place. */
int reach_find(const disp_reach *reach, double lat, double lon, double km,
               const nearby_hit **hits);

/* Room given to every receiver under demand: more than any list. */
#define DISP_UNLIMITED (LONG_MAX / 4)

#endif
