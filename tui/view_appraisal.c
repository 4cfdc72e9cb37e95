/* The options appraisal of a practice's contract (A from its card or any
 * list): the evidence held per factor, each option's scores and weighted
 * score, the recommendation.  Scores are entered with catchment appraisal. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/appraisal_evidence.h"
#include "util/text.h"

typedef struct aview {
    tlines tl;
    int wi;
    appraisal ap;
    appraisal_evidence ev;
} aview;

static void weights_of(const config *cfg, double w[APPRAISAL_FACTORS])
{
    w[0] = cfg->appraisal_weights.finance;
    w[1] = cfg->appraisal_weights.performance;
    w[2] = cfg->appraisal_weights.sustainability;
    w[3] = cfg->appraisal_weights.size;
    w[4] = cfg->appraisal_weights.provision;
    w[5] = cfg->appraisal_weights.need;
}

static void add_evidence(tlines *t, const aview *av, const double *w, int width)
{
    tl_rule(t, "Evidence held, by factor");
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        tl_add(t, COL_SECTION, -1, "  %s (weight %g)", appraisal_factor_title(f), w[f]);
        for (int i = 0; i < av->ev.n[f]; i++)
            tl_wrap(t, COL_NORMAL, width, "    ", av->ev.line[f][i]);
    }
}

static void add_scores(tlines *t, const aview *av, const double *w)
{
    char line[256], cell[16], tot[40];
    tl_rule(t, "Options and scores (1 worst .. 5 best; catchment appraisal CODE score ...)");
    snprintf(line, sizeof line, "  %-14s", "Option");
    for (int f = 0; f < APPRAISAL_FACTORS; f++)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %-5.5s", appraisal_factor_name(f));
    tl_add(t, COL_HEADER, -1, "%s  Weighted", line);
    for (int o = 0; o < APPRAISAL_OPTIONS; o++) {
        int scored;
        double total = appraisal_total(&av->ap, o, w, &scored);
        snprintf(line, sizeof line, "  %-14.14s", appraisal_option_name(o));
        for (int f = 0; f < APPRAISAL_FACTORS; f++) {
            int sc = av->ap.score[o][f].score;
            snprintf(cell, sizeof cell, sc ? "%d %s" : "-", sc, appraisal_rag(sc));
            snprintf(line + strlen(line), sizeof line - strlen(line), " %-5s", cell);
        }
        snprintf(tot, sizeof tot, isnan(total) ? "not scored" : "%.2f (%d of 6)", total, scored);
        tl_add(t, COL_NORMAL, -1, "%s  %s", line, tot);
        if (*av->ap.detail[o].value)
            tl_add(t, COL_DIM, -1, "    %s: %s", appraisal_option_title(o), av->ap.detail[o].value);
    }
}

static void add_decision(tlines *t, const aview *av)
{
    const appraisal_rec *r = &av->ap.recommend, *a = &av->ap.approve;
    tl_rule(t, "Recommendation");
    if (!r->time) {
        tl_add(t, COL_DIM, -1, "  No option recommended yet (catchment appraisal CODE recommend ...)");
        return;
    }
    int o = appraisal_option_find(r->value);
    tl_add(t, COL_GOOD, -1, "  %s: %s (%s)", o >= 0 ? appraisal_option_title(o) : r->value, r->text,
           r->user);
    bool approved = a->time >= r->time && strcmp(a->value, r->value) == 0;
    tl_add(t, approved ? COL_GOOD : COL_WARN, -1, "  %s%s", approved ? "Approved by " : "Not yet approved",
           approved ? a->user : "");
}

static void av_build(app *a, view *v)
{
    aview *av = v->priv;
    double w[APPRAISAL_FACTORS];
    err e;
    const world_practice *wp = &a->w.v[av->wi];
    tl_free(&av->tl);
    v->nlines = 0;
    int rc = store_read_begin(a->s, &e);
    if (rc == 0) {
        rc = appraisal_load(a->s, wp->p.code, &av->ap, &e);
        store_read_end(a->s);
    }
    if (rc == 0)
        rc = appraisal_evidence_gather(&a->w, a->s, &a->cfg, &av->ap, &av->ev, &e);
    if (rc) {
        snprintf(v->empty, sizeof v->empty, "%s", e.msg);
        return;
    }
    weights_of(&a->cfg, w);
    char end[16];
    snprintf(end, sizeof end, "no end date");
    if (wp->contract_end)
        text_date_iso(wp->contract_end, end, sizeof end);
    tl_add(&av->tl, COL_NORMAL, -1, "%s  %s: contract %s, %s%s", wp->p.code, wp->p.name,
           *wp->contract_type ? wp->contract_type : "not held", wp->contract_end ? "ending " : "",
           end);
    add_scores(&av->tl, av, w);
    add_decision(&av->tl, av);
    add_evidence(&av->tl, av, w, a->cols > 20 ? a->cols - 2 : 20);
    v->nlines = av->tl.n;
}

static int av_open(app *a, view *v, const void *arg)
{
    aview *av = v->priv;
    av->wi = *(const int *)arg;
    v->scroll_only = true;
    av_build(a, v);
    return 0;
}

static void av_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    aview *av = v->priv;
    tl_draw(a, &av->tl, w, line, y, width, sel);
}

static void av_describe(app *a, view *v, char *out, size_t n)
{
    aview *av = v->priv;
    snprintf(out, n, "%s", a->w.v[av->wi].p.code);
}

static int av_current(app *a, view *v)
{
    (void)a;
    return ((aview *)v->priv)->wi;
}

static void av_done(app *a, view *v)
{
    (void)a;
    tl_free(&((aview *)v->priv)->tl);
}

const view_ops appraisal_ops = {
    .title = "Options appraisal",
    .kind = VIEW_APPRAISAL,
    .private_size = sizeof(aview),
    .hints = list_hints,
    .open = av_open,
    .draw = av_draw,
    .reload = av_build,
    .describe = av_describe,
    .current = av_current,
    .done = av_done,
};
