/* What-if: close the marked practices and see at once where the patients
 * go (core/whatif.h): receivers with their gain and new list against
 * capacity, unplaced patients, travel before and after, and the equality
 * breakdown.  p changes the policy, c a receiver's capacity, W saves. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/whatif.h"
#include "util/text.h"

typedef struct wview {
    whatif wf;
    bool have;
    unsigned close_serial;  /* the plan's closing practices it ran on */
    bool pack;              /* the equality impact pack instead of the IMD table */
    tlines tl;
} wview;

enum { WHATIF_WIDE = 150 };

static const char *km(double v, char *buf, size_t n)
{
    snprintf(buf, n, isnan(v) ? "-" : "%.2f", v);
    return buf;
}

/* The key that makes r on this screen, as the keymap has it. */
static void wv_key(tui_request r, char *out, size_t n)
{
    int key = keymap_first_key(r, VIEW_WHATIF, false);
    if (key < 0)
        snprintf(out, n, ":%s", req_name(r));
    else
        key_label(key, out, n);
}

static void wv_summary(app *a, wview *wv, tlines *t)
{
    const whatif *wf = &wv->wf;
    char n1[32], n2[32], n3[32], k1[16], k2[16], k3[16], src[64] = "";
    bool modelled = false;
    char pkey[24];
    wv_key(REQ_POLICY, pkey, sizeof pkey);
    tl_add(t, COL_SECTION, -1, "Scenario %s   policy %s (%s)   max %g km   growth %+.1f%%",
           wf->name, config_policy_name(wf->policy), pkey, wf->max_km, wf->growth_pct);
    for (int i = 0; i < wf->nclosing; i++) {
        const world_practice *wp = &a->w.v[wf->closing[i]];
        modelled |= wf->area_source[i] == AREAS_MODELLED;
        snprintf(src, sizeof src, "%s", whatif_area_source_name(wf->area_source[i]));
        tl_add(t, COL_MARK, wf->closing[i], "Closing %s %s (%s patients)", wp->p.code, wp->p.name,
               wp->p.list_size < 0 ? "?" : text_thousands(wp->p.list_size, n1, sizeof n1));
    }
    if (modelled)
        tl_add(t, COL_WARN, -1, "MODELLED: where patients live is the demo's stand-in, not NHS data");
    else
        tl_add(t, COL_DIM, -1, "Where patients live: %s", src);
    tl_add(t, wf->im.unplaced > 0 ? COL_OVER : COL_NORMAL, -1, "Displaced %s   placed %s   unplaced %s",
           text_thousands(wf->im.displaced, n1, sizeof n1), text_thousands(wf->im.placed, n2, sizeof n2),
           text_thousands(wf->im.unplaced, n3, sizeof n3));
    tl_add(t, COL_NORMAL, -1, "Travel km: mean %s before, %s after; 90%% within %s; %ld beyond %g km",
           km(wf->im.mean_km_before, k1, sizeof k1), km(wf->im.mean_km_after, k2, sizeof k2),
           km(wf->im.p90_km_after, k3, sizeof k3), wf->im.beyond_reasonable, wf->reasonable_km);
}

