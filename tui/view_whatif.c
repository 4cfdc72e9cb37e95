/* What-if: close the marked practices and see at once where the patients
 * go (core/whatif.h): receivers with their gain and new list against
 * capacity, unplaced patients, travel before and after, and the equality
 * breakdown.  p changes the policy, c a receiver's capacity, W saves. */
#include "tui/internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/areas.h"
#include "core/whatif.h"
#include "util/text.h"

typedef struct wview {
    whatif wf;
    bool have;
    unsigned close_serial;  /* the plan's closing practices it ran on */
    bool pack;              /* the equality impact pack instead of the IMD table */
    tlines tl;
    int eq_line;            /* the equality table's first line; -1 beside */
    /* From the flows, per world practice: patients received, their
     * patient-km, and the closing practice most came from (slot in
     * wf.closing, -1 none), with how many closing practices sent any;
     * per closing slot: patients left unplaced. */
    long *got, *unplaced;
    double *pkm;
    int *from, *nfrom;
} wview;

enum { WHATIF_WIDE = 150, NAME_COLS = 40 };

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

/* The dispersal as it is run, in one line (only when asked for). */
static void wv_as_run(const whatif *wf, tlines *t)
{
    char n1[32], n2[32], wk[48];
    int agreed = 0;
    for (int i = 0; i < wf->np; i++)
        agreed += wf->intake[i] >= 0;
    if (wf->st.weeks < 0)
        snprintf(wk, sizeof wk, "weeks: no rate (t)");
    else
        snprintf(wk, sizeof wk, "all in %ld week%s", wf->st.weeks, wf->st.weeks == 1 ? "" : "s");
    tl_add(t, COL_NORMAL, -1, "As run: %s chose (%g%%%s), %s allocated, %d intake%s; %s",
           text_thousands(wf->st.self_placed, n1, sizeof n1), wf->self_register_pct,
           wf->self_register_capped ? " capped" : "", text_thousands(wf->st.allocated, n2, sizeof n2),
           agreed, agreed == 1 ? "" : "s", wk);
}

/* A summary line, wrapped under itself where the screen is narrower
 * than it (at 60 columns "0 unplaced" lost its word); tag on the first. */
