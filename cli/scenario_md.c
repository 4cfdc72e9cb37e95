/* The what-if as a board paper in markdown (pandoc turns it into Word):
 * what it is and who made it, a one-paragraph summary, the key figures,
 * the receiving practices that matter, travel and equality with what was
 * not assessed, the assumptions and the data behind them. */
#include "cli/scenario_out.h"
#include "cli/cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/areas.h"
#include "core/card.h"
#include "core/paper.h"
#include "core/registers.h"
#include "util/clock.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/who.h"

static const char *num(long v, char *buf, size_t n) { return text_thousands(v, buf, n); }

static const char *km2(double v, char *buf, size_t n)
{
    snprintf(buf, n, isnan(v) ? "-" : "%.2f", v);
    return buf;
}

/* The SHA-256 of the config file, or "" when it cannot be read. */
static void file_sha256(const char *path, char out[65])
{
    FILE *fp = *path ? fopen(path, "rb") : NULL;
    unsigned char buf[8192];
    size_t n;
    sha256 c;
    out[0] = '\0';
    if (!fp)
        return;
    sha256_init(&c);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sha256_add(&c, buf, n);
    if (!ferror(fp))
        sha256_hex(&c, out);
    fclose(fp);
}

/* What the paper is, who made it, when and from what. */
static void about(const world *w, const whatif *wf, const paper_meta *m)
{
    char when[32], sha[65], cfg[4096 + 100], line[512], at[1024];
    table t;
    time_t now = (time_t)clock_now();
    strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&now));
    file_sha256(m->config_path, sha);
    if (!*m->config_path)
        snprintf(cfg, sizeof cfg, "the built-in defaults (no config file)");
    else
        snprintf(cfg, sizeof cfg, "%s, SHA-256 %s", m->config_path, *sha ? sha : "(unreadable)");
    table_init(&t, "About this paper, ");
    const char *who = who_am_i();
    table_add(&t, (const char *const[]){"Prepared by", who ? who : "unknown (no login name)"});
    table_add(&t, (const char *const[]){"Prepared on", when});
    whatif_as_at_text(w, wf, at, sizeof at);
    table_add(&t, (const char *const[]){"As at", at});
    table_add(&t, (const char *const[]){"Config", cfg});
    snprintf(line, sizeof line, "catchment %s; policy %s; max %.1f %s; list growth %+.1f%%",
             CATCHMENT_VERSION, config_policy_name(wf->policy), wf->max_km, wf->unit,
             wf->growth_pct);
    table_add(&t, (const char *const[]){"Made with", line});
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
}

/* "M86019 WESTWOOD MEDICAL H/CENTRE", "A and B", "A, B and C". */
static void closing_names(const world *w, const whatif *wf)
{
    for (int c = 0; c < wf->nclosing; c++) {
        const practice *p = &w->v[wf->closing[c]].p;
        char name[NAME_MAX * 8];
        out_md_escape(p->name, name, sizeof name);
        printf("%s%s %s", c == 0 ? "" : c == wf->nclosing - 1 ? " and " : ", ", p->code, name);
    }
}

static bool any_modelled(const whatif *wf)
{
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->area_source[c] == AREAS_MODELLED)
            return true;
    return false;
}

/* Who goes over capacity, in words: "2 practices would go over capacity
 * (M86034 WOODSIDE ..., M86004 ...)". */
static void over_sentence(const world *w, const whatif *wf, const paper_receivers *pr)
{
    char a[32], b[32];
    if (pr->over == 0) {
        fputs(" No receiving practice would go over its capacity", stdout);
    } else {
        printf(" %s would go over capacity (", text_count(pr->over, "practice", "practices", a, sizeof a));
        for (int i = 0, k = 0; i < wf->im.nreceivers; i++) {
            const impact_receiver *r = &wf->im.receivers[i];
            if (r->over_capacity)
                printf("%s%s", k++ ? ", " : "", w->v[r->practice].p.code);
        }
        putchar(')');
    }
    if (pr->near)
        printf("; %s would be full or within %d%% of it",
               text_count(pr->near, "practice", "practices", b, sizeof b), 100 - PAPER_NEAR_PCT);
    fputs(". ", stdout);
}

