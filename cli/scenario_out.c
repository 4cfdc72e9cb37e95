#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/areas.h"
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

const char *scenario_beyond(double beyond, double mean_km_after, char *buf, size_t n)
{
    return scenario_num(isnan(mean_km_after) ? NAN : beyond, 0, buf, n);
}

double scenario_per_1000(double appts, long list)
{
    return isfinite(appts) && list > 0 ? 1000.0 * appts / (double)list : NAN;
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

const char *scenario_over_word(const impact_receiver *r)
{
    if (r->over_capacity)
        return r->over_before ? "yes (already)" : "YES";
    return r->full ? "full" : "no";
}

/* "-" for unknown, else the number. */
static const char *num_or_dash(long v, char *buf, size_t n)
{
    snprintf(buf, n, v < 0 ? "-" : "%ld", v);
    return buf;
}

/* The dispersal-as-run columns of one receiver: self-registered,
 * allocated, intake ("-" none agreed) and working days ("-" no rate). */
static void staged_cells(const whatif *wf, int k, char *out, size_t n)
{
    char in[24], d[24];
    snprintf(out, n, "\t%ld\t%ld\t%s\t%s", wf->st.self_gain[k], wf->st.alloc_gain[k],
             num_or_dash(wf->intake[k], in, sizeof in),
             wf->st.alloc_gain[k] > 0 ? num_or_dash(wf->st.days[k], d, sizeof d) : "0");
}

/* Where the what-if's patients were taken to live, in a word for a CSV
 * row: MODELLED when any closing practice's areas are the stand-in. */
static const char *areas_word(const whatif *wf)
{
    bool modelled = false, unknown = false;
    for (int c = 0; c < wf->nclosing; c++) {
        modelled |= wf->area_source[c] == AREAS_MODELLED;
        unknown |= wf->area_source[c] == AREAS_PRACTICE;
    }
    return modelled  ? "MODELLED"
           : unknown ? "practice location (residence unknown)"
                     : "NHS practice-by-LSOA";
}

void scenario_receivers(const world *w, const whatif *wf, table *t, bool csv)
{
    char spec[512];
    snprintf(spec, sizeof spec, "%s%s%s",
             "Code,Name,>List before,>Gain,>List after,>Capacity,"
             "Capacity from,>Growth %,Over capacity,>Over by,List date,"
             ">Per GP FTE before,>Per GP FTE after,GP FTE from,"
             ">Appts/1000 before,>Appts/1000 after,Appts month",
             wf->staged ? ",>Self-registered,>Allocated,>Intake,>Days" : "",
             csv ? ",As at,Where patients live" : ""); /* the table says them above */
    table_init(t, spec);
    char at[80] = "";
    if (csv)
        snprintf(at, sizeof at, "\t%s\t%s", text_date_or_dash(wf->as_at, (char[16]){0}, 16),
                 areas_word(wf));
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *wp = &w->v[r->practice];
        char g[16], ld[32], st[128] = "", pb[16], pa[16], from[40], ab[16], aa[16], am[16] = "-";
        km(r->growth_pct, g, sizeof g);
        if (wf->staged)
            staged_cells(wf, r->practice, st, sizeof st);
        scenario_num(r->per_fte_before, 0, pb, sizeof pb);
        scenario_num(r->per_fte_after, 0, pa, sizeof pa);
        world_fte_label(&wp->facts, wp->fte_date, from, sizeof from);
        scenario_num(scenario_per_1000(wp->appts, r->list_before), 0, ab, sizeof ab);
        scenario_num(scenario_per_1000(wp->appts, r->list_after), 0, aa, sizeof aa);
        if (wp->appt_date) {
            text_date_iso(wp->appt_date, am, sizeof am);
            am[7] = '\0'; /* the month: "2026-04" */
        }
        char src[48];
        world_capacity_label(&wp->facts, wp->fte_date, wf->cap_source[r->practice], src,
                             sizeof src);
        table_addf(t, "%s\t%s\t%ld\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%ld\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s%s",
                   wp->p.code, wp->p.name, r->list_before, r->gain, r->list_after, r->capacity,
                   src, g, scenario_over_word(r),
                   r->over_by, scenario_list_date(wf, wp->p.list_date, ld, sizeof ld), pb, pa,
                   from, ab, aa, am, st, at);
    }
}

void scenario_print_over(const whatif *wf, FILE *fp)
{
    fprintf(fp, "Over capacity: %d receiver%s, %ld patients over; %d filled to capacity\n",
            wf->im.n_over, wf->im.n_over == 1 ? "" : "s", wf->im.patients_over,
            wf->im.n_full);
}

void scenario_print_staged(const whatif *wf, FILE *fp)
{
    char wk[64];
    if (!wf->staged)
        return;
    if (wf->st.weeks < 0)
        snprintf(wk, sizeof wk, "not known (a receiver has no allocation_per_day)");
    else
        snprintf(wk, sizeof wk, "%ld week%s", wf->st.weeks, wf->st.weeks == 1 ? "" : "s");
    fprintf(fp, "As run: %ld chose for themselves (%.0f%%, %s), %ld allocated; "
                "every allocated patient registered in %s\n",
            wf->st.self_placed, wf->self_register_pct,
            wf->self_register_capped ? "within headroom" : "uncapped", wf->st.allocated, wk);
}

