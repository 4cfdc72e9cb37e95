/* Search as you type: every key changes the query and the results at once
 * (engine/search.h: code, name, postcode, phone, town; forgiving small
 * typos).  Enter opens the card; Esc goes back with the cursor of the
 * practice list on the chosen practice, and n / N there find the next. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct sview {
    char q[QUERY_MAX];
    int *res, nres;
} sview;

enum { SEARCH_MAX = 500 };

static void sv_run(app *a, view *v)
{
    sview *sv = v->priv;
    sv->nres = *sv->q ? search_query(a->six, sv->q, sv->res, NULL, SEARCH_MAX) : 0;
    v->nlines = sv->nres;
    v->cur = v->top = 0;
    snprintf(v->empty, sizeof v->empty, "%s",
             *sv->q ? "No practice matches" : "Type a code, name, postcode, phone or town");
    snprintf(a->query, sizeof a->query, "%s", sv->q);
}

static int sv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    sview *sv = v->priv;
    if (!(sv->res = calloc(SEARCH_MAX, sizeof *sv->res)))
        return -1;
    v->nheader = 2;
    sv_run(a, v);
    return 0;
}

static void sv_header(app *a, view *v, WINDOW *w, int width)
{
    sview *sv = v->priv;
    char line[QUERY_MAX + 64];
    snprintf(line, sizeof line, "Search: %s%s", sv->q, a->ascii ? "_" : "\u258f");
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
    char head[512] = "  ";
    cell_add(a, head, sizeof head, "Code", 6, false);
    cell_add(a, head, sizeof head, "Name", width - 52 > 12 ? width - 52 : 12, false);
    cell_add(a, head, sizeof head, "Postcode", 8, false);
    cell_add(a, head, sizeof head, "Town", 14, false);
    cell_add(a, head, sizeof head, "Phone", 14, false);
    draw_text(a, w, 1, 0, width, head, color_attr(COL_HEADER));
}

static void sv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    sview *sv = v->priv;
    int wi = sv->res[line];
    const world_practice *wp = &a->w.v[wi];
    char text[1024];
    snprintf(text, sizeof text, "%s", app_marked(a, wi) ? "x " : "  ");
    cell_add(a, text, sizeof text, wp->p.code, 6, false);
    cell_add(a, text, sizeof text, wp->p.name, width - 52 > 12 ? width - 52 : 12, false);
    cell_add(a, text, sizeof text, wp->p.postcode, 8, false);
    cell_add(a, text, sizeof text, plist_town(&wp->p), 14, false);
    cell_add(a, text, sizeof text, wp->p.phone, 14, false);
    tui_color c = sel ? COL_CURSOR : !wp->open ? COL_DIM : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

/* Text keys edit the query; j, k, q, n and the like are text here. */
static unsigned sv_key(app *a, view *v, int key)
{
    sview *sv = v->priv;
    if (key == TK_CTRL('n') || key == TK_CTRL('p')) {
        view_goto(a, v, v->cur + (key == TK_CTRL('n') ? 1 : -1));
        return HANDLED;
    }
    if (key == '\t' || key == '\r' || key == '\n' || key == TK_ESC)
        return 0;
    if (!text_edit_key(sv->q, sizeof sv->q, key))
        return 0;
    sv_run(a, v);
    return REPAINT;
}

static int sv_current(app *a, view *v)
{
    sview *sv = v->priv;
    (void)a;
    return v->cur < sv->nres ? sv->res[v->cur] : -1;
}

static unsigned sv_request(app *a, view *v, tui_request r)
{
    if (r != REQ_BACK)
        return 0;
    int wi = sv_current(a, v);
    app_pop(a);
    if (wi >= 0)
        practices_show(a, wi);
    return HANDLED;
}

static void sv_reload(app *a, view *v) { sv_run(a, v); }

static void sv_describe(app *a, view *v, char *out, size_t n)
{
    sview *sv = v->priv;
    (void)a;
    snprintf(out, n, "%d found", sv->nres);
}

static void sv_done(app *a, view *v)
{
    (void)a;
    sview *sv = v->priv;
    free(sv->res);
}

static const view_hint sv_hints[] = {
    HINT_WORDS("type to search"), HINT(ENTER, "card"), HINT2(MOVE_UP, MOVE_DOWN, "move"),
    HINT(BACK, "back"), HINT_END,
};

const view_ops search_ops = {
    .title = "Search",
    .kind = VIEW_SEARCH,
    .private_size = sizeof(sview),
    .hints = sv_hints,
    .text_input = true,
    .open = sv_open,
    .draw_header = sv_header,
    .draw = sv_draw,
    .request = sv_request,
    .key = sv_key,
    .reload = sv_reload,
    .describe = sv_describe,
    .current = sv_current,
    .done = sv_done,
};