static void summary(const world *w, const whatif *wf, const paper_receivers *pr)
{
    const impact *im = &wf->im;
    char a[32], b[32], c[32];
    puts("## Summary\n");
    fputs("If ", stdout);
    closing_names(w, wf);
    printf(" closed, %s%s of %s patients would be placed at %s within %.1f %s under the %s "
           "policy",
           im->unplaced == 0 ? "all " : "", num(im->placed, a, sizeof a),
           wf->nclosing == 1 ? "its" : "their", text_count(im->nreceivers, "practice",
                                                           "practices", b, sizeof b),
           wf->max_km, wf->unit, config_policy_name(wf->policy));
    if (im->unplaced > 0)
        printf("; %s could not be placed (%s)", num(im->unplaced, c, sizeof c),
               whatif_none_located(w, wf)
                   ? "no practice with a known location within reach: import a postcode file"
                   : "no room within reach");
    putchar('.');
    over_sentence(w, wf, pr);
    if (im->residence_unknown > 0)
        printf("Where %s live is unknown: they are placed from their practice's own location "
               "and left out of the travel figures. ",
               text_count(im->residence_unknown, "patient", "patients", a, sizeof a));
    if (im->placed > im->residence_unknown) {
        printf("For those placed whose home area is known, mean travel would go from %s %s to "
               "%s %s; %s (%.1f%%) would travel more than %.1f %s.",
               km2(im->mean_km_before, a, sizeof a), wf->unit, km2(im->mean_km_after, b, sizeof b),
               wf->unit, text_count(im->beyond_reasonable, "patient", "patients", c, sizeof c),
               100.0 * (double)im->beyond_reasonable / (double)(im->placed - im->residence_unknown),
               wf->reasonable_km,
               wf->unit);
    }
    if (any_modelled(wf))
        fputs(" Where patients live is MODELLED, not NHS data, so the travel and equality "
              "figures are illustrative.", stdout);
    int assumed = whatif_capacity_assumed(wf);
    if (assumed)
        printf(" %d of the %d receiving practices have no recorded capacity: their list + %g%% "
               "is assumed.", assumed, im->nreceivers, w->rules.default_headroom_pct);
    char ill[200];
    if (whatif_illustrative_codes(w, wf, ill, sizeof ill))
        out_printf(stdout, " **ILLUSTRATIVE: the capacity of %s rests on made-up figures** (a "
                   "capacity file whose notes say ILLUSTRATIVE), not real ones: record the "
                   "real capacity or GP FTE (`catchment set`).", ill);
    puts("\n");
}

static void key_figures(const world *w, const whatif *wf, const paper_receivers *pr)
{
    const impact *im = &wf->im;
    char label[96], a[16];
    table t;
    puts("## Key figures\n");
    table_init(&t, "Figure,>Value");
    table_addf(&t, "Patients displaced\t%ld", im->displaced);
    table_addf(&t, "Placed\t%ld", im->placed);
    if (whatif_none_located(w, wf))
        snprintf(label, sizeof label, "Unplaced (no practice with a known location)");
    else
        snprintf(label, sizeof label, "Unplaced (no room within %.1f %s)", wf->max_km, wf->unit);
    table_addf(&t, "%s\t%ld", label, im->unplaced);
    table_addf(&t, "Residence unknown (left out of travel figures)\t%ld", im->residence_unknown);
    table_addf(&t, "Receiving practices\t%d", im->nreceivers);
    table_addf(&t, "Over capacity after\t%d", pr->over);
    table_addf(&t, "Patients over capacity\t%ld", im->patients_over);
    if (wf->staged) {
        table_addf(&t, "Chose a practice themselves\t%ld", wf->st.self_placed);
        table_addf(&t, "Allocated (PCSE)\t%ld", wf->st.allocated);
        if (wf->st.weeks < 0)
            table_addf(&t, "Weeks to register the allocated\t- (a receiver has no rate)");
        else
            table_addf(&t, "Weeks to register the allocated\t%ld", wf->st.weeks);
    }
    table_addf(&t, "Full or within %d%% of capacity after\t%d", 100 - PAPER_NEAR_PCT, pr->near);
    table_addf(&t, "Mean travel before (%s)\t%s", wf->unit, km2(im->mean_km_before, a, sizeof a));
    table_addf(&t, "Mean travel after (%s)\t%s", wf->unit, km2(im->mean_km_after, a, sizeof a));
    table_addf(&t, "90%% of patients travel at most (%s)\t%s", wf->unit,
               km2(im->p90_km_after, a, sizeof a));
    table_addf(&t, "Travelling more than %.1f %s\t%s", wf->reasonable_km, wf->unit,
               scenario_beyond((double)im->beyond_reasonable, im->mean_km_after, a, sizeof a));
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    putchar('\n');
}

