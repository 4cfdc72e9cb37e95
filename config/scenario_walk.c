#include "config/scenario_walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

bool scenario_name_ok(const char *name)
{
    size_t n = strnlen(name, CONFIG_NAME_MAX);
    if (n == 0 || n >= CONFIG_NAME_MAX)
        return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return false;
    return true;
}

bool config_scenario_name_ok(const char *name) { return scenario_name_ok(name); }

/* A practice code: letters and digits, upper-cased.  When the caller
 * gave a way to ask the store, a code it lacks is no error here (one stale
 * scenario must not stop every command): the scenario keeps the message,
 * and fails when it is run. */
static int walk_code(cwalk *w, const ynode *n, const char *key, config_scenario *sc,
                     char out[CONFIG_CODE_MAX])
{
    char s[80];
    if (cwalk_string(w, n, key, CONFIG_CODE_MAX, out) < 0)
        return -1;
    text_upper(out);
    for (const char *p = out; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
            continue;
        text_escape(n->val, s, sizeof s);
        return cwalk_fail(w, n, "'%s' is not a practice code (letters and "
                          "digits, e.g. M86010)", s);
    }
    if (!out[0])
        return cwalk_fail(w, n, "empty practice code in %s", key);
    if (w->h && w->h->code_exists && !w->h->code_exists(out, w->h->ctx) && !*sc->missing) {
        err at;
        err_at(&at, w->file, n->line, n->col, "unknown practice code '%s' in %s of "
               "scenario '%s': it is not in the store", out, key, sc->name);
        text_copy(sc->missing, sizeof sc->missing, at.msg);
    }
    return 0;
}

/* A date, YYYY-MM-DD (the other published forms are accepted too). */
static int walk_date(cwalk *w, const ynode *n, const char *key, long *out)
{
    char buf[32], shown[80];
    if (cwalk_string(w, n, key, sizeof buf, buf) < 0)
        return -1;
    *out = text_date(buf);
    if (*out > 0)
        return 0;
    text_escape(buf, shown, sizeof shown);
    return cwalk_fail(w, n, "%s must be a date, YYYY-MM-DD (not '%s')", key, shown);
}

static int walk_close(cwalk *w, const ynode *n, config_scenario *s)
{
    if (n->kind != YNODE_SEQ || n->nkids == 0)
        return cwalk_fail(w, n, "close must be a list of one or more practice "
                          "codes, e.g. [Y04952]");
    if (n->nkids > CONFIG_MAX_CLOSE)
        return cwalk_fail(w, n->kids[CONFIG_MAX_CLOSE], "close lists more "
                          "than %d practices", CONFIG_MAX_CLOSE);
    s->close = calloc(n->nkids, sizeof *s->close);
    if (!s->close)
        return cwalk_fail(w, n, "out of memory");
    for (size_t i = 0; i < n->nkids; i++) {
        if (walk_code(w, n->kids[i], "close", s, s->close[i]) < 0)
            return -1;
        s->nclose = i + 1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->close[j], s->close[i]) == 0)
                return cwalk_fail(w, n->kids[i], "%s is listed twice in close",
                                  s->close[i]);
    }
    return 0;
}

/* A mapping of practice code to a number (capacity, intake,
 * allocation_per_day); under allocation_per_day the key "default" sets
 * *dflt instead.  Never for a practice the scenario closes. */
static int walk_counts(cwalk *w, const ynode *n, config_scenario *s,
                       const char *key, long lo, long hi,
                       config_capacity **out, size_t *nout, long *dflt)
{
    if (cwalk_map(w, n, key, CONFIG_MAX_CAPACITY) < 0)
        return -1;
    if (ynode_is_null(n) || n->nkids == 0)
        return 0;
    *out = calloc(n->nkids / 2, sizeof **out);
    if (!*out)
        return cwalk_fail(w, n, "out of memory");
    for (size_t i = 0; i + 1 < n->nkids; i += 2) {
        const ynode *k = n->kids[i];
        if (cwalk_key(w, n, i, key) < 0)
            return -1;
        if (dflt && strcmp(k->val, "default") == 0) {
            if (cwalk_int(w, n->kids[i + 1], key, lo, hi, dflt) < 0)
                return -1;
            continue;
        }
        config_capacity *cap = &(*out)[*nout];
        if (walk_code(w, k, key, s, cap->code) < 0 ||
            cwalk_int(w, n->kids[i + 1], key, lo, hi, &cap->patients) < 0)
            return -1;
        for (size_t j = 0; j < *nout; j++)
            if (strcmp((*out)[j].code, cap->code) == 0)
                return cwalk_fail(w, k, "%s is listed twice in %s", cap->code,
                                  key);
        for (size_t j = 0; j < s->nclose; j++)
            if (strcmp(s->close[j], cap->code) == 0)
                return cwalk_fail(w, k, "%s given for %s, which this "
                                  "scenario closes", key, cap->code);
        (*nout)++;
    }
    return 0;
}

