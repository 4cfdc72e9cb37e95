/* Contracts by end date, with the milestones counted back from each end
 * (contracts.milestones of the config): the next one still open, when,
 * and how many are overdue (past, neither done nor waived) as of today,
 * or as at the date asked for (:as-at): the contracts as at that date.
 * D and V mark the first open milestone done or waived (core/edit, as
 * `catchment set CODE milestone.NAME` does, audited).  A closed practice's
 * contract ends on its close date. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/edit.h"
#include "engine/milestones.h"
#include "util/clock.h"
#include "util/text.h"

typedef struct kview {
    int *idx, n;
    long months[MILESTONES];
} kview;

/* A practice and its end date: sorted by end, then code (the world's
 * own order, so its index). */
typedef struct by_end_item {
    long end;
    int idx;
} by_end_item;

static int by_end(const void *x, const void *y)
{
    const by_end_item *a = x, *b = y;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* A closed practice's contract ended when it closed. */
static bool kv_closed(const world_practice *wp) { return !wp->open && wp->p.close_date > 0; }

static long kv_end(const world_practice *wp)
{
    return kv_closed(wp) && (wp->contract_end > 0 || *wp->contract_type) ? wp->p.close_date
                                                                         : wp->contract_end;
}

/* "M86019, Y00060": the contracts on the screen whose notes say
 * ILLUSTRATIVE, the first ten, then "and 3 more"; returns how many. */
static int kv_illustrative(const app *a, const kview *kv, char *out, size_t n)
{
    enum { NAMED = 10 };
    int k = 0;
    size_t len = 0;
    for (int i = 0; i < kv->n; i++) {
        const world_practice *wp = &a->w.v[kv->idx[i]];
        if (!wp->contract_illustrative)
            continue;
        if (out && k < NAMED && len < n)
            len += (size_t)snprintf(out + len, n - len, "%s%s", k ? ", " : "", wp->p.code);
        k++;
    }
    if (out && k > NAMED && len < n)
        snprintf(out + len, n - len, " and %d more", k - NAMED);
    return k;
}

static void kv_build(app *a, view *v)
{
    kview *kv = v->priv;
    by_end_item *items = calloc((size_t)a->w.n + 1, sizeof *items);
    kv->n = 0;
    for (int i = 0; items && i < a->w.n; i++)
        if (kv_end(&a->w.v[i]) > 0)
            items[kv->n++] = (by_end_item){.end = kv_end(&a->w.v[i]), .idx = i};
    if (items)
        qsort(items, (size_t)kv->n, sizeof *items, by_end);
    for (int i = 0; i < kv->n; i++)
        kv->idx[i] = items[i].idx;
    free(items);
    v->nlines = kv->n;
    /* a line naming the made-up contracts when there are any */
    v->nheader = 3 + (kv_illustrative(a, kv, NULL, 0) > 0);
    snprintf(v->empty, sizeof v->empty,
             "No contract end dates recorded (import a contracts file, or catchment set CODE contract.end DATE)");
}

static int kv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    kview *kv = v->priv;
    if (!(kv->idx = calloc((size_t)a->w.n + 1, sizeof *kv->idx)))
        return -1;
    long m[MILESTONES] = {a->cfg.milestones.options_appraisal, a->cfg.milestones.engagement,
                          a->cfg.milestones.procurement, a->cfg.milestones.award,
                          a->cfg.milestones.mobilisation};
    memcpy(kv->months, m, sizeof m);
    kv_build(a, v);
    return 0;
}

enum { WIDE_FROM = 100 }; /* type and due date shown from this width */

static int name_width(int width)
{
    int w = width - (width >= WIDE_FROM ? 69 : 53);
    /* numbers stay near the names; at 60 columns the name gives way to
     * the overdue count */
    return w < 7 ? 7 : w > 40 ? 40 : w;
}

static void kv_header(app *a, view *v, WINDOW *w, int width)
{
    kview *kv = v->priv;
    char line[512], d[16], head[512] = "  ";
    snprintf(line, sizeof line, "%s %s; milestones, in months before the contract end:",
             a->w.at.given ? "As at" : "Today", text_date_or_dash(a->w.at.facts, d, sizeof d));
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
    line[0] = '\0';
    for (int i = 0; i < MILESTONES; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s %ld", i ? ", " : "  ",
                 milestone_name(i), kv->months[i]);
    draw_text(a, w, 1, 0, width, line, color_attr(COL_NORMAL));
    char ill[160];
    if (kv_illustrative(a, kv, ill, sizeof ill)) {
        snprintf(line, sizeof line, "ILLUSTRATIVE: made-up contracts at %s", ill);
        draw_text(a, w, 2, 0, width, line, color_attr(COL_WARN));
    }
    cell_add(a, head, sizeof head, "Code", 6, false);
    cell_add(a, head, sizeof head, "Name", name_width(width), false);
    if (width >= WIDE_FROM)
        cell_add(a, head, sizeof head, "Type", 4, false);
    cell_add(a, head, sizeof head, "Ends", 10, false);
    cell_add(a, head, sizeof head, "Next milestone", 17, false);
    if (width >= WIDE_FROM)
        cell_add(a, head, sizeof head, "Due", 10, false);
    cell_add(a, head, sizeof head, "Days", 5, true);
    cell_add(a, head, sizeof head, "Overdue", 7, false);
    draw_text(a, w, v->nheader - 1, 0, width, head, color_attr(COL_HEADER));
}

