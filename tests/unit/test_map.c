/* The map: projection against the haversine distance, the braille
 * canvas, lines, labels and the scale bar. */
#include "t.h"

#include "engine/geo.h"
#include "engine/map.h"

static void projection(void)
{
    map_proj m = map_proj_at(52.4, -1.5);
    double x, y, lat, lon;
    map_project(&m, 52.4, -1.5, &x, &y);
    CHECK_NEAR(x, 0, 1e-9);
    CHECK_NEAR(y, 0, 1e-9);
    /* 25 km each way, the size of a sub-ICB: within 0.6% of the sphere. */
    map_project(&m, 52.4, -1.5 + 25 / m.kx, &x, &y);
    CHECK_NEAR(geo_km(52.4, -1.5, 52.4, -1.5 + 25 / m.kx) / 25, 1, 0.006);
    map_project(&m, 52.4 + 0.2, -1.5 - 0.3, &x, &y);
    CHECK_NEAR(hypot(x, y) / geo_km(52.4, -1.5, 52.6, -1.8), 1, 0.006);
    map_unproject(&m, x, y, &lat, &lon);
    CHECK_NEAR(lat, 52.6, 1e-9);
    CHECK_NEAR(lon, -1.8, 1e-9);
    map_project(&m, NAN, -1.5, &x, &y);
    CHECK(isnan(y));
}

static void canvas(void)
{
    map_canvas c;
    char s[8];
    CHECK_INT(map_canvas_init(&c, 4, 2), 0);
    map_dot(&c, 0, 0, MAP_AREA);
    CHECK_INT(c.dots[0], 0x01);
    map_dot(&c, 1, 3, MAP_FLOW);
    CHECK_INT(c.dots[0], 0x81);
    CHECK_INT(c.cls[0], MAP_AREA); /* the higher class stays */
    CHECK_INT(map_cell_text(&c, 0, 0, false, s), 3);
    CHECK_STR(s, "\xe2\xa2\x81"); /* U+2881: dots 1 and 8 */
    map_cell_text(&c, 0, 0, true, s);
    CHECK_STR(s, ":");
    map_cell_text(&c, 1, 0, false, s);
    CHECK_STR(s, " ");
    map_dot(&c, -1, 0, MAP_AREA);
    map_dot(&c, 8, 0, MAP_AREA);
    map_dot(&c, 0, 8, MAP_AREA);
    CHECK_INT(c.dots[1] | c.dots[4] | c.dots[7], 0); /* clipped */
    /* A diagonal from corner to corner touches both corner cells. */
    map_canvas_clear(&c);
    map_line(&c, 0, 0, 7, 7, MAP_FLOW);
    CHECK(c.dots[0] & 0x01);
    CHECK(c.dots[7] & 0x80);
    CHECK_INT(c.dots[3], 0);
    /* A glyph wins over dots and lower classes, not over higher ones. */
    map_glyph(&c, 0, 0, 'A', MAP_RECEIVER);
    map_glyph(&c, 0, 0, 'b', MAP_AREA);
    map_cell_text(&c, 0, 0, false, s);
    CHECK_STR(s, "A");
    map_label(&c, 6, 0, "XY", MAP_CLOSING); /* would run off: goes left */
    map_cell_text(&c, 1, 0, false, s);
    CHECK_STR(s, "X");
    map_cell_text(&c, 2, 0, false, s);
    CHECK_STR(s, "Y");
    /* A label never covers another practice's mark of its class: no room
     * either side, it is left out. */
    map_glyph(&c, 2, 4, 'X', MAP_CLOSING);
    CHECK(!map_label(&c, 0, 4, "AB", MAP_CLOSING));
    map_cell_text(&c, 1, 1, false, s);
    CHECK_STR(s, "X");
    map_cell_text(&c, 0, 1, false, s);
    CHECK_STR(s, " ");
    CHECK(map_label(&c, 4, 4, "Q", MAP_CLOSING)); /* room on the right */
    map_cell_text(&c, 3, 1, false, s);
    CHECK_STR(s, "Q");
    map_canvas_free(&c);
}

