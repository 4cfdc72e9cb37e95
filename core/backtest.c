#include "core/backtest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/whatif.h"
#include "engine/fit.h"
#include "engine/geo.h"
#include "util/who.h"

const char *backtest_kind_name(bt_kind k)
{
    static const char *const names[] = {"dispersal", "transfer", "likely transfer",
                                        "not closed"};
    return names[k];
}

/* Each practice's list at the two extracts (-1 none), from its history. */
typedef struct lists {
    long *from, *to;
} lists;

enum { HIST_MAX = 512 };

/* The extract dates: the earliest on or after want_from and the newest on
 * or before want_to (0: no bound), over every practice's history. */
static int pick_dates(const world *w, store *s, long want_from, long want_to, backtest *bt,
                      err *e)
{
    list_point h[HIST_MAX];
    bt->from = bt->to = 0;
    for (int i = 0; i < w->n; i++) {
        int n = store_list_history(s, w->v[i].p.code, h, HIST_MAX, e);
        if (n < 0)
            return -1;
        for (int k = 0; k < n; k++) {
            long d = h[k].date;
            if ((want_from && d < want_from) || (want_to && d > want_to))
                continue;
            if (!bt->from || d < bt->from)
                bt->from = d;
            if (d > bt->to)
                bt->to = d;
        }
    }
    if (!bt->from || bt->from == bt->to)
        return err_set(e, "backtest needs two list-size extracts between the dates; the "
                          "store has %s (import an earlier gp-reg-pat-prac-all file)",
                       bt->from ? "only one" : "none");
    return 0;
}

static int read_lists(const world *w, store *s, backtest *bt, lists *l, err *e)
{
    list_point h[HIST_MAX];
    for (int i = 0; i < w->n; i++) {
        l->from[i] = l->to[i] = -1;
        int n = store_list_history(s, w->v[i].p.code, h, HIST_MAX, e);
        if (n < 0)
            return -1;
        for (int k = 0; k < n; k++) {
            if (h[k].date == bt->from)
                l->from[i] = h[k].patients;
            if (h[k].date == bt->to)
                l->to[i] = h[k].patients;
        }
    }
    return 0;
}

/* The trend: the total list of the practices in both extracts, at `to`
 * over at `from`. */
static void trend(const world *w, const lists *l, backtest *bt)
{
    double a = 0, b = 0;
    for (int i = 0; i < w->n; i++)
        if (l->from[i] >= 0 && l->to[i] >= 0) {
            a += (double)l->from[i];
            b += (double)l->to[i];
            bt->nboth++;
        }
    bt->trend = a > 0 ? b / a : NAN;
}

static long excess_of(const lists *l, const backtest *bt, int i)
{
    return l->to[i] - llround((double)l->from[i] * bt->trend);
}

static double km_between(const world *w, int i, int j)
{
    return geo_km(w->v[i].lat, w->v[i].lon, w->v[j].lat, w->v[j].lon);
}

/* Every row of the successor file, read once. */
typedef struct succs {
    successor *v;
    int n, cap;
} succs;