static void wv_receivers(app *a, wview *wv, tlines *t, int width)
{
    const whatif *wf = &wv->wf;
    char line[1024], n1[32], n2[32], n3[32], g[16];
    int nw = width - 46 > 10 ? width - 46 : 10;
    char ckey[24], rule[64];
    wv_key(REQ_CAPACITY, ckey, sizeof ckey);
    snprintf(rule, sizeof rule, "Receivers (%s changes a capacity)", ckey);
    tl_rule(t, rule);
    snprintf(line, sizeof line, "  ");
    cell_add(a, line, sizeof line, "Code", 6, false);
    cell_add(a, line, sizeof line, "Name", nw, false);
    cell_add(a, line, sizeof line, "Gain", 6, true);
    cell_add(a, line, sizeof line, "New list/capacity", 17, true);
    cell_add(a, line, sizeof line, "Growth", 7, true);
    tl_add(t, COL_HEADER, -1, "%s", line);
    if (wf->im.nreceivers == 0)
        tl_add(t, COL_DIM, -1, "  no practice receives patients");
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *wp = &a->w.v[r->practice];
        char nl[48];
        snprintf(nl, sizeof nl, "%s/%s", text_thousands(r->list_after, n2, sizeof n2),
                 text_thousands(r->capacity, n3, sizeof n3));
        snprintf(g, sizeof g, isnan(r->growth_pct) ? "-" : "%+.1f%%", r->growth_pct);
        snprintf(line, sizeof line, "%s", r->over_capacity ? "! " : "  ");
        cell_add(a, line, sizeof line, wp->p.code, 6, false);
        cell_add(a, line, sizeof line, wp->p.name, nw, false);
        n1[0] = '+';
        text_thousands(r->gain, n1 + 1, sizeof n1 - 1);
        cell_add(a, line, sizeof line, n1, 6, true);
        cell_add(a, line, sizeof line, nl, 17, true);
        cell_add(a, line, sizeof line, g, 7, true);
        tl_add(t, r->over_capacity ? COL_OVER : COL_NORMAL, r->practice, "%s", line);
    }
}

static void wv_group(app *a, tlines *t, const char *name, const impact_group *g, int nw)
{
    char line[512] = "  ", c[4][32], k1[16], k2[16];
    snprintf(c[0], sizeof c[0], "%.0f", g->displaced);
    snprintf(c[1], sizeof c[1], "%.0f", g->placed);
    snprintf(c[2], sizeof c[2], "%.0f", g->unplaced);
    snprintf(c[3], sizeof c[3], "%.0f", g->beyond_reasonable);
    cell_add(a, line, sizeof line, name, nw, false);
    for (int i = 0; i < 3; i++)
        cell_add(a, line, sizeof line, c[i], 6, true);
    cell_add(a, line, sizeof line, km(g->mean_km_before, k1, sizeof k1), 6, true);
    cell_add(a, line, sizeof line, km(g->mean_km_after, k2, sizeof k2), 6, true);
    cell_add(a, line, sizeof line, c[3], 6, true);
    tl_add(t, g->unplaced > 0.5 ? COL_OVER : COL_NORMAL, -1, "%s", line);
}

static void wv_equality(app *a, wview *wv, tlines *t)
{
    const whatif *wf = &wv->wf;
    char head[512] = "  ", name[64];
    tl_rule(t, "Equality (km: mean before, after; beyond reasonable)");
    cell_add(a, head, sizeof head, "Group", 24, false);
    cell_add(a, head, sizeof head, "Moved", 6, true);
    cell_add(a, head, sizeof head, "Placed", 6, true);
    cell_add(a, head, sizeof head, "Unplcd", 6, true);
    cell_add(a, head, sizeof head, "Before", 6, true);
    cell_add(a, head, sizeof head, "After", 6, true);
    cell_add(a, head, sizeof head, "Beyond", 6, true);
    tl_add(t, COL_HEADER, -1, "%s", head);
    for (int q = 1; q < IMPACT_IMD_ROWS; q++) {
        snprintf(name, sizeof name, "IMD %s", impact_imd_label(q));
        wv_group(a, t, name, &wf->im.imd[q], 24);
    }
    if (wf->im.imd[0].displaced > 0)
        wv_group(a, t, "IMD unknown", &wf->im.imd[0], 24);
    wv_group(a, t, "Aged 65+ (est.)", &wf->im.age65, 24);
    wv_group(a, t, "Aged 75+ (est.)", &wf->im.age75, 24);
}

/* One row of the pack: the share of the displaced against the ICB's.
 * The short name of each group (the EHIA heading, then the group). */
