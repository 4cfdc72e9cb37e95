/* A flat map of a small part of England, and a canvas of dots to draw it
 * on in a terminal.
 *
 * Projection: equirectangular, scaled by the cosine of the view's centre
 * latitude, so that a kilometre east and a kilometre north are the same
 * length on the map.  Over the 50 km of a sub-ICB at 52 degrees north the
 * scale error at the edges is under 0.6%, less than the width of a dot at
 * any useful zoom; a national view would want a proper projection.
 *
 * The canvas is cells of 2 x 4 dots (Unicode braille), each cell with an
 * optional glyph (a practice's letter) and a class (what colours it), so
 * that shapes and letters carry the meaning and colour only repeats it. */
#ifndef CATCHMENT_MAP_H
#define CATCHMENT_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* km east and north of (lat0, lon0); NAN in, NAN out. */
typedef struct map_proj {
    double lat0, lon0;
    double kx, ky; /* km per degree of longitude (at lat0) and of latitude */
} map_proj;

map_proj map_proj_at(double lat0, double lon0);
void map_project(const map_proj *m, double lat, double lon, double *x_km, double *y_km);
void map_unproject(const map_proj *m, double x_km, double y_km, double *lat, double *lon);

/* What a view shows: a centre, a scale and a size in cells. */
typedef struct map_view {
    map_proj proj;
    double km_per_dot; /* a dot is square: 2 dots a cell across, 4 down */
    int cols, rows;    /* cells */
} map_view;

/* The view of cols x rows cells that fits every point given (NAN points
 * are skipped) with a margin of a cell; a single point gets 0.05 km a
 * dot.  Returns false when no point is located. */
bool map_view_fit(map_view *v, const double *lat, const double *lon, int n, int cols,
                  int rows);

/* Zoom by a factor (2 zooms out), keeping the centre; pan by a fraction of
 * the view's width and height (positive: east and north). */
void map_view_zoom(map_view *v, double factor);
void map_view_pan(map_view *v, double fx, double fy);

/* Dot coordinates of a point (x right, y down; may fall outside). */
bool map_dot_of(const map_view *v, double lat, double lon, int *dx, int *dy);

/* Dot coordinates of a point, unrounded (x right, y down). */
bool map_dot_xy(const map_view *v, double lat, double lon, double *x, double *y);

/* Clips the segment (x0, y0)-(x1, y1) to the box [0, w] x [0, h]
 * (Liang-Barsky): false when none of it is inside, else the ends moved
 * onto the box where they were outside it. */
bool map_clip(double *x0, double *y0, double *x1, double *y1, double w, double h);

/* A round length for a scale bar (1, 2 or 5 times a power of ten km)
 * that fits in at most max_cells cells; *cells is its length in cells. */
double map_scale_km(const map_view *v, int max_cells, int *cells);

/* Douglas-Peucker: marks in keep[] the points of a line (x, y in km, n of
 * them) to keep so that none dropped lies further than tol km from the
 * simplified line; the first and last are always kept.  Returns how many
 * are kept, or -1 when out of memory. */
int map_simplify(const double *x, const double *y, int n, double tol, bool *keep);

/* Classes, lowest first: a cell takes the highest class drawn into it. */
enum {
    MAP_NONE,
    MAP_BOUNDARY,
    MAP_FLOW,
    MAP_AREA,
    MAP_AREA_UNPLACED,
    MAP_PRACTICE,
    MAP_RECEIVER,
    MAP_RECEIVER_FULL,
    MAP_RECEIVER_OVER,
    MAP_CLOSING,
    MAP_CURRENT,
    MAP_NCLASSES
};

typedef struct map_canvas {
    int cols, rows;
    uint8_t *dots;  /* braille bits per cell */
    uint8_t *cls;   /* class per cell */
    char *glyph;    /* a letter per cell, 0 none */
} map_canvas;

int map_canvas_init(map_canvas *c, int cols, int rows);
void map_canvas_clear(map_canvas *c);
void map_canvas_free(map_canvas *c);

/* A dot, a straight line of dots, a glyph in the cell holding a dot;
 * anything outside the canvas is clipped. */
void map_dot(map_canvas *c, int dx, int dy, int cls);
void map_line(map_canvas *c, int x0, int y0, int x1, int y1, int cls);
void map_glyph(map_canvas *c, int dx, int dy, char glyph, int cls);
/* A line through n points of the view, clipped to the canvas however far
 * its points lie outside it. */
void map_polyline(map_canvas *c, const map_view *v, const double *lat, const double *lon, int n,
                  int cls);
/* A short label written into cells from the cell holding the dot
 * rightwards, else leftwards (off the edge, or over another mark of cls
 * or above); false, and nothing written, when neither side has room. */
bool map_label(map_canvas *c, int dx, int dy, const char *text, int cls);

/* The cell as UTF-8 (a glyph, a braille pattern, or a space); with ascii,
 * dots become '.', ':' or '#' by how many there are, and a cell holding
 * only a boundary '+'.  Returns its length. */
size_t map_cell_text(const map_canvas *c, int col, int row, bool ascii, char out[8]);

#endif
