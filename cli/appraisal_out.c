/* Printing an options appraisal. */
#include "cli/appraisal_out.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "util/text.h"

static void when(int64_t t, char *out, size_t n)
{
    time_t tt = (time_t)t;
    if (!t)
        snprintf(out, n, "-");
    else
        strftime(out, n, "%Y-%m-%d", gmtime(&tt));
}

/* A line from outside (data, what people typed) through the output
 * filter, and in md as markdown text: a typed link stays text. */
static void put_safe(FILE *fp, bool md, const char *prefix, const char *s, const char *suffix)
{
    static char buf[8 * TEXT_MAX + 1];
    if (md)
        out_md_escape(s, buf, sizeof buf);
    else
        text_escape(s, buf, sizeof buf);
    fprintf(fp, "%s%s%s", prefix, buf, suffix);
}

static void heading(FILE *fp, bool md, int level, const char *title)
{
    if (md)
        fprintf(fp, "%.*s %s\n\n", level, "####", title);
    else
        fprintf(fp, "%s\n", title);
}

static void total_text(const appraisal_view *av, int o, char *out, size_t n)
{
    int scored;
    double t = appraisal_total(av->ap, o, av->weights, &scored);
    if (isnan(t))
        snprintf(out, n, "not scored");
    else
        snprintf(out, n, "%.2f of 5 (%d of %d factors)", t, scored, APPRAISAL_FACTORS);
}

static void option_title(const appraisal *ap, int o, char *out, size_t n)
{
    const appraisal_rec *d = &ap->detail[o];
    char full[NAME_MAX * 2];
    snprintf(full, sizeof full, "%s%s%s%s", appraisal_option_title(o), *d->value ? " (" : "",
             d->value, *d->value ? ")" : "");
    text_copy(out, n, full);
}

static void scores_table(const appraisal_view *av, table *t)
{
    char spec[256] = "Option", cells[APPRAISAL_FACTORS][8], title[NAME_MAX], tot[48];
    for (int f = 0; f < APPRAISAL_FACTORS; f++)
        snprintf(spec + strlen(spec), sizeof spec - strlen(spec), ",%s", appraisal_factor_title(f));
    strcat(spec, ",>Weighted score");
    table_init(t, spec);
    for (int o = 0; o < APPRAISAL_OPTIONS; o++) {
        const char *row[APPRAISAL_FACTORS + 2];
        option_title(av->ap, o, title, sizeof title);
        row[0] = title;
        for (int f = 0; f < APPRAISAL_FACTORS; f++) {
            int sc = av->ap->score[o][f].score;
            if (sc)
                snprintf(cells[f], sizeof cells[f], "%d %s", sc, appraisal_rag(sc));
            else
                snprintf(cells[f], sizeof cells[f], "-");
            row[1 + f] = cells[f];
        }
        total_text(av, o, tot, sizeof tot);
        row[APPRAISAL_FACTORS + 1] = tot;
        table_add(t, row);
    }
}

static void entries_table(const appraisal_view *av, table *t)
{
    char sc[8], d[16];
    table_init(t, "Option,Factor,Score,Rationale,Entered by,On");
    for (int o = 0; o < APPRAISAL_OPTIONS; o++) {
        const appraisal_rec *dr = &av->ap->detail[o];
        if (dr->time) {
            char what[NAME_MAX + TEXT_MAX + 4];
            snprintf(what, sizeof what, "%s%s%s", dr->value, *dr->text ? ": " : "", dr->text);
            when(dr->time, d, sizeof d);
            const char *row[] = {appraisal_option_name(o), "(detail)", "-", what, dr->user, d};
            table_add(t, row);
        }
        for (int f = 0; f < APPRAISAL_FACTORS; f++) {
            const appraisal_rec *r = &av->ap->score[o][f];
            if (!r->score)
                continue;
            snprintf(sc, sizeof sc, "%d %s", r->score, appraisal_rag(r->score));
            when(r->time, d, sizeof d);
            const char *row[] = {appraisal_option_name(o), appraisal_factor_name(f), sc, r->text,
                                 r->user, d};
            table_add(t, row);
        }
    }
}

static void print_evidence(const appraisal_view *av, bool md, FILE *fp)
{
    heading(fp, md, 3, "Evidence held, by factor");
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        fprintf(fp, md ? "**%s** (weight %g)\n\n" : "  %s (weight %g)\n",
                appraisal_factor_title(f), av->weights[f]);
        for (int i = 0; i < av->ev->n[f]; i++)
            put_safe(fp, md, md ? "- " : "    - ", av->ev->line[f][i], "\n");
        if (md)
            fputc('\n', fp);
    }
    if (!md)
        fputc('\n', fp);
}

