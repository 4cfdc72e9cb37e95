/* The what-if as a markdown report a manager can paste into a board paper:
 * the figures, the tables, the assumptions, and the data behind them. */
#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

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
    else if (wf->policy == CONFIG_POLICY_DEMAND)
        puts("where patients would choose to go if no practice refused: shares in "
             "proportion to list size / distance^beta, with no capacity limit, so "
             "receivers can end over capacity.");
    else
        puts("the assignment that places the most patients, then has the least total "
             "travel, within each practice's headroom.");
    printf("- Nobody is assigned further than %.1f %s (%s); travel over %.1f %s is counted "
           "as beyond reasonable.\n", wf->max_km, wf->unit,
           wf->travel == CONFIG_TRAVEL_STRAIGHT ? "straight line"
                                                : "from the imported travel-time matrix",
           wf->reasonable_km, wf->unit);
    printf("- List growth of %+.1f%% applied to every practice first.\n", wf->growth_pct);
    if (wf->staged)
        printf("- As run: %.0f%% of each area's patients choose a practice themselves "
               "(%s); the rest are allocated with the policy above, within each "
               "receiver's agreed intake where one is given.\n", wf->self_register_pct,
               wf->self_register_capped ? "within headroom" : "uncapped, as the demand model");
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

/* How well the model did on past closures here, from the saved
 * back-test, or that it has not been checked. */
static void track_record(const whatif *wf)
{
    const backtest_rec *f = &wf->fit;
    char a[16], b[16];
    puts("\n## How well this model did on past closures here\n");
    if (!f->from) {
        puts("Not checked: no back-test is saved in this store (`catchment backtest "
             "--save` compares the model with closures between two list-size extracts).");
        return;
    }
    text_date_iso(f->from, a, sizeof a);
    text_date_iso(f->to, b, sizeof b);
    if (f->dispersals == 0) {
        printf("Between the list-size extracts of %s and %s, %ld practice%s closed here and "
               "each was a transfer (a merger or a list taken over), not a dispersal: there "
               "were no dispersals to check the model against.\n", a, b, f->transfers,
               f->transfers == 1 ? "" : "s");
        return;
    }
    int p = (int)wf->policy < (int)BACKTEST_POLICIES ? (int)wf->policy : 0;
    printf("Checked against the %ld dispersal%s between the list-size extracts of %s and %s "
           "(%ld transfer%s set apart): under policy %s, %.0f%% of the growth beyond trend "
           "went to practices the model named as receivers; the rank correlation of modelled "
           "and observed gains was %.2f; over the ten practices that grew most the model was "
           "out by %.0f patients on average.  The distance decay that fitted best was beta "
           "%.2f%s.\n", f->dispersals, f->dispersals == 1 ? "" : "s", a, b, f->transfers,
           f->transfers == 1 ? "" : "s", config_policy_name(wf->policy), 100 * f->share[p],
           f->rho[p], f->mae[p], f->beta, wf->beta_fitted ? " (used here)" : "");
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
    scenario_print_over(wf, stdout);
    scenario_print_staged(wf, stdout);
    puts("\n## Receiving practices\n");
    scenario_receivers(w, wf, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    puts("\n## Who is affected\n");
    scenario_equality(wf, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    track_record(wf);
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
