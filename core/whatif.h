/* A closure what-if, from the store and the config to the engine and back:
 * the practices to close, the policy, capacity overrides and growth in; the
 * dispersal flows and the impact figures out.  Shared by `catchment
 * scenario run` and the TUI's what-if screen. */
#ifndef CATCHMENT_WHATIF_H
#define CATCHMENT_WHATIF_H

#include <stdbool.h>

#include "core/world.h"
#include "config/config.h"
#include "engine/dispersal.h"
#include "engine/equality.h"
#include "engine/impact.h"
#include "engine/staged.h"

/* The single-valued settings of a what-if (and of a scenario): type,
 * name, what it is.  core/plan.h makes a setter of each. */
#define WHATIF_SETTINGS(X)                                                        \
    X(config_policy, policy, "how patients are placed")                           \
    X(double, growth_pct, "list growth applied to every practice first, %")       \
    X(long, as_at, "YYYYMMDD: the data as it stood then; 0 the latest")           \
    X(double, max_km, "furthest a patient is sent; NAN: the config's rules")      \
    X(double, reasonable_km, "a reasonable journey; NAN: the config's rules")     \
    X(double, self_register_pct, "share of each area choosing for themselves, %") \
    X(bool, self_register_capped, "self-registration within headroom")            \
    X(long, allocation_per_day, "registrations a working day, each receiver; 0 none")

typedef struct whatif_settings {
#define X(type, name, what) type name;
    WHATIF_SETTINGS(X)
#undef X
} whatif_settings;

/* The settings with nothing set (start from these, not from zeros): the config's default policy, no
 * growth, the latest data, the config's distances. */
whatif_settings whatif_settings_default(const config *cfg);

typedef struct whatif_input {
    const char *name;                   /* scenario name, or NULL (ad hoc) */
    const char (*close)[CONFIG_CODE_MAX]; /* codes to close */
    int nclose;
    const config_capacity *overrides;   /* capacity overrides, may be NULL */
    int noverrides;
    /* The dispersal as it is run (see config_scenario), beside the
     * self-registration and the rate in set: */
    const config_capacity *intake;      /* agreed intakes, may be NULL */
    int nintake;
    const config_capacity *per_day;     /* rates per receiver, may be NULL */
    int nper_day;
    whatif_settings set;
} whatif_input;

/* Where a closing practice's patients were taken to live. */
typedef enum {
    AREAS_NHS,       /* gp-reg-pat-prac-lsoa-all, as published */
    AREAS_MODELLED,  /* the demo's modelled stand-in: say so */
    AREAS_PRACTICE   /* no LSOA data: all at the practice's own location */
} whatif_area_source;

typedef struct whatif {
    char name[CONFIG_NAME_MAX];         /* scenario name or "ad hoc" */
    long as_at;                         /* the world's date: every figure is as at it */
    config_policy policy;
    double growth_pct, max_km, reasonable_km; /* in `unit` */
    config_travel travel;               /* straight line or a matrix */
    int imd_edition;                    /* enum imd_edition of the IMD rows, -1 none */
    const char *unit;                   /* "km" or "minutes" */
    int *closing;                       /* world indexes of closing practices */
    whatif_area_source *area_source;    /* per closing practice */
    long *area_date;                    /* per closing practice: LSOA extract */
    long *age_date;                     /* per closing practice: age profile, 0 none
                                           (its age groups are not assessed) */
    int nclosing;
    disp_practice *p;                   /* one per world practice, same order */
    cap_source *cap_source;             /* where each capacity came from */
    int np;
    disp_area *a;                       /* areas of the closing practices */
    char (*area_code)[LSOA_MAX];        /* a[i].area points here */
    int na;
    disp_result res;                    /* both stages together */
    staged_result st;                   /* st.all is moved to res */
    bool staged;                        /* self-registration, intakes or a
                                           rate were given */
    double self_register_pct;
    bool self_register_capped;
    long *intake;                       /* per practice, -1 none */
    double beta;                        /* distance decay in use */
    bool beta_fitted;                   /* ... from the saved back-test */
    backtest_rec fit;                   /* the saved back-test; fit.from 0 none */
    impact im;
    char eq_icb[CODE_MAX];              /* the ICB of the baseline, "" unknown */
    eq_shares *eq_as;                   /* per area: shares of each group */
    const eq_baseline *eq_base;         /* the ICB's (the world's cache); NULL none */
    eq_pack eq;                         /* the equality impact pack */
    struct reg_sum *registers;          /* disease registers of the closing lists */
    int nregisters;
} whatif;

/* "M86034, M86004": the receivers whose capacity rests on a file's
 * ILLUSTRATIVE (made-up) figure, the first ten, then "and 3 more"; ""
 * none.  Returns how many. */
int whatif_illustrative_codes(const world *w, const whatif *wf, char *out, size_t n);

/* How many receivers have no recorded capacity: theirs is the list plus
 * the default headroom, an assumption. */
int whatif_capacity_assumed(const whatif *wf);

/* What the ICB baseline rests on: "1,119,429 patients WHAT, extract of
 * 2026-04-01, MODELLED", or "not known: no registrations by area on or
 * before 2026-04-01". */
const char *whatif_baseline_text(const whatif *wf, const char *what, char *out, size_t n);

/* True when practice i (a world index) is one of the closing ones. */
bool whatif_closes(const whatif *wf, int i);

/* True when no practice but the closing ones is open with a list and a
 * known location (no postcode file): the unplaced are unplaced for want
 * of locations, not of room. */
bool whatif_none_located(const world *w, const whatif *wf);

/* Whether the input asks for a dispersal as it is run. */
bool whatif_is_staged(const whatif_input *in);

/* Runs one what-if over the loaded world, as at the world's date (the
 * input's as_at, when set, must be that date): a closing practice not
 * open on it is refused (asat_refusal), as is one with no list on it;
 * LSOA rows and age profiles are the newest on or before it, read in one
 * short read transaction.  Patients whose home area is unknown are placed
 * from the practice's own location and flagged
 * (disp_area.residence_unknown). */
int whatif_run(const world *w, store *s, const config *cfg, const whatif_input *in,
               whatif *out, err *e);
void whatif_free(whatif *wf);

const char *whatif_area_source_name(whatif_area_source s);

/* The list-size extracts the figures rest on: the distinct list dates of
 * the closing and the receiving practices, oldest first, with how many
 * practices each; returns how many dates (at most max). */
int whatif_list_dates(const world *w, const whatif *wf, long *dates, int *counts, int max);

/* "As at 2021-01-01; lists from the extract of 2021-01-01 (34
 * practices)", each extract more than six months before marked STALE. */
void whatif_as_at_text(const world *w, const whatif *wf, char *out, size_t n);

/* How many closing practices have no age profile on or before the date
 * (their age groups are not assessed). */
int whatif_age_unassessed(const whatif *wf);

/* One area of a closing practice (index from, `home` its engine record):
 * an area with no location is placed from the practice's own and flagged
 * residence unknown.  area is left NULL for the caller to point. */
disp_area whatif_area(const disp_practice *home, int from, double lat, double lon,
                      long patients, int imd);

#endif