static int succ_add(const successor *r, void *ctx)
{
    succs *ss = ctx;
    if (ss->n == ss->cap) {
        int nc = ss->cap ? ss->cap * 2 : 64;
        successor *v = realloc(ss->v, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        ss->v = v;
        ss->cap = nc;
    }
    ss->v[ss->n++] = *r;
    return 0;
}

static const successor *succ_of(const succs *ss, const char *code)
{
    for (int i = 0; i < ss->n; i++)
        if (strcmp(ss->v[i].old_code, code) == 0)
            return &ss->v[i];
    return NULL;
}

/* A transfer named by the successor file, else a practice within reach
 * that grew beyond trend by at least half the closed list. */
static void classify(const world *w, const succs *ss, const lists *l, const backtest *bt,
                     bt_closure *c)
{
    const successor *sf = succ_of(ss, w->v[c->practice].p.code);
    c->to = -1;
    if (sf) {
        c->kind = BT_TRANSFER;
        snprintf(c->to_code, sizeof c->to_code, "%s", sf->new_code);
        snprintf(c->reason, sizeof c->reason, "%s", sf->reason);
        c->to = world_find(w, c->to_code);
        return;
    }
    long best = 0;
    for (int j = 0; j < w->n; j++) {
        if (l->from[j] < 0 || l->to[j] < 0 || !(km_between(w, c->practice, j) <= bt->max_km))
            continue;
        long x = excess_of(l, bt, j);
        if (x > best)
            best = x, c->to = j;
    }
    c->kind = c->to >= 0 && 2 * best >= c->list_from ? BT_LIKELY_TRANSFER : BT_DISPERSAL;
    if (c->kind == BT_LIKELY_TRANSFER) {
        c->to_excess = best;
        snprintf(c->to_code, sizeof c->to_code, "%s", w->v[c->to].p.code);
    } else {
        c->to = -1;
    }
}

/* Practices in the earlier extract and not the later one. */
static int find_closures(const world *w, store *s, const lists *l, backtest *bt, err *e)
{
    succs ss = {0};
    bt->closures = calloc((size_t)w->n + 1, sizeof *bt->closures);
    if (!bt->closures || store_successor_each(s, succ_add, &ss, e) < 0) {
        free(ss.v);
        return bt->closures ? -1 : err_set(e, "out of memory");
    }
    bt->have_succ = ss.n > 0;
    for (int i = 0; i < w->n; i++) {
        if (l->from[i] < 0 || l->to[i] >= 0)
            continue;
        bt_closure *c = &bt->closures[bt->nclosures++];
        c->practice = i;
        c->list_from = l->from[i];
        c->to = -1;
        if (w->v[i].open) /* open as at the world's date */
            c->kind = BT_NOT_CLOSED;
        else
            classify(w, &ss, l, bt, c);
        bt->ndispersals += c->kind == BT_DISPERSAL;
        bt->ntransfers += c->kind == BT_TRANSFER || c->kind == BT_LIKELY_TRANSFER;
        if (c->kind == BT_DISPERSAL)
            bt->displaced += c->list_from;
    }
    free(ss.v);
    return 0;
}

/* Scored: in both extracts, located, within reach of a dispersal, and not
 * the taker of a transfer (its growth is the transfer's). */
static int find_candidates(const world *w, const lists *l, backtest *bt, err *e)
{
    bt->cand = calloc((size_t)w->n + 1, sizeof *bt->cand);
    bt->excess = calloc((size_t)w->n + 1, sizeof *bt->excess);
    if (!bt->cand || !bt->excess)
        return err_set(e, "out of memory");
    for (int j = 0; j < w->n; j++) {
        bool near = false, taker = false;
        if (l->from[j] < 0 || l->to[j] < 0)
            continue;
        for (int k = 0; k < bt->nclosures; k++) {
            const bt_closure *c = &bt->closures[k];
            taker |= c->to == j;
            near |= c->kind == BT_DISPERSAL && km_between(w, c->practice, j) <= bt->max_km;
        }
        if (!near || taker)
            continue;
        bt->cand[bt->ncand] = j;
        bt->excess[bt->ncand] = excess_of(l, bt, j);
        bt->observed += bt->excess[bt->ncand] > 0 ? bt->excess[bt->ncand] : 0;
        bt->ncand++;
    }
    return 0;
}

/* The world as at the earlier extract, taken the way every figure is
 * (core/asat.h): the lists of that extract, the practices open then, the
 * capacity facts and list closures recorded for then.  Its practices are
 * w's, in w's order, so the indexes of the closures and the scored
 * practices hold in it; a store changed in between is refused. */
static int world_then(const world *w, store *s, const config *cfg, long from, world *then,
                      err *e)
{
    if (world_load_parts_at(then, s, cfg, 0, from, e))
        return -1;
    bool same = then->n == w->n;
    for (int i = 0; same && i < w->n; i++)
        same = strcmp(then->v[i].p.code, w->v[i].p.code) == 0;
    if (same)
        return 0;
    world_free(then);
    return err_set(e, "the store changed while the back-test ran; run it again");
}

/* Every dispersal closed at once in the world then, under one policy and
 * beta; gain[k] for each scored practice. */
static int model(const world *then, store *s, const config *cfg, const backtest *bt,
                 config_policy pol, double beta, long *gain, bt_policy *out, err *e)
{
    char(*codes)[CONFIG_CODE_MAX] = calloc((size_t)bt->ndispersals + 1, sizeof *codes);
    if (!codes)
        return err_set(e, "out of memory");
    int n = 0;
    for (int k = 0; k < bt->nclosures; k++)
        if (bt->closures[k].kind == BT_DISPERSAL)
            snprintf(codes[n++], CONFIG_CODE_MAX, "%s", then->v[bt->closures[k].practice].p.code);
    config c = *cfg;
    c.rules.choice_beta = beta;
    c.rules.choice_beta_fitted = false;
    whatif_input in = {.name = "backtest", .close = (const char(*)[CONFIG_CODE_MAX])codes,
                       .nclose = n, .set = whatif_settings_default(cfg)};
    in.set.policy = pol;
    whatif wf;
    int rc = whatif_run(then, s, &c, &in, &wf, e);
    free(codes);
    if (rc < 0)
        return -1;
    for (int k = 0; k < bt->ncand; k++)
        gain[k] = 0;
    for (int r = 0; r < wf.im.nreceivers; r++)
        for (int k = 0; k < bt->ncand; k++)
            if (bt->cand[k] == wf.im.receivers[r].practice)
                gain[k] = wf.im.receivers[r].gain;
    out->placed = wf.im.placed;
    out->unplaced = wf.im.unplaced;
    whatif_free(&wf);
    return 0;
}

/* beta from 0.5 to 4 by 0.25 under demand: the least absolute error. */
static int fit_beta(const world *then, store *s, const config *cfg, backtest *bt, long *gain,
                    err *e)
{
    bt_policy scratch;
    bt->beta = NAN;
    for (int g = 0; g < BT_GRID; g++) {
        bt->grid_beta[g] = 0.5 + 0.25 * g;
        if (model(then, s, cfg, bt, CONFIG_POLICY_DEMAND, bt->grid_beta[g], gain, &scratch,
                  e) < 0)
            return -1;
        bt->grid_err[g] = fit_abs_error(gain, bt->excess, bt->ncand);
        if (isnan(bt->beta) || bt->grid_err[g] < bt->grid_err[(int)((bt->beta - 0.5) / 0.25)])
            bt->beta = bt->grid_beta[g];
    }
    return 0;
}

static int score(const world *w, store *s, const config *cfg, backtest *bt, err *e)
{
    world then;
    long *gain = calloc((size_t)bt->ncand + 1, sizeof *gain);
    if (!gain)
        return err_set(e, "out of memory");
    if (world_then(w, s, cfg, bt->from, &then, e) < 0) {
        free(gain);
        return -1;
    }
    int rc = fit_beta(&then, s, cfg, bt, gain, e);
    double beta = cfg->rules.choice_beta_fitted ? bt->beta : cfg->rules.choice_beta;
    for (int p = 0; rc == 0 && p < CONFIG_POLICY_COUNT; p++) {
        bt_policy *o = &bt->pol[p];
        rc = model(&then, s, cfg, bt, (config_policy)p, beta, gain, o, e);
        o->share = fit_share(gain, bt->excess, bt->ncand);
        o->rho = fit_spearman(gain, bt->excess, bt->ncand);
        o->mae = fit_mae_top(gain, bt->excess, bt->ncand, BT_TOP);
    }
    world_free(&then);
    free(gain);
    return rc;
}

static int steps(const world *w, store *s, long from, long to, backtest *bt, lists *l, err *e)
{
    if (pick_dates(w, s, from, to, bt, e) < 0 || read_lists(w, s, bt, l, e) < 0)
        return -1;
    trend(w, l, bt);
    if (find_closures(w, s, l, bt, e) < 0 || find_candidates(w, l, bt, e) < 0)
        return -1;
    return 0;
}

int backtest_run(const world *w, store *s, const config *cfg, long from, long to,
                 backtest *bt, err *e)
{
    memset(bt, 0, sizeof *bt);
    bt->beta = NAN;
    bt->max_km = cfg->rules.max_distance_km;
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++)
        bt->pol[p] = (bt_policy){0, 0, NAN, NAN, NAN};
    lists l = {calloc((size_t)w->n + 1, sizeof *l.from), calloc((size_t)w->n + 1, sizeof *l.to)};
    int rc = !l.from || !l.to ? err_set(e, "out of memory") : 0;
    if (rc == 0) {
        if (store_read_begin(s, e) < 0)
            rc = -1;
        else {
            rc = steps(w, s, from, to, bt, &l, e);
            store_read_end(s);
        }
    }
    if (rc == 0 && bt->ndispersals > 0 && bt->ncand > 0)
        rc = score(w, s, cfg, bt, e);
    free(l.from);
    free(l.to);
    if (rc < 0)
        backtest_free(bt);
    return rc;
}

void backtest_free(backtest *bt)
{
    free(bt->closures);
    free(bt->cand);
    free(bt->excess);
    memset(bt, 0, sizeof *bt);
}

void backtest_record(const backtest *bt, backtest_rec *r)
{
    memset(r, 0, sizeof *r);
    r->from = bt->from;
    r->to = bt->to;
    r->dispersals = bt->ndispersals;
    r->transfers = bt->ntransfers;
    r->beta = bt->beta;
    for (int p = 0; p < CONFIG_POLICY_COUNT && p < BACKTEST_POLICIES; p++) {
        r->share[p] = bt->pol[p].share;
        r->rho[p] = bt->pol[p].rho;
        r->mae[p] = bt->pol[p].mae;
    }
}

int backtest_save(store *s, const backtest *bt, int64_t now, err *e)
{
    backtest_rec r;
    backtest_record(bt, &r);
    r.saved_at = now;
    snprintf(r.user, sizeof r.user, "%s", who_am_i());
    if (store_write_begin(s, e))
        return -1;
    if (store_backtest_put(s, &r, e) < 0) {
        store_write_abort(s);
        return -1;
    }
    return store_write_commit(s, e);
}