/* Which area of the closing practice it is: an LSOA, or all the
 * practice's patients at its own postcode. */
static const char *area_kind(const whatif *wf, const disp_area *a)
{
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->closing[c] == a->from)
            return wf->area_source[c] == AREAS_PRACTICE ? "practice postcode"
                   : wf->area_source[c] == AREAS_MODELLED ? "LSOA (MODELLED)"
                                                          : "LSOA";
    return "LSOA";
}

static void flows_table(const world *w, const whatif *wf, table *t, bool csv)
{
    char spec[64], at[32] = "";
    snprintf(spec, sizeof spec, "Area,Area kind,From,To,>Patients,>%s%s", wf->unit,
             csv ? ",As at" : ""); /* the table says it above */
    if (csv)
        snprintf(at, sizeof at, "\t%s", text_date_or_dash(wf->as_at, (char[16]){0}, 16));
    table_init(t, spec);
    for (int i = 0; i < wf->res.nflows; i++) {
        const disp_flow *f = &wf->res.flows[i];
        const disp_area *a = &wf->a[f->area];
        char k[16];
        table_addf(t, "%s\t%s\t%s\t%s\t%ld\t%s%s", a->area, area_kind(wf, a), w->v[a->from].p.code,
                   f->to >= 0 ? w->v[f->to].p.code : "(unplaced)", f->patients,
                   km(f->km, k, sizeof k), at);
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
        char br[24];
        table_addf(t, "%s\t%.0f\t%.0f\t%.0f\t%s\t%s\t%s\t%.0f", scenario_group_name(g),
                   q->displaced, q->placed, q->unplaced, km(q->mean_km_before, b, sizeof b),
                   km(q->mean_km_after, a, sizeof a),
                   scenario_beyond(q->beyond_reasonable, q->mean_km_after, br, sizeof br),
                   q->residence_unknown);
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
    scenario_print_over(wf, stdout);
    char ill[200];
    if (whatif_illustrative_codes(w, wf, ill, sizeof ill))
        out_printf(stdout, "ILLUSTRATIVE: the capacity of %s rests on made-up figures (a "
                   "capacity file whose notes say ILLUSTRATIVE), not real ones\n", ill);
    int assumed = whatif_capacity_assumed(wf);
    if (assumed)
        printf("Capacity: %d of %d receivers have none recorded: their list + %g%% is assumed "
               "(rules.default_headroom_pct)\n", assumed, wf->im.nreceivers,
               w->rules.default_headroom_pct);
    scenario_print_staged(wf, stdout);
    printf("Travel: mean %s %s before, %s after, 90%% within %s; %s beyond %.1f",
           km(wf->im.mean_km_before, a, sizeof a), wf->unit,
           km(wf->im.mean_km_after, b, sizeof b), km(wf->im.p90_km_after, c, sizeof c),
           isnan(wf->im.mean_km_after) ? "-"
                                       : text_thousands(wf->im.beyond_reasonable, n1, sizeof n1),
           wf->reasonable_km);
    if (wf->im.residence_unknown > 0)
        printf(" (the %s whose home area is unknown are left out)", n4);
    printf("\nDeprivation: %s\n\n", areas_edition_name(wf->imd_edition));
    if (flows)
        flows_table(w, wf, &t, false);
    else
        scenario_receivers(w, wf, &t, false);
    table_print(&t, stdout, FMT_TABLE);
    table_free(&t);
    if (flows)
        return;
    putchar('\n');
    scenario_equality(wf, &t);
    table_print(&t, stdout, FMT_TABLE);
    table_free(&t);
    char base[160];
    out_printf(stdout, "\nEquality impact pack: against ICB %s's registered population (%s)\n",
               *wf->eq_icb ? wf->eq_icb : "(unknown)",
               whatif_baseline_text(wf, "by area", base, sizeof base));
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
        flows_table(w, wf, &t, true);
    else
        scenario_receivers(w, wf, &t, true);
    table_print(&t, stdout, FMT_CSV);
    table_free(&t);
}

void scenario_print_allocation(const world *w, const whatif *wf, FILE *fp)
{
    const disp_result *r = wf->staged ? &wf->st.alloc : &wf->res;
    csv_row(fp, (const char *const[]){"area", "area_kind", "closing_practice",
                                      "receiving_practice", "receiving_name", "patients"}, 6);
    for (int i = 0; i < r->nflows; i++) {
        const disp_flow *f = &r->flows[i];
        const disp_area *a = &wf->a[f->area];
        char n[24];
        snprintf(n, sizeof n, "%ld", f->patients);
        csv_row(fp, (const char *const[]){a->area, area_kind(wf, a), w->v[a->from].p.code,
                                          f->to >= 0 ? w->v[f->to].p.code : "",
                                          f->to >= 0 ? w->v[f->to].p.name
                                                     : "(unplaced: no practice in reach)",
                                          n}, 6);
    }
}
