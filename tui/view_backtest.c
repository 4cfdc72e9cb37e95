/* :backtest: the model checked against closures that already happened
 * (core/backtest.h), between the earliest and the newest list-size
 * extracts in the store.  Enter opens the card of the practice on the
 * line. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>

#include "core/backtest.h"
#include "util/text.h"

typedef struct bview {
    backtest bt;
    bool have;
    tlines tl;
} bview;

static const char *fig(double v, const char *fmt, char *buf, size_t n)
{
    snprintf(buf, n, isnan(v) ? "-" : fmt, v);
    return buf;
}

static void bv_closures(app *a, const backtest *bt, tlines *t)
{
    char n1[32];
    tl_rule(t, "Closed between the extracts");
    for (int k = 0; k < bt->nclosures; k++) {
        const bt_closure *c = &bt->closures[k];
        const world_practice *wp = &a->w.v[c->practice];
        tl_add(t, c->kind == BT_DISPERSAL ? COL_NORMAL : COL_DIM, c->practice,
               "  %s %-30.30s %7s  %s%s%s", wp->p.code, wp->p.name,
               text_thousands(c->list_from, n1, sizeof n1), backtest_kind_name(c->kind),
               *c->to_code ? " to " : "", c->to_code);
    }
}

static void bv_policies(const backtest *bt, tlines *t)
{
    char s[16], r[16], m[16];
    tl_rule(t, "How each policy did (share of growth beyond trend at its receivers)");
    tl_add(t, COL_HEADER, -1, "  %-8s %8s %8s %8s", "Policy", "Share", "Rank r", "MAE 10");
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++)
        tl_add(t, COL_NORMAL, -1, "  %-8s %8s %8s %8s", config_policy_name((config_policy)p),
               fig(100 * bt->pol[p].share, "%.0f%%", s, sizeof s),
               fig(bt->pol[p].rho, "%.2f", r, sizeof r), fig(bt->pol[p].mae, "%.0f", m, sizeof m));
    tl_add(t, COL_NORMAL, -1, "  Fitted beta (demand, 0.5 to 4): %s",
           fig(bt->beta, "%.2f", s, sizeof s));
}

static void bv_build(app *a, bview *bv)
{
    const backtest *bt = &bv->bt;
    char f[16], to[16];
    text_date_iso(bt->from, f, sizeof f);
    text_date_iso(bt->to, to, sizeof to);
    tl_add(&bv->tl, COL_SECTION, -1, "Extracts %s and %s; trend %+.1f%% (%ld practices "
           "in both)", f, to, 100 * (bt->trend - 1), bt->nboth);
    tl_add(&bv->tl, COL_NORMAL, -1, "%d closed: %d dispersal%s, %d transfer%s%s", bt->nclosures,
           bt->ndispersals, bt->ndispersals == 1 ? "" : "s", bt->ntransfers,
           bt->ntransfers == 1 ? "" : "s",
           bt->have_succ ? "" : " (inferred: no ODS successor file)");
    bv_closures(a, bt, &bv->tl);
    if (bt->ndispersals == 0 || bt->ncand == 0)
        tl_add(&bv->tl, COL_WARN, -1, "No dispersal to check: every closure was a transfer");
    else
        bv_policies(bt, &bv->tl);
}

static int bv_open(app *a, view *v, const void *arg)
{
    err e;
    (void)arg;
    bview *bv = v->priv;
    bv->have = backtest_run(&a->w, a->s, &a->cfg, 0, 0, &bv->bt, &e) == 0;
    if (bv->have)
        bv_build(a, bv);
    else
        snprintf(v->empty, sizeof v->empty, "%s", e.msg);
    v->nlines = bv->tl.n;
    return 0;
}

static void bv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    bview *bv = v->priv;
    tl_draw(a, &bv->tl, w, line, y, width, sel);
}

static int bv_current(app *a, view *v)
{
    bview *bv = v->priv;
    (void)a;
    return tl_tag(&bv->tl, v->cur);
}

static void bv_describe(app *a, view *v, char *out, size_t n)
{
    bview *bv = v->priv;
    (void)a;
    snprintf(out, n, bv->have ? "%d closures, %d scored" : "not run", bv->bt.nclosures,
             bv->bt.ndispersals);
}

static void bv_done(app *a, view *v)
{
    bview *bv = v->priv;
    (void)a;
    if (bv->have)
        backtest_free(&bv->bt);
    tl_free(&bv->tl);
}

const view_ops backtest_ops = {
    .title = "Back-test",
    .kind = VIEW_BACKTEST,
    .private_size = sizeof(bview),
    .hints = list_hints,
    .open = bv_open,
    .draw = bv_draw,
    .describe = bv_describe,
    .current = bv_current,
    .done = bv_done,
};
