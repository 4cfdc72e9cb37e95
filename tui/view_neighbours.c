/* Neighbours: the practices around one practice, nearest first, with
 * their headroom and list status: where its patients could go.  + and -
 * widen and narrow the radius; s sorts by headroom, list size or name
 * instead, S reverses. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef enum { NS_DISTANCE, NS_HEADROOM, NS_LIST, NS_NAME, NS_COUNT } nsort;
static const char *const nsort_names[NS_COUNT] = {"distance", "headroom", "list size", "name"};

typedef struct nview {
    nsort sort;
    bool reverse;
    int origin;            /* world index */
    char code[CODE_MAX];
    double km;
    nearby_hit *hits;
    int nhits, cap;
    long room;             /* headroom of those that can receive */
    long made_up;          /* of it, on a made-up (ILLUSTRATIVE) capacity */
} nview;

static const double radii[] = {1, 2, 3, 5, 8, 10, 15, 20, 30, 50};
enum { NRADII = sizeof radii / sizeof radii[0] };

/* A hit with what it sorts on: largest headroom or list first, names
 * A to Z; ties nearest first. */
typedef struct nsort_item {
    double key;
    const char *name;
    nearby_hit h;
} nsort_item;

static int nsort_cmp(const void *x, const void *y)
{
    const nsort_item *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    int c = a->name && b->name ? strcmp(a->name, b->name) : 0;
    if (c)
        return c;
    return (a->h.km > b->h.km) - (a->h.km < b->h.km);
}

static void nv_sort(app *a, nview *nv)
{
    nsort_item *items = calloc((size_t)nv->nhits + 1, sizeof *items);
    if (!items)
        return;
    double sign = nv->reverse ? -1 : 1;
    for (int i = 0; i < nv->nhits; i++) {
        const world_practice *wp = &a->w.v[nv->hits[i].index];
        double key = nv->sort == NS_HEADROOM ? -(double)wp->cap.headroom
                     : nv->sort == NS_LIST   ? -(double)wp->p.list_size
                     : nv->sort == NS_NAME   ? 0
                                             : nv->hits[i].km;
        items[i] = (nsort_item){.key = sign * key, .h = nv->hits[i],
                                .name = nv->sort == NS_NAME ? wp->p.name : NULL};
    }
    qsort(items, (size_t)nv->nhits, sizeof *items, nsort_cmp);
    for (int i = 0; i < nv->nhits; i++)
        nv->hits[nv->reverse && nv->sort == NS_NAME ? nv->nhits - 1 - i : i] = items[i].h;
    free(items);
}

static void nv_find(app *a, view *v)
{
    nview *nv = v->priv;
    const world_practice *o = &a->w.v[nv->origin];
    int n = nearby_within(a->w.near, o->lat, o->lon, nv->km, &nv->hits, &nv->cap);
    nv->nhits = 0;
    nv->room = nv->made_up = 0;
    for (int i = 0; i < n; i++) {
        if (nv->hits[i].index == nv->origin)
            continue;
        const world_practice *wp = &a->w.v[nv->hits[i].index];
        if (world_can_receive(&a->w, nv->hits[i].index)) {
            nv->room += wp->cap.headroom;
            if (world_capacity_illustrative(&wp->facts, wp->fte_date, wp->cap.source))
                nv->made_up += wp->cap.headroom;
        }
        nv->hits[nv->nhits++] = nv->hits[i];
    }
    nv_sort(a, nv);
    v->nlines = nv->nhits;
    if (isnan(o->lat))
        snprintf(v->empty, sizeof v->empty, "%s has no known location (import a postcode file)",
                 o->p.code);
    else
        snprintf(v->empty, sizeof v->empty, "No practice within %g km (+ widens)", nv->km);
}

static int nv_open(app *a, view *v, const void *arg)
{
    nview *nv = v->priv;
    nv->origin = *(const int *)arg;
    snprintf(nv->code, sizeof nv->code, "%s", a->w.v[nv->origin].p.code);
    nv->km = a->cfg.rules.max_distance_km;
    v->nheader = 2;
    nv_find(a, v);
    return 0;
}

/* The status column holds "marked to close" whole; at 80 columns its
 * trailing space is the one that falls off the edge. */
enum { NAME_COLS = 40, STATUS_COLS = 15, CAPACITY_FROM = 72 };

/* Below CAPACITY_FROM columns the capacity gives way (the headroom says
 * the room), so the status still shows whole. */
static bool capacity_shown(int width) { return width >= CAPACITY_FROM; }

static int name_width(int width)
{
    int w = width - (capacity_shown(width) ? 58 : 49);
    return w < 11 ? 11 : w > NAME_COLS ? NAME_COLS : w;
}

static void nv_header(app *a, view *v, WINDOW *w, int width)
{
    nview *nv = v->priv;
    char line[512], n1[32], n2[48], n3[32], ill[48] = " more patients", head[512] = "  ";
    if (nv->made_up) /* how much of the room rests on made-up capacity */
        snprintf(ill, sizeof ill, " (%s ILLUSTRATIVE)", text_thousands(nv->made_up, n3, sizeof n3));
    snprintf(line, sizeof line, "Within %g km of %s: %s, room for %s%s", nv->km, nv->code,
             text_count(nv->nhits, "practice", "practices", n2, sizeof n2),
             text_thousands(nv->room, n1, sizeof n1), ill);
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
    cell_add(a, head, sizeof head, "Code", 6, false);
    cell_add(a, head, sizeof head, "Name", name_width(width), false);
    cell_add(a, head, sizeof head, "km", 5, true);
    cell_add(a, head, sizeof head, "List", 7, true);
    if (capacity_shown(width))
        cell_add(a, head, sizeof head, "Capacity", 8, true);
    cell_add(a, head, sizeof head, "Headroom", 8, true);
    cell_add(a, head, sizeof head, "Status", STATUS_COLS, false);
    draw_text(a, w, 1, 0, width, head, color_attr(COL_HEADER));
}

