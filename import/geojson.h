/* Boundary polygons from a GeoJSON FeatureCollection, as the ONS Open
 * Geography portal publishes them (sub-ICB locations, local authorities):
 * each feature's code and name from its properties (the one whose name
 * ends in CD, the one ending in NM: SICBL23CD, LAD23NM, ...) and its
 * Polygon or MultiPolygon rings.  Coordinates in WGS84 degrees, or in
 * British National Grid metres (the portal's other download), which are
 * converted.  A small JSON reader of its own: strict, bounded in depth,
 * every error as file:line:column. */
#ifndef CATCHMENT_GEOJSON_H
#define CATCHMENT_GEOJSON_H

#include <stddef.h>

#include "util/err.h"

enum { GJ_CODE_MAX = 32, GJ_NAME_MAX = 160, GJ_KEY_MAX = 64 };

typedef struct gj_feature {
    char code[GJ_CODE_MAX];
    char name[GJ_NAME_MAX];
    char code_key[GJ_KEY_MAX]; /* the property the code came from: "SICBL24CD" */
    int line, col;         /* where the feature starts, for messages */
    double *lat, *lon;     /* every ring's points, one after another */
    int *ring_end;         /* ring i is points [ring_end[i-1], ring_end[i]) */
    int nrings, npoints;
} gj_feature;

/* Calls fn for each feature in buf (len bytes); stops at fn's first
 * non-zero return.  Returns 0, or -1 with e set (path:line:col). */
typedef int (*gj_feature_fn)(const gj_feature *f, void *ctx, err *e);
int geojson_read(const char *buf, size_t len, const char *path, gj_feature_fn fn, void *ctx,
                 err *e);

#endif
