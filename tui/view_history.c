/* Who changed what, and when: the audit trail of one practice (from its
 * card, its neighbours or the list) or of every practice (:history),
 * newest first.  Enter opens the card of the practice on the line. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/text.h"

typedef struct hview {
    audit_rec *v;
    int n, cap;
    char code[CODE_MAX]; /* "" for every practice */
    tlines tl;           /* a change a line or more, tagged with its index */
} hview;

static int add_change(const audit_rec *r, void *ctx)
{
    hview *hv = ctx;
    if (hv->n == hv->cap) {
        int nc = hv->cap ? hv->cap * 2 : 64;
        audit_rec *v = realloc(hv->v, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        hv->v = v;
        hv->cap = nc;
    }
    hv->v[hv->n++] = *r;
    return 0;
}

enum { FIELD_COLS = 14, CHANGE_FROM = 54 };

static int change_cols(int width) { return width - CHANGE_FROM > 8 ? width - CHANGE_FROM : 8; }

/* One change: the field and old -> new wrap in their columns (a note, a
 * milestone's name), never cut at the edge. */
static void hv_change(app *a, hview *hv, int i, int width)
{
    const audit_rec *r = &hv->v[i];
    char when[32], change[2 * NAME_MAX + 8], piece[2 * NAME_MAX + 8];
    time_t t = (time_t)r->time;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime(&t));
    if (strcmp(r->field, "note") == 0)
        snprintf(change, sizeof change, "%s", r->new_value);
    else
        snprintf(change, sizeof change, "%s -> %s", *r->old_value ? r->old_value : "-",
                 *r->new_value ? r->new_value : "-");
    const char *field = r->field, *rest = change;
    for (bool first = true; first || *field || *rest; first = false) {
        char text[1024] = "  ";
        cell_add(a, text, sizeof text, first ? when : "", 16, false);
        cell_add(a, text, sizeof text, first ? r->user : "", 10, false);
        cell_add(a, text, sizeof text, first ? r->practice : "", 6, false);
        size_t f = text_fit(field, FIELD_COLS), c = wrap_fit(rest, change_cols(width));
        snprintf(piece, sizeof piece, "%.*s", (int)f, field);
        cell_add(a, text, sizeof text, piece, FIELD_COLS, false);
        snprintf(piece, sizeof piece, "%.*s", (int)c, rest);
        cell_add(a, text, sizeof text, piece, change_cols(width), false);
        tl_add(&hv->tl, COL_NORMAL, i, "%s", text);
        field += f;
        rest += c;
        while (*rest == ' ')
            rest++;
    }
}

static void hv_build(app *a, view *v, int width)
{
    hview *hv = v->priv;
    tl_free(&hv->tl);
    for (int i = 0; i < hv->n; i++)
        hv_change(a, hv, i, width);
    v->nlines = hv->tl.n;
}

/* Reads the trail in one short transaction, then turns it newest first. */
static void hv_load(app *a, view *v)
{
    hview *hv = v->priv;
    err e;
    hv->n = 0;
    if (store_read_begin(a->s, &e) == 0) {
        if (store_audit_each(a->s, *hv->code ? hv->code : NULL, add_change, hv, &e) < 0)
            hv->n = 0;
        store_read_end(a->s);
    }
    for (int i = 0, j = hv->n - 1; i < j; i++, j--) {
        audit_rec t = hv->v[i];
        hv->v[i] = hv->v[j];
        hv->v[j] = t;
    }
    snprintf(v->empty, sizeof v->empty, "No changes recorded%s%s (notes, capacity, list "
             "status and contract changes show here)", *hv->code ? " for " : "", hv->code);
    hv_build(a, v, a->cols);
}

static int hv_open(app *a, view *v, const void *arg)
{
    hview *hv = v->priv;
    if (arg)
        snprintf(hv->code, sizeof hv->code, "%s", a->w.v[*(const int *)arg].p.code);
    v->nheader = 1;
    hv_load(a, v);
    return 0;
}

static void hv_header(app *a, view *v, WINDOW *w, int width)
{
    char head[256] = "  ";
    (void)v;
    cell_add(a, head, sizeof head, "When (UTC)", 16, false);
    cell_add(a, head, sizeof head, "Who", 10, false);
    cell_add(a, head, sizeof head, "Code", 6, false);
    cell_add(a, head, sizeof head, "Field", FIELD_COLS, false);
    cell_add(a, head, sizeof head, "Old -> new", change_cols(width), false);
    draw_text(a, w, 0, 0, width, head, color_attr(COL_HEADER));
}

static void hv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    hview *hv = v->priv;
    tl_draw(a, &hv->tl, w, line, y, width, sel);
}

static void hv_resize(app *a, view *v, int width) { hv_build(a, v, width); }

static int hv_current(app *a, view *v)
{
    hview *hv = v->priv;
    int i = tl_tag(&hv->tl, v->cur);
    return i >= 0 && i < hv->n ? world_find(&a->w, hv->v[i].practice) : -1;
}

static void hv_describe(app *a, view *v, char *out, size_t n)
{
    hview *hv = v->priv;
    (void)a;
    snprintf(out, n, "%d change%s%s%s, newest first", hv->n, hv->n == 1 ? "" : "s",
             *hv->code ? " to " : "", hv->code);
}

static void hv_done(app *a, view *v)
{
    hview *hv = v->priv;
    (void)a;
    free(hv->v);
    tl_free(&hv->tl);
}

const view_ops history_ops = {
    .title = "History",
    .kind = VIEW_HISTORY,
    .private_size = sizeof(hview),
    .hints = list_hints,
    .open = hv_open,
    .draw_header = hv_header,
    .draw = hv_draw,
    .resize = hv_resize,
    .reload = hv_load,
    .describe = hv_describe,
    .current = hv_current,
    .done = hv_done,
};