static const char *nv_status(app *a, int wi)
{
    const world_practice *wp = &a->w.v[wi];
    if (!wp->open)
        return "closed";
    if (app_marked(a, wi))
        return "marked to close";
    if (wp->list_closed)
        return "list closed";
    if (!world_capacity_known(wp)) /* its room is unknown, not none */
        return "no list size";
    return wp->cap.headroom > 0 ? "can take" : "full";
}

static void nv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    nview *nv = v->priv;
    int wi = nv->hits[line].index;
    const world_practice *wp = &a->w.v[wi];
    char text[1024] = "  ", km[16], n1[32], n2[32], n3[32];
    snprintf(km, sizeof km, "%.1f", nv->hits[line].km);
    cell_add(a, text, sizeof text, wp->p.code, 6, false);
    cell_add(a, text, sizeof text, wp->p.name, name_width(width), false);
    cell_add(a, text, sizeof text, km, 5, true);
    plist_list_cell(&a->w, wp, n1, sizeof n1);
    cell_add(a, text, sizeof text, n1, 7, true);
    bool cap = world_capacity_known(wp);
    if (capacity_shown(width))
        cell_add(a, text, sizeof text, cap ? text_thousands(wp->cap.capacity, n2, sizeof n2) : "-", 8, true);
    cell_add(a, text, sizeof text, cap ? text_thousands(wp->cap.headroom, n3, sizeof n3) : "-", 8, true);
    cell_add(a, text, sizeof text, nv_status(a, wi), STATUS_COLS, false);
    bool receives = world_can_receive(&a->w, wi) && !app_marked(a, wi);
    tui_color c = sel ? COL_CURSOR : !receives ? COL_DIM : wp->cap.headroom <= 0 ? COL_WARN : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

static int nv_current(app *a, view *v)
{
    nview *nv = v->priv;
    (void)a;
    return v->cur < nv->nhits ? nv->hits[v->cur].index : -1;
}

static unsigned nv_request(app *a, view *v, tui_request r)
{
    nview *nv = v->priv;
    if (r == REQ_MAP) { /* the map of these neighbours, around their origin */
        app_push(a, &map_ops, &nv->origin);
        return HANDLED;
    }
    if (r == REQ_SORT_NEXT || r == REQ_SORT_REVERSE) {
        if (r == REQ_SORT_NEXT)
            nv->sort = (nsort)((nv->sort + 1) % NS_COUNT);
        else
            nv->reverse = !nv->reverse;
        nv_find(a, v);
        view_goto(a, v, 0);
        return REPAINT;
    }
    if (r != REQ_WIDEN && r != REQ_NARROW)
        return 0;
    int i = 0;
    while (i < NRADII - 1 && radii[i] < nv->km)
        i++;
    if (r == REQ_WIDEN)
        i = radii[i] > nv->km ? i : i + 1 < NRADII ? i + 1 : i;
    else
        i = i > 0 ? i - 1 : 0;
    nv->km = radii[i];
    nv_find(a, v);
    return REPAINT;
}

/* A mark: the status column changes (the loop repaints). */
static void nv_plan_changed(app *a, view *v)
{
    (void)a, (void)v;
}

static void nv_reload(app *a, view *v)
{
    nview *nv = v->priv;
    int wi = world_find(&a->w, nv->code);
    if (wi >= 0)
        nv->origin = wi;
    nv_find(a, v);
}

static void nv_describe(app *a, view *v, char *out, size_t n)
{
    nview *nv = v->priv;
    (void)a;
    snprintf(out, n, "%s  %g km%s%s%s", nv->code, nv->km,
             nv->sort == NS_DISTANCE && !nv->reverse ? "" : "  by ", 
             nv->sort == NS_DISTANCE && !nv->reverse ? "" : nsort_names[nv->sort],
             nv->reverse ? ", reversed" : "");
}

static void nv_done(app *a, view *v)
{
    (void)a;
    nview *nv = v->priv;
    free(nv->hits);
}

static const view_hint nv_hints[] = {
    HINT2(WIDEN, NARROW, "radius"), HINT2(SORT_NEXT, SORT_REVERSE, "sort"), HINT(ENTER, "card"),
    HINT(MARK, "mark"), HINT(MAP, "map"), HINT(BACK, "back"), HINT_END,
};

const view_ops neighbours_ops = {
    .title = "Neighbours",
    .kind = VIEW_NEIGHBOURS,
    .private_size = sizeof(nview),
    .hints = nv_hints,
    .plan_changed = nv_plan_changed,
    .open = nv_open,
    .draw_header = nv_header,
    .draw = nv_draw,
    .request = nv_request,
    .reload = nv_reload,
    .describe = nv_describe,
    .current = nv_current,
    .done = nv_done,
};
