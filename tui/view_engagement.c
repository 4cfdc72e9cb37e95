/* What the engagement survey said about one practice (e from its card or
 * any list): who answered and how, the scales, what matters most, the
 * travel people called reasonable, and the free text, escaped. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/engagement.h"
#include "util/text.h"

typedef struct eview {
    tlines tl;
    int wi;
    engagement_summary sum;
} eview;

static void pct(char *out, size_t n, long k, long of)
{
    if (of > 0)
        snprintf(out, n, "%5.1f%%", 100.0 * (double)k / (double)of);
    else
        snprintf(out, n, "     -");
}

static void add_count(tlines *t, const char *what, long k, long of)
{
    char p[16];
    pct(p, sizeof p, k, of);
    tl_add(t, COL_NORMAL, -1, "  %-44.44s %6ld %s", what, k, p);
}

static void add_scale(tlines *t, const char *what, const long level[ENGAGEMENT_LEVELS + 1])
{
    double m = engagement_mean(level);
    char mean[24];
    snprintf(mean, sizeof mean, isnan(m) ? "mean -" : "mean %.2f", m);
    tl_add(t, COL_NORMAL, -1, "  %-24.24s 1:%-4ld 2:%-4ld 3:%-4ld 4:%-4ld 5:%-4ld %s%s", what,
           level[1], level[2], level[3], level[4], level[5], mean,
           level[0] ? "  (some not answered)" : "");
}

static void build_who(tlines *t, const engagement_summary *s)
{
    static const char *const ch[] = {"not recorded", "online", "paper", "assisted"};
    tl_rule(t, "Who answered, and how");
    for (int c = 1; c <= 4; c++)
        if (c < 4 || s->channel[0])
            add_count(t, ch[c % 4], s->channel[c % 4], s->responses);
    for (int g = 0; g < s->ngroups; g++) {
        tl_add(t, COL_SECTION, -1, "  %s", s->group[g].name);
        for (int i = 0; i < s->group[g].nvalues; i++)
            add_count(t, s->group[g].value[i].item, s->group[g].value[i].n, s->responses);
        if (s->responses > s->group[g].answered)
            add_count(t, "not answered", s->responses - s->group[g].answered, s->responses);
    }
}

static void build_views(tlines *t, const engagement_summary *s)
{
    char half[32], tq[32];
    const engagement_travel *tr = &s->travel;
    tl_rule(t, "Satisfaction and the impact of a closure (1 lowest .. 5 highest)");
    for (int k = 0; k < s->nscales; k++)
        add_scale(t, s->scale[k].name, s->scale[k].level);
    add_scale(t, "impact of a closure", s->impact);
    tl_rule(t, "What matters most");
    for (int i = 0; i < s->nmatters; i++)
        add_count(t, s->matters[i].item, s->matters[i].n, s->responses);
    tl_rule(t, "Reasonable travel, as respondents said");
    snprintf(half, sizeof half, isnan(tr->half) ? "-" : "%g", tr->half);
    snprintf(tq, sizeof tq, isnan(tr->three_quarters) ? "-" : "%g", tr->three_quarters);
    tl_add(t, COL_NORMAL, -1, "  %ld answered; half called %s %s reasonable, three-quarters %s",
           tr->answered, half, tr->mixed ? "(mixed units)" : tr->miles ? "miles" : "minutes",
           tq);
    tl_add(t, COL_DIM, -1, "  GP Patient Survey: not imported");
}

struct comments {
    tlines *t;
    int width;
};

/* Each answer escaped before it is wrapped, so the wrap counts what the
 * screen will show. */
static int add_comment(const survey_resp *r, int i, void *ctx)
{
    struct comments *c = ctx;
    size_t n = 4 * strlen(r->text[i].text) + 1;
    char *safe = malloc(n);
    if (!safe)
        return -1;
    text_escape(r->text[i].text, safe, n);
    tl_add(c->t, COL_DIM, -1, "  %s %s", r->id, r->text[i].name);
    tl_wrap(c->t, COL_NORMAL, c->width, "    ", safe);
    free(safe);
    return 0;
}

static void ev_build(app *a, view *v)
{
    eview *ev = v->priv;
    const practice *p = &a->w.v[ev->wi].p;
    char first[16], last[16];
    err e;
    struct comments c = {&ev->tl, a->cols > 20 ? a->cols - 2 : 20};
    tl_free(&ev->tl);
    v->nlines = 0;
    if (store_read_begin(a->s, &e)) {
        snprintf(v->empty, sizeof v->empty, "%s", e.msg);
        return;
    }
    int rc = engagement_summarise(a->s, p->code, &ev->sum, &e);
    if (rc == 0 && ev->sum.responses) {
        tl_add(&ev->tl, COL_NORMAL, -1, "%s  %s: %ld responses, %s to %s", p->code, p->name,
               ev->sum.responses, text_date_or_dash(ev->sum.first, first, sizeof first),
               text_date_or_dash(ev->sum.last, last, sizeof last));
        build_who(&ev->tl, &ev->sum);
        build_views(&ev->tl, &ev->sum);
        tl_rule(&ev->tl, "What people wrote (escaped)");
        rc = engagement_text_each(a->s, p->code, NULL, add_comment, &c, &e);
    }
    store_read_end(a->s);
    v->nlines = ev->tl.n;
    snprintf(v->empty, sizeof v->empty, "%s", rc ? e.msg :
             "No engagement survey responses for this practice (catchment import --mapping "
             "MAP.yaml SURVEY.csv)");
}

static int ev_open(app *a, view *v, const void *arg)
{
    eview *ev = v->priv;
    ev->wi = *(const int *)arg;
    v->scroll_only = true;
    ev_build(a, v);
    return 0;
}

static void ev_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    eview *ev = v->priv;
    tl_draw(a, &ev->tl, w, line, y, width, sel);
}

static void ev_describe(app *a, view *v, char *out, size_t n)
{
    eview *ev = v->priv;
    snprintf(out, n, "%s  %ld responses", a->w.v[ev->wi].p.code, ev->sum.responses);
}

static int ev_current(app *a, view *v)
{
    (void)a;
    return ((eview *)v->priv)->wi;
}

static void ev_done(app *a, view *v)
{
    (void)a;
    tl_free(&((eview *)v->priv)->tl);
}

const view_ops engagement_ops = {
    .title = "Engagement survey",
    .kind = VIEW_ENGAGEMENT,
    .private_size = sizeof(eview),
    .hints = list_hints,
    .open = ev_open,
    .draw = ev_draw,
    .reload = ev_build,
    .describe = ev_describe,
    .current = ev_current,
    .done = ev_done,
};
