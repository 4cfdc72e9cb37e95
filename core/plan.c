#include "core/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void plan_init(plan *p, const config *cfg)
{
    memset(p, 0, sizeof *p);
    p->set = whatif_settings_default(cfg);
}

void plan_free(plan *p)
{
    free(p->description);
    free(p->close);
    free(p->over);
    memset(p, 0, sizeof *p);
}

void plan_touch(plan *p)
{
    p->serial++;
    p->scenario[0] = '\0'; /* no longer the saved scenario as it was */
}

/* Where code is, or where it would go to keep code order. */
static int close_slot(const plan *p, const char *code, bool *found)
{
    int lo = 0, hi = p->nclose;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (strcasecmp(p->close[mid], code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < p->nclose && strcasecmp(p->close[lo], code) == 0;
    return lo;
}

bool plan_closing(const plan *p, const char *code)
{
    bool found;
    close_slot(p, code, &found);
    return found;
}

static int close_insert(plan *p, int at, const char *code)
{
    if (p->nclose == p->close_cap) {
        int cap = p->close_cap ? p->close_cap * 2 : 16;
        char(*c)[CONFIG_CODE_MAX] = realloc(p->close, (size_t)cap * sizeof *c);
        if (!c)
            return -1;
        p->close = c;
        p->close_cap = cap;
    }
    memmove(p->close + at + 1, p->close + at, (size_t)(p->nclose - at) * sizeof *p->close);
    snprintf(p->close[at], CONFIG_CODE_MAX, "%s", code);
    p->nclose++;
    return 0;
}

static void close_remove(plan *p, int at)
{
    memmove(p->close + at, p->close + at + 1, (size_t)(p->nclose - at - 1) * sizeof *p->close);
    p->nclose--;
}

static void close_changed(plan *p)
{
    p->close_serial++;
    plan_touch(p);
}

int plan_close(plan *p, const char *code)
{
    bool found;
    int at = close_slot(p, code, &found);
    if (found)
        return 0;
    if (close_insert(p, at, code))
        return -1;
    close_changed(p);
    return 1;
}

int plan_toggle(plan *p, const char *code)
{
    bool found;
    int at = close_slot(p, code, &found);
    if (!found)
        return plan_close(p, code);
    close_remove(p, at);
    close_changed(p);
    return 0;
}

long plan_capacity(const plan *p, const char *code)
{
    for (int i = 0; i < p->nover; i++)
        if (strcasecmp(p->over[i].code, code) == 0)
            return p->over[i].patients;
    return -1;
}

int plan_set_capacity(plan *p, const char *code, long patients)
{
    int i = 0;
    while (i < p->nover && strcasecmp(p->over[i].code, code) != 0)
        i++;
    if (i == p->nover) {
        if (p->nover == p->over_cap) {
            int cap = p->over_cap ? p->over_cap * 2 : 16;
            config_capacity *o = realloc(p->over, (size_t)cap * sizeof *o);
            if (!o)
                return -1;
            p->over = o;
            p->over_cap = cap;
        }
        snprintf(p->over[i].code, sizeof p->over[i].code, "%s", code);
        p->nover++;
    } else if (p->over[i].patients == patients) {
        return 0;
    }
    p->over[i].patients = patients;
    plan_touch(p);
    return 0;
}

#define X(type, name, what)                                   \
    void plan_set_##name(plan *p, type v)                     \
    {                                                         \
        if (memcmp(&p->set.name, &v, sizeof v) == 0)          \
            return;                                           \
        p->set.name = v;                                      \
        plan_touch(p);                                        \
    }
WHATIF_SETTINGS(X)
#undef X

void plan_next_policy(plan *p)
{
    plan_set_policy(p, config_policy_next(p->set.policy));
}

void plan_name(plan *p, const char *name)
{
    p->serial++;
    snprintf(p->scenario, sizeof p->scenario, "%s", name);
}

int plan_from_scenario(plan *p, const config *cfg, const config_scenario *sc)
{
    plan next;
    plan_init(&next, cfg);
    next.serial = p->serial;
    next.close_serial = p->close_serial + 1;
    int rc = 0;
    for (size_t i = 0; rc >= 0 && i < sc->nclose; i++)
        rc = plan_close(&next, sc->close[i]);
    for (size_t i = 0; rc >= 0 && i < sc->ncapacity; i++)
        rc = plan_set_capacity(&next, sc->capacity[i].code, sc->capacity[i].patients);
    next.set.policy = config_scenario_policy(cfg, sc);
    next.set.growth_pct = sc->growth_pct;
    if (rc >= 0 && sc->description && !(next.description = strdup(sc->description)))
        rc = -1;
    if (rc < 0) {
        plan_free(&next);
        return -1;
    }
    plan_free(p);
    *p = next;
    plan_name(p, sc->name);
    return 0;
}

int plan_prune(plan *p, const world *w)
{
    int gone = 0;
    for (int i = p->nclose - 1; i >= 0; i--)
        if (world_find(w, p->close[i]) < 0) {
            close_remove(p, i);
            gone++;
        }
    if (gone) {
        p->serial++;
        p->close_serial++;
    }
    return gone;
}

int plan_to_scenario(const plan *p, const char *name, config_scenario *out)
{
    memset(out, 0, sizeof *out);
    if (p->nclose == 0)
        return -1;
    snprintf(out->name, sizeof out->name, "%s", name);
    out->close = calloc((size_t)p->nclose, sizeof *out->close);
    out->capacity = calloc((size_t)p->nover + 1, sizeof *out->capacity);
    if (p->description)
        out->description = strdup(p->description);
    if (!out->close || !out->capacity || (p->description && !out->description)) {
        config_scenario_free(out);
        return -1;
    }
    memcpy(out->close, p->close, (size_t)p->nclose * sizeof *out->close);
    out->nclose = (size_t)p->nclose;
    for (int i = 0; i < p->nover; i++)
        if (!plan_closing(p, p->over[i].code)) /* a closing practice needs no capacity */
            out->capacity[out->ncapacity++] = p->over[i];
    out->has_policy = true;
    out->policy = p->set.policy;
    out->growth_pct = p->set.growth_pct;
    return 0;
}

void plan_input(const plan *p, whatif_input *in)
{
    *in = (whatif_input){
        .name = *p->scenario ? p->scenario : NULL,
        .close = (const char(*)[CONFIG_CODE_MAX])p->close,
        .nclose = p->nclose,
        .overrides = p->over,
        .noverrides = p->nover,
        .set = p->set,
    };
}
