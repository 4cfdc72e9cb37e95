/* The plan: the closure scenario being drafted, in the TUI or from the
 * command line's options.  Which practices close, the policy, capacity
 * overrides and every other setting of a scenario, plus the name of the
 * saved scenario it still is (if any).
 *
 * It changes only through the functions below, and each change goes
 * through plan_touch: the serial goes up (so whoever shows a what-if of
 * it knows to run it again) and the plan is no longer the saved scenario
 * it was loaded from.
 *
 * A new single-valued scenario setting is one line in WHATIF_SETTINGS
 * (core/whatif.h: it gets a field, a plan setter and its place in the
 * what-if input), its default in whatif_settings_default, and its lines
 * in plan_from_scenario and plan_to_scenario when the config's scenarios
 * carry it.  Read the fields freely; change them only through these. */
#ifndef CATCHMENT_PLAN_H
#define CATCHMENT_PLAN_H

#include <stdbool.h>

#include "config/config.h"
#include "core/whatif.h"
#include "core/world.h"

typedef struct plan {
    char scenario[CONFIG_NAME_MAX];   /* the saved scenario it is; "" ad hoc */
    char *description;                /* the saved scenario's, kept on save */
    char (*close)[CONFIG_CODE_MAX];   /* closing practices, in code order */
    int nclose, close_cap;
    config_capacity *over;            /* capacity overrides */
    int nover, over_cap;
    whatif_settings set;
    unsigned serial;                  /* goes up with every change */
    unsigned close_serial;            /* ... and this when close changes */
} plan;

/* An empty ad hoc plan with the config's default policy. */
void plan_init(plan *p, const config *cfg);
void plan_free(plan *p);

/* Every change ends here: the serial goes up, the scenario name goes. */
void plan_touch(plan *p);

/* Whether code is closing (case-insensitive). */
bool plan_closing(const plan *p, const char *code);
/* Adds code to the closing practices: 1 added, 0 already there, -1 out
 * of memory. */
int plan_close(plan *p, const char *code);
/* Closes code, or keeps it open when it was closing: 1 now closing,
 * 0 now open, -1 out of memory. */
int plan_toggle(plan *p, const char *code);

/* A capacity override (replacing one for the same practice); -1 out of
 * memory.  plan_capacity: the override of code, -1 none. */
int plan_set_capacity(plan *p, const char *code, long patients);
long plan_capacity(const plan *p, const char *code);

/* One setter per setting: plan_set_policy(p, CONFIG_POLICY_NEAREST).
 * Setting the value it already has changes nothing. */
#define X(type, name, what) void plan_set_##name(plan *p, type v);
WHATIF_SETTINGS(X)
#undef X

/* The next policy in the config's table (p in the TUI). */
void plan_next_policy(plan *p);

/* The plan is now the saved scenario called name (after saving it). */
void plan_name(plan *p, const char *name);

/* The plan of a saved scenario, named after it; -1 out of memory. */
int plan_from_scenario(plan *p, const config *cfg, const config_scenario *sc);
/* Drops closing practices the world does not know (the store changed,
 * or a scenario names a practice not imported); returns how many.  The
 * plan keeps its scenario name: it is that scenario, as far as this
 * store goes. */
int plan_prune(plan *p, const world *w);
/* The plan as a scenario called name (close, policy, overrides for the
 * practices that stay open, growth, description); out owns copies
 * (config_scenario_free).  -1 out of memory or nothing closing. */
int plan_to_scenario(const plan *p, const char *name, config_scenario *out);

/* The what-if input of the plan; it points into p, so p must outlive it
 * and not change while it is used. */
void plan_input(const plan *p, whatif_input *in);

#endif
