#include "core/matrix.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/geo.h"

struct loading {
    matrix *m;
    const world *w;
    const disp_area *area;
    bool minutes;
    err *e;
};

static int add_route(const travel_rec *t, void *ctx)
{
    struct loading *ld = ctx;
    matrix *m = ld->m;
    int k = world_find(ld->w, t->to);
    double v = ld->minutes ? t->minutes : t->km;
    if (k < 0 || isnan(v))
        return 0; /* a practice not in the store, or no road km: no route */
    if (m->nroutes == m->cap) {
        int nc = m->cap ? m->cap * 2 : 1024;
        matrix_route *r = realloc(m->routes, (size_t)nc * sizeof *r);
        if (!r)
            return err_set(ld->e, "out of memory");
        m->routes = r;
        m->cap = nc;
    }
    m->routes[m->nroutes++] = (matrix_route){k, v};
    double km = geo_km(ld->area->lat, ld->area->lon, ld->w->v[k].lat, ld->w->v[k].lon);
    if (km > m->search_km)
        m->search_km = km;
    return 0;
}

static int by_practice(const void *a, const void *b)
{
    const matrix_route *x = a, *y = b;
    return (x->practice > y->practice) - (x->practice < y->practice);
}

int matrix_load(matrix *m, const world *w, store *s, const disp_area *a, int na,
                bool minutes, err *e)
{
    memset(m, 0, sizeof *m);
    m->first = calloc((size_t)na + 1, sizeof *m->first);
    m->count = calloc((size_t)na + 1, sizeof *m->count);
    if (!m->first || !m->count)
        return err_set(e, "out of memory");
    for (int i = 0; i < na; i++) {
        struct loading ld = {.m = m, .w = w, .area = &a[i], .minutes = minutes, .e = e};
        m->first[i] = m->nroutes;
        if (store_travel_each(s, a[i].area, add_route, &ld, e) < 0)
            return -1;
        m->count[i] = m->nroutes - m->first[i];
        if (m->count[i] > 1) /* routes is still NULL while no area has any */
            qsort(m->routes + m->first[i], (size_t)m->count[i], sizeof *m->routes, by_practice);
    }
    m->search_km += 0.01; /* so the furthest route is inside the radius */
    return 0;
}

void matrix_free(matrix *m)
{
    free(m->first);
    free(m->count);
    free(m->routes);
    memset(m, 0, sizeof *m);
}

double matrix_dist(void *ctx, int area, int pi)
{
    const matrix *m = ctx;
    matrix_route key = {pi, 0};
    const matrix_route *r = bsearch(&key, m->routes + m->first[area], (size_t)m->count[area],
                                    sizeof key, by_practice);
    return r ? r->value : NAN;
}