static void wv_line(tlines *t, tui_color c, int tag, int width, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void wv_line(tlines *t, tui_color c, int tag, int width, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    int first = t->n;
    tl_wrap_hang(t, c, width, "", "  ", buf);
    if (first < t->n)
        t->v[first].tag = tag;
}

/* At most 4 lines and one per closing practice, each within 80 columns,
 * so the receivers start on the first screen. */
static void wv_summary(app *a, wview *wv, tlines *t, int width)
{
    const whatif *wf = &wv->wf;
    char n1[32], n2[32], n3[32], k1[16], k2[16], k3[16], src[64] = "";
    char pkey[24], dkey[24], rkey[24], gkey[24];
    bool modelled = false;
    char at_line[512];
    wv_key(REQ_POLICY, pkey, sizeof pkey);
    wv_key(REQ_MAX_KM, dkey, sizeof dkey);
    wv_key(REQ_REASONABLE_KM, rkey, sizeof rkey);
    wv_key(REQ_GROWTH, gkey, sizeof gkey);
    wv_line(t, COL_SECTION, -1, width, "Scenario %s   policy %s (%s)   growth %+.1f%% (%s)", wf->name,
           config_policy_name(wf->policy), pkey, wf->growth_pct, gkey);
    whatif_as_at_text(&a->w, wf, at_line, sizeof at_line);
    wv_line(t, strstr(at_line, "STALE") ? COL_WARN : COL_NORMAL, -1, width, "%s", at_line);
    for (int i = 0; i < wf->nclosing; i++) {
        const world_practice *wp = &a->w.v[wf->closing[i]];
        modelled |= wf->area_source[i] == AREAS_MODELLED;
        snprintf(src, sizeof src, "%s", whatif_area_source_name(wf->area_source[i]));
        plist_list_cell(&a->w, wp, n1, sizeof n1); /* "-" unknown, "*" stale */
        wv_line(t, wv->unplaced[i] > 0 ? COL_OVER : COL_MARK, wf->closing[i], width,
               "Closing %s %.*s (%s patients, %s unplaced)", wp->p.code,
               (int)text_fit(wp->p.name, 30), wp->p.name, n1,
               text_thousands(wv->unplaced[i], n2, sizeof n2));
    }
    if (modelled)
        wv_line(t, COL_WARN, -1, width, "MODELLED: where patients live is the demo's stand-in, not NHS data");
    else
        tl_add(t, COL_DIM, -1, "Where patients live: %s", src);
    char ill[200];
    if (whatif_illustrative_codes(&a->w, wf, ill, sizeof ill))
        wv_line(t, COL_WARN, -1, width, "ILLUSTRATIVE: made-up capacity at %s", ill);
    wv_line(t, wf->im.unplaced > 0 ? COL_OVER : COL_NORMAL, -1, width,
           "Displaced %s   placed %s within %g %s (%s)   unplaced %s",
           text_thousands(wf->im.displaced, n1, sizeof n1), text_thousands(wf->im.placed, n2, sizeof n2),
           wf->max_km, wf->unit, dkey, text_thousands(wf->im.unplaced, n3, sizeof n3));
    if (wf->im.residence_unknown > 0) /* counted, left out of every km figure */
        tl_add(t, COL_WARN, -1, "Residence unknown %s (placed from their practice; not in km)",
               text_thousands(wf->im.residence_unknown, n1, sizeof n1));
    wv_line(t, COL_NORMAL, -1, width, "Travel %s: mean %s before, %s after, 90%% within %s; %s beyond %g (%s)",
           wf->unit, km(wf->im.mean_km_before, k1, sizeof k1), km(wf->im.mean_km_after, k2, sizeof k2),
           km(wf->im.p90_km_after, k3, sizeof k3),
           isnan(wf->im.mean_km_after) ? "-" /* nobody placed has a known home */
                                       : text_thousands(wf->im.beyond_reasonable, n3, sizeof n3),
           wf->reasonable_km, rkey);
    if (wf->staged)
        wv_as_run(wf, t);
}

/* The flows by receiver and by closing practice (see wview). */
static int wv_flows(wview *wv)
{
    const whatif *wf = &wv->wf;
    size_t np = (size_t)wf->np + 1, nc = (size_t)wf->nclosing + 1;
    long *by = calloc(np * nc, sizeof *by); /* patients, receiver x closing slot */
    wv->got = calloc(np, sizeof *wv->got);
    wv->pkm = calloc(np, sizeof *wv->pkm);
    wv->from = calloc(np, sizeof *wv->from);
    wv->nfrom = calloc(np, sizeof *wv->nfrom);
    wv->unplaced = calloc(nc, sizeof *wv->unplaced);
    if (!by || !wv->got || !wv->pkm || !wv->from || !wv->nfrom || !wv->unplaced) {
        free(by);
        return -1;
    }
    for (int i = 0; i < wf->res.nflows; i++) {
        const disp_flow *f = &wf->res.flows[i];
        int slot = 0;
        while (slot < wf->nclosing && wf->closing[slot] != wf->a[f->area].from)
            slot++;
        if (f->to < 0) {
            wv->unplaced[slot] += f->patients;
            continue;
        }
        wv->got[f->to] += f->patients;
        wv->pkm[f->to] += (double)f->patients * f->km;
        by[(size_t)f->to * nc + (size_t)slot] += f->patients;
    }
    for (int p = 0; p < wf->np; p++) {
        wv->from[p] = -1;
        for (int c = 0; c < wf->nclosing; c++) {
            long n = by[(size_t)p * nc + (size_t)c];
            wv->nfrom[p] += n > 0;
            if (n > 0 && (wv->from[p] < 0 || n > by[(size_t)p * nc + (size_t)wv->from[p]]))
                wv->from[p] = c;
        }
    }
    free(by);
    return 0;
}

static void wv_flows_free(wview *wv)
{
    free(wv->got);
    free(wv->pkm);
    free(wv->from);
    free(wv->nfrom);
    free(wv->unplaced);
    wv->got = wv->unplaced = NULL;
    wv->pkm = NULL;
    wv->from = wv->nfrom = NULL;
}

/* Mean distance of the patients a receiver gets, and the closing
 * practice most of them come from ("M86001+" when others send some). */
static void wv_receiver_flows(const app *a, const wview *wv, int wi, char *dist, size_t dn,
                              char *from, size_t fn)
{
    const whatif *wf = &wv->wf;
    snprintf(dist, dn, "-");
    snprintf(from, fn, "-");
    if (wv->got[wi] > 0)
        snprintf(dist, dn, "%.1f", wv->pkm[wi] / (double)wv->got[wi]);
    if (wv->from[wi] >= 0)
        snprintf(from, fn, "%s%s", a->w.v[wf->closing[wv->from[wi]]].p.code,
                 wv->nfrom[wi] > 1 ? "+" : "");
}

static void wv_receivers(app *a, wview *wv, tlines *t, int width)
{
    const whatif *wf = &wv->wf;
    char line[1024], n1[32], n2[32], n3[32], g[16], dist[16], from[CODE_MAX + 2];
    bool from_col = wf->nclosing > 1; /* with one closing practice it says nothing */
    int fixed = 46 + (from_col ? 8 : 0), nw = width - fixed;
    nw = nw < 10 ? 10 : nw > NAME_COLS ? NAME_COLS : nw;
    char ckey[24], rule[96];
    wv_key(REQ_CAPACITY, ckey, sizeof ckey);
    bool over = false; /* the ! then needs saying */
    for (int i = 0; i < wf->im.nreceivers; i++)
        over |= wf->im.receivers[i].over_capacity;
    snprintf(rule, sizeof rule, "Receivers (%s%s changes a capacity; * set here; ~ assumed)",
             over ? "! over capacity; " : "", ckey);
    tl_rule(t, rule);
    snprintf(line, sizeof line, "  ");
    cell_add(a, line, sizeof line, "Code", 6, false);
    cell_add(a, line, sizeof line, "Name", nw, false);
    cell_add(a, line, sizeof line, "Gain", 6, true);
    cell_add(a, line, sizeof line, "List/capacity ", 15, true);
    cell_add(a, line, sizeof line, wf->unit, 5, true);
    if (from_col)
        cell_add(a, line, sizeof line, "From", 7, false);
    cell_add(a, line, sizeof line, "Growth", 7, true);
    tl_add(t, COL_HEADER, -1, "%s", line);
    if (wf->im.nreceivers == 0)
        tl_add(t, COL_DIM, -1, "  no practice receives patients");
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *wp = &a->w.v[r->practice];
        char nl[48];
        /* ~: no capacity recorded, the list plus the default headroom assumed */
        snprintf(nl, sizeof nl, "%s/%s%s", text_thousands(r->list_after, n2, sizeof n2),
                 text_thousands(r->capacity, n3, sizeof n3),
                 plan_capacity(&a->plan, wp->p.code) >= 0                   ? "*"
                 : wf->cap_source[r->practice] == CAP_DEFAULT_HEADROOM ? "~"
                                                                          : " ");
        snprintf(g, sizeof g, isnan(r->growth_pct) ? "-" : "%+.1f%%", r->growth_pct);
        snprintf(line, sizeof line, "%s", r->over_capacity ? "! " : "  ");
        cell_add(a, line, sizeof line, wp->p.code, 6, false);
        cell_add(a, line, sizeof line, wp->p.name, nw, false);
        n1[0] = '+';
        text_thousands(r->gain, n1 + 1, sizeof n1 - 1);
        cell_add(a, line, sizeof line, n1, 6, true);
        cell_add(a, line, sizeof line, nl, 15, true);
        wv_receiver_flows(a, wv, r->practice, dist, sizeof dist, from, sizeof from);
        cell_add(a, line, sizeof line, dist, 5, true);
        if (from_col)
            cell_add(a, line, sizeof line, from, 7, false);
        cell_add(a, line, sizeof line, g, 7, true);
        tl_add(t, r->over_capacity ? COL_OVER : COL_NORMAL, r->practice, "%s", line);
    }
}

