/* The configuration file (catchment.yaml(5)): rules of the assignment
 * engine, named closure scenarios, contract milestones, the look of the
 * screen and key overrides.
 *
 * Loading is strict: any unknown key, duplicate key, wrong type, value out
 * of range, alias, anchor, custom tag or control character is an error
 * "FILE:LINE:COL: message", and the load leaves nothing half-filled.
 * The file a person writes is never rewritten by the program: scenarios
 * saved from the screen or `scenario save` go to the user's own scenarios
 * file (config_scenarios_path), which the program owns, under a lock. */
#ifndef CATCHMENT_CONFIG_H
#define CATCHMENT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

enum {
    CONFIG_NAME_MAX = 65,      /* scenario name: 1..64 of [a-z0-9._-] */
    CONFIG_CODE_MAX = 16,      /* practice code, as store.h CODE_MAX */
    CONFIG_KEYNAME_MAX = 33,   /* action name and key string: 1..32 bytes */
    CONFIG_DESC_MAX = 4096,    /* scenario description, bytes */
    CONFIG_MAX_SCENARIOS = 1000,
    CONFIG_MAX_CLOSE = 1000,   /* practices closed by one scenario */
    CONFIG_MAX_CAPACITY = 10000, /* capacity overrides in one scenario */
    CONFIG_MAX_KEYS = 256,     /* entries in keys: */
    CONFIG_MAX_DEPTH = 32,     /* nesting of mappings and sequences */
    CONFIG_MAX_BYTES = 1 << 20, /* file size */
    CONFIG_MISSING_MAX = 512   /* a scenario's message about a missing code */
};

/* The policies, in the order p cycles through them: id, name. */
#define CONFIG_POLICIES(P)        \
    P(NEAREST, "nearest")         \
    P(CHOICE, "choice")           \
    P(OPTIMAL, "optimal")         \
    P(DEMAND, "demand")           /* where patients would go, no caps */

typedef enum config_policy {
#define P(id, name) CONFIG_POLICY_##id,
    CONFIG_POLICIES(P)
#undef P
    CONFIG_POLICY_COUNT
} config_policy;

/* How far a patient travels: straight-line km, or an imported travel-time
 * matrix's road km or minutes. */
typedef enum config_travel {
    CONFIG_TRAVEL_STRAIGHT,
    CONFIG_TRAVEL_MATRIX_KM,
    CONFIG_TRAVEL_MATRIX_MINUTES
} config_travel;

typedef struct config_capacity {
    char code[CONFIG_CODE_MAX];
    long patients;             /* 0 .. 1,000,000 */
} config_capacity;

typedef struct config_scenario {
    char name[CONFIG_NAME_MAX];
    char *description;         /* malloc'd, NULL when not given */
    char (*close)[CONFIG_CODE_MAX]; /* malloc'd, nclose >= 1 */
    size_t nclose;
    bool has_policy;           /* false: rules.default_policy applies */
    config_policy policy;
    config_capacity *capacity; /* malloc'd, may be NULL when ncapacity 0 */
    size_t ncapacity;
    double growth_pct;         /* -50 .. 100 */
    long as_at;                /* YYYYMMDD the scenario is taken as at; 0: the
                                  default (--as-at, else the newest extract) */
    /* "FILE:LINE:COL: unknown practice code ..." when the scenario names a
     * code the store lacks: it fails when run; "" when it is fine. */
    char missing[CONFIG_MISSING_MAX];
    /* The dispersal as it is run (all optional): */
    double self_register_pct;  /* 0 .. 100 choose for themselves first */
    bool self_register_capped; /* ... within headroom (else uncapped) */
    config_capacity *intake;   /* agreed most each receiver is allocated */
    size_t nintake;
    long allocation_per_day;   /* registrations a working day; 0 none */
    config_capacity *per_day;  /* per receiver, overriding the default */
    size_t nper_day;
} config_scenario;

typedef struct config_key {
    char action[CONFIG_KEYNAME_MAX];
    char key[CONFIG_KEYNAME_MAX];
} config_key;

typedef struct config {
    struct {
        double max_distance_km;      /* 0.1 .. 100, default 8 */
        double reasonable_km;        /* 0 .. 100 and <= max, default 3 */
        double default_headroom_pct; /* 0 .. 100, default 5 */
        long patients_per_gp_fte;    /* 100 .. 10000, default 1800 */
        bool closed_lists_receive;   /* default false */
        double choice_beta;          /* 0 .. 10, default 2 */
        bool choice_beta_fitted;     /* "fitted": the back-test's beta */
        config_policy default_policy; /* default optimal */
        config_travel travel;        /* default straight_line */
        double max_minutes;          /* 1 .. 240, default 30 (matrix_minutes) */
        double reasonable_minutes;   /* 0 .. 240 and <= max, default 15 */
        long imd_edition;            /* 2019 or 2025; 0 (default): the newest imported */
    } rules;
    config_scenario *scenarios;
    size_t nscenarios;
    struct {                         /* months before the contract end */
        long options_appraisal, engagement, procurement, award, mobilisation;
    } milestones;
    struct {                         /* the options appraisal's factors, 0 .. 100, default 1 */
        double finance, performance, sustainability, size, provision, need;
    } appraisal_weights;
    struct {
        bool color, ascii, read_only;
    } ui;
    config_key *keys;
    size_t nkeys;
    char path[4096];                 /* file loaded; "" for built-in defaults */
    /* The first scenario's missing code, and how many scenarios have one:
     * a warning to show once, not an error ("" when none). */
    char warning[CONFIG_MISSING_MAX + 128];
} config;

