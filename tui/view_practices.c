/* The practice list: every practice in a table, sorted and filtered by
 * the model in model.c.  The first screen, and the bottom of the stack. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct pview {
    plist pl;
} pview;

typedef struct colspec {
    pcol col;
    const char *head;
    int width;      /* 0: takes what is left */
    bool right;
    int min_cols;   /* shown from this terminal width */
} colspec;

static const colspec columns[] = {
    {PCOL_CODE, "Code", 6, false, 0},      {PCOL_NAME, "Name", 0, false, 0},
    {PCOL_TOWN, "Town", 14, false, 100},   {PCOL_LIST, "List", 7, true, 0},
    {PCOL_TREND, "12m", 7, true, 70}, /* gives way first: the status fits at 60 */       {PCOL_CAP, "Cap", 7, true, 0},
    {PCOL_HEAD, "Room", 6, true, 0},       {PCOL_END, "Ends", 10, false, 0},
    {PCOL_STATUS, "Status", 7, false, 0},
};
enum { NCOLUMNS = sizeof columns / sizeof columns[0], PCN_FROM = 130, PCN_WIDTH = 28,
       NAME_MAX_COLS = 44 };

static pview *pv_of(app *a) { return a->stack[0]->priv; }

/* Columns that fit and what is left for the name. */
static int name_width(int width)
{
    int used = 2;
    for (int i = 0; i < NCOLUMNS; i++)
        if (columns[i].width && width >= columns[i].min_cols)
            used += columns[i].width + 1;
    if (width >= PCN_FROM)
        used += PCN_WIDTH + 1;
    int w = width - used - 1;
    return w < 8 ? 8 : w > NAME_MAX_COLS ? NAME_MAX_COLS : w;
}

static void cell_text(const world *w, const world_practice *wp, pcol c, char *buf, size_t n)
{
    double t;
    switch (c) {
    case PCOL_CODE: snprintf(buf, n, "%s", wp->p.code); break;
    case PCOL_NAME: snprintf(buf, n, "%s", wp->p.name); break;
    case PCOL_TOWN: snprintf(buf, n, "%s", plist_town(&wp->p)); break;
    case PCOL_LIST: plist_list_cell(w, wp, buf, n); break;
    case PCOL_TREND:
        t = plist_trend(wp);
        snprintf(buf, n, isnan(t) ? "-" : "%+.1f%%", t);
        break;
    case PCOL_CAP: /* a closed practice, or no list then: no capacity */
        if (world_capacity_known(wp))
            text_thousands(wp->cap.capacity, buf, n);
        else
            snprintf(buf, n, "-");
        break;
    case PCOL_HEAD:
        if (world_capacity_known(wp))
            text_thousands(wp->cap.headroom, buf, n);
        else
            snprintf(buf, n, "-");
        break;
    case PCOL_END: text_date_or_dash(wp->contract_end, buf, n); break;
    case PCOL_STATUS: plist_status_cell(w, wp, buf, n); break;
    case PCOL_COUNT: buf[0] = '\0'; break;
    }
}

static void row_text(app *a, const world_practice *wp, bool marked, int width, char *line, size_t n)
{
    char cell[NAME_MAX];
    snprintf(line, n, "%s", marked ? "x " : "  ");
    for (int i = 0; i < NCOLUMNS; i++) {
        if (width < columns[i].min_cols)
            continue;
        cell_text(&a->w, wp, columns[i].col, cell, sizeof cell);
        cell_add(a, line, n, cell, columns[i].width ? columns[i].width : name_width(width),
                 columns[i].right);
        if (columns[i].col == PCOL_TOWN && width >= PCN_FROM)
            cell_add(a, line, n, wp->p.pcn_name, PCN_WIDTH, false);
    }
}

static void pv_header(app *a, view *v, WINDOW *w, int width)
{
    pview *pv = v->priv;
    char line[2048] = "  ", head[32];
    for (int i = 0; i < NCOLUMNS; i++) {
        if (width < columns[i].min_cols)
            continue;
        const char *arrow = pv->pl.reverse ? (a->ascii ? "v" : "\u25bc") : (a->ascii ? "^" : "\u25b2");
        snprintf(head, sizeof head, "%s%s", columns[i].head, columns[i].col == pv->pl.sort ? arrow : "");
        cell_add(a, line, sizeof line, head, columns[i].width ? columns[i].width : name_width(width),
                 columns[i].right);
        if (columns[i].col == PCOL_TOWN && width >= PCN_FROM)
            cell_add(a, line, sizeof line, "PCN", PCN_WIDTH, false);
    }
    draw_text(a, w, 0, 0, width, line, color_attr(COL_HEADER));
}