/* allocation_per_day: a number for every receiver, or a mapping of
 * practice codes (and "default") to numbers. */
static int walk_per_day(cwalk *w, const ynode *n, config_scenario *s)
{
    if (n->kind == YNODE_SCALAR && !ynode_is_null(n))
        return cwalk_int(w, n, "allocation_per_day", 1, 100000,
                         &s->allocation_per_day);
    return walk_counts(w, n, s, "allocation_per_day", 1, 100000, &s->per_day,
                       &s->nper_day, &s->allocation_per_day);
}

/* The name comes first whatever the order in the file, so every other
 * message can say which scenario it is about. */
static int walk_name(cwalk *w, const ynode *n, config_scenario *s,
                     const ynode **at)
{
    char shown[80];
    const ynode *v = NULL;
    for (size_t i = 0; i + 1 < n->nkids; i += 2) {
        if (cwalk_key(w, n, i, "scenario") < 0)
            return -1;
        if (strcmp(n->kids[i]->val, "name") == 0)
            v = n->kids[i + 1];
    }
    if (v) {
        char buf[CONFIG_DESC_MAX];
        if (cwalk_string(w, v, "name", sizeof buf, buf) < 0)
            return -1;
        if (!scenario_name_ok(buf)) {
            text_escape(buf, shown, sizeof shown);
            return cwalk_fail(w, v, "scenario name '%s' must be 1 to 64 of "
                              "a-z, 0-9, '.', '_', '-'", shown);
        }
        memcpy(s->name, buf, strlen(buf) + 1);
        *at = v;
        return 0;
    }
    return cwalk_fail(w, n, "scenario has no name");
}

static int walk_entry(cwalk *w, const ynode *k, const ynode *v,
                      config_scenario *s, const char *what)
{
    static const char *const names[] = {"name", "description", "close",
                                        "policy", "capacity", "growth_pct",
                                        "as_at", "self_register_pct",
                                        "self_register_capped", "intake",
                                        "allocation_per_day", NULL};
    char buf[CONFIG_DESC_MAX];
    if (strcmp(k->val, "name") == 0)
        return 0;
    if (strcmp(k->val, "description") == 0) {
        if (cwalk_string(w, v, "description", sizeof buf, buf) < 0)
            return -1;
        s->description = strdup(buf);
        return s->description ? 0 : cwalk_fail(w, v, "out of memory");
    }
    if (strcmp(k->val, "close") == 0)
        return walk_close(w, v, s);
    if (strcmp(k->val, "policy") == 0) {
        s->has_policy = true;
        return cwalk_policy(w, v, "policy", &s->policy);
    }
    if (strcmp(k->val, "capacity") == 0)
        return walk_counts(w, v, s, "capacity", 0, 1000000, &s->capacity,
                           &s->ncapacity, NULL);
    if (strcmp(k->val, "growth_pct") == 0)
        return cwalk_real(w, v, "growth_pct", -50, 100, &s->growth_pct);
    if (strcmp(k->val, "as_at") == 0)
        return walk_date(w, v, "as_at", &s->as_at);
    if (strcmp(k->val, "self_register_pct") == 0)
        return cwalk_real(w, v, "self_register_pct", 0, 100,
                          &s->self_register_pct);
    if (strcmp(k->val, "self_register_capped") == 0)
        return cwalk_bool(w, v, "self_register_capped",
                          &s->self_register_capped);
    if (strcmp(k->val, "intake") == 0)
        return walk_counts(w, v, s, "intake", 0, 1000000, &s->intake,
                           &s->nintake, NULL);
    if (strcmp(k->val, "allocation_per_day") == 0)
        return walk_per_day(w, v, s);
    return cwalk_unknown(w, k, what, names);
}

