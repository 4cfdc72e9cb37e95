#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/areas.h"
#include "util/text.h"

const char *scenario_group_name(int g)
{
    static char buf[40];
    if (g < IMPACT_IMD_ROWS) {
        snprintf(buf, sizeof buf, "IMD quintile %s", impact_imd_label(g));
        return buf;
    }
    return g == IMPACT_IMD_ROWS ? "aged 65+ (estimated)" : "aged 75+ (estimated)";
}

const impact_group *scenario_group(const whatif *wf, int g)
{
    if (g < IMPACT_IMD_ROWS)
        return &wf->im.imd[g];
    return g == IMPACT_IMD_ROWS ? &wf->im.age65 : &wf->im.age75;
}

static const char *km(double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.2f", v);
    return buf;
}

const char *scenario_list_date(const whatif *wf, long list_date, char *out, size_t n)
{
    char d[16];
    text_date_or_dash(list_date, d, sizeof d);
    snprintf(out, n, "%s%s", d, asat_stale(list_date, wf->as_at) ? " (stale)" : "");
    return out;
}

void scenario_print_as_at(const world *w, const whatif *wf, FILE *fp, const char *lead)
{
    char line[1024];
    whatif_as_at_text(w, wf, line, sizeof line);
    fprintf(fp, "%s%s\n", lead, line);
}

void scenario_receivers(const world *w, const whatif *wf, table *t)
{
    table_init(t, "Code,Name,>List before,>Gain,>List after,>Capacity,Capacity from,"
                  ">Growth %,Over capacity,List date");
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *wp = &w->v[r->practice];
        char g[16], ld[32];
        km(r->growth_pct, g, sizeof g);
        table_addf(t, "%s\t%s\t%ld\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%s", wp->p.code, wp->p.name,
                   r->list_before, r->gain, r->list_after, r->capacity,
                   capacity_source_name(wf->cap_source[r->practice]), g,
                   r->over_capacity ? (r->over_before ? "yes (already)" : "YES") : "no",
                   scenario_list_date(wf, wp->p.list_date, ld, sizeof ld));
    }
}

static void flows_table(const world *w, const whatif *wf, table *t)
{
    char spec[64];
    snprintf(spec, sizeof spec, "Area,From,To,>Patients,>%s", wf->unit);
    table_init(t, spec);
    for (int i = 0; i < wf->res.nflows; i++) {
        const disp_flow *f = &wf->res.flows[i];
        const disp_area *a = &wf->a[f->area];
        char k[16];
        table_addf(t, "%s\t%s\t%s\t%ld\t%s", a->area, w->v[a->from].p.code,
                   f->to >= 0 ? w->v[f->to].p.code : "(unplaced)", f->patients,
                   km(f->km, k, sizeof k));
    }
}

void scenario_equality(const whatif *wf, table *t)
{
    char spec[128];
    snprintf(spec, sizeof spec, "Group,>Displaced,>Placed,>Unplaced,>Mean %s before,"
             ">Mean %s after,>Beyond reasonable,>Residence unknown", wf->unit, wf->unit);
    table_init(t, spec);
    for (int g = 0; g < EQ_ROWS; g++) {
        const impact_group *q = scenario_group(wf, g);
        char b[16], a[16];
        if (!q->assessed) {
            table_addf(t, "%s\tnot assessed\t-\t-\t-\t-\t-\t-", scenario_group_name(g));
            continue;
        }
        if (q->displaced <= 0)
            continue;
        table_addf(t, "%s\t%.0f\t%.0f\t%.0f\t%s\t%s\t%.0f\t%.0f", scenario_group_name(g),
                   q->displaced, q->placed, q->unplaced, km(q->mean_km_before, b, sizeof b),
                   km(q->mean_km_after, a, sizeof a), q->beyond_reasonable,
                   q->residence_unknown);
    }
}

void scenario_print_closing(const world *w, const whatif *wf, FILE *fp, const char *bullet)
{
    for (int c = 0; c < wf->nclosing; c++) {
        const world_practice *wp = &w->v[wf->closing[c]];
        char name[NAME_MAX * 4], n[32];
        text_escape(wp->p.name, name, sizeof name);
        char ld[32], ad[16];
        fprintf(fp, "%s%s %s, %s (list of %s); where they live: %s", bullet, wp->p.code, name,
                text_count(wf->p[wf->closing[c]].list, "patient", "patients", n, sizeof n),
                scenario_list_date(wf, wp->p.list_date, ld, sizeof ld),
                whatif_area_source_name(wf->area_source[c]));
        if (wf->area_source[c] == AREAS_PRACTICE)
            fprintf(fp, " (no registrations by area on or before %s: residence unknown)",
                    text_date_or_dash(wf->as_at, ad, sizeof ad));
        else
            fprintf(fp, ", extract %s", text_date_or_dash(wf->area_date[c], ad, sizeof ad));
        fputc('\n', fp);
    }
}

void scenario_print_table(const world *w, const whatif *wf, bool flows)
{
    char a[16], b[16], c[16], n1[32], n2[32], n3[32], n4[32];
    table t;
    out_printf(stdout, "Scenario %s: policy %s, max %.1f %s (%s), list growth %+.1f%%\n", wf->name,
           config_policy_name(wf->policy), wf->max_km, wf->unit,
           config_travel_name(wf->travel), wf->growth_pct);
    scenario_print_as_at(w, wf, stdout, "");
    scenario_print_closing(w, wf, stdout, "  closing ");
    printf("Displaced %s, placed %s, unplaced %s; residence unknown %s\n",
           text_thousands(wf->im.displaced, n1, sizeof n1),
           text_thousands(wf->im.placed, n2, sizeof n2),
           text_thousands(wf->im.unplaced, n3, sizeof n3),
           text_thousands(wf->im.residence_unknown, n4, sizeof n4));
    printf("Travel: mean %s %s before, %s after, 90%% within %s; %s beyond %.1f",
           km(wf->im.mean_km_before, a, sizeof a), wf->unit,
           km(wf->im.mean_km_after, b, sizeof b), km(wf->im.p90_km_after, c, sizeof c),
           text_thousands(wf->im.beyond_reasonable, n1, sizeof n1), wf->reasonable_km);
    if (wf->im.residence_unknown > 0)
        printf(" (the %s whose home area is unknown are left out)", n4);
    printf("\nDeprivation: %s\n\n", areas_edition_name(wf->imd_edition));
    if (flows)
        flows_table(w, wf, &t);
    else
        scenario_receivers(w, wf, &t);
    table_print(&t, stdout, FMT_TABLE);
    table_free(&t);
    if (flows)
        return;
    putchar('\n');
    scenario_equality(wf, &t);
    table_print(&t, stdout, FMT_TABLE);
    table_free(&t);
}

void scenario_print_csv(const world *w, const whatif *wf, bool flows)
{
    table t;
    if (flows)
        flows_table(w, wf, &t);
    else
        scenario_receivers(w, wf, &t);
    table_print(&t, stdout, FMT_CSV);
    table_free(&t);
}
