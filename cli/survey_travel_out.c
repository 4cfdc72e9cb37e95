/* scenario run --survey-travel: the what-if against the travel the
 * closing practices' respondents called reasonable. */
#include "cli/survey_travel_out.h"

#include <math.h>
#include <string.h>

#include "util/text.h"

static const char *const share_name[SURVEY_SHARES] = {"half", "three-quarters"};

static const impact_group *group_at(const survey_travel *st, int k, int g)
{
    if (g < IMPACT_IMD_ROWS)
        return &st->imd[k][g];
    return g == IMPACT_IMD_ROWS ? &st->age65[k] : &st->age75[k];
}

/* "15 minutes (3.75 km at an assumed 15 km/h)" */
static void said(const survey_travel *st, int k, char *out, size_t n)
{
    double v = k == SURVEY_HALF ? st->travel.half : st->travel.three_quarters;
    const char *unit = st->travel.miles ? "miles" : "minutes";
    if (!st->converted)
        snprintf(out, n, "%g %s", v, unit);
    else if (st->travel.miles && strcmp(st->unit, "km") == 0)
        snprintf(out, n, "%g %s (%.2f km)", v, unit, st->threshold[k]);
    else
        snprintf(out, n, "%g %s (%.2f %s at an assumed %g km/h)", v, unit, st->threshold[k],
                 st->unit, st->speed_kmh);
}

static void fill(const survey_travel *st, table *t)
{
    char spec[160];
    snprintf(spec, sizeof spec, "Group,>Displaced,>Placed,>Beyond %.2f %s (half),"
             ">Beyond %.2f %s (three-quarters)", st->threshold[0], st->unit, st->threshold[1],
             st->unit);
    table_init(t, spec);
    table_addf(t, "all displaced patients\t%ld\t%ld\t%ld\t%ld", st->displaced, st->placed,
               st->beyond[0], st->beyond[1]);
    for (int g = 0; g < EQ_ROWS; g++) {
        const impact_group *h = group_at(st, SURVEY_HALF, g),
                           *q = group_at(st, SURVEY_THREE_QUARTERS, g);
        if (h->displaced > 0)
            table_addf(t, "%s\t%.0f\t%.0f\t%.0f\t%.0f", scenario_group_name(g), h->displaced,
                       h->placed, h->beyond_reasonable, q->beyond_reasonable);
    }
}

static void print_json(const survey_travel *st, FILE *fp)
{
    json j;
    json_init(&j, fp);
    json_obj(&j);
    json_key(&j, "answers");
    json_int(&j, st->travel.answered);
    json_key(&j, "practices_with_answers");
    json_int(&j, st->practices);
    json_key(&j, "survey_unit");
    json_str(&j, st->travel.miles ? "miles" : "minutes");
    json_key(&j, "unit");
    json_str(&j, st->unit);
    json_key(&j, "speed_kmh");
    json_num(&j, st->converted && !st->travel.miles ? st->speed_kmh : NAN, 1);
    for (int k = 0; k < SURVEY_SHARES; k++) {
        json_key(&j, k ? "three_quarters" : "half");
        json_obj(&j);
        json_key(&j, "said");
        json_num(&j, k ? st->travel.three_quarters : st->travel.half, 1);
        json_key(&j, "threshold");
        json_num(&j, st->threshold[k], 2);
        json_key(&j, "beyond");
        json_int(&j, st->beyond[k]);
        json_obj_end(&j);
    }
    json_key(&j, "modelled");
    json_bool(&j, st->modelled);
    json_key(&j, "displaced");
    json_int(&j, st->displaced);
    json_key(&j, "placed");
    json_int(&j, st->placed);
    json_key(&j, "groups");
    json_arr(&j);
    for (int g = 0; g < EQ_ROWS; g++) {
        const impact_group *h = group_at(st, 0, g), *q = group_at(st, 1, g);
        if (h->displaced <= 0)
            continue;
        json_obj(&j);
        json_key(&j, "group");
        json_str(&j, scenario_group_name(g));
        json_key(&j, "displaced");
        json_int(&j, lround(h->displaced));
        json_key(&j, "beyond_half");
        json_int(&j, lround(h->beyond_reasonable));
        json_key(&j, "beyond_three_quarters");
        json_int(&j, lround(q->beyond_reasonable));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    json_done(&j);
}

void survey_travel_print(const whatif_input *in, const survey_travel *st, out_format f, FILE *fp)
{
    if (f == FMT_JSON) {
        print_json(st, fp);
        return;
    }
    table t;
    fill(st, &t);
    if (f != FMT_CSV) {
        char s[SURVEY_SHARES][96];
        for (int k = 0; k < SURVEY_SHARES; k++)
            said(st, k, s[k], sizeof s[k]);
        fprintf(fp, "%sReasonable travel as the people asked said it: %ld answers from the "
                "respondents of %d of the %d closing practices.\n", f == FMT_MD ? "## " : "",
                st->travel.answered, st->practices, in->nclose);
        for (int k = 0; k < SURVEY_SHARES; k++)
            fprintf(fp, "%sAt least %s of them called %s reasonable.\n", f == FMT_MD ? "\n" : "",
                    share_name[k], s[k]);
        fputc('\n', fp);
    }
    table_print(&t, fp, f);
    table_free(&t);
    if (f != FMT_CSV)
        fprintf(fp, "%sBeyond: displaced patients placed further than that; age groups are "
                "estimates.%s\n", f == FMT_MD ? "\n" : "",
                st->modelled ? "  MODELLED: where patients live is the demo's stand-in, not NHS "
                               "data." : "");
}
