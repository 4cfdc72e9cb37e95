/* Boundary outlines from a GeoJSON FeatureCollection, as the ONS Open
 * Geography portal publishes its boundary downloads (Sub ICB Locations,
 * Local Authority Districts, ...).  Recognised by its first byte: no CSV
 * catchment reads starts with '{'.  Each ring is simplified on import
 * (Douglas-Peucker, BOUNDARY_TOL_KM: see docs/engine.md) and stored in
 * chunks; a file replaces the outlines of its kind of area (SICBL, LAD)
 * that an older file left. */
#include "import/kinds.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/map.h"
#include "import/geojson.h"
#include "util/grow.h"
#include "util/text.h"

/* 20 m: what the ONS's generalised (BGC) files are already drawn to, under
 * half a pixel of the board paper's map of a sub-ICB and a fraction of a
 * braille dot on the terminal's; a full-resolution file loses its detail
 * down to that. */
#define BOUNDARY_TOL_KM 0.02

enum {
    BOUNDARY_FEATURES_MAX = 100000, /* LSOAs are 35,672: room for them */
    BOUNDARY_KINDS_MAX = 8,         /* kinds of area in one file */
    BOUNDARY_SIMPLE_MAX = 5000000   /* points stored from one file */
};
#define BOUNDARY_BYTES_MAX (512LL << 20)

typedef struct loader {
    import_ctx *ic;
    const char *path;
    char stems[BOUNDARY_KINDS_MAX][SHORT_MAX];
    int nstems;
    long points_in, points_kept;
    boundary_rec *r;
    double *x, *y; /* one ring in km, for the simplification */
    bool *keep;
    int cap;
} loader;

/* A complaint about feature f, at the line and column where it starts. */
__attribute__((format(printf, 4, 5)))
static int at(const loader *l, const gj_feature *f, err *e, const char *fmt, ...)
{
    char what[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return err_at(e, l->path, f->line, f->col, "%s", what);
}

/* "SICBL24CD" -> set "SICBL24", stem "SICBL". */
static void kind_of(const char *key, char *set, char *stem)
{
    size_t n = strlen(key);
    if (n > 2 && strcasecmp(key + n - 2, "CD") == 0)
        n -= 2;
    if (n >= SHORT_MAX)
        n = SHORT_MAX - 1;
    memcpy(set, key, n);
    set[n] = '\0';
    while (n > 1 && isdigit((unsigned char)key[n - 1]))
        n--;
    memcpy(stem, key, n);
    stem[n] = '\0';
}

static bool code_ok(const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)code[i]))
            return false;
    return n > 0 && n < CODE_MAX;
}

/* The first outline of a kind of area in this file drops the older ones. */
static int replace_kind(loader *l, const gj_feature *f, err *e)
{
    for (int i = 0; i < l->nstems; i++)
        if (strcmp(l->stems[i], l->r->stem) == 0)
            return 0;
    if (l->nstems == BOUNDARY_KINDS_MAX)
        return at(l, f, e, "feature %s: more than 8 kinds of area in one file", f->code);
    snprintf(l->stems[l->nstems++], SHORT_MAX, "%s", l->r->stem);
    return store_boundary_drop(l->ic->s, l->r->stem, e);
}

static int room(loader *l, int n)
{
    if (n <= l->cap)
        return 0;
    if (grow_to(&l->x, (size_t)n, sizeof *l->x) || grow_to(&l->y, (size_t)n, sizeof *l->y) ||
        grow_to(&l->keep, (size_t)n, sizeof *l->keep))
        return -1;
    l->cap = n;
    return 0;
}

/* One ring (points [from, to) of f), simplified, in chunks. */
static int put_ring(loader *l, const gj_feature *f, int from, int to, err *e)
{
    int n = to - from;
    if (room(l, n))
        return err_set(e, "out of memory");
    map_proj p = map_proj_at(f->lat[from], f->lon[from]);
    for (int i = 0; i < n; i++)
        map_project(&p, f->lat[from + i], f->lon[from + i], &l->x[i], &l->y[i]);
    int kept = map_simplify(l->x, l->y, n, BOUNDARY_TOL_KM, l->keep);
    if (kept < 0)
        return err_set(e, "out of memory");
    l->points_in += n;
    l->points_kept += kept;
    if (l->points_kept > BOUNDARY_SIMPLE_MAX)
        return at(l, f, e, "feature %s: more than 5,000,000 points in the file after "
                           "simplifying (the generalised download is much smaller)", f->code);
    boundary_rec *r = l->r;
    r->chunk = 0;
    r->n = 0;
    for (int i = 0; i < n; i++) {
        if (!l->keep[i])
            continue;
        r->lat[r->n] = f->lat[from + i];
        r->lon[r->n++] = f->lon[from + i];
        if (r->n == BOUNDARY_CHUNK && i < n - 1) { /* the next chunk starts here */
            if (store_boundary_put(l->ic->s, r, e))
                return -1;
            r->chunk++;
            r->lat[0] = r->lat[r->n - 1];
            r->lon[0] = r->lon[r->n - 1];
            r->n = 1;
        }
    }
    return r->n > 1 ? store_boundary_put(l->ic->s, r, e) : 0;
}

