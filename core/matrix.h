/* The travel-time matrix for one what-if: for each area, the practices it
 * has a route to and the minutes or road km, for the engine's distance
 * callback. */
#ifndef CATCHMENT_MATRIX_H
#define CATCHMENT_MATRIX_H

#include <stdbool.h>

#include "core/world.h"
#include "engine/dispersal.h"

typedef struct matrix_route {
    int practice;   /* world index */
    double value;   /* minutes or km */
} matrix_route;

typedef struct matrix {
    int *first, *count;   /* per area: its routes in `routes` */
    matrix_route *routes; /* per area, sorted by practice */
    int nroutes, cap;
    double search_km;     /* straight-line reach of every route */
} matrix;

/* Loads the routes of every area (inside a read transaction): minutes, or
 * road km when minutes is false.  A pair with no row has no route. */
int matrix_load(matrix *m, const world *w, store *s, const disp_area *a, int na,
                bool minutes, err *e);
void matrix_free(matrix *m);

/* The engine's distance callback: ctx is the matrix. NAN: no route. */
double matrix_dist(void *ctx, int area, int pi);

#endif