static void pv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    pview *pv = v->priv;
    int wi = pv->pl.idx[line];
    const world_practice *wp = &a->w.v[wi];
    char text[2048];
    bool marked = app_marked(a, wi);
    row_text(a, wp, marked, width, text, sizeof text);
    tui_color c = sel ? COL_CURSOR : marked ? COL_MARK : !wp->open ? COL_DIM : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

static int pv_current(app *a, view *v)
{
    pview *pv = v->priv;
    (void)a;
    return v->cur < pv->pl.n ? pv->pl.idx[v->cur] : -1;
}

/* Rebuilds the list, keeping the cursor on the same practice. */
static void pv_rebuild(app *a, view *v)
{
    pview *pv = v->priv;
    int keep = pv_current(a, v);
    if (plist_build(&pv->pl, &a->w, a->today)) {
        app_msg(a, COL_ERROR, "out of memory");
        return;
    }
    v->nlines = pv->pl.n;
    v->cur = 0;
    for (int i = 0; i < pv->pl.n; i++)
        if (pv->pl.idx[i] == keep)
            v->cur = i;
    v->top = v->cur > 5 ? v->cur - 5 : 0;
    snprintf(v->empty, sizeof v->empty, "%s",
             a->w.n ? "No practice passes the filter (f for the next, :filter all)"
                    : "No practices in the store: catchment import FILE");
}

static int pv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    pview *pv = v->priv;
    pv->pl.sort = PCOL_NAME;
    pv->pl.months = 18;
    v->nheader = 1;
    pv_rebuild(a, v);
    return 0;
}

static const char *filter_label(const plist *pl, char *buf, size_t n)
{
    switch (pl->filter) {
    case PF_ACTIVE: return "active";
    case PF_PCN: snprintf(buf, n, "PCN %s", pl->fcode); return buf;
    case PF_SUBICB: snprintf(buf, n, "sub-ICB %s", pl->fcode); return buf;
    case PF_EXPIRING: snprintf(buf, n, "ending within %d months", pl->months); return buf;
    default: return "all";
    }
}

static void pv_describe(app *a, view *v, char *out, size_t n)
{
    pview *pv = v->priv;
    char f[64];
    snprintf(out, n, "%d of %d  sort %s%s  filter %s", pv->pl.n, a->w.n, pcol_name(pv->pl.sort),
             pv->pl.reverse ? " desc" : "", filter_label(&pv->pl, f, sizeof f));
}

/* Sets a filter; PCN and sub-ICB without a code take the practice under
 * the cursor's.  Returns -1 when that practice has none. */
static int pv_set_filter(app *a, view *v, pfilter f, const char *code)
{
    pview *pv = v->priv;
    int wi = pv_current(a, v);
    if ((f == PF_PCN || f == PF_SUBICB) && !*code) {
        if (wi < 0)
            return -1;
        code = f == PF_PCN ? a->w.v[wi].p.pcn_code : a->w.v[wi].p.sub_icb;
        if (!*code)
            return -1;
    }
    pv->pl.filter = f;
    snprintf(pv->pl.fcode, sizeof pv->pl.fcode, "%s", code);
    text_upper(pv->pl.fcode);
    pv_rebuild(a, v);
    return 0;
}

int practices_filter(app *a, char *args)
{
    static const char *const names[PF_COUNT] = {"all", "active", "pcn", "subicb", "expiring"};
    view *v = a->stack[0];
    char *rest = args + strcspn(args, " ");
    if (*rest)
        *rest++ = '\0';
    for (int f = 0; f < PF_COUNT; f++) {
        if (strcmp(names[f], args) != 0 && !(f == PF_SUBICB && strcmp(args, "sub-icb") == 0))
            continue;
        if (f == PF_EXPIRING) {
            long m = 18;
            if (*rest && (text_long(rest, &m) || m < 1 || m > 240))
                break;
            pv_of(a)->pl.months = (int)m;
            rest = "";
        }
        if (pv_set_filter(a, v, (pfilter)f, rest) == 0) {
            v->dirty = true;
            return 0;
        }
        app_msg(a, COL_WARN, "filter %s: no code here; :filter %s CODE", args, args);
        return -1;
    }
    app_msg(a, COL_WARN, "filter: all, active, pcn [CODE], subicb [CODE], expiring [MONTHS]");
    return -1;
}

