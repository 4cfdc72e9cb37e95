/* Boundaries from GeoJSON: both geometry types, both coordinate systems,
 * codes and names from the ONS property names, and hostile files refused
 * with their line and column. */
#include "t.h"

#include <stdlib.h>

#include "import/geojson.h"

typedef struct seen {
    char codes[8][GJ_CODE_MAX];
    char names[8][GJ_NAME_MAX];
    char keys[8][GJ_KEY_MAX];
    int rings[8], points[8], line[8], col[8], n;
    double lat0, lon0;
} seen;

static int collect(const gj_feature *f, void *ctx, err *e)
{
    seen *s = ctx;
    (void)e;
    if (s->n == 0)
        s->lat0 = f->lat[0], s->lon0 = f->lon[0];
    if (s->n < 8) {
        snprintf(s->codes[s->n], GJ_CODE_MAX, "%s", f->code);
        snprintf(s->names[s->n], GJ_NAME_MAX, "%s", f->name);
        snprintf(s->keys[s->n], GJ_KEY_MAX, "%s", f->code_key);
        s->line[s->n] = f->line;
        s->col[s->n] = f->col;
        s->rings[s->n] = f->nrings;
        s->points[s->n] = f->npoints;
    }
    s->n++;
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, fp) : 0;
    fclose(fp);
    return buf;
}

static int parse(const char *text, seen *s, err *e)
{
    memset(s, 0, sizeof *s);
    return geojson_read(text, strlen(text), "b.geojson", collect, s, e);
}

static void fixture(void)
{
    size_t len;
    seen s = {0};
    err e;
    char *buf = slurp("tests/data/boundaries/sicbl-constructed.geojson", &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    CHECK_INT(geojson_read(buf, len, "f.geojson", collect, &s, &e), 0);
    CHECK_INT(s.n, 2);
    CHECK_STR(s.codes[0], "E38000999");
    CHECK_STR(s.keys[0], "SICBL22CD"); /* the kind of area and its year */
    CHECK_INT(s.line[0], 6);
    CHECK_INT(s.col[0], 1);
    CHECK_STR(s.names[0], "NHS Example ICB - 99X");
    CHECK_INT(s.rings[0], 1);
    CHECK_INT(s.points[0], 9);
    CHECK_NEAR(s.lat0, 52.36, 1e-12);
    CHECK_NEAR(s.lon0, -1.62, 1e-12);
    CHECK_STR(s.codes[1], "E38000998");
    CHECK_STR(s.names[1], "NHS Example ICB - 98Y ?"); /* \u00e9: a mark, not a guess */
    CHECK_INT(s.rings[1], 2);
    CHECK_INT(s.points[1], 9);
    free(buf);
}

static void grid(void)
{
    seen s;
    err e;
    /* British National Grid metres: near Coventry (432000, 279000). */
    CHECK_INT(parse("{\"features\":[{\"properties\":{\"LAD23CD\":\"E08000026\",\"LAD23NM\":\"Coventry\"},"
                    "\"geometry\":{\"coordinates\":[[[432000,279000],[433000,279000],[433000,280000],"
                    "[432000,279000]]],\"type\":\"Polygon\"}}]}",
                    &s, &e),
              0);
    CHECK_STR(s.codes[0], "E08000026");
    CHECK_NEAR(s.lat0, 52.40, 0.02);
    CHECK_NEAR(s.lon0, -1.53, 0.02);
}

static void hostile(void)
{
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"", "b.geojson:1:1: expected '{'"},
        {"{\"features\":[]}", "no features"},
        {"{\"features\":[{\"properties\":{\"X\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
         "[[[0,0],[1,0],[1,1],[0,0]]]}}]}", "a feature with no code"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}}]}",
         "only Polygon and MultiPolygon"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
         "[[[0,0],[1,0],[0,0]]]}}]}", "a ring of fewer than four points"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
         "[[[0,0],[1e999,0],[1,1],[0,0]]]}}]}", "expected a number"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\x1b[2J\"}}]}", "a control character inside a string"},
        {"{\"a\":\"unterminated", "a string without its closing quote"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
         "[[[0,0],[1,0],[1,1],[0,0]]]}}]} trailing", "more after the end"},
        {"{\"features\":[{\"properties\":{\"ACD\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
         "[[[999999999,0],[1,0],[1,1],[0,0]]]}}]}", "neither WGS84 degrees nor on the British National Grid"},
        {"{\"x\":tru}", "expected a value"},
    };
    seen s;
    err e;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = parse(bad[i].text, &s, &e);
        T_REPORT(rc == -1 && strstr(e.msg, bad[i].msg), "refused (%s): %s", bad[i].msg, e.msg);
    }
    /* Nesting is bounded: a thousand brackets are refused, not recursed. */
    char deep[2100] = "{\"a\":";
    for (int i = 0; i < 1000; i++)
        strcat(deep, "[");
    CHECK(parse(deep, &s, &e) == -1 && strstr(e.msg, "nested too deeply"));
}

/* A name cut at GJ_NAME_MAX bytes is not cut inside a character. */
static void long_name(void)
{
    char text[1024] = "{\"features\":[{\"properties\":{\"ACD\":\"A\",\"ANM\":\"";
    for (int i = 0; i < 100; i++)
        strcat(text, "\xc3\xa9"); /* two bytes each: the cut at 159 falls inside one */
    strcat(text, "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                 "[[[0,0],[1,0],[1,1],[0,0]]]}}]}");
    seen s;
    err e;
    CHECK_INT(parse(text, &s, &e), 0);
    size_t n = strlen(s.names[0]);
    T_REPORT(n == 158 && (unsigned char)s.names[0][n - 1] == 0xa9,
             "cut at a character's end (%zu bytes)", n);
}

int main(void)
{
    long_name();
    fixture();
    grid();
    hostile();
    T_DONE();
}
