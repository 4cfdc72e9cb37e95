#include "engine/map.h"

#include "engine/geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEG (M_PI / 180.0)

map_proj map_proj_at(double lat0, double lon0)
{
    double ky = GEO_EARTH_KM * DEG;
    return (map_proj){.lat0 = lat0, .lon0 = lon0, .kx = ky * cos(lat0 * DEG), .ky = ky};
}

void map_project(const map_proj *m, double lat, double lon, double *x_km, double *y_km)
{
    *x_km = (lon - m->lon0) * m->kx;
    *y_km = (lat - m->lat0) * m->ky;
}

void map_unproject(const map_proj *m, double x_km, double y_km, double *lat, double *lon)
{
    *lat = m->lat0 + y_km / m->ky;
    *lon = m->lon0 + x_km / m->kx;
}

bool map_view_fit(map_view *v, const double *lat, const double *lon, int n, int cols,
                  int rows)
{
    double lo_lat = INFINITY, hi_lat = -INFINITY, lo_lon = INFINITY, hi_lon = -INFINITY;
    for (int i = 0; i < n; i++) {
        if (isnan(lat[i]) || isnan(lon[i]))
            continue;
        lo_lat = fmin(lo_lat, lat[i]);
        hi_lat = fmax(hi_lat, lat[i]);
        lo_lon = fmin(lo_lon, lon[i]);
        hi_lon = fmax(hi_lon, lon[i]);
    }
    if (lo_lat > hi_lat)
        return false;
    v->cols = cols < 1 ? 1 : cols;
    v->rows = rows < 1 ? 1 : rows;
    v->proj = map_proj_at((lo_lat + hi_lat) / 2, (lo_lon + hi_lon) / 2);
    double w_km = (hi_lon - lo_lon) * v->proj.kx, h_km = (hi_lat - lo_lat) * v->proj.ky;
    /* A cell of margin on each side. */
    double across = w_km / fmax(1, 2.0 * (v->cols - 2)), down = h_km / fmax(1, 4.0 * (v->rows - 2));
    v->km_per_dot = fmax(fmax(across, down), 0.05);
    return true;
}

void map_view_zoom(map_view *v, double factor)
{
    double k = v->km_per_dot * factor;
    if (k >= 0.005 && k <= 50)
        v->km_per_dot = k;
}

void map_view_pan(map_view *v, double fx, double fy)
{
    double x = fx * 2.0 * v->cols * v->km_per_dot, y = fy * 4.0 * v->rows * v->km_per_dot;
    double lat, lon;
    map_unproject(&v->proj, x, y, &lat, &lon);
    v->proj = map_proj_at(lat, lon);
}

bool map_dot_xy(const map_view *v, double lat, double lon, double *x, double *y)
{
    double kx, ky;
    if (isnan(lat) || isnan(lon))
        return false;
    map_project(&v->proj, lat, lon, &kx, &ky);
    *x = kx / v->km_per_dot + v->cols;
    *y = -ky / v->km_per_dot + 2.0 * v->rows;
    return isfinite(*x) && isfinite(*y);
}

bool map_clip(double *x0, double *y0, double *x1, double *y1, double w, double h)
{
    double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy}, q[4] = {*x0, w - *x0, *y0, h - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0 && t > t0)
            t0 = t;
        else if (p[i] > 0 && t < t1)
            t1 = t;
        if (t0 > t1)
            return false;
    }
    double ax = *x0, ay = *y0;
    *x0 = ax + t0 * dx, *y0 = ay + t0 * dy;
    *x1 = ax + t1 * dx, *y1 = ay + t1 * dy;
    return true;
}

bool map_dot_of(const map_view *v, double lat, double lon, int *dx, int *dy)
{
    double x, y;
    if (isnan(lat) || isnan(lon))
        return false;
    map_project(&v->proj, lat, lon, &x, &y);
    double fx = floor(x / v->km_per_dot + v->cols), fy = floor(-y / v->km_per_dot + 2.0 * v->rows);
    if (fabs(fx) > 1e6 || fabs(fy) > 1e6)
        return false;
    *dx = (int)fx;
    *dy = (int)fy;
    return true;
}

double map_scale_km(const map_view *v, int max_cells, int *cells)
{
    double cell_km = 2.0 * v->km_per_dot, best = 0;
    for (double p = 0.001; p <= 1000; p *= 10)
        for (int m = 1; m <= 5; m += m == 1 ? 1 : 3)
            if (m * p / cell_km <= max_cells)
                best = m * p;
    if (best == 0)
        best = cell_km;
    *cells = (int)lround(best / cell_km);
    if (*cells < 1)
        *cells = 1;
    return best;
}

int map_canvas_init(map_canvas *c, int cols, int rows)
{
    size_t n = (size_t)(cols > 0 ? cols : 1) * (size_t)(rows > 0 ? rows : 1);
    c->cols = cols > 0 ? cols : 1;
    c->rows = rows > 0 ? rows : 1;
    c->dots = calloc(n, 1);
    c->cls = calloc(n, 1);
    c->glyph = calloc(n, 1);
    if (!c->dots || !c->cls || !c->glyph) {
        map_canvas_free(c);
        return -1;
    }
    return 0;
}

void map_canvas_clear(map_canvas *c)
{
    size_t n = (size_t)c->cols * (size_t)c->rows;
    memset(c->dots, 0, n);
    memset(c->cls, 0, n);
    memset(c->glyph, 0, n);
}

void map_canvas_free(map_canvas *c)
{
    free(c->dots);
    free(c->cls);
    free(c->glyph);
    memset(c, 0, sizeof *c);
}

