/* The engagement survey's summary as a table, CSV, markdown or JSON. */
#include "cli/engagement_out.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "util/text.h"

static const char *const channel_label[4] = {"not recorded", "online", "paper", "assisted"};

static const char *share(long n, long of, char *buf, size_t sz)
{
    if (of <= 0)
        return "-";
    snprintf(buf, sz, "%.1f%%", 100.0 * (double)n / (double)of);
    return buf;
}

static const char *unit_of(const engagement_travel *t)
{
    return t->mixed ? "mixed" : t->miles ? "miles" : "minutes";
}

/* A travel figure in the survey's unit, or "-". */
static const char *travel_figure(double v, char *buf, size_t sz)
{
    if (isnan(v))
        return "-";
    snprintf(buf, sz, "%g", v);
    return buf;
}

static int name_of(store *s, const char *code, char *name, size_t sz, err *e)
{
    static practice p;
    int rc = store_practice_get(s, code, &p, e);
    text_copy(name, sz, rc > 0 ? p.name : "");
    return rc < 0 ? -1 : 0;
}

int engagement_overview_row(store *s, table *t, const engagement_summary *sum, err *e)
{
    char name[NAME_MAX], first[16], last[16], sat[16], half[24], tq[24];
    if (name_of(s, sum->practice, name, sizeof name, e))
        return -1;
    long satisfied = 0, answered = 0;
    if (sum->nscales) {
        satisfied = sum->scale[0].level[4] + sum->scale[0].level[5];
        answered = sum->responses - sum->scale[0].level[0];
    }
    table_addf(t, "%s\t%s\t%ld\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%s\t%s\t%s", sum->practice, name,
               sum->responses, sum->channel[1], sum->channel[2], sum->channel[3],
               text_date_or_dash(sum->first, first, sizeof first),
               text_date_or_dash(sum->last, last, sizeof last),
               share(satisfied, answered, sat, sizeof sat),
               travel_figure(sum->travel.half, half, sizeof half),
               travel_figure(sum->travel.three_quarters, tq, sizeof tq),
               sum->travel.answered ? unit_of(&sum->travel) : "-");
    return 0;
}

/* ---- the long table: Measure, Answer, Responses, Share ---- */

static void add(table *t, const char *measure, const char *answer, long n, long of)
{
    char sh[16];
    table_addf(t, "%s\t%s\t%ld\t%s", measure, answer, n, share(n, of, sh, sizeof sh));
}

static void add_levels(table *t, const char *measure, const long level[ENGAGEMENT_LEVELS + 1],
                       long responses)
{
    static const char *const names[] = {"", "1 (lowest)", "2", "3", "4", "5 (highest)"};
    char mean[32];
    for (int v = 1; v <= ENGAGEMENT_LEVELS; v++)
        add(t, measure, names[v], level[v], responses);
    if (level[0])
        add(t, measure, "not answered", level[0], responses);
    double m = engagement_mean(level);
    snprintf(mean, sizeof mean, isnan(m) ? "-" : "%.2f of 5", m);
    table_addf(t, "%s\tmean\t%ld\t%s", measure, responses - level[0], mean);
}

static void add_travel(table *t, const engagement_travel *tr, long responses)
{
    char measure[48], v[32];
    snprintf(measure, sizeof measure, "reasonable travel (%s)", unit_of(tr));
    add(t, measure, "answered", tr->answered, responses);
    table_addf(t, "%s\tcalled reasonable by half\t%ld\t%s", measure, tr->answered,
               travel_figure(tr->half, v, sizeof v));
    table_addf(t, "%s\tcalled reasonable by three-quarters\t%ld\t%s", measure, tr->answered,
               travel_figure(tr->three_quarters, v, sizeof v));
}

