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

/* The single-valued settings of a what-if (and of a scenario): type,
 * name, what it is.  core/plan.h makes a setter of each. */
#define WHATIF_SETTINGS(X)                                                        \
    X(config_policy, policy, "how patients are placed")                           \
    X(double, growth_pct, "list growth applied to every practice first, %")       \
    X(long, as_at, "YYYYMMDD: the data as it stood then; 0 the latest")           \
    X(double, max_km, "furthest a patient is sent; NAN: the config's rules")      \
    X(double, reasonable_km, "a reasonable journey; NAN: the config's rules")

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
    config_policy policy;
    double growth_pct, max_km, reasonable_km; /* in `unit` */
    config_travel travel;               /* straight line or a matrix */
    const char *unit;                   /* "km" or "minutes" */
    int *closing;                       /* world indexes of closing practices */
    whatif_area_source *area_source;    /* per closing practice */
    long *area_date;                    /* per closing practice: LSOA extract */
    int nclosing;
    disp_practice *p;                   /* one per world practice, same order */
    cap_source *cap_source;             /* where each capacity came from */
    int np;
    disp_area *a;                       /* areas of the closing practices */
    char (*area_code)[LSOA_MAX];        /* a[i].area points here */
    int na;
    disp_result res;
    impact im;
    char eq_icb[CODE_MAX];              /* the ICB of the baseline, "" unknown */
    eq_shares *eq_as;                   /* per area: shares of each group */
    const eq_baseline *eq_base;         /* the ICB's (the world's cache); NULL none */
    eq_pack eq;                         /* the equality impact pack */
    struct reg_sum *registers;          /* disease registers of the closing lists */
    int nregisters;
} whatif;

/* Runs one what-if over the loaded world; reads LSOA rows and age
 * profiles from the store in one short read transaction. */
int whatif_run(const world *w, store *s, const config *cfg, const whatif_input *in,
               whatif *out, err *e);
void whatif_free(whatif *wf);

const char *whatif_area_source_name(whatif_area_source s);

#endif
