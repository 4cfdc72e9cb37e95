/* The built-in defaults, and owning, comparing and editing a config. */
#include "config/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void config_init(config *c)
{
    memset(c, 0, sizeof *c);
    c->rules.max_distance_km = 8;
    c->rules.reasonable_km = 3;
    c->rules.default_headroom_pct = 5;
    c->rules.patients_per_gp_fte = 1800;
    c->rules.closed_lists_receive = false;
    c->rules.choice_beta = 2.0;
    c->rules.default_policy = CONFIG_POLICY_OPTIMAL;
    c->rules.travel = CONFIG_TRAVEL_STRAIGHT;
    c->rules.max_minutes = 30;
    c->rules.reasonable_minutes = 15;
    c->milestones.options_appraisal = 18;
    c->milestones.engagement = 15;
    c->milestones.procurement = 12;
    c->milestones.award = 6;
    c->milestones.mobilisation = 3;
    c->ui.color = true;
    c->ui.ascii = false;
    c->ui.read_only = false;
}

void config_scenario_free(config_scenario *s)
{
    free(s->description);
    free(s->close);
    free(s->capacity);
    memset(s, 0, sizeof *s);
}

void config_free(config *c)
{
    for (size_t i = 0; i < c->nscenarios; i++)
        config_scenario_free(&c->scenarios[i]);
    free(c->scenarios);
    free(c->keys);
    config_init(c);
}

static bool str_eq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool scenario_equal(const config_scenario *a, const config_scenario *b)
{
    if (strcmp(a->name, b->name) != 0 || !str_eq(a->description, b->description) ||
        a->nclose != b->nclose || a->has_policy != b->has_policy ||
        (a->has_policy && a->policy != b->policy) ||
        a->ncapacity != b->ncapacity || a->growth_pct != b->growth_pct)
        return false;
    for (size_t i = 0; i < a->nclose; i++)
        if (strcmp(a->close[i], b->close[i]) != 0)
            return false;
    for (size_t i = 0; i < a->ncapacity; i++)
        if (strcmp(a->capacity[i].code, b->capacity[i].code) != 0 ||
            a->capacity[i].patients != b->capacity[i].patients)
            return false;
    return true;
}

/* Field by field: the struct has padding that memcmp would compare. */
static bool rules_equal(const config *a, const config *b)
{
    return a->rules.max_distance_km == b->rules.max_distance_km &&
           a->rules.reasonable_km == b->rules.reasonable_km &&
           a->rules.default_headroom_pct == b->rules.default_headroom_pct &&
           a->rules.patients_per_gp_fte == b->rules.patients_per_gp_fte &&
           a->rules.closed_lists_receive == b->rules.closed_lists_receive &&
           a->rules.choice_beta == b->rules.choice_beta &&
           a->rules.default_policy == b->rules.default_policy &&
           a->rules.travel == b->rules.travel &&
           a->rules.max_minutes == b->rules.max_minutes &&
           a->rules.reasonable_minutes == b->rules.reasonable_minutes;
}

bool config_equal(const config *a, const config *b)
{
    if (!rules_equal(a, b) ||
        memcmp(&a->milestones, &b->milestones, sizeof a->milestones) != 0 ||
        memcmp(&a->ui, &b->ui, sizeof a->ui) != 0 ||
        a->nscenarios != b->nscenarios || a->nkeys != b->nkeys)
        return false;
    for (size_t i = 0; i < a->nscenarios; i++)
        if (!scenario_equal(&a->scenarios[i], &b->scenarios[i]))
            return false;
    for (size_t i = 0; i < a->nkeys; i++)
        if (strcmp(a->keys[i].action, b->keys[i].action) != 0 ||
            strcmp(a->keys[i].key, b->keys[i].key) != 0)
            return false;
    return true;
}

const config_scenario *config_scenario_find(const config *c, const char *name)
{
    for (size_t i = 0; i < c->nscenarios; i++)
        if (strcmp(c->scenarios[i].name, name) == 0)
            return &c->scenarios[i];
    return NULL;
}

config_policy config_scenario_policy(const config *c, const config_scenario *s)
{
    return s->has_policy ? s->policy : c->rules.default_policy;
}

static const char *const policy_names[CONFIG_POLICY_COUNT] = {
#define P(id, name) name,
    CONFIG_POLICIES(P)
#undef P
};

const char *config_policy_name(config_policy p)
{
    return p < CONFIG_POLICY_COUNT ? policy_names[p] : "optimal";
}

config_policy config_policy_next(config_policy p)
{
    return (config_policy)((p + 1) % CONFIG_POLICY_COUNT);
}

void config_policy_names(const char *sep, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    for (int p = 0; p < CONFIG_POLICY_COUNT && o < n; p++) {
        int w = snprintf(out + o, n - o, "%s%s", p ? sep : "", policy_names[p]);
        o += w > 0 ? (size_t)w : 0;
    }
}

const char *config_travel_name(config_travel t)
{
    static const char *const names[] = {"straight_line", "matrix_km", "matrix_minutes"};
    return t <= CONFIG_TRAVEL_MATRIX_MINUTES ? names[t] : "?";
}

int config_policy_parse(const char *s)
{
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++)
        if (strcmp(s, policy_names[p]) == 0)
            return p;
    return -1;
}
