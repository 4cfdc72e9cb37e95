#include "core/boundaries.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

/* The ONS's kinds of area in words, by the stem of their code property. */
static const char *kind_words(const char *stem)
{
    static const struct {
        const char *stem, *words;
    } k[] = {
        {"SICBL", "sub-ICB locations"}, {"LOC", "sub-ICB locations"}, {"ICB", "ICBs"},
        {"CCG", "CCGs"},  {"LAD", "local authority districts"},
        {"CTYUA", "counties and unitary authorities"}, {"UTLA", "upper tier local authorities"},
        {"LTLA", "lower tier local authorities"}, {"WD", "wards"}, {"PCON", "constituencies"},
        {"LSOA", "LSOAs"}, {"MSOA", "MSOAs"}, {"RGN", "regions"}, {"NHSER", "NHS regions"},
    };
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (strcmp(k[i].stem, stem) == 0)
            return k[i].words;
    return "areas";
}

static int add_points(boundary_set *b, const boundary_rec *r)
{
    if (b->npoints + r->n > b->cap_points) {
        int cap = b->cap_points ? 2 * b->cap_points : 4096;
        while (cap < b->npoints + r->n)
            cap *= 2;
        if (grow_to(&b->lat, (size_t)cap, sizeof *b->lat) ||
            grow_to(&b->lon, (size_t)cap, sizeof *b->lon))
            return -1;
        b->cap_points = cap;
    }
    memcpy(b->lat + b->npoints, r->lat, (size_t)r->n * sizeof *r->lat);
    memcpy(b->lon + b->npoints, r->lon, (size_t)r->n * sizeof *r->lon);
    b->npoints += r->n;
    return 0;
}

/* "kinds (SET)" once for each kind of area, in the order stored. */
static void note_kind(boundary_set *b, const boundary_rec *r)
{
    char one[SHORT_MAX + 64];
    snprintf(one, sizeof one, "%s (%s)", kind_words(r->stem), r->set);
    if (strstr(b->kinds, one))
        return;
    size_t o = strlen(b->kinds);
    snprintf(b->kinds + o, sizeof b->kinds - o, "%s%s", o ? ", " : "", one);
}

static int add_chunk(const boundary_rec *r, void *ctx)
{
    boundary_set *b = ctx;
    if (b->n == b->cap) {
        int cap = b->cap ? 2 * b->cap : 64;
        if (grow_to(&b->v, (size_t)cap, sizeof *b->v))
            return -2;
        b->cap = cap;
    }
    boundary_line *l = &b->v[b->n];
    memset(l, 0, sizeof *l);
    l->first = b->npoints;
    l->n = r->n;
    if (add_points(b, r))
        return -2;
    l->lo_lat = l->lo_lon = INFINITY;
    l->hi_lat = l->hi_lon = -INFINITY;
    for (int i = 0; i < r->n; i++) {
        l->lo_lat = fmin(l->lo_lat, r->lat[i]), l->hi_lat = fmax(l->hi_lat, r->lat[i]);
        l->lo_lon = fmin(l->lo_lon, r->lon[i]), l->hi_lon = fmax(l->hi_lon, r->lon[i]);
    }
    snprintf(l->code, sizeof l->code, "%s", r->code);
    snprintf(l->name, sizeof l->name, "%s", r->name);
    b->outlines += r->part == 0 && r->chunk == 0;
    note_kind(b, r);
    b->n++;
    return 0;
}

int boundaries_load(store *s, boundary_set *b, err *e)
{
    memset(b, 0, sizeof *b);
    if (store_read_begin(s, e))
        return -1;
    int rc = store_boundary_each(s, add_chunk, b, e);
    store_read_end(s);
    if (rc == -2)
        rc = err_set(e, "out of memory");
    if (rc)
        boundaries_free(b);
    return rc ? -1 : 0;
}

void boundaries_free(boundary_set *b)
{
    free(b->lat);
    free(b->lon);
    free(b->v);
    memset(b, 0, sizeof *b);
}

bool boundaries_in_view(const boundary_line *l, const map_view *v)
{
    double x0, y0, x1, y1;
    map_project(&v->proj, l->lo_lat, l->lo_lon, &x0, &y0);
    map_project(&v->proj, l->hi_lat, l->hi_lon, &x1, &y1);
    double half_w = v->cols * v->km_per_dot, half_h = 2.0 * v->rows * v->km_per_dot;
    return x1 >= -half_w && x0 <= half_w && y1 >= -half_h && y0 <= half_h;
}

void boundaries_draw(const boundary_set *b, map_canvas *c, const map_view *v, int cls)
{
    for (int i = 0; i < b->n; i++)
        if (boundaries_in_view(&b->v[i], v))
            map_polyline(c, v, b->lat + b->v[i].first, b->lon + b->v[i].first, b->v[i].n, cls);
}
