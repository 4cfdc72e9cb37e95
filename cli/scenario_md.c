/* The what-if as a markdown report a manager can paste into a board paper:
 * the figures, the tables, the assumptions, and the data behind them. */
#include "cli/scenario_out.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "core/areas.h"
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

/* The age groups: estimated, or (for closing practices with no age
 * profile on or before the date) not assessed, naming them. */
static void age_sentence(const world *w, const whatif *wf)
{
    char d[16];
    int none = whatif_age_unassessed(wf);
    if (none < wf->nclosing)
        puts("- Age groups are estimated: each closing practice's share of patients aged 65+ "
             "and 75+ is spread evenly over its areas.");
    if (none == 0)
        return;
    fputs("- **Age groups are not assessed** for ", stdout);
    for (int c = 0, k = 0; c < wf->nclosing; c++) {
        if (wf->age_date[c])
            continue;
        const practice *p = &w->v[wf->closing[c]].p;
        char name[NAME_MAX * 4];
        text_escape(p->name, name, sizeof name);
        printf("%s%s %s", k++ ? ", " : "", p->code, name);
    }
    printf(": no age profile on or before %s was imported%s.\n",
           text_date_or_dash(wf->as_at, d, sizeof d),
           none == wf->nclosing ? ", so the 65+ and 75+ rows are blank" : "");
}

static void residence_sentence(const whatif *wf)
{
    if (wf->im.residence_unknown <= 0)
        return;
    printf("- **%ld patients' home area is unknown** (no registrations by area for their "
           "practice on or before the date, an area with no centroid, or a placeholder "
           "code such as CLOSED or NO2011): they are placed from their practice's own "
           "location, counted as displaced and placed, and left out of every travel "
           "figure.\n", wf->im.residence_unknown);
}

static void assumptions(const world *w, const whatif *wf)
{
    char d[16];
    puts("## Assumptions\n");
    printf("- Every figure is **as at %s**: practices open on that date, each with its "
           "newest list-size extract on or before it (dates in the receivers table; a list "
           "more than 6 months older is marked stale).\n",
           text_date_or_dash(wf->as_at, d, sizeof d));
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
    printf("- Deprivation quintiles from **%s**, each area joined on its own LSOA vintage "
           "(through the ONS 2011-2021 lookup where the edition's file does not name it).\n",
           areas_edition_name(wf->imd_edition));
    age_sentence(w, wf);
    residence_sentence(wf);
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->area_source[c] == AREAS_MODELLED)
            puts("- **Where patients live is MODELLED** (a gravity model, not NHS data) for "
                 "at least one closing practice: import the NHS practice-by-LSOA file for "
                 "real figures.");
}

void scenario_print_md(const world *w, const whatif *wf, store *s)
{
    char a[16], b[16], c[16];
    table t;
    time_t now = time(NULL);
    strftime(a, sizeof a, "%Y-%m-%d", gmtime(&now));
    printf("# Closure what-if: %s, as at %s\n\n_Prepared %s with catchment._\n\n",
           wf->name, text_date_or_dash(wf->as_at, b, sizeof b), a);
    scenario_print_as_at(w, wf, stdout, "");
    puts("\n## Summary\n");
    scenario_print_closing(w, wf, stdout, "- Closing: ");
    printf("\n| Figure | Value |\n|---|---:|\n| Patients displaced | %ld |\n"
           "| Placed | %ld |\n| Unplaced (no room within %.1f %s) | %ld |\n"
           "| Residence unknown (left out of travel figures) | %ld |\n",
           wf->im.displaced, wf->im.placed, wf->max_km, wf->unit, wf->im.unplaced,
           wf->im.residence_unknown);
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
    putchar('\n');
    assumptions(w, wf);
    puts("\n## Data sources\n");
    if (store_read_begin(s, &(err){0}) == 0) {
        store_provenance_each(s, source_line, NULL, &(err){0});
        store_read_end(s);
    }
    puts("\nContains public sector information licensed under the Open Government Licence "
         "v3.0.");
}