static void fill_long(table *t, const engagement_summary *sum)
{
    long r = sum->responses;
    char measure[64];
    for (int c = 1; c <= 4; c++)
        if (c < 4 || sum->channel[0])
            add(t, "channel", channel_label[c % 4], sum->channel[c % 4], r);
    for (int g = 0; g < sum->ngroups; g++) {
        for (int i = 0; i < sum->group[g].nvalues; i++)
            add(t, sum->group[g].name, sum->group[g].value[i].item, sum->group[g].value[i].n, r);
        if (sum->group[g].other)
            add(t, sum->group[g].name, "other answers", sum->group[g].other, r);
        long unanswered = r - sum->group[g].answered;
        if (unanswered)
            add(t, sum->group[g].name, "not answered", unanswered, r);
    }
    for (int k = 0; k < sum->nscales; k++) {
        snprintf(measure, sizeof measure, "satisfaction: %s", sum->scale[k].name);
        add_levels(t, measure, sum->scale[k].level, r);
    }
    add_levels(t, "impact of a closure", sum->impact, r);
    for (int i = 0; i < sum->nmatters; i++)
        add(t, "what matters most", sum->matters[i].item, sum->matters[i].n, r);
    add_travel(t, &sum->travel, r);
}

/* ---- where the figures come from ---- */

struct sources {
    FILE *fp;
    json *j;
    int n;
    bool md; /* the file's name as markdown text */
};

static int source_one(const provenance *p, void *ctx)
{
    struct sources *src = ctx;
    char when[32], file[8 * NAME_MAX + 1];
    if (strcmp(p->kind, "survey") != 0)
        return 0;
    time_t t = (time_t)p->imported_at;
    strftime(when, sizeof when, "%Y-%m-%d", gmtime(&t));
    src->n++;
    if (src->j) {
        json_obj(src->j);
        json_key(src->j, "file");
        json_str(src->j, p->file);
        json_key(src->j, "imported");
        json_str(src->j, when);
        json_key(src->j, "by");
        json_str(src->j, p->user);
        json_obj_end(src->j);
    } else {
        if (src->md)
            out_md_escape(p->file, file, sizeof file);
        else
            text_escape(p->file, file, sizeof file);
        fprintf(src->fp, "%s%s (import %u, %s)", src->n > 1 ? "; " : "", file, p->seq, when);
    }
    return 0;
}

static void print_head(store *s, const practice *p, const engagement_summary *sum,
                       out_format f, FILE *fp, err *e)
{
    char name[8 * NAME_MAX + 1], first[16], last[16];
    struct sources src = {fp, NULL, 0, f == FMT_MD};
    if (f == FMT_MD)
        out_md_escape(p->name, name, sizeof name);
    else
        text_escape(p->name, name, sizeof name);
    fprintf(fp, "%s%s %s: %ld responses, %s to %s\n", f == FMT_MD ? "## Engagement survey: " : "",
            p->code, name, sum->responses, text_date_or_dash(sum->first, first, sizeof first),
            text_date_or_dash(sum->last, last, sizeof last));
    fputs(f == FMT_MD ? "\nSource: " : "Source: ", fp);
    store_provenance_each(s, source_one, &src, e);
    fputs(src.n ? "\n\n" : "no survey imported\n\n", fp);
}

static void gpps_line(out_format f, FILE *fp)
{
    fprintf(fp, "%sGP Patient Survey: not imported (its figures would stand here).\n",
            f == FMT_MD ? "\n" : "");
}

/* ---- JSON ---- */

static void json_levels(json *j, const long level[ENGAGEMENT_LEVELS + 1])
{
    json_key(j, "levels");
    json_arr(j);
    for (int v = 1; v <= ENGAGEMENT_LEVELS; v++)
        json_int(j, level[v]);
    json_arr_end(j);
    json_key(j, "not_answered");
    json_int(j, level[0]);
    json_key(j, "mean");
    json_num(j, engagement_mean(level), 2);
}

