/* Search as you type: every key changes the query and the results at once
 * (engine/search.h: code, name, postcode, phone, town, every address line
 * and other names; forgiving small typos), each with its status and close
 * date.  The search key again starts a new query.  Enter opens the card; Esc goes back with the cursor of the
 * practice list on the chosen practice, and n / N there find the next. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

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
             *sv->q ? "No practice matches" : "Type a code, name, address, postcode, phone or former name");
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

/* The columns: the town only when there is room; the name no wider
 * than NAME_COLS however wide the terminal. */
enum { NAME_COLS = 40, TOWN_FROM = 100 };

static void sv_row(const app *a, char *out, size_t n, int width, const char *code,
                   const char *name, const char *postcode, const char *status,
                   const char *town, const char *phone)
{
    bool town_too = width >= TOWN_FROM;
    int nw = width - (town_too ? 67 : 52);
    nw = nw < 8 ? 8 : nw > NAME_COLS ? NAME_COLS : nw; /* at 60 the phone stays whole */
    cell_add(a, out, n, code, 6, false);
    cell_add(a, out, n, name, nw, false);
    cell_add(a, out, n, postcode, 8, false);
    cell_add(a, out, n, status, 17, false);
    if (town_too)
        cell_add(a, out, n, town, 14, false);
    cell_add(a, out, n, phone, 14, false);
}

static void sv_header(app *a, view *v, WINDOW *w, int width)
{
    sview *sv = v->priv;
    char line[QUERY_MAX + 64];
    snprintf(line, sizeof line, "Search: %s%s", sv->q, a->ascii ? "_" : "\u258f");
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
    char head[512] = "  ";
    sv_row(a, head, sizeof head, width, "Code", "Name", "Postcode", "Status", "Town", "Phone");
    draw_text(a, w, 1, 0, width, head, color_attr(COL_HEADER));
}

static void sv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    sview *sv = v->priv;
    int wi = sv->res[line];
    const world_practice *wp = &a->w.v[wi];
    char text[1024], closed[16], status[48];
    text_date_iso(wp->p.close_date, closed, sizeof closed);
    snprintf(status, sizeof status, "%s%s%s", world_status(&wp->p, a->w.at.date), *closed ? " " : "", closed);
    snprintf(text, sizeof text, "%s", app_marked(a, wi) ? "x " : "  ");
    sv_row(a, text, sizeof text, width, wp->p.code, wp->p.name, wp->p.postcode, status,
           plist_town(&wp->p), wp->p.phone);
    tui_color c = sel ? COL_CURSOR : !wp->open ? COL_DIM : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

/* Whether every word of q is in s, ignoring case. */
static bool has_words(const char *s, const char *q)
{
    for (q += strspn(q, " "); *q; q += strspn(q, " ")) {
        size_t n = strcspn(q, " ");
        const char *p = s;
        while (*p && strncasecmp(p, q, n) != 0)
            p++;
        if (!*p)
            return false;
        q += n;
    }
    return true;
}

/* A caller gave an old name: the first result is called something else
 * now, so say which of its other names the query was found in. */
static void sv_say_other_name(app *a, const sview *sv)
{
    if (sv->nres == 0 || !a->sother || !a->sother[sv->res[0]])
        return;
    const world_practice *wp = &a->w.v[sv->res[0]];
    if (!has_words(wp->p.name, sv->q) && has_words(a->sother[sv->res[0]], sv->q))
        app_msg(a, COL_STATUS, "%s was also called %s", wp->p.code, a->sother[sv->res[0]]);
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
    if (key == TK(KEY_LEFT) || key == TK(KEY_RIGHT)) { /* mending a typo, not leaving */
        app_msg(a, COL_STATUS, "the search is edited at its end: Backspace, C-W a word, C-U all");
        return HANDLED;
    }
    if (keymap_lookup(VIEW_SEARCH, key) == REQ_SEARCH) /* / again: a new search */
        sv->q[0] = '\0';
    else if (!text_edit_key(sv->q, sizeof sv->q, key))
        return 0;
    sv_run(a, v);
    sv_say_other_name(a, sv);
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