static void wv_group(app *a, tlines *t, const char *name, const impact_group *g, int nw)
{
    char line[512] = "  ", c[4][32], k1[16], k2[16];
    if (!g->assessed) { /* no age data: unknown, never 0 */
        cell_add(a, line, sizeof line, name, nw, false);
        tl_add(t, COL_DIM, -1, "%s  not assessed (no age data)", line);
        return;
    }
    const double v[4] = {g->displaced, g->placed, g->unplaced, g->beyond_reasonable};
    for (int i = 0; i < 4; i++)
        text_thousands(lround(v[i]), c[i], sizeof c[i]);
    if (isnan(g->mean_km_after)) /* nobody placed has a known home */
        snprintf(c[3], sizeof c[3], "-");
    cell_add(a, line, sizeof line, name, nw, false);
    for (int i = 0; i < 3; i++)
        cell_add(a, line, sizeof line, c[i], 7, true);
    cell_add(a, line, sizeof line, km(g->mean_km_before, k1, sizeof k1), 6, true);
    cell_add(a, line, sizeof line, km(g->mean_km_after, k2, sizeof k2), 6, true);
    cell_add(a, line, sizeof line, c[3], 7, true);
    tl_add(t, g->unplaced > 0.5 ? COL_OVER : COL_NORMAL, -1, "%s", line);
}