/* Checks the loader cannot make on its own.  Any member may be NULL. */
typedef struct config_hooks {
    bool (*valid_action)(const char *name);           /* keys: action names */
    bool (*code_exists)(const char *code, void *ctx); /* close:, capacity: */
    void *ctx;
    bool (*valid_key)(const char *key);               /* keys: the key strings */
} config_hooks;

/* Fills c with the built-in defaults (owns no memory). */
void config_init(config *c);

/* Frees what c owns and leaves it holding the defaults. */
void config_free(config *c);

/* True when a and b hold the same settings (path is not compared). */
bool config_equal(const config *a, const config *b);

/* Loads path; NULL means the default location (config_default_path), where
 * a missing file gives the built-in defaults.  A named file must exist.
 * An empty file is allowed and gives the defaults.  On failure returns -1,
 * e says "FILE:LINE:COL: message" and *c holds the defaults. */
int config_load(config *c, const char *path, const config_hooks *h, err *e);

/* As config_load for text already in memory; name is used in messages. */
int config_parse(config *c, const char *text, size_t len, const char *name,
                 const config_hooks *h, err *e);

/* The effective configuration as YAML (every key, defaults filled in), in a
 * stable order; *out is malloc'd.  It loads back to an equal config. */
int config_emit(const config *c, char **out, err *e);

/* Writes config_emit's text to path atomically (temporary file in the same
 * directory, fsync, rename, fsync of the directory).  A previous file is
 * kept as path.bak and its mode is kept; a new file gets 0660 less the
 * umask.  Comments in the previous file are not carried over. */
int config_save(const config *c, const char *path, err *e);

/* $XDG_CONFIG_HOME/catchment/NAME (an absolute XDG_CONFIG_HOME only: the
 * spec says a relative one is ignored), else $HOME/.config/catchment/NAME;
 * -1 when neither is set or out is too small. */
int config_home_file(const char *name, char *out, size_t n);

/* $XDG_CONFIG_HOME/catchment/scenarios.yaml (an absolute XDG_CONFIG_HOME
 * only), else $HOME/.config/catchment/scenarios.yaml: where the user's
 * saved scenarios go, whichever config file is in use.  -1 when neither
 * is set or out is too small. */
int config_scenarios_path(char *out, size_t n);

/* Adds the scenarios of the scenarios file at path to c; each replaces
 * the one of the same name from the config file.  A missing file adds
 * nothing.  The file holds `scenarios:` and nothing else. */
int config_load_scenarios(config *c, const char *path, const config_hooks *h, err *e);

/* Only the scenarios of c, as the scenarios file holds them. */
int config_emit_scenarios(const config *c, char **out, err *e);

enum { CONFIG_SAVED = 0, CONFIG_EXISTS = 1 };

/* Saves s to the scenarios file at path so that many sessions may save at
 * once: takes an exclusive lock (path.lock), re-reads the file, puts s in
 * beside every scenario already there (another session's, or one edited
 * by hand), writes it atomically and lets go.  When the file, or c, holds
 * a different scenario of that name, nothing is written and CONFIG_EXISTS
 * comes back, unless replace: ask the user, then call again with replace.
 * On CONFIG_SAVED, c holds s too.  -1 with e on failure. */
int config_scenario_save(config *c, const config_scenario *s, const char *path,
                         bool replace, err *e);

/* True when a and b are the same scenario (name and every setting). */
bool config_scenario_equal(const config_scenario *a, const config_scenario *b);

/* The whole of text written to path atomically (temporary file beside it,
 * fsync, rename, fsync of the directory), with mode `mode` less nothing
 * for a new file, the old file's mode otherwise. */
int config_write_file(const char *path, const char *text, int mode, err *e);

/* Adds s (deep-copied) to c, replacing the scenario of the same name. */
int config_scenario_put(config *c, const config_scenario *s, err *e);

/* Frees what s owns (description, close, capacity) and zeroes it. */
void config_scenario_free(config_scenario *s);

/* Removes the scenario called name; -1 when there is none. */
int config_scenario_remove(config *c, const char *name, err *e);

/* The scenario called name, or NULL. */
const config_scenario *config_scenario_find(const config *c, const char *name);
/* True for a name a scenario may have: 1 to 64 of a-z, 0-9, '.', '_', '-'. */
bool config_scenario_name_ok(const char *name);

/* Policy a scenario runs with: its own, else rules.default_policy. */
config_policy config_scenario_policy(const config *c, const config_scenario *s);

/* "nearest", "choice", "optimal", "demand". */
const char *config_policy_name(config_policy p);

/* "nearest", "choice", "optimal", "demand" -> the policy; -1 for any
 * other text. */
int config_policy_parse(const char *s);

/* The policy after p, round the table. */
config_policy config_policy_next(config_policy p);

/* Every policy name, joined by sep: "nearest|choice|optimal". */
void config_policy_names(const char *sep, char *out, size_t n);

/* "straight_line", "matrix_km", "matrix_minutes". */
const char *config_travel_name(config_travel t);

/* $XDG_CONFIG_HOME/catchment/config.yaml, else
 * $HOME/.config/catchment/config.yaml; -1 when neither is set or out is
 * too small. */
int config_default_path(char *out, size_t n);

/* Reads a whole YAML file of at most CONFIG_MAX_BYTES (malloc'd text). */
int config_read_path(const char *path, char **text, size_t *len, err *e);

#endif