/* "1,642 -> 1,767" (and the appointments month when wp is given), or "-". */
static void before_after(double b, double a, const world_practice *wp, char *out, size_t n)
{
    char x[32], y[32], d[16] = "";
    if (isnan(b) || isnan(a)) {
        snprintf(out, n, "-");
        return;
    }
    if (wp) {
        text_date_iso(wp->appt_date, d, sizeof d);
        d[7] = '\0';
    }
    snprintf(out, n, "%s -> %s%s%s%s", text_thousands(lround(b), x, sizeof x),
             text_thousands(lround(a), y, sizeof y), *d ? " (" : "", d, *d ? ")" : "");
}

static void receivers(const world *w, const whatif *wf, const paper_receivers *pr)
{
    table t;
    char a[32], b[32];
    puts("## Receiving practices that matter\n");
    printf("The ten that gain most, and any that would be over, full or within %d%% of "
           "capacity.\n\n", 100 - PAPER_NEAR_PCT);
    table_init(&t, "Code,Name,>Gain,>List before,List date,>List after,>Capacity,Capacity from,"
                   ">Growth %,>Patients per GP FTE,GP FTE from,>Appointments per thousand patients,"
                   "Capacity after");
    for (int i = 0; i < pr->n; i++) {
        const impact_receiver *r = &wf->im.receivers[pr->rows[i]];
        const world_practice *wp = &w->v[r->practice];
        char ld[32], fte[48], from[40], appts[64], src[48];
        before_after(r->per_fte_before, r->per_fte_after, NULL, fte, sizeof fte);
        before_after(scenario_per_1000(wp->appts, r->list_before),
                     scenario_per_1000(wp->appts, r->list_after), wp->appt_date ? wp : NULL,
                     appts, sizeof appts);
        table_addf(&t, "%s\t%s\t%ld\t%ld\t%s\t%ld\t%ld\t%s\t%s\t%s\t%s\t%s\t%s", wp->p.code,
                   wp->p.name, r->gain, r->list_before,
                   scenario_list_date(wf, wp->p.list_date, ld, sizeof ld), r->list_after,
                   r->capacity,
                   world_capacity_label(&wp->facts, wp->fte_date, wf->cap_source[r->practice],
                                        src, sizeof src),
                   km2(r->growth_pct, a, sizeof a), fte,
                   world_fte_label(&wp->facts, wp->fte_date, from, sizeof from), appts,
                   paper_capacity_note(r));
    }
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    if (pr->others > 0)
        printf("\n%s others, each gaining under %s patients (`--format csv` lists every "
               "receiver).\n", num(pr->others, a, sizeof a), num(pr->others_under, b, sizeof b));
    putchar('\n');
}