static void views(void)
{
    double lat[] = {52.38, 52.45, NAN}, lon[] = {-1.55, -1.45, 0};
    map_view v;
    int dx, dy, cells;
    CHECK(map_view_fit(&v, lat, lon, 3, 80, 20));
    CHECK(map_dot_of(&v, lat[0], lon[0], &dx, &dy));
    CHECK(dx >= 0 && dx < 160 && dy >= 0 && dy < 80);
    CHECK(map_dot_of(&v, lat[1], lon[1], &dx, &dy));
    CHECK(dx >= 0 && dx < 160 && dy >= 0 && dy < 80);
    CHECK(!map_dot_of(&v, NAN, 0, &dx, &dy));
    double nan2[] = {NAN};
    CHECK(!map_view_fit(&v, nan2, nan2, 1, 80, 20));
    /* Scale bar: 0.1 km a dot is 0.2 km a cell; 20 cells at most: 2 km. */
    v.km_per_dot = 0.1;
    CHECK_NEAR(map_scale_km(&v, 20, &cells), 2, 1e-9);
    CHECK_INT(cells, 10);
    CHECK_NEAR(map_scale_km(&v, 30, &cells), 5, 1e-9);
    CHECK_INT(cells, 25);
    map_view_zoom(&v, 2);
    CHECK_NEAR(v.km_per_dot, 0.2, 1e-12);
    double lat0 = v.proj.lat0;
    map_view_pan(&v, 0, 0.5);
    CHECK(v.proj.lat0 > lat0);
}

static void simplify(void)
{
    /* A straight line with a 10 m wiggle and one 500 m spike. */
    double x[] = {0, 1, 2, 3, 4, 5, 6}, y[] = {0, 0.01, -0.01, 0.5, 0.01, 0, 0};
    bool keep[7];
    CHECK_INT(map_simplify(x, y, 7, 0.05, keep), 5);
    CHECK(keep[0] && keep[6] && keep[3]);
    CHECK(!keep[1] && !keep[5]);
    CHECK_INT(map_simplify(x, y, 7, 1.0, keep), 2);
    CHECK_INT(map_simplify(x, y, 7, 0.001, keep), 7);
    CHECK_INT(map_simplify(x, y, 1, 0.05, keep), 1);
}

/* Clipping: a segment through the box keeps the part inside, one beside
 * it is gone, one far outside with its middle inside is still drawn. */
static void clipping(void)
{
    double x0 = -5, y0 = 5, x1 = 15, y1 = 5;
    CHECK(map_clip(&x0, &y0, &x1, &y1, 10, 10));
    CHECK_NEAR(x0, 0, 1e-12);
    CHECK_NEAR(x1, 10, 1e-12);
    CHECK_NEAR(y0, 5, 1e-12);
    x0 = -5, y0 = -1, x1 = 15, y1 = -1;
    CHECK(!map_clip(&x0, &y0, &x1, &y1, 10, 10));
    x0 = 2, y0 = 2, x1 = 3, y1 = 4; /* inside: unchanged */
    CHECK(map_clip(&x0, &y0, &x1, &y1, 10, 10));
    CHECK(x0 == 2 && y0 == 2 && x1 == 3 && y1 == 4);
    x0 = -1e9, y0 = -1e9, x1 = 1e9, y1 = 1e9;
    CHECK(map_clip(&x0, &y0, &x1, &y1, 10, 10));
    CHECK_NEAR(x0, 0, 1e-6);
    CHECK_NEAR(y1, 10, 1e-6);

    /* A boundary edge 100 km long across a view 4 km wide still draws
     * its piece (map_line alone would refuse so long a line). */
    map_view v = {.proj = map_proj_at(52.4, -1.5), .km_per_dot = 0.05, .cols = 20, .rows = 5};
    map_canvas c;
    CHECK_INT(map_canvas_init(&c, 20, 5), 0);
    double lat[] = {52.4, 52.4}, lon[] = {-2.3, -0.7};
    map_polyline(&c, &v, lat, lon, 2, MAP_BOUNDARY);
    int row = -1;
    for (int r = 0; r < 5 && row < 0; r++)
        if (c.dots[r * 20] && c.dots[r * 20 + 19])
            row = r;
    T_REPORT(row >= 0, "the edge crosses the canvas from side to side (row %d)", row);
    char s[8];
    map_cell_text(&c, 0, row < 0 ? 0 : row, true, s);
    CHECK_STR(s, "+"); /* in ASCII a boundary cell is '+' */
    map_dot(&c, 0, 4 * (row < 0 ? 0 : row), MAP_FLOW);
    map_cell_text(&c, 0, row < 0 ? 0 : row, true, s);
    CHECK(strcmp(s, "+") != 0); /* a flow over it is drawn as the flow */
    map_canvas_free(&c);
}

int main(void)
{
    clipping();
    simplify();
    projection();
    canvas();
    views();
    T_DONE();
}
