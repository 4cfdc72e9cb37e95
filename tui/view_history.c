/* Who changed what, and when: the audit trail of one practice (from its
 * card, its neighbours or the list) or of every practice (:history),
 * newest first.  Enter opens the card of the practice on the line. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct hview {
    audit_rec *v;
    int n, cap;
    char code[CODE_MAX]; /* "" for every practice */
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
    v->nlines = hv->n;
    snprintf(v->empty, sizeof v->empty, "No changes recorded%s%s (notes, capacity, list "
             "status and contract changes show here)", *hv->code ? " for " : "", hv->code);
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
    cell_add(a, head, sizeof head, "Field", 14, false);
    cell_add(a, head, sizeof head, "Old -> new", width - 54 > 8 ? width - 54 : 8, false);
    draw_text(a, w, 0, 0, width, head, color_attr(COL_HEADER));
}

static void hv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    hview *hv = v->priv;
    const audit_rec *r = &hv->v[line];
    char text[1024] = "  ", when[32], change[2 * NAME_MAX + 8];
    time_t t = (time_t)r->time;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime(&t));
    if (strcmp(r->field, "note") == 0)
        snprintf(change, sizeof change, "%s", r->new_value);
    else
        snprintf(change, sizeof change, "%s -> %s", *r->old_value ? r->old_value : "-",
                 *r->new_value ? r->new_value : "-");
    cell_add(a, text, sizeof text, when, 16, false);
    cell_add(a, text, sizeof text, r->user, 10, false);
    cell_add(a, text, sizeof text, r->practice, 6, false);
    cell_add(a, text, sizeof text, r->field, 14, false);
    cell_add(a, text, sizeof text, change, width - 54 > 8 ? width - 54 : 8, false);
    draw_text(a, w, y, 0, width, text, color_attr(sel ? COL_CURSOR : COL_NORMAL));
}

static int hv_current(app *a, view *v)
{
    hview *hv = v->priv;
    return v->cur < hv->n ? world_find(&a->w, hv->v[v->cur].practice) : -1;
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
}

const view_ops history_ops = {
    .title = "History",
    .kind = VIEW_HISTORY,
    .private_size = sizeof(hview),
    .hints = list_hints,
    .open = hv_open,
    .draw_header = hv_header,
    .draw = hv_draw,
    .reload = hv_load,
    .describe = hv_describe,
    .current = hv_current,
    .done = hv_done,
};
