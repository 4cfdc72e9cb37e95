/* Map: where the practices and the closing practices' patients are, drawn
 * with braille dots (ASCII where the terminal has no UTF-8).  Opened with
 * m from a card or the neighbours (the practice and those around it, by
 * headroom) or from the what-if (the closing practices, their areas, the
 * receivers by gain, full or over capacity, and where each area's
 * patients go).  Arrows or hjkl pan, + and - zoom, Tab picks the next
 * labelled practice and Enter opens its card.  Every kind of mark is a
 * letter as well as a colour, so the map reads in monochrome. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/boundaries.h"
#include "core/whatif.h"
#include "engine/map.h"
#include "util/text.h"

/* One thing on the map. */
typedef struct mitem {
    double lat, lon;
    int cls;        /* MAP_* */
    int wi;         /* world index, -1 for an area */
    char glyph;     /* 0: a dot */
} mitem;

/* A line from an area to the receiver taking its patients. */
typedef struct mflow {
    int area, to;   /* items */
} mflow;

typedef struct mview {
    int origin;            /* world index, -1 for the what-if */
    mitem *it;
    int nit;
    mflow *fl;
    int nfl;
    map_view mv;
    map_canvas cv;
    int sel;               /* item under the cursor (a labelled one), -1 */
    char what[600];        /* what the map shows, for the header */
    bool fitted;
    boundary_set bounds;   /* imported outlines, drawn under the rest */
} mview;

/* The key to the letters (what the map shows). */
static const char *legend_key(const app *a, const mview *m)
{
    if (m->origin >= 0)
        return "@ this practice  o has room  = full  c cannot receive  X marked";
    return a->ascii ? "X closing  o receiver  = full  ! over capacity  : areas  ? unplaced"
                    : "X closing  o receiver  = full  ! over capacity  \xe2\xa0\xbf areas  ? unplaced";
}

/* The bytes of the key on its first row: all of it, or up to the last
 * gap that fits when the screen is narrower (the rest goes below). */
static size_t legend_split(const app *a, const mview *m)
{
    const char *k = legend_key(a, m);
    if (text_width(k) <= a->cols)
        return strlen(k);
    size_t fit = text_fit(k, a->cols), cut = 0;
    for (const char *p = strstr(k, "  "); p && (size_t)(p - k) <= fit; p = strstr(p + 2, "  "))
        cut = (size_t)(p - k);
    return cut ? cut : fit;
}

/* The key (on two rows when narrow), the scale bar, and a row naming the
 * boundaries if any. */
static int legend_rows(const app *a, const mview *m)
{
    return (legend_key(a, m)[legend_split(a, m)] ? 2 : 1) + 1 + (m->bounds.n ? 1 : 0);
}

static int map_rows(app *a, const mview *m) { return app_body_rows(a) - legend_rows(a, m) - 1; }

static void load_bounds(app *a, mview *m)
{
    err e;
    boundaries_free(&m->bounds);
    if (boundaries_load(a->s, &m->bounds, &e))
        app_msg(a, COL_WARN, "boundaries not drawn: %s", e.msg);
}

static int add_item(mview *m, double lat, double lon, int cls, int wi, char glyph)
{
    mitem *n = realloc(m->it, (size_t)(m->nit + 1) * sizeof *n);
    if (!n)
        return -1;
    m->it = n;
    m->it[m->nit] = (mitem){.lat = lat, .lon = lon, .cls = cls, .wi = wi, .glyph = glyph};
    return m->nit++;
}

static int add_flow(mview *m, int area, int to)
{
    mflow *n = realloc(m->fl, (size_t)(m->nfl + 1) * sizeof *n);
    if (!n)
        return -1;
    m->fl = n;
    m->fl[m->nfl++] = (mflow){.area = area, .to = to};
    return 0;
}

/* Around one practice: those within max km, by whether they can take
 * patients (o), are full (=) or have a closed list (c). */
static int load_around(app *a, mview *m)
{
    const world_practice *o = &a->w.v[m->origin];
    nearby_hit *hits = NULL;
    int cap = 0, n = nearby_within(a->w.near, o->lat, o->lon, a->cfg.rules.max_distance_km, &hits, &cap);
    snprintf(m->what, sizeof m->what, "%s %s and the practices within %g km", o->p.code,
             o->p.name, a->cfg.rules.max_distance_km);
    int rc = add_item(m, o->lat, o->lon, MAP_CURRENT, m->origin, '@') < 0;
    for (int i = 0; i < n && !rc; i++) {
        int wi = hits[i].index;
        const world_practice *wp = &a->w.v[wi];
        if (wi == m->origin || !wp->open)
            continue;
        bool can = world_can_receive(&a->w, wi) && !app_marked(a, wi);
        int cls = app_marked(a, wi) ? MAP_CLOSING : !can ? MAP_PRACTICE
                  : wp->cap.headroom > 0 ? MAP_RECEIVER : MAP_RECEIVER_FULL;
        char g = cls == MAP_CLOSING ? 'X' : cls == MAP_RECEIVER ? 'o' : cls == MAP_RECEIVER_FULL ? '=' : 'c';
        rc = add_item(m, wp->lat, wp->lon, cls, wi, g) < 0;
    }
    free(hits);
    return rc ? -1 : 0;
}

