/* The shape of the file: which keys each mapping may hold and what their
 * values must be.  Scenarios and keys are in scenario_walk.c. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "config/cwalk.h"
#include "config/scenario_walk.h"

typedef enum ftype { F_REAL, F_INT, F_BOOL, F_POLICY, F_TRAVEL, F_BETA } ftype;

typedef struct field {
    const char *key;
    ftype type;
    double min, max;
    size_t off;
} field;

#define FIELD(k, t, lo, hi, m) {k, t, lo, hi, offsetof(config, m)}

static const field rules_fields[] = {
    FIELD("max_distance_km", F_REAL, 0.1, 100, rules.max_distance_km),
    FIELD("reasonable_km", F_REAL, 0, 100, rules.reasonable_km),
    FIELD("default_headroom_pct", F_REAL, 0, 100, rules.default_headroom_pct),
    FIELD("patients_per_gp_fte", F_INT, 100, 10000, rules.patients_per_gp_fte),
    FIELD("closed_lists_receive", F_BOOL, 0, 0, rules.closed_lists_receive),
    FIELD("choice_beta", F_BETA, 0, 10, rules.choice_beta),
    FIELD("default_policy", F_POLICY, 0, 0, rules.default_policy),
    FIELD("travel", F_TRAVEL, 0, 0, rules.travel),
    FIELD("max_minutes", F_REAL, 1, 240, rules.max_minutes),
    FIELD("reasonable_minutes", F_REAL, 0, 240, rules.reasonable_minutes),
    FIELD("imd_edition", F_INT, 0, 2025, rules.imd_edition),
};

/* Listed from the earliest step to the latest: each must be at least as
 * many months before the end as the next. */
static const field milestone_fields[] = {
    FIELD("options_appraisal", F_INT, 0, 120, milestones.options_appraisal),
    FIELD("engagement", F_INT, 0, 120, milestones.engagement),
    FIELD("procurement", F_INT, 0, 120, milestones.procurement),
    FIELD("award", F_INT, 0, 120, milestones.award),
    FIELD("mobilisation", F_INT, 0, 120, milestones.mobilisation),
};

/* In the order of the factors (core/appraisal.h). */
static const field weight_fields[] = {
    FIELD("finance", F_REAL, 0, 100, appraisal_weights.finance),
    FIELD("performance", F_REAL, 0, 100, appraisal_weights.performance),
    FIELD("sustainability", F_REAL, 0, 100, appraisal_weights.sustainability),
    FIELD("size", F_REAL, 0, 100, appraisal_weights.size),
    FIELD("provision", F_REAL, 0, 100, appraisal_weights.provision),
    FIELD("need", F_REAL, 0, 100, appraisal_weights.need),
};

static const field ui_fields[] = {
    FIELD("color", F_BOOL, 0, 0, ui.color),
    FIELD("ascii", F_BOOL, 0, 0, ui.ascii),
    FIELD("read_only", F_BOOL, 0, 0, ui.read_only),
};

enum { FIELDS_MAX = 12 };

static int set_field(cwalk *w, const field *f, const ynode *v, config *c)
{
    char *at = (char *)c + f->off;
    switch (f->type) {
    case F_REAL:
        return cwalk_real(w, v, f->key, f->min, f->max, (double *)at);
    case F_INT:
        return cwalk_int(w, v, f->key, (long)f->min, (long)f->max, (long *)at);
    case F_BOOL:
        return cwalk_bool(w, v, f->key, (bool *)at);
    case F_POLICY:
        return cwalk_policy(w, v, f->key, (config_policy *)at);
    case F_TRAVEL:
        return cwalk_travel(w, v, f->key, (config_travel *)at);
    case F_BETA: /* a number, or "fitted": the back-test's beta */
        c->rules.choice_beta_fitted = v->kind == YNODE_SCALAR && !v->quoted &&
                                      strcmp(v->val, "fitted") == 0;
        return c->rules.choice_beta_fitted
                   ? 0 : cwalk_real(w, v, f->key, f->min, f->max, (double *)at);
    }
    return -1;
}

/* A mapping of plain settings; seen[i] gets the value node of fields[i]
 * (NULL when absent) for checks across fields. */
