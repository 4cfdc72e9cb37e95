#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/equality.h"
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

const char *scenario_num(double v, int decimals, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.*f", decimals, v);
    return buf;
}

static const char *km(double v, char *buf, size_t n) { return scenario_num(v, 2, buf, n); }

double scenario_per_1000(double appts, long list)
{
    return isfinite(appts) && list > 0 ? 1000.0 * appts / (double)list : NAN;
}

void scenario_receivers(const world *w, const whatif *wf, table *t)
{
    table_init(t, "Code,Name,>List before,>Gain,>List after,>Capacity,Capacity from,"
                  ">Growth %,Over capacity,>Per GP FTE before,>Per GP FTE after,GP FTE from,"
                  ">Appts/1000 before,>Appts/1000 after,Appts month");
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *wp = &w->v[r->practice];
        char g[16], pb[16], pa[16], from[40], ab[16], aa[16], am[16] = "-";
        km(r->growth_pct, g, sizeof g);
        scenario_num(r->per_fte_before, 0, pb, sizeof pb);
        scenario_num(r->per_fte_after, 0, pa, sizeof pa);
        world_fte_label(wp->facts.gp_fte, wp->fte_date, from, sizeof from);
        scenario_num(scenario_per_1000(wp->appts, r->list_before), 0, ab, sizeof ab);
        scenario_num(scenario_per_1000(wp->appts, r->list_after), 0, aa, sizeof aa);
        if (wp->appt_date) {
            text_date_iso(wp->appt_date, am, sizeof am);
            am[7] = '\0'; /* the month: "2026-04" */
        }
        table_addf(t, "%s\t%s\t%ld\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s",
                   wp->p.code, wp->p.name, r->list_before, r->gain, r->list_after, r->capacity,
                   capacity_source_name(wf->cap_source[r->practice]), g,
                   r->over_capacity ? (r->over_before ? "yes (already)" : "YES") : "no", pb, pa,
                   from, ab, aa, am);
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
             ">Mean %s after,>Beyond reasonable", wf->unit, wf->unit);
    table_init(t, spec);
    for (int g = 0; g < EQ_ROWS; g++) {
        const impact_group *q = scenario_group(wf, g);
        char b[16], a[16];
        if (q->displaced <= 0)
            continue;
        table_addf(t, "%s\t%.0f\t%.0f\t%.0f\t%s\t%s\t%.0f", scenario_group_name(g),
                   q->displaced, q->placed, q->unplaced, km(q->mean_km_before, b, sizeof b),
                   km(q->mean_km_after, a, sizeof a), q->beyond_reasonable);
    }
}

const char *const scenario_not_assessed =
    "gender reassignment, marriage and civil partnership, pregnancy and maternity, "
    "religion or belief, sex, sexual orientation";

static const char *pct(double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.1f%%", 100 * v);
    return buf;
}

void scenario_equality_pack(const whatif *wf, int protect, table *t)
{
    table_init(t, "EHIA heading,Group,>ICB baseline,>Displaced share,>Displaced,>Placed,"
                  ">Unplaced,>Beyond reasonable,>Assessed,Source");
    for (int m = 0; m < EQ_MEASURES; m++) {
        const eq_row *r = &wf->eq.row[m];
        char b[16], d[16];
        if (equality_protected(m) != protect)
            continue;
        if (r->assessed <= 0) {
            table_addf(t, "%s\t%s\t%s\tnot assessed\t-\t-\t-\t-\t0\t%s",
                       equality_heading(m), equality_group(m), pct(r->baseline, b, sizeof b),
                       equality_source(m));
            continue;
        }
        char n[5][32];
        const double v[5] = {r->displaced, r->placed, r->unplaced, r->beyond, r->assessed};
        for (int k = 0; k < 5; k++)
            text_thousands(lround(v[k]), n[k], sizeof n[k]);
        table_addf(t, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", equality_heading(m),
                   equality_group(m), pct(r->baseline, b, sizeof b), pct(r->share, d, sizeof d),
                   n[0], n[1], n[2], n[3], n[4], equality_source(m));
    }
}

void scenario_print_closing(const world *w, const whatif *wf, FILE *fp, const char *bullet)
{
    for (int c = 0; c < wf->nclosing; c++) {
        const world_practice *wp = &w->v[wf->closing[c]];
        char name[NAME_MAX * 4], n[32];
        text_escape(wp->p.name, name, sizeof name);
        fprintf(fp, "%s%s %s, %s; where they live: %s\n", bullet, wp->p.code, name,
                text_count(wf->p[wf->closing[c]].list, "patient", "patients", n, sizeof n),
                whatif_area_source_name(wf->area_source[c]));
    }
}

void scenario_print_table(const world *w, const whatif *wf, bool flows)
{
    char a[16], b[16], c[16], n1[32], n2[32], n3[32];
    table t;
    printf("Scenario %s: policy %s, max %.1f %s (%s), list growth %+.1f%%\n", wf->name,
           config_policy_name(wf->policy), wf->max_km, wf->unit,
           config_travel_name(wf->travel), wf->growth_pct);
    scenario_print_closing(w, wf, stdout, "  closing ");
    printf("Displaced %s, placed %s, unplaced %s\n", text_thousands(wf->im.displaced, n1, sizeof n1),
           text_thousands(wf->im.placed, n2, sizeof n2),
           text_thousands(wf->im.unplaced, n3, sizeof n3));
    printf("Travel: mean %s %s before, %s after, 90%% within %s; %s beyond %.1f\n\n",
           km(wf->im.mean_km_before, a, sizeof a), wf->unit,
           km(wf->im.mean_km_after, b, sizeof b), km(wf->im.p90_km_after, c, sizeof c),
           text_thousands(wf->im.beyond_reasonable, n1, sizeof n1), wf->reasonable_km);
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
    printf("\nEquality impact pack: against ICB %s's registered population (%.0f patients)\n",
           *wf->eq_icb ? wf->eq_icb : "(unknown)", wf->eq.base_patients);
    for (int protect = 1; protect >= 0; protect--) {
        scenario_equality_pack(wf, protect, &t);
        table_print(&t, stdout, FMT_TABLE);
        table_free(&t);
    }
    printf("Not assessed: %s\n", scenario_not_assessed);
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