/* The receivers' items, by world index, to join the flows to. */
static int item_of(const mview *m, int wi)
{
    for (int i = 0; i < m->nit; i++)
        if (m->it[i].wi == wi)
            return i;
    return -1;
}

static int load_whatif(app *a, mview *m)
{
    whatif wf;
    whatif_input in;
    err e;
    if (a->plan.nclose == 0) {
        snprintf(m->what, sizeof m->what, "nothing marked to close (x marks a practice)");
        return 0;
    }
    plan_input(&a->plan, &in);
    if (whatif_run(&a->w, a->s, &a->cfg, &in, &wf, &e)) {
        snprintf(m->what, sizeof m->what, "%s", e.msg);
        return 0;
    }
    snprintf(m->what, sizeof m->what, "What-if %s: %d closing, %d receiving, policy %s", wf.name,
             wf.nclosing, wf.im.nreceivers, config_policy_name(wf.policy));
    int rc = 0;
    for (int i = 0; i < wf.nclosing && !rc; i++)
        rc = add_item(m, a->w.v[wf.closing[i]].lat, a->w.v[wf.closing[i]].lon, MAP_CLOSING,
                      wf.closing[i], 'X') < 0;
    for (int i = 0; i < wf.im.nreceivers && !rc; i++) {
        const impact_receiver *r = &wf.im.receivers[i];
        int cls = r->over_capacity ? MAP_RECEIVER_OVER
                  : r->list_after >= r->capacity ? MAP_RECEIVER_FULL : MAP_RECEIVER;
        rc = add_item(m, a->w.v[r->practice].lat, a->w.v[r->practice].lon, cls, r->practice,
                      cls == MAP_RECEIVER_OVER ? '!' : cls == MAP_RECEIVER_FULL ? '=' : 'o') < 0;
    }
    /* Areas, and a flow from each to every receiver it sends patients to. */
    int first_area = m->nit;
    for (int i = 0; i < wf.na && !rc; i++) {
        bool unplaced = false;
        for (int k = 0; k < wf.res.nflows; k++)
            unplaced |= wf.res.flows[k].area == i && wf.res.flows[k].to < 0 && wf.res.flows[k].patients > 0;
        rc = add_item(m, wf.a[i].lat, wf.a[i].lon, unplaced ? MAP_AREA_UNPLACED : MAP_AREA, -1,
                      unplaced ? '?' : 0) < 0;
    }
    for (int k = 0; k < wf.res.nflows && !rc; k++) {
        const disp_flow *f = &wf.res.flows[k];
        int to = f->to < 0 || f->patients <= 0 ? -1 : item_of(m, f->to);
        if (to >= 0)
            rc = add_flow(m, first_area + f->area, to);
    }
    whatif_free(&wf);
    return rc ? -1 : 0;
}

static void mv_fit(app *a, mview *m)
{
    double *lat = calloc((size_t)m->nit + 1, sizeof *lat), *lon = calloc((size_t)m->nit + 1, sizeof *lon);
    int rows = map_rows(a, m);
    if (lat && lon) {
        for (int i = 0; i < m->nit; i++)
            lat[i] = m->it[i].lat, lon[i] = m->it[i].lon;
        m->fitted = map_view_fit(&m->mv, lat, lon, m->nit, a->cols, rows);
    }
    free(lat);
    free(lon);
}

/* Draws every item on the canvas: boundaries, flows, then areas, then
 * practices (highest class last wins the cell), and the labels of the
 * marked ones last. */