static void json_counts(json *j, const char *key, const engagement_count *c, int n)
{
    json_key(j, key);
    json_arr(j);
    for (int i = 0; i < n; i++) {
        json_obj(j);
        json_key(j, "answer");
        json_str(j, c[i].item);
        json_key(j, "responses");
        json_int(j, c[i].n);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void json_groups(json *j, const engagement_summary *sum)
{
    json_key(j, "equality");
    json_arr(j);
    for (int g = 0; g < sum->ngroups; g++) {
        json_obj(j);
        json_key(j, "question");
        json_str(j, sum->group[g].name);
        json_key(j, "answered");
        json_int(j, sum->group[g].answered);
        json_counts(j, "answers", sum->group[g].value, sum->group[g].nvalues);
        json_key(j, "other_answers");
        json_int(j, sum->group[g].other);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void json_scales(json *j, const engagement_summary *sum)
{
    json_key(j, "satisfaction");
    json_arr(j);
    for (int k = 0; k < sum->nscales; k++) {
        json_obj(j);
        json_key(j, "question");
        json_str(j, sum->scale[k].name);
        json_levels(j, sum->scale[k].level);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "impact");
    json_obj(j);
    json_levels(j, sum->impact);
    json_obj_end(j);
}

static void json_travel(json *j, const engagement_travel *t)
{
    json_key(j, "reasonable_travel");
    json_obj(j);
    json_key(j, "unit");
    json_str(j, t->answered ? unit_of(t) : NULL);
    json_key(j, "answered");
    json_int(j, t->answered);
    json_key(j, "half");
    json_num(j, t->half, 1);
    json_key(j, "three_quarters");
    json_num(j, t->three_quarters, 1);
    json_obj_end(j);
}

static void json_summary(store *s, json *j, const char *name, const engagement_summary *sum,
                         err *e)
{
    char d[16];
    struct sources src = {NULL, j, 0};
    json_obj(j);
    json_key(j, "practice");
    json_str(j, sum->practice);
    json_key(j, "name");
    json_str(j, name);
    json_key(j, "responses");
    json_int(j, sum->responses);
    json_key(j, "first");
    json_str(j, sum->first ? (text_date_iso(sum->first, d, sizeof d), d) : NULL);
    json_key(j, "last");
    json_str(j, sum->last ? (text_date_iso(sum->last, d, sizeof d), d) : NULL);
    json_key(j, "channels");
    json_obj(j);
    for (int c = 1; c <= 4; c++) {
        json_key(j, c == 4 ? "not_recorded" : channel_label[c]);
        json_int(j, sum->channel[c % 4]);
    }
    json_obj_end(j);
    json_groups(j, sum);
    json_scales(j, sum);
    json_counts(j, "matters_most", sum->matters, sum->nmatters);
    json_travel(j, &sum->travel);
    json_key(j, "gp_patient_survey");
    json_null(j);
    json_key(j, "sources");
    json_arr(j);
    store_provenance_each(s, source_one, &src, e);
    json_arr_end(j);
    json_obj_end(j);
}

int engagement_json_all(store *s, char (*codes)[CODE_MAX], int n, FILE *fp, err *e)
{
    static engagement_summary sum;
    char name[NAME_MAX];
    json j;
    json_init(&j, fp);
    json_arr(&j);
    for (int i = 0; i < n; i++) {
        if (engagement_summarise(s, codes[i], &sum, e) || name_of(s, codes[i], name, sizeof name, e))
            return -1;
        json_summary(s, &j, name, &sum, e);
    }
    json_arr_end(&j);
    json_done(&j);
    return 0;
}

int engagement_detail(store *s, const practice *p, out_format f, FILE *fp, err *e)
{
    static engagement_summary sum;
    if (engagement_summarise(s, p->code, &sum, e))
        return -1;
    if (f == FMT_JSON) {
        json j;
        json_init(&j, fp);
        json_summary(s, &j, p->name, &sum, e);
        json_done(&j);
        return 0;
    }
    table t;
    table_init(&t, "Measure,Answer,>Responses,>Share");
    fill_long(&t, &sum);
    if (f != FMT_CSV)
        print_head(s, p, &sum, f, fp, e);
    table_print(&t, fp, f);
    table_free(&t);
    if (f != FMT_CSV)
        gpps_line(f, fp);
    return 0;
}

/* ---- free text ---- */

struct comments {
    table *t;
};

static int comment_one(const survey_resp *r, int i, void *ctx)
{
    struct comments *c = ctx;
    char date[16];
    const char *cells[] = {r->practice, r->id, text_date_or_dash(r->date, date, sizeof date),
                           r->text[i].name, r->text[i].text};
    table_add(c->t, cells);
    return 0;
}

int engagement_comments(store *s, const char *code, const char *word, out_format f, FILE *fp,
                        err *e)
{
    table t;
    struct comments c = {&t};
    table_init(&t, "Code,Response,Date,Question,Answer");
    int rc = engagement_text_each(s, code, word, comment_one, &c, e);
    if (rc >= 0) {
        if (f == FMT_JSON)
            table_print_json(&t, fp, (const char *const[]){"practice", "response", "date",
                                                             "question", "answer"});
        else
            table_print(&t, fp, f);
    }
    table_free(&t);
    return rc < 0 ? -1 : 0;
}
