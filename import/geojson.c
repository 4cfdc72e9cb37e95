#include "import/geojson.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/geo.h"

enum { GJ_DEPTH_MAX = 32, GJ_POINTS_MAX = 4000000 };

typedef struct cursor {
    const char *p, *end, *path;
    int line, col;
    err *e;
} cursor;

static int fail(cursor *c, const char *what)
{
    return err_at(c->e, c->path, c->line, c->col, "%s", what);
}

static void advance(cursor *c)
{
    if (*c->p == '\n')
        c->line++, c->col = 1;
    else
        c->col++;
    c->p++;
}

static int peek(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        advance(c);
    return c->p < c->end ? (unsigned char)*c->p : -1;
}

static int expect(cursor *c, char ch)
{
    char msg[48];
    if (peek(c) != ch) {
        snprintf(msg, sizeof msg, "expected '%c'", ch);
        return fail(c, msg);
    }
    advance(c);
    return 0;
}

/* A string cut at len bytes loses a last character left incomplete. */
static void cut_whole(char *s, size_t len)
{
    size_t lead = len;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0 || (unsigned char)s[lead - 1] < 0xC0)
        return;
    unsigned char c = (unsigned char)s[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (len - (lead - 1) < need)
        s[lead - 1] = '\0';
}

/* A JSON string into out (cut at n - 1 bytes); \u escapes become UTF-8. */
static int read_string(cursor *c, char *out, size_t n)
{
    size_t o = 0;
    if (expect(c, '"'))
        return -1;
    while (c->p < c->end && *c->p != '"') {
        unsigned ch = (unsigned char)*c->p;
        if (ch < 0x20)
            return fail(c, "a control character inside a string");
        if (ch == '\\') {
            advance(c);
            if (c->p >= c->end)
                break;
            ch = (unsigned char)*c->p;
            if (ch == 'u') {
                unsigned v = 0;
                for (int i = 0; i < 4; i++) {
                    advance(c);
                    if (c->p >= c->end || !isxdigit((unsigned char)*c->p))
                        return fail(c, "a bad \\u escape");
                    v = v * 16 + (unsigned)(isdigit((unsigned char)*c->p) ? *c->p - '0'
                                                     : (tolower((unsigned char)*c->p) - 'a' + 10));
                }
                /* Outside the ASCII range a replacement mark is enough for a name. */
                ch = v < 0x80 && v >= 0x20 ? v : '?';
            } else {
                const char *from = "\"\\/bfnrt", *to = "\"\\/?????";
                const char *k = strchr(from, (int)ch);
                if (!k)
                    return fail(c, "a bad escape in a string");
                ch = (unsigned char)to[k - from];
            }
        }
        if (o + 1 < n)
            out[o++] = (char)ch;
        advance(c);
    }
    if (c->p >= c->end)
        return fail(c, "a string without its closing quote");
    advance(c);
    out[o < n ? o : n - 1] = '\0';
    if (o + 1 >= n)
        cut_whole(out, o);
    return 0;
}

static int read_number(cursor *c, double *v)
{
    char buf[64];
    size_t k = 0;
    if (peek(c) < 0)
        return fail(c, "expected a number");
    while (c->p + k < c->end && k < sizeof buf - 1 && strchr("+-0123456789.eE", c->p[k]))
        k++;
    memcpy(buf, c->p, k);
    buf[k] = '\0';
    char *stop;
    *v = strtod(buf, &stop);
    if (k == 0 || *stop || !isfinite(*v))
        return fail(c, "expected a number");
    for (size_t i = 0; i < k; i++)
        advance(c);
    return 0;
}

static int skip_value(cursor *c, int depth);

/* Walks an object: member(c, key, ctx) reads each value. */
typedef int (*member_fn)(cursor *c, const char *key, void *ctx, int depth);
static int read_object(cursor *c, int depth, member_fn member, void *ctx)
{
    char key[GJ_KEY_MAX];
    if (depth > GJ_DEPTH_MAX)
        return fail(c, "nested too deeply");
    if (expect(c, '{'))
        return -1;
    if (peek(c) == '}') {
        advance(c);
        return 0;
    }
    for (;;) {
        if (read_string(c, key, sizeof key) || expect(c, ':') || member(c, key, ctx, depth + 1))
            return -1;
        if (peek(c) == ',') {
            advance(c);
            continue;
        }
        return expect(c, '}');
    }
}

