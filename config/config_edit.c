/* Adding and removing scenarios, as the screen does when the user saves
 * the marked practices under a name.  A scenario put here must be one the
 * loader would accept, or the saved file would not load again. */
#include "config/config.h"

#include <stdlib.h>
#include <string.h>

#include "config/scenario_walk.h"
#include "util/text.h"

static bool code_ok(const char *code)
{
    size_t n = strnlen(code, CONFIG_CODE_MAX);
    if (n == 0 || n == CONFIG_CODE_MAX)
        return false;
    for (const char *p = code; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* True when a code repeats or names a practice being closed, or a
 * number is out of lo..hi. */
static bool counts_bad(const config_scenario *s, const config_capacity *c, size_t n,
                       long lo, long hi)
{
    if (n > CONFIG_MAX_CAPACITY)
        return true;
    for (size_t i = 0; i < n; i++) {
        if (!code_ok(c[i].code) || c[i].patients < lo || c[i].patients > hi)
            return true;
        for (size_t j = 0; j < i; j++)
            if (strcmp(c[i].code, c[j].code) == 0)
                return true;
        for (size_t j = 0; j < s->nclose; j++)
            if (strcmp(c[i].code, s->close[j]) == 0)
                return true;
    }
    return false;
}

static int scenario_check(const config_scenario *s, err *e)
{
    if (!scenario_name_ok(s->name))
        return err_set(e, "scenario name must be 1 to 64 of a-z, 0-9, '.', "
                       "'_', '-'");
    if (s->description && (strlen(s->description) >= CONFIG_DESC_MAX ||
                           text_has_control(s->description,
                                            strlen(s->description))))
        return err_set(e, "scenario %s: description too long or holds a "
                       "control character", s->name);
    if (s->nclose == 0 || s->nclose > CONFIG_MAX_CLOSE)
        return err_set(e, "scenario %s must close 1 to %d practices", s->name,
                       CONFIG_MAX_CLOSE);
    for (size_t i = 0; i < s->nclose; i++) {
        if (!code_ok(s->close[i]))
            return err_set(e, "scenario %s: bad practice code", s->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->close[i], s->close[j]) == 0)
                return err_set(e, "scenario %s closes %s twice", s->name,
                               s->close[i]);
    }
    if (counts_bad(s, s->capacity, s->ncapacity, 0, 1000000))
        return err_set(e, "scenario %s: a bad capacity override, a practice with "
                       "two capacities, or a capacity although it closes", s->name);
    if (counts_bad(s, s->intake, s->nintake, 0, 1000000) ||
        counts_bad(s, s->per_day, s->nper_day, 1, 100000))
        return err_set(e, "scenario %s: a bad intake or allocation_per_day", s->name);
    if (!(s->self_register_pct >= 0 && s->self_register_pct <= 100) ||
        s->allocation_per_day < 0 || s->allocation_per_day > 100000)
        return err_set(e, "scenario %s: self_register_pct must be 0 to 100 and "
                       "allocation_per_day 1 to 100000", s->name);
    if (!(s->growth_pct >= -50 && s->growth_pct <= 100))
        return err_set(e, "scenario %s: growth_pct must be between -50 and "
                       "100", s->name);
    char d[16];
    text_date_iso(s->as_at, d, sizeof d);
    if (s->as_at < 0 || (s->as_at > 0 && text_date(d) != s->as_at))
        return err_set(e, "scenario %s: as_at is not a date", s->name);
    return 0;
}

/* A copy of n counts in *dst (NULL when n is 0); -1 out of memory. */
static int counts_copy(config_capacity **dst, const config_capacity *src, size_t n)
{
    *dst = NULL;
    if (n == 0)
        return 0;
    if (!(*dst = malloc(n * sizeof **dst)))
        return -1;
    memcpy(*dst, src, n * sizeof **dst);
    return 0;
}

static int scenario_copy(config_scenario *dst, const config_scenario *src,
                         err *e)
{
    *dst = *src;
    dst->description = NULL, dst->close = NULL, dst->capacity = NULL;
    dst->intake = NULL, dst->per_day = NULL;
    if (src->description && !(dst->description = strdup(src->description)))
        goto oom;
    if (!(dst->close = malloc(src->nclose * sizeof *dst->close)))
        goto oom;
    memcpy(dst->close, src->close, src->nclose * sizeof *dst->close);
    if (counts_copy(&dst->capacity, src->capacity, src->ncapacity) < 0 ||
        counts_copy(&dst->intake, src->intake, src->nintake) < 0 ||
        counts_copy(&dst->per_day, src->per_day, src->nper_day) < 0)
        goto oom;
    return 0;
oom:
    config_scenario_free(dst);
    return err_set(e, "out of memory");
}

int config_scenario_put(config *c, const config_scenario *s, err *e)
{
    config_scenario copy;
    if (scenario_check(s, e) < 0 || scenario_copy(&copy, s, e) < 0)
        return -1;
    for (size_t i = 0; i < c->nscenarios; i++) {
        if (strcmp(c->scenarios[i].name, s->name) == 0) {
            config_scenario_free(&c->scenarios[i]);
            c->scenarios[i] = copy;
            return 0;
        }
    }
    if (c->nscenarios >= CONFIG_MAX_SCENARIOS) {
        config_scenario_free(&copy);
        return err_set(e, "at most %d scenarios", CONFIG_MAX_SCENARIOS);
    }
    config_scenario *grown =
        realloc(c->scenarios, (c->nscenarios + 1) * sizeof *grown);
    if (!grown) {
        config_scenario_free(&copy);
        return err_set(e, "out of memory");
    }
    c->scenarios = grown;
    c->scenarios[c->nscenarios++] = copy;
    return 0;
}

int config_scenario_remove(config *c, const char *name, err *e)
{
    for (size_t i = 0; i < c->nscenarios; i++) {
        if (strcmp(c->scenarios[i].name, name) != 0)
            continue;
        config_scenario_free(&c->scenarios[i]);
        memmove(&c->scenarios[i], &c->scenarios[i + 1],
                (c->nscenarios - i - 1) * sizeof *c->scenarios);
        c->nscenarios--;
        return 0;
    }
    return err_set(e, "no scenario called '%s'", name);
}