int practices_sort(app *a, char *args)
{
    pview *pv = pv_of(a);
    char *rest = args + strcspn(args, " ");
    if (*rest)
        *rest++ = '\0';
    int c = pcol_parse(args);
    if (c < 0) {
        app_msg(a, COL_WARN, "sort: code, name, town, list, trend, capacity, headroom, end, status");
        return -1;
    }
    pv->pl.sort = (pcol)c;
    pv->pl.reverse = strcmp(rest, "reverse") == 0 || strcmp(rest, "desc") == 0;
    pv_rebuild(a, a->stack[0]);
    a->stack[0]->dirty = true;
    return 0;
}

void practices_show(app *a, int wi)
{
    view *v = a->stack[0];
    pview *pv = v->priv;
    for (int i = 0; i < pv->pl.n; i++)
        if (pv->pl.idx[i] == wi)
            view_goto(a, v, i);
}

/* f: all -> active -> the cursor's PCN -> its sub-ICB -> ending soon. */
static void pv_next_filter(app *a, view *v)
{
    pview *pv = v->priv;
    for (int f = (int)pv->pl.filter + 1;; f++) {
        if (f == PF_COUNT)
            f = PF_ALL;
        if (pv_set_filter(a, v, (pfilter)f, "") == 0)
            return;
    }
}

/* n / N: the next practice in the list's order that the last search
 * matches, wrapping round. */
static void pv_find(app *a, view *v, int dir)
{
    pview *pv = v->priv;
    if (!a->query[0]) {
        app_msg(a, COL_WARN, "no search yet: / to search");
        return;
    }
    int *hits = malloc((size_t)(a->w.n + 1) * sizeof *hits);
    bool *match = calloc((size_t)a->w.n + 1, sizeof *match);
    int nh = hits && match ? search_query(a->six, a->query, hits, NULL, a->w.n) : 0;
    for (int i = 0; i < nh; i++)
        match[hits[i]] = true;
    int found = -1;
    for (int step = 1; step <= pv->pl.n && found < 0 && nh > 0; step++) {
        int line = ((v->cur + dir * step) % pv->pl.n + pv->pl.n) % pv->pl.n;
        if (match[pv->pl.idx[line]])
            found = line;
    }
    free(hits);
    free(match);
    if (found < 0)
        app_msg(a, COL_WARN, "'%s': no match in this list", a->query);
    else
        view_goto(a, v, found);
}

static unsigned pv_request(app *a, view *v, tui_request r)
{
    pview *pv = v->priv;
    switch (r) {
    case REQ_SORT_NEXT:
        pv->pl.sort = (pcol)((pv->pl.sort + 1) % PCOL_COUNT);
        pv_rebuild(a, v);
        return REPAINT;
    case REQ_SORT_REVERSE:
        pv->pl.reverse = !pv->pl.reverse;
        pv_rebuild(a, v);
        return REPAINT;
    case REQ_FILTER: pv_next_filter(a, v); return REPAINT;
    case REQ_FIND_NEXT: pv_find(a, v, 1); return HANDLED;
    case REQ_FIND_PREV: pv_find(a, v, -1); return HANDLED;
    case REQ_MARK:
        if (pv_current(a, v) >= 0) {
            int before = v->cur;
            marks_toggle(a, pv_current(a, v));
            view_goto(a, v, v->cur + 1); /* repaints the marked line too */
            if (v->cur == before)
                return REPAINT;
        }
        return HANDLED;
    default: return 0;
    }
}

static void pv_done(app *a, view *v)
{
    (void)a;
    pview *pv = v->priv;
    plist_free(&pv->pl);
}

const view_ops practices_ops = {
    .title = "Practices",
    .kind = VIEW_PRACTICES,
    .private_size = sizeof(pview),
    .hints = list_hints,
    .open = pv_open,
    .draw_header = pv_header,
    .draw = pv_draw,
    .request = pv_request,
    .reload = pv_rebuild,
    .describe = pv_describe,
    .current = pv_current,
    .done = pv_done,
};
