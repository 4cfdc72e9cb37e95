/* Summaries of the engagement survey, and the milestone it settles. */
#include "core/engagement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/edit.h"
#include "util/clock.h"

/* Adds one to item's count (a new item while there is room; else other). */
static void count_item(engagement_count *c, int *n, int max, const char *item, long *other)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(c[i].item, item) == 0) {
            c[i].n++;
            return;
        }
    if (*n < max) {
        snprintf(c[*n].item, sizeof c[*n].item, "%s", item);
        c[(*n)++].n = 1;
    } else if (other) {
        (*other)++;
    }
}

static int by_count(const void *a, const void *b)
{
    const engagement_count *x = a, *y = b;
    return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->item, y->item);
}

struct acc {
    engagement_summary *out;
    double *travel;
    long ntravel, cap;
    int units;            /* bit 1 minutes, bit 2 miles */
    int fail;
};

static void add_groups(engagement_summary *o, const survey_resp *r)
{
    for (int i = 0; i < r->ngroups; i++) {
        int g = 0;
        while (g < o->ngroups && strcmp(o->group[g].name, r->group[i].name) != 0)
            g++;
        if (g == o->ngroups) {
            if (o->ngroups == SURVEY_KEPT_GROUPS)
                continue;
            snprintf(o->group[g].name, sizeof o->group[g].name, "%s", r->group[i].name);
            o->ngroups++;
        }
        if (!r->group[i].value[0])
            continue;
        o->group[g].answered++;
        count_item(o->group[g].value, &o->group[g].nvalues, ENGAGEMENT_VALUES,
                   r->group[i].value, &o->group[g].other);
    }
}

static void add_scales(engagement_summary *o, const survey_resp *r)
{
    for (int i = 0; i < r->nscales; i++) {
        int k = 0;
        while (k < o->nscales && strcmp(o->scale[k].name, r->scale[i].name) != 0)
            k++;
        if (k == o->nscales) {
            if (o->nscales == SURVEY_KEPT_SCALES)
                continue;
            snprintf(o->scale[k].name, sizeof o->scale[k].name, "%s", r->scale[i].name);
            o->nscales++;
        }
        int v = r->scale[i].value;
        o->scale[k].level[v >= 0 && v <= ENGAGEMENT_LEVELS ? v : 0]++;
    }
    o->impact[r->impact >= 0 && r->impact <= ENGAGEMENT_LEVELS ? r->impact : 0]++;
}