static int cell_at(const map_canvas *c, int dx, int dy)
{
    if (dx < 0 || dy < 0 || dx >= 2 * c->cols || dy >= 4 * c->rows)
        return -1;
    return (dy / 4) * c->cols + dx / 2;
}

static void raise_class(map_canvas *c, int cell, int cls)
{
    if (cls > c->cls[cell])
        c->cls[cell] = (uint8_t)cls;
}

void map_dot(map_canvas *c, int dx, int dy, int cls)
{
    /* Braille dots 1-2-3-7 down the left column, 4-5-6-8 down the right. */
    static const uint8_t bit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
    int cell = cell_at(c, dx, dy);
    if (cell < 0)
        return;
    c->dots[cell] |= bit[dx % 2][dy % 4];
    raise_class(c, cell, cls);
}

void map_line(map_canvas *c, int x0, int y0, int x1, int y1, int cls)
{
    /* Bresenham; a line far off the canvas is not walked dot by dot. */
    long ax = labs((long)x1 - x0), ay = labs((long)y1 - y0);
    if (ax + ay > 8L * (c->cols + c->rows) * 4)
        return;
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    long e = ax - ay;
    for (;;) {
        map_dot(c, x0, y0, cls);
        if (x0 == x1 && y0 == y1)
            break;
        long e2 = 2 * e;
        if (e2 > -ay) {
            e -= ay;
            x0 += sx;
        }
        if (e2 < ax) {
            e += ax;
            y0 += sy;
        }
    }
}

/* A dot coordinate on the canvas (clipped values may sit on its far edge). */
static int dot_at(double v, int size)
{
    int d = (int)floor(v);
    return d < 0 ? 0 : d >= size ? size - 1 : d;
}

void map_polyline(map_canvas *c, const map_view *v, const double *lat, const double *lon, int n,
                  int cls)
{
    double w = 2.0 * c->cols, h = 4.0 * c->rows;
    for (int i = 1; i < n; i++) {
        double x0, y0, x1, y1;
        if (!map_dot_xy(v, lat[i - 1], lon[i - 1], &x0, &y0) ||
            !map_dot_xy(v, lat[i], lon[i], &x1, &y1) || !map_clip(&x0, &y0, &x1, &y1, w, h))
            continue;
        map_line(c, dot_at(x0, 2 * c->cols), dot_at(y0, 4 * c->rows), dot_at(x1, 2 * c->cols),
                 dot_at(y1, 4 * c->rows), cls);
    }
}

void map_glyph(map_canvas *c, int dx, int dy, char glyph, int cls)
{
    int cell = cell_at(c, dx, dy);
    if (cell < 0 || cls < c->cls[cell])
        return;
    c->glyph[cell] = glyph;
    c->cls[cell] = (uint8_t)cls;
}

/* Whether n cells from col on row are on the canvas and hold no glyph
 * of cls or above (another practice's mark or label). */
static bool label_fits(const map_canvas *c, int col, int row, int n, int cls)
{
    if (col < 0 || col + n > c->cols)
        return false;
    for (int i = 0; i < n; i++) {
        int cell = row * c->cols + col + i;
        if (c->glyph[cell] && c->cls[cell] >= cls)
            return false;
    }
    return true;
}

bool map_label(map_canvas *c, int dx, int dy, const char *text, int cls)
{
    int n = (int)strlen(text);
    if (cell_at(c, dx, dy) < 0)
        return false;
    int col = dx / 2 + 1, row = dy / 4;
    if (!label_fits(c, col, row, n, cls))
        col = dx / 2 - n;
    if (!label_fits(c, col, row, n, cls))
        return false;
    for (int i = 0; i < n; i++)
        map_glyph(c, 2 * (col + i), 4 * row, text[i], cls);
    return true;
}

size_t map_cell_text(const map_canvas *c, int col, int row, bool ascii, char out[8])
{
    int cell = row * c->cols + col;
    uint8_t b = c->dots[cell];
    if (c->glyph[cell]) {
        out[0] = c->glyph[cell];
        out[1] = '\0';
        return 1;
    }
    if (!b) {
        memcpy(out, " ", 2);
        return 1;
    }
    if (ascii && c->cls[cell] == MAP_BOUNDARY) {
        memcpy(out, "+", 2);
        return 1;
    }
    if (ascii) {
        int k = __builtin_popcount(b);
        out[0] = k == 1 ? '.' : k <= 4 ? ':' : '#';
        out[1] = '\0';
        return 1;
    }
    out[0] = (char)0xE2; /* U+2800 + bits */
    out[1] = (char)(0xA0 | (b >> 6));
    out[2] = (char)(0x80 | (b & 0x3F));
    out[3] = '\0';
    return 3;
}

/* Distance of (px, py) from the segment (ax, ay)-(bx, by). */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by)
{
    double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(px - (ax + t * dx), py - (ay + t * dy));
}

int map_simplify(const double *x, const double *y, int n, double tol, bool *keep)
{
    if (n <= 0)
        return 0;
    int *stack = malloc((4 * (size_t)n + 4) * sizeof *stack), top = 0, kept = 0;
    if (!stack)
        return -1;
    for (int i = 0; i < n; i++)
        keep[i] = i == 0 || i == n - 1;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) { /* an explicit stack: a long ring cannot overflow the C one */
        int b = stack[--top], a = stack[--top], far = -1;
        double worst = tol;
        for (int i = a + 1; i < b; i++) {
            double d = seg_dist(x[i], y[i], x[a], y[a], x[b], y[b]);
            if (d > worst)
                worst = d, far = i;
        }
        if (far < 0)
            continue;
        keep[far] = true;
        stack[top++] = a;
        stack[top++] = far;
        stack[top++] = far;
        stack[top++] = b;
    }
    free(stack);
    for (int i = 0; i < n; i++)
        kept += keep[i];
    return kept;
}