static void wv_pack_row(app *a, tlines *t, int m, const eq_row *r)
{
    static const char *const name[EQ_MEASURES] = {
        [EQ_AGE65] = "Age 65+",        [EQ_AGE75] = "Age 75+",   [EQ_DISABLED] = "Disability",
        [EQ_NOT_WB] = "Race: not WB",  [EQ_CORE20] = "Core20",   [EQ_NO_CAR] = "No car",
        [EQ_RURAL] = "Rurality"};
    char line[512] = "  ", c[6][32];
    snprintf(c[0], sizeof c[0], isnan(r->baseline) ? "-" : "%.1f%%", 100 * r->baseline);
    snprintf(c[1], sizeof c[1], r->assessed > 0 ? "%.1f%%" : "n/a", 100 * r->share);
    snprintf(c[2], sizeof c[2], r->assessed > 0 ? "%.0f" : "-", r->displaced);
    snprintf(c[3], sizeof c[3], r->assessed > 0 ? "%.0f" : "-", r->placed);
    snprintf(c[4], sizeof c[4], r->assessed > 0 ? "%.0f" : "-", r->unplaced);
    snprintf(c[5], sizeof c[5], r->assessed > 0 ? "%.0f" : "-", r->beyond);
    cell_add(a, line, sizeof line, name[m], 14, false);
    for (int i = 0; i < 6; i++)
        cell_add(a, line, sizeof line, c[i], 7, true);
    tl_add(t, r->unplaced > 0.5 ? COL_OVER : COL_NORMAL, -1, "%s", line);
}

/* The equality impact pack: EHIA headings, against the ICB's patients. */
static void wv_pack(app *a, wview *wv, tlines *t)
{
    const whatif *wf = &wv->wf;
    char head[512] = "  ", rule[96];
    snprintf(rule, sizeof rule, "Equality impact pack (EHIA) against ICB %s",
             *wf->eq_icb ? wf->eq_icb : "unknown");
    tl_rule(t, rule);
    static const char *const heads[] = {"ICB", "Share", "Moved", "Placed", "Unplcd", "Beyond"};
    cell_add(a, head, sizeof head, "Group", 14, false);
    for (int i = 0; i < 6; i++)
        cell_add(a, head, sizeof head, heads[i], 7, true);
    tl_add(t, COL_HEADER, -1, "%s", head);
    for (int m = 0; m < EQ_MEASURES; m++)
        wv_pack_row(a, t, m, &wf->eq.row[m]);
    tl_add(t, COL_DIM, -1, "  n/a: no data for the areas (not assessed); the md paper has it all");
}

/* Runs the what-if of the plan as it is now. */
static void wv_run(app *a, view *v, wview *wv)
{
    err e;
    whatif_input in;
    if (wv->have)
        whatif_free(&wv->wf);
    wv->have = false;
    wv->close_serial = a->plan.close_serial;
    snprintf(v->empty, sizeof v->empty, "%s",
             "Nothing marked to close: x marks a practice (list or card), :scenario NAME loads one");
    if (a->plan.nclose > 0) {
        plan_input(&a->plan, &in);
        if (whatif_run(&a->w, a->s, &a->cfg, &in, &wv->wf, &e) == 0)
            wv->have = true;
        else
            snprintf(v->empty, sizeof v->empty, "%s", e.msg);
    }
}

/* Summary on top; receivers, and the equality table below them or, on a
 * wide terminal, beside them. */
static void wv_build(app *a, view *v, wview *wv, int width)
{
    tl_free(&wv->tl);
    if (wv->have) {
        bool wide = width >= WHATIF_WIDE;
        tlines left = {0}, right = {0};
        wv_summary(a, wv, &wv->tl);
        wv_receivers(a, wv, &left, wide ? width / 2 - 1 : width);
        if (wv->pack)
            wv_pack(a, wv, &right);
        else
            wv_equality(a, wv, &right);
        if (wide)
            tl_merge(&left, &right, width / 2);
        tl_append(&wv->tl, &left);
        tl_append(&wv->tl, &right);
    }
    v->nlines = wv->tl.n;
}

/* After a new run: the cursor on the first receiver. */
static void wv_home(view *v, wview *wv)
{
    v->cur = v->top = 0;
    for (int i = 0; i < wv->tl.n; i++)
        if (wv->tl.v[i].tag >= 0 && wv->tl.v[i].h[0].color != COL_MARK) {
            v->cur = i;
            break;
        }
}