static void wv_equality(app *a, wview *wv, tlines *t)
{
    const whatif *wf = &wv->wf;
    char head[512] = "  ", name[64];
    char rule[128];
    snprintf(rule, sizeof rule, "Equality, IMD %d (%s: mean before, after; beyond reasonable)",
             areas_edition_year(wf->imd_edition), wf->unit);
    if (wf->imd_edition < 0)
        snprintf(rule, sizeof rule, "Equality, no IMD imported (%s: mean before, after; beyond)",
                 wf->unit);
    tl_rule(t, rule);
    cell_add(a, head, sizeof head, "Group", 24, false);
    cell_add(a, head, sizeof head, "Moved", 7, true);
    cell_add(a, head, sizeof head, "Placed", 7, true);
    cell_add(a, head, sizeof head, "Unplcd", 7, true);
    cell_add(a, head, sizeof head, "Before", 6, true);
    cell_add(a, head, sizeof head, "After", 6, true);
    cell_add(a, head, sizeof head, "Beyond", 7, true);
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
    const double n[4] = {r->displaced, r->placed, r->unplaced, r->beyond};
    for (int i = 0; i < 4; i++) /* counts as the IMD table writes them */
        if (r->assessed > 0)
            text_thousands(lround(n[i]), c[2 + i], sizeof c[2 + i]);
        else
            snprintf(c[2 + i], sizeof c[2 + i], "-");
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
    char base[160];
    tl_add(t, wf->eq.base_modelled ? COL_WARN : COL_DIM, -1, "  ICB baseline: %s",
           whatif_baseline_text(wf, "by area", base, sizeof base));
    tl_add(t, COL_DIM, -1, "  n/a: no data for the areas (not assessed); the md paper has it all");
}