static int walk_fields(cwalk *w, const ynode *map, const char *what,
                       const field *fields, size_t nf, config *c,
                       const ynode **seen)
{
    const char *names[FIELDS_MAX + 1];
    for (size_t i = 0; i < nf; i++)
        names[i] = fields[i].key, seen[i] = NULL;
    names[nf] = NULL;
    if (cwalk_map(w, map, what, (size_t)-1) < 0)
        return -1;
    for (size_t i = 0; i + 1 < map->nkids; i += 2) {
        const ynode *k = map->kids[i];
        size_t f = 0;
        if (cwalk_key(w, map, i, what) < 0)
            return -1;
        while (f < nf && strcmp(k->val, fields[f].key) != 0)
            f++;
        if (f == nf)
            return cwalk_unknown(w, k, what, names);
        if (set_field(w, &fields[f], map->kids[i + 1], c) < 0)
            return -1;
        seen[f] = map->kids[i + 1];
    }
    return 0;
}

static int walk_rules(cwalk *w, const ynode *n, config *c)
{
    const ynode *seen[FIELDS_MAX];
    if (walk_fields(w, n, "rules", rules_fields, 11, c, seen) < 0)
        return -1;
    long ed = c->rules.imd_edition;
    if (ed != 0 && ed != 2019 && ed != 2025)
        return cwalk_fail(w, seen[10], "imd_edition must be 2019 or 2025 (or 0: the newest "
                          "imported), not %ld", ed);
    if (c->rules.reasonable_minutes > c->rules.max_minutes) {
        const ynode *at = seen[9] ? seen[9] : seen[8];
        return cwalk_fail(w, at, "reasonable_minutes (%g) must not be more than "
                          "max_minutes (%g)", c->rules.reasonable_minutes,
                          c->rules.max_minutes);
    }
    if (c->rules.reasonable_km > c->rules.max_distance_km) {
        const ynode *at = seen[1] ? seen[1] : seen[0];
        return cwalk_fail(w, at, "reasonable_km (%g) must not be more than "
                          "max_distance_km (%g)", c->rules.reasonable_km,
                          c->rules.max_distance_km);
    }
    return 0;
}

static int walk_milestones(cwalk *w, const ynode *n, config *c)
{
    const ynode *seen[FIELDS_MAX];
    if (walk_fields(w, n, "milestones", milestone_fields, 5, c, seen) < 0)
        return -1;
    const long *m = &c->milestones.options_appraisal;
    for (int i = 1; i < 5; i++) {
        if (m[i] <= m[i - 1])
            continue;
        const ynode *at = seen[i] ? seen[i] : seen[i - 1];
        return cwalk_fail(w, at ? at : n, "%s (%ld months) must not come "
                          "before %s (%ld months)", milestone_fields[i].key,
                          m[i], milestone_fields[i - 1].key, m[i - 1]);
    }
    return 0;
}

static int walk_weights(cwalk *w, const ynode *n, config *c)
{
    const ynode *seen[FIELDS_MAX];
    return walk_fields(w, n, "appraisal_weights", weight_fields, 6, c, seen);
}

static int walk_contracts(cwalk *w, const ynode *n, config *c)
{
    static const char *const names[] = {"milestones", "appraisal_weights", NULL};
    if (cwalk_map(w, n, "contracts", (size_t)-1) < 0)
        return -1;
    for (size_t i = 0; i + 1 < n->nkids; i += 2) {
        if (cwalk_key(w, n, i, "contracts") < 0)
            return -1;
        const char *k = n->kids[i]->val;
        if (strcmp(k, "milestones") != 0 && strcmp(k, "appraisal_weights") != 0)
            return cwalk_unknown(w, n->kids[i], "contracts", names);
        if ((k[0] == 'm' ? walk_milestones : walk_weights)(w, n->kids[i + 1], c) < 0)
            return -1;
    }
    return 0;
}

static int walk_ui(cwalk *w, const ynode *n, config *c)
{
    const ynode *seen[FIELDS_MAX];
    return walk_fields(w, n, "ui", ui_fields, 3, c, seen);
}

int cwalk_config(cwalk *w, const ynode *root, config *c)
{
    static const char *const names[] = {"rules", "scenarios", "contracts",
                                        "ui", "keys", NULL};
    static int (*const walk[])(cwalk *, const ynode *, config *) = {
        walk_rules, scenario_walk_all, walk_contracts, walk_ui,
        scenario_walk_keys};
    if (!root)
        return 0;
    if (root->kind != YNODE_MAP)
        return cwalk_fail(w, root, "the file must be a mapping with keys "
                          "rules, scenarios, contracts, ui, keys");
    for (size_t i = 0; i + 1 < root->nkids; i += 2) {
        const ynode *k = root->kids[i];
        size_t s = 0;
        if (cwalk_key(w, root, i, "the file") < 0)
            return -1;
        while (names[s] && strcmp(k->val, names[s]) != 0)
            s++;
        if (!names[s])
            return cwalk_unknown(w, k, "the file", names);
        if (walk[s](w, root->kids[i + 1], c) < 0)
            return -1;
    }
    return 0;
}