static void print_decision(const appraisal_view *av, bool md, FILE *fp)
{
    const appraisal_rec *r = &av->ap->recommend, *a = &av->ap->approve;
    char d[16];
    heading(fp, md, 3, "Recommendation");
    if (!r->time) {
        fputs("No option recommended yet.\n", fp);
        return;
    }
    int o = appraisal_option_find(r->value);
    when(r->time, d, sizeof d);
    put_safe(fp, md, md ? "**Recommended: " : "Recommended: ",
             o >= 0 ? appraisal_option_title(o) : r->value, "");
    put_safe(fp, md, md ? "**. " : ". ", r->text, "");
    put_safe(fp, md, " (recorded by ", r->user, "");
    fprintf(fp, " on %s.)\n", d);
    if (a->time >= r->time && strcmp(a->value, r->value) == 0) {
        when(a->time, d, sizeof d);
        put_safe(fp, md, md ? "\nApproved by " : "Approved by ", a->user, "");
        fprintf(fp, " on %s", d);
        put_safe(fp, md, *a->text ? ": " : "", a->text, ".\n");
    } else {
        fputs(md ? "\nNot yet approved.\n" : "Not yet approved.\n", fp);
    }
}

static void print_text(const appraisal_view *av, out_format f, FILE *fp)
{
    bool md = f == FMT_MD;
    char title[2 * NAME_MAX], end[16];
    table t;
    snprintf(title, sizeof title, "Options appraisal: %s %s", av->wp->p.code, av->wp->p.name);
    if (md)
        put_safe(fp, md, "## ", title, "\n\n");
    else
        put_safe(fp, md, "", title, "\n");
    text_date_or_dash(av->wp->contract_end, end, sizeof end);
    put_safe(fp, md, "Contract ", *av->wp->contract_type ? av->wp->contract_type : "not held", "");
    fprintf(fp, ", ending %s.  Options scored 1 (worst) to 5 (best) on each factor "
            "(RAG: 1-2 red, 3 amber, 4-5 green); the weighted score is the mean of the scored "
            "factors under the weights of ", end);
    put_safe(fp, md, "", *av->config_path ? av->config_path : "the built-in config", ".\n\n");
    print_evidence(av, md, fp);
    heading(fp, md, 3, "Options and scores");
    scores_table(av, &t);
    table_print(&t, fp, f);
    table_free(&t);
    fputc('\n', fp);
    heading(fp, md, 3, "Who entered what");
    entries_table(av, &t);
    if (t.nrows)
        table_print(&t, fp, f);
    else
        fputs("No scores entered yet (catchment appraisal CODE score OPTION FACTOR 1-5 WHY).\n", fp);
    table_free(&t);
    fputc('\n', fp);
    print_decision(av, md, fp);
}

static void json_rec(json *j, const appraisal_rec *r)
{
    char d[16];
    json_key(j, "by");
    json_str(j, r->time ? r->user : NULL);
    json_key(j, "on");
    when(r->time, d, sizeof d);
    json_str(j, r->time ? d : NULL);
}

static void json_option(json *j, const appraisal_view *av, int o)
{
    int scored;
    json_obj(j);
    json_key(j, "option");
    json_str(j, appraisal_option_name(o));
    json_key(j, "detail");
    json_str(j, *av->ap->detail[o].value ? av->ap->detail[o].value : NULL);
    json_key(j, "weighted_score");
    json_num(j, appraisal_total(av->ap, o, av->weights, &scored), 2);
    json_key(j, "factors");
    json_arr(j);
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        const appraisal_rec *r = &av->ap->score[o][f];
        json_obj(j);
        json_key(j, "factor");
        json_str(j, appraisal_factor_name(f));
        json_key(j, "score");
        if (r->score)
            json_int(j, r->score);
        else
            json_null(j);
        json_key(j, "rationale");
        json_str(j, r->score ? r->text : NULL);
        json_rec(j, r);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}

static void print_json(const appraisal_view *av, FILE *fp)
{
    json j;
    json_init(&j, fp);
    json_obj(&j);
    json_key(&j, "practice");
    json_str(&j, av->wp->p.code);
    json_key(&j, "evidence");
    json_obj(&j);
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        json_key(&j, appraisal_factor_name(f));
        json_arr(&j);
        for (int i = 0; i < av->ev->n[f]; i++)
            json_str(&j, av->ev->line[f][i]);
        json_arr_end(&j);
    }
    json_obj_end(&j);
    json_key(&j, "weights");
    json_obj(&j);
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        json_key(&j, appraisal_factor_name(f));
        json_num(&j, av->weights[f], 2);
    }
    json_obj_end(&j);
    json_key(&j, "options");
    json_arr(&j);
    for (int o = 0; o < APPRAISAL_OPTIONS; o++)
        json_option(&j, av, o);
    json_arr_end(&j);
    json_key(&j, "recommended");
    json_str(&j, av->ap->recommend.time ? av->ap->recommend.value : NULL);
    json_key(&j, "approved");
    json_bool(&j, av->ap->recommend.time && av->ap->approve.time >= av->ap->recommend.time &&
                      strcmp(av->ap->approve.value, av->ap->recommend.value) == 0);
    json_obj_end(&j);
    json_done(&j);
}

void appraisal_print(const appraisal_view *av, out_format f, FILE *fp)
{
    table t;
    if (f == FMT_JSON) {
        print_json(av, fp);
    } else if (f == FMT_CSV) {
        entries_table(av, &t);
        table_print(&t, fp, f);
        table_free(&t);
    } else {
        print_text(av, f, fp);
    }
}
