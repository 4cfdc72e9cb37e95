/* Printing a what-if: a table for people, CSV (receivers, or flows), the
 * documented JSON, and a markdown report for a board paper. */
#ifndef CATCHMENT_SCENARIO_OUT_H
#define CATCHMENT_SCENARIO_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "core/whatif.h"

void scenario_print_table(const world *w, const whatif *wf, bool flows);
void scenario_print_csv(const world *w, const whatif *wf, bool flows);
void scenario_print_json(const world *w, const whatif *wf);
/* What the board paper says about itself. */
typedef struct paper_meta {
    const char *description;  /* the scenario's, or NULL */
    const char *config_path;  /* the config file, "" for the built-in defaults */
    const char *map;          /* the map written with --map, linked; NULL none */
} paper_meta;

/* The board paper; it also names the data sources from the store. */
void scenario_print_md(const world *w, const whatif *wf, store *s, const paper_meta *m);

/* v with the decimals asked, or "-" for NAN (unknown). */
const char *scenario_num(double v, int decimals, char *buf, size_t n);
/* Patients placed beyond the reasonable distance, or "-" when nobody
 * placed has a known home (mean_km_after NAN): unknown, not 0. */
const char *scenario_beyond(double beyond, double mean_km_after, char *buf, size_t n);

/* Appointments per 1,000 patients of a list (the month's appointments
 * over it); NAN when either is unknown. */
double scenario_per_1000(double appts, long list);

/* catchment scenario branch CODE [--format table|json|md]. */
int scenario_branch(session *c, int argc, char **argv);

/* The pieces the printers share. */
/* With csv, each row also says the as-at date and where patients live
 * (the table and the paper say them above). */
void scenario_receivers(const world *w, const whatif *wf, table *t, bool csv);
void scenario_equality(const whatif *wf, table *t);
/* The equality impact pack: protected characteristics (protect 1) or
 * groups facing health inequalities (0), one row per group. */
void scenario_equality_pack(const whatif *wf, int protect, table *t);
/* The characteristics of the EHIA template the pack has no data for. */
extern const char *const scenario_not_assessed;
void scenario_print_closing(const world *w, const whatif *wf, FILE *fp, const char *bullet);
/* "YES", "yes (already)", "full" (filled to capacity exactly) or "no". */
const char *scenario_over_word(const impact_receiver *r);
/* One line: receivers over capacity, patients over, receivers full. */
void scenario_print_over(const whatif *wf, FILE *fp);
/* One line on self-registration, allocation and weeks (staged only). */
void scenario_print_staged(const whatif *wf, FILE *fp);
/* The allocation PCSE works from, as CSV: area, closing practice,
 * receiving practice and patients. */
void scenario_print_allocation(const world *w, const whatif *wf, FILE *fp);

/* "2021-01-01", or "2021-01-01 (stale)" when more than six months
 * older than the what-if's date; "-" for none. */
const char *scenario_list_date(const whatif *wf, long list_date, char *out, size_t n);

/* The as-at line every format starts with: "As at 2021-01-01; lists from
 * the extract of 2021-01-01 (66 practices)". */
void scenario_print_as_at(const world *w, const whatif *wf, FILE *fp, const char *lead);

/* Row label of equality group g: IMD rows 0..5, then 65+ and 75+. */
enum { EQ_ROWS = IMPACT_IMD_ROWS + 2 };
const char *scenario_group_name(int g);
const impact_group *scenario_group(const whatif *wf, int g);

#endif
