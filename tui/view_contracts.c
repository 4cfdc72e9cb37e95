/* Contracts by end date, with the milestones counted back from each end
 * (contracts.milestones of the config): the next one, when, and whether
 * earlier ones have already passed (overdue) as of today. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

#include "engine/milestones.h"
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

static void kv_build(app *a, view *v)
{
    kview *kv = v->priv;
    by_end_item *items = calloc((size_t)a->w.n + 1, sizeof *items);
    kv->n = 0;
    for (int i = 0; items && i < a->w.n; i++)
        if (a->w.v[i].contract_end > 0)
            items[kv->n++] = (by_end_item){.end = a->w.v[i].contract_end, .idx = i};
    if (items)
        qsort(items, (size_t)kv->n, sizeof *items, by_end);
    for (int i = 0; i < kv->n; i++)
        kv->idx[i] = items[i].idx;
    free(items);
    v->nlines = kv->n;
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
    v->nheader = 3;
    kv_build(a, v);
    return 0;
}

enum { WIDE_FROM = 100 }; /* type and due date shown from this width */

static int name_width(int width)
{
    int fixed = width >= WIDE_FROM ? 69 : 53;
    return width - fixed > 10 ? width - fixed : 10;
}

static void kv_header(app *a, view *v, WINDOW *w, int width)
{
    kview *kv = v->priv;
    char line[512], d[16], head[512] = "  ";
    snprintf(line, sizeof line, "Today %s; milestones, in months before the contract end:",
             text_date_or_dash(a->today, d, sizeof d));
    draw_text(a, w, 0, 0, width, line, color_attr(COL_NORMAL));
    line[0] = '\0';
    for (int i = 0; i < MILESTONES; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s %ld", i ? ", " : "  ",
                 milestone_name(i), kv->months[i]);
    draw_text(a, w, 1, 0, width, line, color_attr(COL_NORMAL));
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
    draw_text(a, w, 2, 0, width, head, color_attr(COL_HEADER));
}

static void kv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    kview *kv = v->priv;
    const world_practice *wp = &a->w.v[kv->idx[line]];
    long dates[MILESTONES];
    char text[1024] = "  ", d1[16], d2[16], days[16], late[16];
    milestones_for(wp->contract_end, kv->months, dates);
    int k = milestone_next(dates, a->today);
    bool ended = wp->contract_end < a->today;
    snprintf(days, sizeof days, "%ld", milestone_days_between(a->today, k < MILESTONES ? dates[k] : wp->contract_end));
    snprintf(late, sizeof late, "%s", ended ? "ended" : k == 0 ? "" : k < MILESTONES ? "yes" : "all");
    cell_add(a, text, sizeof text, wp->p.code, 6, false);
    cell_add(a, text, sizeof text, wp->p.name, name_width(width), false);
    if (width >= WIDE_FROM)
        cell_add(a, text, sizeof text, wp->contract_type, 4, false);
    cell_add(a, text, sizeof text, text_date_or_dash(wp->contract_end, d1, sizeof d1), 10, false);
    cell_add(a, text, sizeof text, k < MILESTONES ? milestone_name(k) : "contract end", 17, false);
    if (width >= WIDE_FROM)
        cell_add(a, text, sizeof text, k < MILESTONES ? text_date_or_dash(dates[k], d2, sizeof d2) : d1, 10, false);
    cell_add(a, text, sizeof text, days, 5, true);
    cell_add(a, text, sizeof text, late, 7, false);
    tui_color c = sel ? COL_CURSOR : ended ? COL_DIM : k == MILESTONES ? COL_OVER : k > 0 ? COL_WARN : COL_NORMAL;
    draw_text(a, w, y, 0, width, text, color_attr(c));
}

static int kv_current(app *a, view *v)
{
    kview *kv = v->priv;
    (void)a;
    return v->cur < kv->n ? kv->idx[v->cur] : -1;
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

const view_ops contracts_ops = {
    .title = "Contracts",
    .kind = VIEW_CONTRACTS,
    .private_size = sizeof(kview),
    .hints = list_hints,
    .open = kv_open,
    .draw_header = kv_header,
    .draw = kv_draw,
    .reload = kv_reload,
    .describe = kv_describe,
    .current = kv_current,
    .done = kv_done,
};