/* What the paper cannot say, said plainly. */
/* Closing practices with no age profile on or before the date, named. */
static void age_unassessed_names(const world *w, const whatif *wf)
{
    char d[16];
    for (int c = 0, k = 0; c < wf->nclosing; c++) {
        if (wf->age_date[c])
            continue;
        const practice *p = &w->v[wf->closing[c]].p;
        char name[NAME_MAX * 8];
        out_md_escape(p->name, name, sizeof name);
        printf("%s%s %s", k++ ? ", " : "", p->code, name);
    }
    printf(": no age profile on or before %s was imported",
           text_date_or_dash(wf->as_at, d, sizeof d));
}

static void not_assessed(const world *w, const whatif *wf)
{
    puts("Not assessed:\n");
    if (wf->travel == CONFIG_TRAVEL_STRAIGHT)
        puts("- travel by road or public transport: distances are straight lines between "
             "where patients live and the practice (import a travel-time matrix for roads);");
    else
        puts("- travel by public transport, unless the imported travel-time matrix is for it;");
    for (int m = 0; m < EQ_MEASURES; m++)
        if (wf->eq.row[m].assessed <= 0)
            printf("- %s (%s): no area data imported (Census 2021, rural-urban "
                   "classification);\n", equality_heading(m), equality_group(m));
    if (wf->im.imd[0].displaced > 0)
        puts("- deprivation for patients in areas with no IMD decile (the \"unknown\" row);");
    if (whatif_age_unassessed(wf) > 0) {
        fputs("- **age groups are not assessed** for ", stdout);
        age_unassessed_names(w, wf);
        puts(whatif_age_unassessed(wf) == wf->nclosing ? " (the 65+ and 75+ rows are blank);"
                                                        : ";");
    }
    if (wf->im.residence_unknown > 0)
        printf("- travel for the %ld patients whose home area is unknown (no registrations by "
               "area on or before the date, an area with no centroid, or a placeholder code "
               "such as CLOSED or NO2011): they are counted, not measured;\n",
               wf->im.residence_unknown);
    puts("- the effect on the receiving practices' existing patients (appointments, "
         "waiting times).");
}

static void travel_equality(const world *w, const whatif *wf)
{
    table t;
    puts("## Travel and equality\n");
    puts("Patients affected by deprivation of the area they live in (IMD quintile) and by "
         "age, and how far they would travel.\n");
    scenario_equality(wf, &t);
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    putchar('\n');
    not_assessed(w, wf);
    putchar('\n');
}

static void assumptions(const whatif *wf)
{
    char d[16];
    puts("## Assumptions\n");
    printf("- Every figure is **as at %s**: practices open on that date, each with its "
           "newest list-size extract on or before it (dates in the receivers table; a list "
           "more than 6 months older is marked stale).\n",
           text_date_or_dash(wf->as_at, d, sizeof d));
    printf("- Deprivation quintiles from **%s**, each area joined on its own LSOA vintage "
           "(through the ONS 2011-2021 lookup where the edition's file does not name it).\n",
           areas_edition_name(wf->imd_edition));
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
    puts("- Capacity: a scenario override, else a capacity set by a person or imported, else "
         "GP FTE x patients per GP FTE, else the list plus the default headroom.");
    puts("- Closed lists receive nobody unless the rules allow it; practices with no known "
         "location receive nobody.");
    if (whatif_age_unassessed(wf) < wf->nclosing)
        puts("- Age groups are estimated: each closing practice's share of patients aged 65+ "
             "and 75+ is spread evenly over its areas.");
    if (wf->im.residence_unknown > 0)
        puts("- Patients whose home area is unknown are placed from their practice's own "
             "location, counted as displaced and placed (or unplaced), and left out of every "
             "travel figure.");
    if (any_modelled(wf))
        puts("- **Where patients live is MODELLED** (a gravity model, not NHS data) for "
             "at least one closing practice: import the NHS practice-by-LSOA file for "
             "real figures.");
    putchar('\n');
}

/* How well the model did on past closures here, from the saved
 * back-test, or that it has not been checked. */