static int one_feature(const gj_feature *f, void *ctx, err *e)
{
    loader *l = ctx;
    boundary_rec *r = l->r;
    l->ic->prov->rows_read++;
    if (l->ic->prov->rows_read > BOUNDARY_FEATURES_MAX)
        return at(l, f, e, "feature %s: more than 100,000 features in one file", f->code);
    if (!code_ok(f->code))
        return at(l, f, e, "feature code '%s': letters and digits only, at most 15", f->code);
    if (!text_utf8_valid(f->name, strlen(f->name)))
        return at(l, f, e, "feature %s: its name is not UTF-8", f->code);
    kind_of(f->code_key, r->set, r->stem);
    text_copy(r->code, sizeof r->code, f->code);
    text_copy(r->name, sizeof r->name, f->name);
    char key[SHORT_MAX + CODE_MAX + 1];
    snprintf(key, sizeof key, "%s/%s", r->stem, r->code);
    long first = imp_once_line(l->ic, key, f->line, e);
    if (first > 0)
        return at(l, f, e, "%s is also the code of the feature on line %ld", f->code, first);
    if (first < 0 || replace_kind(l, f, e))
        return -1;
    for (int i = 0; i < f->nrings; i++) {
        r->part = (unsigned)i;
        if (put_ring(l, f, i ? f->ring_end[i - 1] : 0, f->ring_end[i], e))
            return -1;
    }
    l->ic->prov->rows_kept++;
    return 0;
}

/* The whole file in memory (the reader wants it whole): at most
 * BOUNDARY_BYTES_MAX bytes, one more says it is too big. */
static char *slurp(import_ctx *ic, size_t *len, err *e)
{
    size_t cap = 0, n = 0, most = (size_t)BOUNDARY_BYTES_MAX + 1;
    char *buf = NULL;
    for (;;) {
        if (n == most) {
            free(buf);
            err_set(e, "%s: more than 512 MiB: refused (the generalised, BGC, download is a "
                       "few MiB)", source_name(ic->src));
            return NULL;
        }
        size_t want = cap ? (2 * cap < most ? 2 * cap : most) : 1 << 16;
        if (n == cap && grow_to(&buf, want, 1)) {
            free(buf);
            err_set(e, "out of memory");
            return NULL;
        }
        cap = n == cap ? want : cap;
        long k = source_read(ic->src, buf + n, cap - n, e);
        if (k <= 0) {
            if (k < 0)
                free(buf);
            *len = n;
            return k < 0 ? NULL : buf;
        }
        n += (size_t)k;
        if (ic->progress)
            ic->progress(source_done(ic->src), source_size(ic->src), ic->pctx);
    }
}

static int run(import_ctx *ic, err *e)
{
    size_t len;
    char *buf = slurp(ic, &len, e);
    loader l = {.ic = ic, .path = source_name(ic->src), .r = malloc(sizeof(boundary_rec))};
    int rc = !buf ? -1 : !l.r ? err_set(e, "out of memory")
                              : geojson_read(buf, len, l.path, one_feature, &l, e);
    if (rc == 0) {
        ic->notes[0].why = "points in the file";
        ic->notes[0].n = l.points_in;
        ic->notes[1].why = "points kept, simplified to within 20 m";
        ic->notes[1].n = l.points_kept;
        ic->nnotes = 2;
    }
    imp_once_done(ic);
    free(buf);
    free(l.r);
    free(l.x);
    free(l.y);
    free(l.keep);
    return rc;
}

static int never_csv(const csvr_row *first)
{
    (void)first;
    return 0;
}

/* A JSON object: '{' after any byte-order mark and white space. */
static int sniff(const char *head, size_t n)
{
    size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && strchr(" \t\r\n", head[i]))
        i++;
    return i < n && head[i] == '{' ? 100 : 0;
}

const import_kind kind_boundaries = {
    "boundaries",
    "ONS boundary outlines, GeoJSON (Sub ICB Locations, Local Authority Districts)",
    never_csv, run, sniff};