static void mv_paint(app *a, view *v)
{
    mview *m = v->priv;
    int dx, dy, ex, ey;
    int rows = map_rows(a, m);
    m->mv.cols = a->cols;
    m->mv.rows = rows < 1 ? 1 : rows;
    if (m->cv.cols != m->mv.cols || m->cv.rows != m->mv.rows) {
        map_canvas_free(&m->cv);
        if (map_canvas_init(&m->cv, m->mv.cols, m->mv.rows))
            return;
    }
    map_canvas_clear(&m->cv);
    boundaries_draw(&m->bounds, &m->cv, &m->mv, MAP_BOUNDARY);
    for (int i = 0; i < m->nfl; i++)
        if (map_dot_of(&m->mv, m->it[m->fl[i].area].lat, m->it[m->fl[i].area].lon, &dx, &dy) &&
            map_dot_of(&m->mv, m->it[m->fl[i].to].lat, m->it[m->fl[i].to].lon, &ex, &ey))
            map_line(&m->cv, dx, dy, ex, ey, MAP_FLOW);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < m->nit; i++) {
            const mitem *it = &m->it[i];
            if ((it->wi < 0) != (pass == 0) || !map_dot_of(&m->mv, it->lat, it->lon, &dx, &dy))
                continue;
            if (it->glyph)
                map_glyph(&m->cv, dx, dy, it->glyph, i == m->sel ? MAP_CURRENT : it->cls);
            else
                map_dot(&m->cv, dx, dy, it->cls);
        }
    /* The labels after every mark, so none is written over another
     * practice's X (a label with no room either side is left out; Tab
     * names the practice in the header). */
    for (int i = 0; i < m->nit; i++) {
        const mitem *it = &m->it[i];
        if (it->wi >= 0 && (it->cls == MAP_CLOSING || it->cls == MAP_CURRENT ||
                            it->cls == MAP_RECEIVER_OVER || i == m->sel) &&
            map_dot_of(&m->mv, it->lat, it->lon, &dx, &dy))
            map_label(&m->cv, dx, dy, a->w.v[it->wi].p.code, i == m->sel ? MAP_CURRENT : it->cls);
    }
    v->nlines = m->mv.rows + legend_rows(a, m);
}

static int mv_open(app *a, view *v, const void *arg)
{
    mview *m = v->priv;
    m->origin = arg ? *(const int *)arg : -1;
    m->sel = -1;
    v->scroll_only = true;
    v->nheader = 1;
    if (m->origin >= 0 && isnan(a->w.v[m->origin].lat)) {
        app_msg(a, COL_WARN, "%s has no known location (import a postcode file)",
                a->w.v[m->origin].p.code);
        return -1;
    }
    load_bounds(a, m);
    if ((m->origin >= 0 ? load_around(a, m) : load_whatif(a, m)) < 0) {
        app_msg(a, COL_ERROR, "out of memory");
        return -1;
    }
    mv_fit(a, m);
    mv_paint(a, v);
    snprintf(v->empty, sizeof v->empty, "%s", m->what);
    if (!m->fitted)
        v->nlines = 0;
    return 0;
}

static void mv_clear(mview *m)
{
    free(m->it);
    free(m->fl);
    m->it = NULL;
    m->fl = NULL;
    m->nit = m->nfl = 0;
    m->sel = -1;
}

/* The plan or the store changed: what is on the map may have moved. */
static void mv_reload(app *a, view *v)
{
    mview *m = v->priv;
    map_view keep = m->mv;
    bool had = m->fitted;
    mv_clear(m);
    load_bounds(a, m);
    if ((m->origin >= 0 ? load_around(a, m) : load_whatif(a, m)) < 0)
        app_msg(a, COL_ERROR, "out of memory");
    mv_fit(a, m);
    if (had && m->fitted)
        m->mv = keep; /* the user's pan and zoom stay */
    mv_paint(a, v);
    snprintf(v->empty, sizeof v->empty, "%s", m->what);
    if (!m->fitted)
        v->nlines = 0;
}

static void mv_resize(app *a, view *v, int width)
{
    (void)width;
    mv_paint(a, v);
}

static void mv_header(app *a, view *v, WINDOW *w, int width)
{
    mview *m = v->priv;
    char line[900], sel[200] = "";
    if (m->sel >= 0)
        snprintf(sel, sizeof sel, "   [%s %s]", a->w.v[m->it[m->sel].wi].p.code,
                 a->w.v[m->it[m->sel].wi].p.name);
    snprintf(line, sizeof line, "%s%s", m->what, sel);
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
}

static tui_color class_color(int cls)
{
    static const tui_color colors[MAP_NCLASSES] = {
        [MAP_NONE] = COL_NORMAL,        [MAP_BOUNDARY] = COL_NORMAL,
        [MAP_FLOW] = COL_DIM,           [MAP_AREA] = COL_GOOD,
        [MAP_AREA_UNPLACED] = COL_OVER, [MAP_PRACTICE] = COL_DIM,
        [MAP_RECEIVER] = COL_GOOD,      [MAP_RECEIVER_FULL] = COL_WARN,
        [MAP_RECEIVER_OVER] = COL_OVER, [MAP_CLOSING] = COL_MARK,
        [MAP_CURRENT] = COL_CURSOR,
    };
    return cls >= 0 && cls < MAP_NCLASSES ? colors[cls] : COL_NORMAL;
}