static void track_record(const whatif *wf)
{
    const backtest_rec *f = &wf->fit;
    char a[16], b[16];
    puts("## How well this model did on past closures here\n");
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
static void evidence_section(const world *w, const whatif *wf, const paper_receivers *pr,
                             store *s)
{
    table t;
    err e;
    table_init(&t, "Practice,Role,Measure,>Value,Period,Source");
    if (store_read_begin(s, &e) == 0) {
        int rc = 0;
        for (int c = 0; rc == 0 && c < wf->nclosing; c++)
            rc = practice_evidence(s, &w->v[wf->closing[c]], "closing", &t, &e);
        for (int i = 0; rc == 0 && i < pr->n; i++)
            rc = practice_evidence(s, &w->v[wf->im.receivers[pr->rows[i]].practice],
                                   "receiving", &t, &e);
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
    char d[32], b[160];
    out_printf(stdout, "For the %s displaced patients, estimated from where they live (each "
               "area's patients x the share of its residents in the group), against the "
               "registered population of ICB %s (%s).  Placed further than %.1f %s counts as "
               "beyond reasonable.  Assessed: displaced patients in areas with data.\n",
               text_thousands(wf->eq.displaced, d, sizeof d),
               *wf->eq_icb ? wf->eq_icb : "(unknown)",
               whatif_baseline_text(wf, "in areas with data", b, sizeof b), wf->reasonable_km,
               wf->unit);
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
        char n[32];
        table_addf(&t, "%s\t%s\t%s\t%s\tQOF prevalence", card_measure_label(r->measure),
                   text_thousands(lround(r->patients), n, sizeof n), p, r->period);
    }
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
}

static int source_row(const provenance *p, void *ctx)
{
    char ext[16], imported[16], kind[SHORT_MAX + 32];
    time_t at = (time_t)p->imported_at;
    strftime(imported, sizeof imported, "%Y-%m-%d", gmtime(&at));
    snprintf(kind, sizeof kind, "%s%s%s", p->kind, p->modelled ? " (MODELLED)" : "",
             p->illustrative ? " (ILLUSTRATIVE)" : "");
    table_addf(ctx, "%s\t%s\t%s\t%s\t%s\t%ld", p->file, kind,
               text_date_or_dash(p->extract_date, ext, sizeof ext), imported, p->user,
               p->rows_kept);
    return 0;
}

static void sources(store *s)
{
    table t;
    puts("## Data sources\n");
    table_init(&t, "File,Kind,Extract,Imported,By,>Rows kept");
    if (store_read_begin(s, &(err){0}) == 0) {
        store_provenance_each(s, source_row, &t, &(err){0});
        store_read_end(s);
    }
    table_print(&t, stdout, FMT_MD);
    table_free(&t);
    puts("\nContains public sector information licensed under the Open Government Licence "
         "v3.0.");
}

void scenario_print_md(const world *w, const whatif *wf, store *s, const paper_meta *m)
{
    paper_receivers pr;
    if (paper_pick(wf, &pr)) {
        fputs("catchment: out of memory\n", stderr);
        return;
    }
    char at[16];
    out_printf(stdout, "# Closure what-if: %s, as at %s\n\n", wf->name,
               text_date_or_dash(wf->as_at, at, sizeof at));
    if (m->description && *m->description) { /* a link typed into it stays text */
        static char d[CONFIG_DESC_MAX * 8 + 1];
        out_md_escape(m->description, d, sizeof d);
        printf("%s\n\n", d);
    }
    about(w, wf, m);
    putchar('\n');
    summary(w, wf, &pr);
    key_figures(w, wf, &pr);
    if (m->map) { /* the path as given: a link beside the paper */
        char vis[4200];
        text_escape(m->map, vis, sizeof vis);
        printf("## Map\n\n![Where the patients of the closing practices would go](<%s>)\n\n", vis);
    }
    receivers(w, wf, &pr);
    travel_equality(w, wf);
    track_record(wf);
    equality_section(wf);
    registers_section(wf);
    evidence_section(w, wf, &pr, s);
    putchar('\n');
    assumptions(wf);
    sources(s);
    paper_free(&pr);
}