static int walk_scenario(cwalk *w, const ynode *n, config_scenario *s,
                         const ynode **name_at)
{
    char what[CONFIG_NAME_MAX + 16];
    if (n->kind != YNODE_MAP)
        return cwalk_fail(w, n, "each scenario must be a mapping with name "
                          "and close");
    if (walk_name(w, n, s, name_at) < 0)
        return -1;
    snprintf(what, sizeof what, "scenario '%s'", s->name);
    /* Capacity is checked against close, so close goes first. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i + 1 < n->nkids; i += 2) {
            bool is_close = strcmp(n->kids[i]->val, "close") == 0;
            if (is_close != (pass == 0))
                continue;
            if (walk_entry(w, n->kids[i], n->kids[i + 1], s, what) < 0)
                return -1;
        }
    }
    if (!s->close)
        return cwalk_fail(w, n, "%s has no close list", what);
    return 0;
}

/* The first scenario with a missing code, said once by whoever shows it. */
static void missing_warning(config *c)
{
    size_t n = 0;
    const char *first = NULL;
    for (size_t i = 0; i < c->nscenarios; i++)
        if (*c->scenarios[i].missing && n++ == 0)
            first = c->scenarios[i].missing;
    if (first)
        snprintf(c->warning, sizeof c->warning, "%s (%zu scenario%s name%s a practice "
                 "not in the store; each fails only when it is run)", first, n,
                 n == 1 ? "" : "s", n == 1 ? "s" : "");
}

int scenario_walk_all(cwalk *w, const ynode *n, config *c)
{
    if (ynode_is_null(n))
        return 0;
    if (n->kind != YNODE_SEQ)
        return cwalk_fail(w, n, "scenarios must be a list (- name: ...)");
    if (n->nkids > CONFIG_MAX_SCENARIOS)
        return cwalk_fail(w, n->kids[CONFIG_MAX_SCENARIOS], "more than %d "
                          "scenarios", CONFIG_MAX_SCENARIOS);
    if (n->nkids == 0)
        return 0;
    c->scenarios = calloc(n->nkids, sizeof *c->scenarios);
    if (!c->scenarios)
        return cwalk_fail(w, n, "out of memory");
    for (size_t i = 0; i < n->nkids; i++) {
        config_scenario *s = &c->scenarios[i];
        const ynode *at = NULL;
        c->nscenarios = i + 1;
        if (walk_scenario(w, n->kids[i], s, &at) < 0)
            return -1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(c->scenarios[j].name, s->name) == 0)
                return cwalk_fail(w, at, "duplicate scenario name '%s' "
                                  "(first in the scenario at line %ld)",
                                  s->name, n->kids[j]->line);
    }
    missing_warning(c);
    return 0;
}

int scenario_walk_keys(cwalk *w, const ynode *n, config *c)
{
    char shown[80];
    if (cwalk_map(w, n, "keys", CONFIG_MAX_KEYS) < 0)
        return -1;
    if (ynode_is_null(n) || n->nkids == 0)
        return 0;
    c->keys = calloc(n->nkids / 2, sizeof *c->keys);
    if (!c->keys)
        return cwalk_fail(w, n, "out of memory");
    for (size_t i = 0; i + 1 < n->nkids; i += 2) {
        config_key *k = &c->keys[i / 2];
        const ynode *kn = n->kids[i], *vn = n->kids[i + 1];
        if (cwalk_key(w, n, i, "keys") < 0 ||
            cwalk_string(w, kn, "action name", CONFIG_KEYNAME_MAX, k->action) < 0)
            return -1;
        c->nkeys = i / 2 + 1;
        if (w->h && w->h->valid_action && !w->h->valid_action(k->action)) {
            text_escape(k->action, shown, sizeof shown);
            return cwalk_fail(w, kn, "unknown action '%s' in keys", shown);
        }
        if (cwalk_string(w, vn, k->action, CONFIG_KEYNAME_MAX, k->key) < 0)
            return -1;
        if (!k->key[0])
            return cwalk_fail(w, vn, "%s: empty key", k->action);
        if (w->h && w->h->valid_key && !w->h->valid_key(k->key)) {
            text_escape(k->key, shown, sizeof shown);
            return cwalk_fail(w, vn, "%s: '%s' is not a key the screen knows (a character "
                              "such as \"x\", or a name such as \"<F5>\", \"<C-L>\", "
                              "\"<Down>\")", k->action, shown);
        }
    }
    return 0;
}