static void add_matters(engagement_summary *o, const survey_resp *r)
{
    char buf[TEXT_MAX];
    snprintf(buf, sizeof buf, "%s", r->matters);
    for (char *save = NULL, *t = strtok_r(buf, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
        count_item(o->matters, &o->nmatters, ENGAGEMENT_MATTERS, t, NULL);
}

static int add_travel(struct acc *a, const survey_resp *r)
{
    if (isnan(r->travel))
        return 0;
    if (a->ntravel == a->cap) {
        long cap = a->cap ? 2 * a->cap : 256;
        double *t = realloc(a->travel, (size_t)cap * sizeof *t);
        if (!t)
            return -1;
        a->travel = t, a->cap = cap;
    }
    a->travel[a->ntravel++] = r->travel;
    a->units |= r->travel_miles ? 2 : 1;
    return 0;
}

static int add_one(const survey_resp *r, void *ctx)
{
    struct acc *a = ctx;
    engagement_summary *o = a->out;
    o->responses++;
    if (r->date && (!o->first || r->date < o->first))
        o->first = r->date;
    if (r->date > o->last)
        o->last = r->date;
    o->channel[r->channel >= 0 && r->channel <= 3 ? r->channel : 0]++;
    add_groups(o, r);
    add_scales(o, r);
    add_matters(o, r);
    if (add_travel(a, r))
        return a->fail = 1, -1;
    return 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The largest x that at least share of the answers are >= (answers
 * sorted ascending): what that share of respondents called reasonable. */
static double at_least(const double *v, long n, double share)
{
    long k = (long)ceil(share * (double)n);
    return n ? v[n - k] : NAN;
}

static void finish_travel(struct acc *a)
{
    engagement_travel *t = &a->out->travel;
    t->answered = a->ntravel;
    t->miles = a->units == 2;
    t->mixed = a->units == 3;
    t->half = t->three_quarters = NAN;
    if (!a->ntravel || t->mixed)
        return;
    qsort(a->travel, (size_t)a->ntravel, sizeof *a->travel, by_value);
    t->half = at_least(a->travel, a->ntravel, 0.5);
    t->three_quarters = at_least(a->travel, a->ntravel, 0.75);
}

int engagement_summarise(store *s, const char *code, engagement_summary *out, err *e)
{
    struct acc a = {.out = out};
    memset(out, 0, sizeof *out);
    snprintf(out->practice, sizeof out->practice, "%s", code ? code : "");
    int rc = store_survey_each(s, code, add_one, &a, e);
    if (a.fail)
        rc = err_set(e, "survey summary: out of memory");
    if (rc >= 0) {
        finish_travel(&a);
        for (int g = 0; g < out->ngroups; g++)
            qsort(out->group[g].value, (size_t)out->group[g].nvalues,
                  sizeof out->group[g].value[0], by_count);
        qsort(out->matters, (size_t)out->nmatters, sizeof out->matters[0], by_count);
    }
    free(a.travel);
    return rc < 0 ? -1 : 0;
}

static int add_travel_only(const survey_resp *r, void *ctx)
{
    struct acc *a = ctx;
    if (add_travel(a, r))
        return a->fail = 1, -1;
    return 0;
}

int engagement_travel_pooled(store *s, const char (*codes)[16], int n, engagement_travel *out,
                             int *practices, err *e)
{
    static engagement_summary sum;
    struct acc a = {.out = &sum};
    int rc = 0;
    memset(&sum, 0, sizeof sum);
    *practices = 0;
    for (int i = 0; i < n && rc >= 0; i++) {
        long before = a.ntravel;
        rc = store_survey_each(s, codes[i], add_travel_only, &a, e);
        *practices += a.ntravel > before;
    }
    if (a.fail)
        rc = err_set(e, "survey: out of memory");
    if (rc >= 0)
        finish_travel(&a);
    *out = sum.travel;
    free(a.travel);
    return rc < 0 ? -1 : 0;
}

double engagement_mean(const long level[ENGAGEMENT_LEVELS + 1])
{
    long n = 0, sum = 0;
    for (int v = 1; v <= ENGAGEMENT_LEVELS; v++)
        n += level[v], sum += v * level[v];
    return n ? (double)sum / (double)n : NAN;
}

struct codes {
    char (*codes)[CODE_MAX];
    int n, max;
};

static int add_code(const survey_resp *r, void *ctx)
{
    struct codes *c = ctx;
    if (c->n && strcmp(c->codes[c->n - 1], r->practice) == 0)
        return 0;
    if (c->n == c->max)
        return 1;
    snprintf(c->codes[c->n++], CODE_MAX, "%s", r->practice);
    return 0;
}

int engagement_practices(store *s, char (*codes)[CODE_MAX], int max, err *e)
{
    struct codes c = {codes, 0, max};
    return store_survey_each(s, NULL, add_code, &c, e) < 0 ? -1 : c.n;
}

/* needle in hay, ASCII letters compared without case. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

struct text_filter {
    const char *needle;
    int (*fn)(const survey_resp *, int, void *);
    void *ctx;
};

static int text_one(const survey_resp *r, void *ctx)
{
    struct text_filter *f = ctx;
    int rc = 0;
    for (int i = 0; i < r->ntexts && !rc; i++)
        if (r->text[i].text[0] &&
            (!f->needle || !f->needle[0] || contains(r->text[i].text, f->needle)))
            rc = f->fn(r, i, f->ctx);
    return rc;
}

int engagement_text_each(store *s, const char *code, const char *needle,
                         int (*fn)(const survey_resp *, int, void *), void *ctx, err *e)
{
    struct text_filter f = {needle, fn, ctx};
    return store_survey_each(s, code, text_one, &f, e);
}

enum { MARK_MAX = 256 };

struct to_mark {
    store *s;
    err *e;
    char codes[MARK_MAX][CODE_MAX];
    int n;
};

static int has_response(const survey_resp *r, void *ctx)
{
    (void)r, (void)ctx;
    return 1;
}

static int consider(const contract *c, void *ctx)
{
    struct to_mark *m = ctx;
    if (!c->end || c->milestone[1] != MILESTONE_OPEN || m->n == MARK_MAX)
        return 0;
    int rc = store_survey_each(m->s, c->practice, has_response, NULL, m->e);
    if (rc < 0)
        return -1;
    if (rc > 0)
        snprintf(m->codes[m->n++], CODE_MAX, "%s", c->practice);
    return 0;
}

int engagement_mark_milestones(store *s, int64_t now,
                               void (*fn)(const char *code, const char *line, void *ctx),
                               void *ctx, err *e)
{
    static struct to_mark m;
    m.s = s, m.e = e, m.n = 0;
    if (store_read_begin(s, e))
        return -1;
    int rc = store_contract_each_at(s, clock_today(), consider, &m, e);
    store_read_end(s);
    for (int i = 0; rc >= 0 && i < m.n; i++) {
        edit_change ch;
        char line[2 * NAME_MAX + 120];
        rc = edit_set_change(s, m.codes[i], "milestone.engagement", "done", now, &ch, e);
        snprintf(line, sizeof line,
                 "%s milestone.engagement: %s -> %s (survey responses imported; recorded in "
                 "the history)", m.codes[i], ch.old_value, ch.new_value);
        if (rc >= 0 && ch.changed && fn)
            fn(m.codes[i], line, ctx);
    }
    return rc < 0 ? -1 : 0;
}
