/* The imported boundary outlines, read from the store for drawing: each
 * stored chunk becomes a line of points with its bounding box, so a map
 * draws only those that reach into its view.  Without a boundary file
 * imported there are none, and a map draws as it always has. */
#ifndef CATCHMENT_BOUNDARIES_H
#define CATCHMENT_BOUNDARIES_H

#include "engine/map.h"
#include "store/store.h"

typedef struct boundary_line {
    int first, n;              /* points [first, first + n) of the set */
    double lo_lat, hi_lat, lo_lon, hi_lon;
    char code[CODE_MAX];
    char name[NAME_MAX];
} boundary_line;

typedef struct boundary_set {
    double *lat, *lon;
    int npoints, cap_points;
    boundary_line *v;
    int n, cap;
    int outlines;              /* areas (a multi-part area counts once) */
    char kinds[256];           /* "local authority districts (LAD24), ..." */
} boundary_set;

/* Every outline in the store (in a read transaction of its own). */
int boundaries_load(store *s, boundary_set *b, err *e);
void boundaries_free(boundary_set *b);

/* Line i's bounding box reaches into the view. */
bool boundaries_in_view(const boundary_line *l, const map_view *v);

/* Draws every line that reaches into the view, clipped to it. */
void boundaries_draw(const boundary_set *b, map_canvas *c, const map_view *v, int cls);

#endif