/* Runs the what-if of the plan as it is now. */
static void wv_run(app *a, view *v, wview *wv)
{
    err e;
    whatif_input in;
    if (wv->have)
        whatif_free(&wv->wf);
    wv_flows_free(wv);
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
        if (wv->have && wv_flows(wv)) {
            whatif_free(&wv->wf);
            wv_flows_free(wv);
            wv->have = false;
            snprintf(v->empty, sizeof v->empty, "out of memory");
        }
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
        wv_summary(a, wv, &wv->tl, width);
        wv_receivers(a, wv, &left, wide ? width / 2 - 1 : width);
        if (wv->pack)
            wv_pack(a, wv, &right);
        else
            wv_equality(a, wv, &right);
        if (wide)
            tl_merge(&left, &right, width / 2);
        tl_append(&wv->tl, &left);
        wv->eq_line = wide ? -1 : wv->tl.n;
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
/* The line of practice tag, else keep (lines above may come and go:
 * the as-run line appears with its settings). */
static int wv_line_of(const wview *wv, int tag, int keep)
{
    for (int i = 0; tag >= 0 && i < wv->tl.n; i++)
        if (wv->tl.v[i].tag == tag)
            return i;
    return keep;
}

static void wv_plan_changed(app *a, view *v)
{
    wview *wv = v->priv;
    int keep = v->cur, tag = tl_tag(&wv->tl, keep);
    bool moved = wv->close_serial != a->plan.close_serial;
    wv_run(a, v, wv);
    wv_build(a, v, wv, a->cols);
    if (moved)
        wv_home(v, wv);
    else
        v->cur = wv_line_of(wv, tag, keep);
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
    return tl_tag(&wv->tl, v->cur);
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
    if (text_long_grouped(buf, &cap) || cap < 0 || cap > 1000000) {
        app_msg(a, COL_WARN, "'%s': a whole number of patients, 0 to 1,000,000", buf);
        return;
    }
    if (plan_set_capacity(&a->plan, a->w.v[wi].p.code, cap))
        app_msg(a, COL_ERROR, "out of memory");
}

/* d, r and %: a setting typed at the prompt; empty input gives back the
 * config's (NAN) for the distances and no growth. */
static void wv_setting(app *a, view *v, tui_request r)
{
    wview *wv = v->priv;
    char label[128], buf[32];
    double x, lo = r == REQ_GROWTH ? -50 : 0, hi = r == REQ_GROWTH ? 100 : 1000;
    const char *what = r == REQ_MAX_KM ? "Furthest a patient is sent"
                       : r == REQ_REASONABLE_KM ? "A reasonable journey" : "List growth, %";
    double now = r == REQ_MAX_KM ? wv->wf.max_km
                 : r == REQ_REASONABLE_KM ? wv->wf.reasonable_km : a->plan.set.growth_pct;
    if (!wv->have) {
        app_msg(a, COL_WARN, "nothing to run: x marks a practice");
        return;
    }
    snprintf(label, sizeof label, "%s%s%s (now %g; empty: %s): ", what, r == REQ_GROWTH ? "" : ", ",
             r == REQ_GROWTH ? "" : wv->wf.unit, now, r == REQ_GROWTH ? "none" : "the config's");
    if (!app_prompt(a, label, NULL, buf, sizeof buf))
        return;
    x = r == REQ_GROWTH ? 0 : NAN;
    if (*buf && (text_double(buf, &x) || x < lo || x > hi || (r == REQ_MAX_KM && x == 0))) {
        app_msg(a, COL_WARN, "'%s': a number from %g to %g%s", buf, lo, hi,
                r == REQ_MAX_KM ? ", not 0" : "");
        return;
    }
    if (r == REQ_MAX_KM)
        plan_set_max_km(&a->plan, x);
    else if (r == REQ_REASONABLE_KM)
        plan_set_reasonable_km(&a->plan, x);
    else
        plan_set_growth_pct(&a->plan, x);
}

/* Tab: the equality table at the top, or back to the receivers. */
static void wv_next_pane(app *a, view *v)
{
    wview *wv = v->priv;
    if (wv->eq_line < 0 || !wv->have) {
        app_msg(a, COL_WARN, "the equality table is beside the receivers");
        return;
    }
    if (v->cur < wv->eq_line) {
        v->cur = v->top = wv->eq_line;
    } else {
        wv_home(v, wv);
    }
    v->dirty = true;
}

/* W: the name typed replaces the one offered (Enter alone keeps it); a
 * name that cannot be one is asked again with the text kept to mend;
 * another plan's scenario of that name is replaced only after a yes. */
static void wv_save(app *a)
{
    char label[CONFIG_NAME_MAX + 64], name[CONFIG_NAME_MAX] = "", q[CONFIG_NAME_MAX + 32];
    const char *now = a->plan.scenario;
    if (*now)
        snprintf(label, sizeof label, "Save as scenario (Enter: %s): ", now);
    else
        snprintf(label, sizeof label, "Save as scenario (a-z 0-9 . _ -): ");
    for (;;) {
        char typed[CONFIG_NAME_MAX];
        snprintf(typed, sizeof typed, "%s", name);
        if (!app_prompt(a, label, typed, name, sizeof name))
            return;
        if (!*name)
            snprintf(name, sizeof name, "%s", now);
        if (!*name)
            return;
        if (config_scenario_name_ok(name))
            break;
        snprintf(label, sizeof label, "Not a scenario name (a-z 0-9 . _ -, no spaces): ");
    }
    snprintf(q, sizeof q, "Replace scenario %s?", name);
    bool replace = strcmp(name, now) == 0; /* the plan's own scenario, changed */
    if (!replace && config_scenario_find(&a->cfg, name)) {
        if (!app_confirm(a, q)) {
            app_msg(a, COL_STATUS, "not saved: scenario %s is as it was", name);
            return;
        }
        replace = true;
    }
    scenario_save(a, name, replace);
}

static unsigned wv_request(app *a, view *v, tui_request r)
{
    switch (r) {
    case REQ_FIRST: /* the first receiver, not the summary above it */
        wv_home(v, v->priv);
        v->dirty = true;
        return HANDLED;
    case REQ_POLICY: plan_next_policy(&a->plan); return HANDLED;
    case REQ_MAX_KM:
    case REQ_REASONABLE_KM:
    case REQ_GROWTH: wv_setting(a, v, r); return HANDLED;
    case REQ_NEXT_PANE: wv_next_pane(a, v); return HANDLED;
    case REQ_CAPACITY: wv_capacity(a, v); return HANDLED;
    case REQ_INTAKE: whatif_edit_intake(a, wv_current(a, v)); return HANDLED;
    case REQ_RATE: whatif_edit_rate(a, wv_current(a, v)); return HANDLED;
    case REQ_SELF_REGISTER: whatif_edit_self(a); return HANDLED;
    case REQ_SAVE_SCENARIO: wv_save(a); return HANDLED;
    case REQ_EQUALITY_PACK: {
        wview *wv = v->priv;
        wv->pack = !wv->pack;
        wv_build(a, v, wv, a->cols);
        return HANDLED | REPAINT;
    }
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
    wv_flows_free(wv);
    tl_free(&wv->tl);
}

static const view_hint wv_hints[] = {
    HINT(POLICY, "policy"), HINT(CAPACITY, "capacity"), HINT2(MAX_KM, REASONABLE_KM, "km"),
    HINT(GROWTH, "growth"), HINT(SAVE_SCENARIO, "save"), HINT(NEXT_PANE, "equality"),
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