/* One row of the canvas, in runs of one colour. */
static void draw_row(app *a, mview *m, WINDOW *w, int row, int y, int width)
{
    int x = 0;
    wmove(w, y, 0);
    while (x < m->cv.cols && x < width) {
        int cls = m->cv.cls[row * m->cv.cols + x];
        char run[4096];
        size_t o = 0;
        int start = x;
        while (x < m->cv.cols && x < width && m->cv.cls[row * m->cv.cols + x] == cls &&
               o + 8 < sizeof run) {
            char cell[8];
            size_t k = map_cell_text(&m->cv, x, row, a->ascii, cell);
            memcpy(run + o, cell, k);
            o += k;
            x++;
        }
        run[o] = '\0';
        wattrset(w, color_attr(class_color(cls)));
        mvwaddstr(w, y, start, run);
    }
    wattrset(w, A_NORMAL);
    wclrtoeol(w);
}

static void legend(app *a, mview *m, int line, char *out, size_t n)
{
    int cells;
    double km = map_scale_km(&m->mv, a->cols / 4, &cells);
    char bar[256] = "";
    const char *key = legend_key(a, m);
    size_t split = legend_split(a, m);
    for (int i = 0; i < cells && i < 60; i++)
        strcat(bar, a->ascii ? "-" : "\xe2\x94\x80");
    if (key[split] && line > 0) /* the key's second row comes before the rest */
        line = line == 1 ? -1 : line - 1;
    if (line == 0)
        snprintf(out, n, "%.*s", (int)split, key);
    else if (line == -1)
        snprintf(out, n, "%s", key + split + strspn(key + split, " "));
    else if (line == 2)
        snprintf(out, n, "%s boundaries: %s", a->ascii ? "+" : "\xe2\xa0\x92", m->bounds.kinds);
    else
        snprintf(out, n, "|%s| %g km", bar, km);
}

static void mv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    mview *m = v->priv;
    (void)sel;
    if (line < m->mv.rows) {
        draw_row(a, m, w, line, y, width);
        return;
    }
    char text[512];
    legend(a, m, line - m->mv.rows, text, sizeof text);
    draw_text(a, w, y, 0, width, text, color_attr(COL_DIM));
}

/* The labelled practices in turn: the closing, over capacity, the
 * receivers, then the rest, as they were added. */
static void mv_next(mview *m, int step)
{
    for (int k = 1; k <= m->nit; k++) {
        int i = ((m->sel < 0 ? (step > 0 ? -1 : 0) : m->sel) + step * k + m->nit * 2) % m->nit;
        if (m->it[i].wi >= 0) {
            m->sel = i;
            return;
        }
    }
}

static unsigned mv_request(app *a, view *v, tui_request r)
{
    mview *m = v->priv;
    switch (r) {
    case REQ_PAN_LEFT: map_view_pan(&m->mv, -0.25, 0); break;
    case REQ_PAN_RIGHT: map_view_pan(&m->mv, 0.25, 0); break;
    case REQ_PAN_UP: map_view_pan(&m->mv, 0, 0.25); break;
    case REQ_PAN_DOWN: map_view_pan(&m->mv, 0, -0.25); break;
    case REQ_ZOOM_IN: map_view_zoom(&m->mv, 0.5); break;
    case REQ_ZOOM_OUT: map_view_zoom(&m->mv, 2); break;
    case REQ_MAP_NEXT: mv_next(m, 1); break;
    case REQ_MAP_PREV: mv_next(m, -1); break;
    case REQ_ENTER:
        if (m->sel < 0) {
            app_msg(a, COL_WARN, "Tab picks a practice on the map first");
            return HANDLED;
        }
        return 0; /* the app opens the card of mv_current */
    default: return 0;
    }
    mv_paint(a, v);
    return REPAINT;
}

static int mv_current(app *a, view *v)
{
    mview *m = v->priv;
    (void)a;
    return m->sel >= 0 ? m->it[m->sel].wi : -1;
}

static void mv_describe(app *a, view *v, char *out, size_t n)
{
    mview *m = v->priv;
    (void)a;
    snprintf(out, n, "%.2f km a cell", 2 * m->mv.km_per_dot);
}

static void mv_done(app *a, view *v)
{
    (void)a;
    mview *m = v->priv;
    mv_clear(m);
    boundaries_free(&m->bounds);
    map_canvas_free(&m->cv);
}

static const view_hint mv_hints[] = {
    HINT_WORDS("arrows pan"), HINT2(ZOOM_IN, ZOOM_OUT, "zoom"), HINT(MAP_NEXT, "next practice"), HINT(ENTER, "card"),
    HINT(BACK, "back"), HINT_END,
};

const view_ops map_ops = {
    .title = "Map",
    .kind = VIEW_MAP,
    .private_size = sizeof(mview),
    .hints = mv_hints,
    .open = mv_open,
    .draw_header = mv_header,
    .reload = mv_reload,
    .plan_changed = mv_reload,
    .resize = mv_resize,
    .draw = mv_draw,
    .request = mv_request,
    .describe = mv_describe,
    .current = mv_current,
    .done = mv_done,
};