static int wv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    wview *wv = v->priv;
    wv_run(a, v, wv);
    wv_build(a, v, wv, a->cols);
    wv_home(v, wv);
    return 0;
}

/* The plan changed: run it again.  With the same practices closing the
 * cursor stays on its line (p, c); with others it goes to the top. */
static void wv_plan_changed(app *a, view *v)
{
    wview *wv = v->priv;
    int keep = v->cur;
    bool moved = wv->close_serial != a->plan.close_serial;
    wv_run(a, v, wv);
    wv_build(a, v, wv, a->cols);
    if (moved)
        wv_home(v, wv);
    else
        v->cur = keep;
}

static void wv_resize(app *a, view *v, int width) { wv_build(a, v, v->priv, width); }

static void wv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    wview *wv = v->priv;
    tl_draw(a, &wv->tl, w, line, y, width, sel);
}

static int wv_current(app *a, view *v)
{
    wview *wv = v->priv;
    (void)a;
    return v->cur < wv->tl.n ? wv->tl.v[v->cur].tag : -1;
}

static void wv_capacity(app *a, view *v)
{
    int wi = wv_current(a, v);
    char label[96], buf[32], n1[32];
    long cap;
    if (wi < 0 || app_marked(a, wi)) {
        app_msg(a, COL_WARN, "move the cursor to a receiver to change its capacity");
        return;
    }
    snprintf(label, sizeof label, "Capacity of %s (now %s): ", a->w.v[wi].p.code,
             text_thousands(a->w.v[wi].cap.capacity, n1, sizeof n1));
    if (!app_prompt(a, label, NULL, buf, sizeof buf) || !*buf)
        return;
    if (text_long(buf, &cap) || cap < 0 || cap > 1000000) {
        app_msg(a, COL_WARN, "'%s': a whole number of patients, 0 to 1,000,000", buf);
        return;
    }
    if (plan_set_capacity(&a->plan, a->w.v[wi].p.code, cap))
        app_msg(a, COL_ERROR, "out of memory");
}

static unsigned wv_request(app *a, view *v, tui_request r)
{
    char name[CONFIG_NAME_MAX];
    switch (r) {
    case REQ_POLICY: plan_next_policy(&a->plan); return HANDLED;
    case REQ_CAPACITY: wv_capacity(a, v); return HANDLED;
    case REQ_EQUALITY_PACK: {
        wview *wv = v->priv;
        wv->pack = !wv->pack;
        wv_build(a, v, wv, a->cols);
        return HANDLED | REPAINT;
    }
    case REQ_SAVE_SCENARIO:
        if (app_prompt(a, "Save as scenario (a-z 0-9 . _ -): ", a->plan.scenario, name,
                       sizeof name) && *name)
            scenario_save(a, name);
        return HANDLED;
    default: return 0;
    }
}

static void wv_describe(app *a, view *v, char *out, size_t n)
{
    wview *wv = v->priv;
    (void)a;
    if (wv->have)
        snprintf(out, n, "%d closing, %d receiving", wv->wf.nclosing, wv->wf.im.nreceivers);
    else
        snprintf(out, n, "nothing to run");
}

static void wv_done(app *a, view *v)
{
    (void)a;
    wview *wv = v->priv;
    if (wv->have)
        whatif_free(&wv->wf);
    tl_free(&wv->tl);
}

static const view_hint wv_hints[] = {
    HINT(POLICY, "policy"), HINT(CAPACITY, "capacity"), HINT(SAVE_SCENARIO, "save"),
    HINT(EQUALITY_PACK, "EHIA"),
    HINT(ENTER, "card"), HINT(BACK, "back"), HINT_END,
};

const view_ops whatif_ops = {
    .title = "What-if",
    .kind = VIEW_WHATIF,
    .private_size = sizeof(wview),
    .hints = wv_hints,
    .open = wv_open,
    .reload = wv_plan_changed,
    .plan_changed = wv_plan_changed,
    .resize = wv_resize,
    .draw = wv_draw,
    .request = wv_request,
    .describe = wv_describe,
    .current = wv_current,
    .done = wv_done,
};