static int skip_member(cursor *c, const char *key, void *ctx, int depth)
{
    (void)key, (void)ctx;
    return skip_value(c, depth);
}

static int skip_value(cursor *c, int depth)
{
    double v;
    int ch = peek(c);
    if (depth > GJ_DEPTH_MAX)
        return fail(c, "nested too deeply");
    if (ch == '{')
        return read_object(c, depth, skip_member, NULL);
    if (ch == '"') {
        char s[2];
        return read_string(c, s, sizeof s);
    }
    if (ch == '[') {
        advance(c);
        if (peek(c) == ']') {
            advance(c);
            return 0;
        }
        for (;;) {
            if (skip_value(c, depth + 1))
                return -1;
            if (peek(c) != ',')
                return expect(c, ']');
            advance(c);
        }
    }
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(c->end - c->p) >= n && strncmp(c->p, words[i], n) == 0) {
            while (n--)
                advance(c);
            return 0;
        }
    }
    if (isalpha(ch))
        return fail(c, "expected a value");
    return read_number(c, &v);
}

/* ---- a feature ---- */

typedef struct building {
    gj_feature f;
    int cap, ring_cap;
    char type[24];
    bool have_geometry;
} building;

/* A position read at (line, col): errors are blamed there. */
static int add_point(cursor *c, building *b, double x, double y, int line, int col)
{
    if (b->f.npoints >= GJ_POINTS_MAX)
        return err_at(c->e, c->path, line, col,
                      "too many points in one feature (simplify the file first)");
    if (b->f.npoints == b->cap) {
        int cap = b->cap ? 2 * b->cap : 256;
        double *lat = realloc(b->f.lat, (size_t)cap * sizeof *lat);
        if (lat)
            b->f.lat = lat;
        double *lon = realloc(b->f.lon, (size_t)cap * sizeof *lon);
        if (lon)
            b->f.lon = lon;
        if (!lat || !lon)
            return fail(c, "out of memory");
        b->cap = cap;
    }
    double lat = y, lon = x;
    /* Degrees, or British National Grid metres. */
    if ((fabs(x) > 180 || fabs(y) > 90) && geo_bng_to_wgs84(x, y, &lat, &lon))
        return err_at(c->e, c->path, line, col,
                      "a point that is neither WGS84 degrees nor on the British National Grid");
    b->f.lat[b->f.npoints] = lat;
    b->f.lon[b->f.npoints++] = lon;
    return 0;
}

static int end_ring(cursor *c, building *b)
{
    int start = b->f.nrings ? b->f.ring_end[b->f.nrings - 1] : 0;
    if (b->f.npoints - start < 4)
        return fail(c, "a ring of fewer than four points");
    if (b->f.nrings == b->ring_cap) {
        int cap = b->ring_cap ? 2 * b->ring_cap : 16;
        int *n = realloc(b->f.ring_end, (size_t)cap * sizeof *n);
        if (!n)
            return fail(c, "out of memory");
        b->f.ring_end = n;
        b->ring_cap = cap;
    }
    b->f.ring_end[b->f.nrings++] = b->f.npoints;
    return 0;
}

