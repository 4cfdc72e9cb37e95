/* The what-if as a markdown report a manager can paste into a board paper:
 * the figures, the tables, the assumptions, and the data behind them. */
#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "core/card.h"
#include "core/registers.h"
#include "util/text.h"

static int source_line(const provenance *p, void *ctx)
{
    (void)ctx;
    char ext[16];
    text_date_iso(p->extract_date, ext, sizeof ext);
    printf("- %s (%s%s)", p->file, p->kind, p->modelled ? ", MODELLED: not NHS data" : "");
    if (*ext)
        printf(", extract %s", ext);
    printf(", %ld rows kept\n", p->rows_kept);
    return 0;
}

static void assumptions(const whatif *wf)
{
    puts("## Assumptions\n");
    printf("- Policy **%s**: ", config_policy_name(wf->policy));
    if (wf->policy == CONFIG_POLICY_NEAREST)
        puts("each area's patients go to the nearest practice with room.");
    else if (wf->policy == CONFIG_POLICY_CHOICE)
        puts("patients spread over practices in reach in proportion to list size / "
             "distance^beta, within each practice's headroom.");
    else
        puts("the assignment that places the most patients, then has the least total "
             "travel, within each practice's headroom.");
    printf("- Nobody is assigned further than %.1f %s (%s); travel over %.1f %s is counted "
           "as beyond reasonable.\n", wf->max_km, wf->unit,
           wf->travel == CONFIG_TRAVEL_STRAIGHT ? "straight line"
                                                : "from the imported travel-time matrix",
           wf->reasonable_km, wf->unit);
    printf("- List growth of %+.1f%% applied to every practice first.\n", wf->growth_pct);
    puts("- Capacity: a scenario override, else the imported capacity, else GP FTE x "
         "patients per GP FTE, else the list plus the default headroom.");
    puts("- Closed lists receive nobody unless the rules allow it; practices with no known "
         "location receive nobody.");
    puts("- Age groups are estimated: each closing practice's share of patients aged 65+ "
         "and 75+ is spread evenly over its areas.");
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->area_source[c] == AREAS_MODELLED)
            puts("- **Where patients live is MODELLED** (a gravity model, not NHS data) for "
                 "at least one closing practice: import the NHS practice-by-LSOA file for "
                 "real figures.");
}

/* Adds the headline figures of one practice to the table. */
static int practice_evidence(store *s, const world_practice *wp, const char *role, table *t,
                             err *e)
{
    for (int m = 0; card_headlines[m]; m++) {
        evidence ev;
        char v[64];
        int rc = store_evidence_latest(s, wp->p.code, card_headlines[m], 0, &ev, e);
        if (rc < 0)
            return -1;
        if (rc)
            table_addf(t, "%s %s\t%s\t%s\t%s\t%s\t%s", wp->p.code, wp->p.name, role,
                       card_measure_label(ev.measure), card_evidence_value(&ev, v, sizeof v),
                       ev.period, ev.source);
    }
    return 0;
}

/* The published figures of the closing and receiving practices, each
 * with its period and source; nothing when none are imported. */
static void evidence_section(const world *w, const whatif *wf, store *s)
{
    table t;
    err e;
    table_init(&t, "Practice,Role,Measure,>Value,Period,Source");
    if (store_read_begin(s, &e) == 0) {
        int rc = 0;
        for (int c = 0; rc == 0 && c < wf->nclosing; c++)
            rc = practice_evidence(s, &w->v[wf->closing[c]], "closing", &t, &e);
        for (int i = 0; rc == 0 && i < wf->im.nreceivers; i++)
            rc = practice_evidence(s, &w->v[wf->im.receivers[i].practice], "receiving", &t, &e);
        store_read_end(s);
    }
    if (t.nrows) {
        puts("\n## Published evidence\n");
        table_print(&t, stdout, FMT_MD);
    }
    table_free(&t);
}

/* The equality impact pack, under the headings of NHS England's EHIA
 * template, to paste into it. */
static void equality_section(const whatif *wf)
{
    table t;
    puts("\n## Equality and health inequalities impact (EHIA evidence)\n");
    printf("For the %ld displaced patients, estimated from where they live (each area's "
           "patients x the share of its residents in the group), against the registered "
           "population of ICB %s (%.0f patients in areas with data).  Placed further than "
           "%.1f %s counts as beyond reasonable.  Assessed: displaced patients in areas with "
           "data.\n", wf->eq.displaced, *wf->eq_icb ? wf->eq_icb : "(unknown)",
           wf->eq.base_patients, wf->reasonable_km, wf->unit);
    puts("\n### Protected characteristics (Equality Act 2010)\n");
    scenario_equality_pack(wf, 1, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    puts("\n### Groups facing health inequalities\n");
    scenario_equality_pack(wf, 0, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    printf("\nNot assessed (no area data): %s.\n", scenario_not_assessed);
}

/* The disease registers the closing practices' lists carry (QOF). */
static void registers_section(const whatif *wf)
{
    table t;
    if (!wf->nregisters)
        return;
    puts("\n## Disease registers the dispersed lists carry\n");
    table_init(&t, "Register,>Patients,>Prevalence,Year,Source");
    for (int i = 0; i < wf->nregisters; i++) {
        const reg_sum *r = &wf->registers[i];
        char p[16] = "-";
        if (r->list > 0)
            snprintf(p, sizeof p, "%.1f%%", 100 * r->patients / r->list);
        table_addf(&t, "%s\t%.0f\t%s\t%s\tQOF prevalence", card_measure_label(r->measure),
                   r->patients, p, r->period);
    }
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
}

void scenario_print_md(const world *w, const whatif *wf, store *s)
{
    char a[16], b[16], c[16];
    table t;
    time_t now = time(NULL);
    strftime(a, sizeof a, "%Y-%m-%d", gmtime(&now));
    printf("# Closure what-if: %s\n\n_Prepared %s with catchment._\n\n## Summary\n\n", wf->name, a);
    scenario_print_closing(w, wf, stdout, "- Closing: ");
    printf("\n| Figure | Value |\n|---|---:|\n| Patients displaced | %ld |\n"
           "| Placed | %ld |\n| Unplaced (no room within %.1f %s) | %ld |\n",
           wf->im.displaced, wf->im.placed, wf->max_km, wf->unit, wf->im.unplaced);
    snprintf(a, sizeof a, "%.2f", wf->im.mean_km_before);
    snprintf(b, sizeof b, "%.2f", wf->im.mean_km_after);
    snprintf(c, sizeof c, "%.2f", wf->im.p90_km_after);
    printf("| Mean travel before (%s) | %s |\n| Mean travel after (%s) | %s |\n"
           "| 90%% of patients travel at most (%s) | %s |\n| Beyond %.1f %s | %ld |\n\n",
           wf->unit, isnan(wf->im.mean_km_before) ? "-" : a, wf->unit,
           isnan(wf->im.mean_km_after) ? "-" : b, wf->unit, isnan(wf->im.p90_km_after) ? "-" : c,
           wf->reasonable_km, wf->unit, wf->im.beyond_reasonable);
    puts("## Receiving practices\n");
    scenario_receivers(w, wf, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    puts("\n## Who is affected\n");
    scenario_equality(wf, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    equality_section(wf);
    registers_section(wf);
    evidence_section(w, wf, s);
    putchar('\n');
    assumptions(wf);
    puts("\n## Data sources\n");
    if (store_read_begin(s, &(err){0}) == 0) {
        store_provenance_each(s, source_line, NULL, &(err){0});
        store_read_end(s);
    }
    puts("\nContains public sector information licensed under the Open Government Licence "
         "v3.0.");
}