static void kv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    kview *kv = v->priv;
    const world_practice *wp = &a->w.v[kv->idx[line]];
    long dates[MILESTONES], end = kv_end(wp);
    char text[1024] = "  ", d1[16], d2[16] = "", days[16] = "", late[16] = "";
    const unsigned char *settled = wp->contract_milestone;
    bool closed = kv_closed(wp), ended = closed || end < a->w.at.facts;
    milestones_for(end, kv->months, dates);
    int k = milestone_next_open(dates, settled, a->w.at.facts), overdue = 0;
    for (int i = 0; i < MILESTONES; i++)
        overdue += milestone_overdue(dates[i], settled[i], a->w.at.facts);
    if (!closed) {
        snprintf(days, sizeof days, "%ld", milestone_days_between(a->w.at.facts, k < MILESTONES ? dates[k] : end));
        text_date_or_dash(k < MILESTONES ? dates[k] : end, d2, sizeof d2);
        if (ended || overdue)
            snprintf(late, sizeof late, ended ? "ended" : "%d", overdue);
    }
    cell_add(a, text, sizeof text, wp->p.code, 6, false);
    cell_add(a, text, sizeof text, wp->p.name, name_width(width), false);
    if (width >= WIDE_FROM)
        cell_add(a, text, sizeof text, wp->contract_type, 4, false);
    cell_add(a, text, sizeof text, text_date_or_dash(end, d1, sizeof d1), 10, false);
    cell_add(a, text, sizeof text, closed ? "practice closed" : k < MILESTONES ? milestone_name(k) : "contract end",
             17, false);
    if (width >= WIDE_FROM)
        cell_add(a, text, sizeof text, d2, 10, false);
    cell_add(a, text, sizeof text, days, 5, true);
    cell_add(a, text, sizeof text, late, 7, true);
    tui_color c = sel ? COL_CURSOR : ended ? COL_DIM : overdue > 0 ? COL_WARN : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

static int kv_current(app *a, view *v)
{
    kview *kv = v->priv;
    (void)a;
    return v->cur < kv->n ? kv->idx[v->cur] : -1;
}

/* D / V: the first milestone not yet done or waived, after a yes. */
static unsigned kv_settle(app *a, view *v, bool done)
{
    int wi = kv_current(a, v);
    char q[160], field[64];
    edit_change chg;
    err e;
    if (wi < 0 || kv_closed(&a->w.v[wi])) {
        app_msg(a, COL_WARN, "no open contract here");
        return HANDLED;
    }
    const world_practice *wp = &a->w.v[wi];
    int m = 0;
    while (m < MILESTONES && wp->contract_milestone[m])
        m++;
    if (m == MILESTONES) {
        app_msg(a, COL_STATUS, "every milestone of %s is done or waived", wp->p.code);
        return HANDLED;
    }
    if (a->read_only) {
        app_msg(a, COL_WARN, "read-only (%s): milestones cannot be marked", a->read_only_why);
        return HANDLED;
    }
    snprintf(q, sizeof q, "Mark %s of %s %s?", milestone_name(m), wp->p.code, done ? "done" : "waived");
    if (!app_confirm(a, q))
        return HANDLED;
    snprintf(field, sizeof field, "milestone.%s", milestone_name(m));
    for (char *c = field; *c; c++)
        if (*c == ' ')
            *c = '_';
    /* The contract on the screen: the one in force on the date it is as at. */
    if (edit_set_from(a->s, wp->p.code, field, done ? "done" : "waived", a->w.at.facts,
                      clock_now(), &chg, &e))
        app_msg(a, COL_ERROR, "%s", e.msg);
    else
        app_msg(a, COL_GOOD, "%s: %s %s (h shows the history)", wp->p.code, field, chg.new_value);
    return HANDLED; /* the store changed: the loop reloads the views */
}

static unsigned kv_request(app *a, view *v, tui_request r)
{
    if (r == REQ_MILESTONE_DONE || r == REQ_MILESTONE_WAIVE)
        return kv_settle(a, v, r == REQ_MILESTONE_DONE);
    return 0;
}

static void kv_reload(app *a, view *v)
{
    kview *kv = v->priv;
    int *idx = realloc(kv->idx, (size_t)(a->w.n + 1) * sizeof *idx);
    if (!idx) {
        kv->n = v->nlines = 0;
        return;
    }
    kv->idx = idx;
    kv_build(a, v);
}

static void kv_describe(app *a, view *v, char *out, size_t n)
{
    kview *kv = v->priv;
    (void)a;
    snprintf(out, n, "%d with an end date", kv->n);
}

static void kv_done(app *a, view *v)
{
    (void)a;
    kview *kv = v->priv;
    free(kv->idx);
}

static const view_hint kv_hints[] = {
    HINT(ENTER, "card"), HINT(MILESTONE_DONE, "done"), HINT(MILESTONE_WAIVE, "waive"),
    HINT(HISTORY, "history"), HINT(SEARCH, "search"), HINT(BACK, "back"), HINT_END,
};

const view_ops contracts_ops = {
    .title = "Contracts",
    .kind = VIEW_CONTRACTS,
    .private_size = sizeof(kview),
    .hints = kv_hints,
    .open = kv_open,
    .draw_header = kv_header,
    .draw = kv_draw,
    .request = kv_request,
    .reload = kv_reload,
    .describe = kv_describe,
    .current = kv_current,
    .done = kv_done,
};