/* Nested arrays down to [x, y] positions; an array of positions is a ring. */
static int read_coords(cursor *c, building *b, int depth)
{
    if (depth > GJ_DEPTH_MAX)
        return fail(c, "nested too deeply");
    peek(c);
    int line = c->line, col = c->col;
    if (expect(c, '['))
        return -1;
    int ch = peek(c);
    if (ch == '-' || (ch >= '0' && ch <= '9')) { /* a position */
        double v[3];
        int n = 0;
        for (;;) {
            if (n == 3)
                return fail(c, "a position with more than three numbers");
            if (read_number(c, &v[n++]))
                return -1;
            if (peek(c) != ',')
                break;
            advance(c);
        }
        if (n < 2)
            return err_at(c->e, c->path, line, col, "a position needs two numbers");
        return expect(c, ']') || add_point(c, b, v[0], v[1], line, col);
    }
    /* An array whose elements are positions is a ring. */
    const char *q = c->p + 1;
    while (q < c->end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t'))
        q++;
    bool positions = ch == '[' && q < c->end && *q != '[';
    for (;;) {
        if (read_coords(c, b, depth + 1))
            return -1;
        if (peek(c) != ',')
            break;
        advance(c);
    }
    if (expect(c, ']'))
        return -1;
    return positions ? end_ring(c, b) : 0;
}

static int geometry_member(cursor *c, const char *key, void *ctx, int depth)
{
    building *b = ctx;
    if (strcmp(key, "type") == 0)
        return read_string(c, b->type, sizeof b->type);
    if (strcmp(key, "coordinates") == 0) {
        b->have_geometry = true;
        return read_coords(c, b, depth);
    }
    return skip_value(c, depth);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static int property_member(cursor *c, const char *key, void *ctx, int depth)
{
    building *b = ctx;
    if (peek(c) != '"')
        return skip_value(c, depth);
    if ((ends_with(key, "CD") && !*b->f.code) || (strcmp(key, "code") == 0 && !*b->f.code)) {
        snprintf(b->f.code_key, sizeof b->f.code_key, "%s", key);
        return read_string(c, b->f.code, sizeof b->f.code);
    }
    if ((ends_with(key, "NM") && !*b->f.name) || (strcmp(key, "name") == 0 && !*b->f.name))
        return read_string(c, b->f.name, sizeof b->f.name);
    return skip_value(c, depth);
}

static int feature_member(cursor *c, const char *key, void *ctx, int depth)
{
    if (strcmp(key, "properties") == 0 && peek(c) == '{')
        return read_object(c, depth, property_member, ctx);
    if (strcmp(key, "geometry") == 0 && peek(c) == '{')
        return read_object(c, depth, geometry_member, ctx);
    return skip_value(c, depth);
}

typedef struct walk {
    gj_feature_fn fn;
    void *ctx;
    int nfeatures;
} walk;

static int one_feature(cursor *c, walk *w, int depth)
{
    peek(c);
    building b = {.f.line = c->line, .f.col = c->col};
    int rc = read_object(c, depth, feature_member, &b);
    if (rc == 0 && (!b.have_geometry || (strcmp(b.type, "Polygon") && strcmp(b.type, "MultiPolygon"))))
        rc = err_at(c->e, c->path, b.f.line, b.f.col, "feature %s: %s", *b.f.code ? b.f.code : "(no code)",
                    b.have_geometry ? "only Polygon and MultiPolygon geometries are boundaries"
                                    : "no geometry");
    if (rc == 0 && !*b.f.code)
        rc = err_at(c->e, c->path, b.f.line, b.f.col,
                    "a feature with no code (a property ending in CD, or \"code\")");
    if (rc == 0)
        rc = w->fn(&b.f, w->ctx, c->e);
    free(b.f.lat);
    free(b.f.lon);
    free(b.f.ring_end);
    w->nfeatures++;
    return rc;
}

static int collection_member(cursor *c, const char *key, void *ctx, int depth)
{
    walk *w = ctx;
    if (strcmp(key, "features") != 0)
        return skip_value(c, depth);
    if (expect(c, '['))
        return -1;
    if (peek(c) == ']') {
        advance(c);
        return 0;
    }
    for (;;) {
        if (one_feature(c, w, depth + 1))
            return -1;
        if (peek(c) != ',')
            return expect(c, ']');
        advance(c);
    }
}

int geojson_read(const char *buf, size_t len, const char *path, gj_feature_fn fn, void *ctx,
                 err *e)
{
    cursor c = {.p = buf, .end = buf + len, .path = path, .line = 1, .col = 1, .e = e};
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        c.p += 3; /* a byte-order mark */
    walk w = {.fn = fn, .ctx = ctx};
    if (read_object(&c, 0, collection_member, &w))
        return -1;
    if (peek(&c) >= 0)
        return fail(&c, "more after the end of the GeoJSON object");
    if (w.nfeatures == 0)
        return err_at(e, path, 1, 0, "no features (a GeoJSON FeatureCollection of boundaries?)");
    return 0;
}
