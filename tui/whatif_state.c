/* The what-if inputs the screens share: which practices are marked to
 * close, the policy, capacity overrides and growth; loading them from a
 * named scenario in the config and saving them as one. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

void marks_toggle(app *a, int wi)
{
    a->marked[wi] = !a->marked[wi];
    a->nmarked += a->marked[wi] ? 1 : -1;
    a->whatif_serial++;
    a->marks_serial++;
    a->scenario[0] = '\0'; /* no longer the saved scenario as it was */
    app_msg(a, COL_STATUS, "%s %s %s (%d marked; w for the what-if)", a->w.v[wi].p.code,
            a->marked[wi] ? "marked to close" : "no longer marked", a->w.v[wi].p.name,
            a->nmarked);
}

/* The marked codes in world order; *codes is malloc'd (NULL when none). */
int marks_list(const app *a, char (**codes)[CONFIG_CODE_MAX])
{
    *codes = NULL;
    if (a->nmarked == 0)
        return 0;
    char(*c)[CONFIG_CODE_MAX] = calloc((size_t)a->nmarked, sizeof *c);
    if (!c)
        return -1;
    int n = 0;
    for (int i = 0; i < a->w.n && n < a->nmarked; i++)
        if (a->marked[i])
            snprintf(c[n++], CONFIG_CODE_MAX, "%s", a->w.v[i].p.code);
    *codes = c;
    return n;
}

void override_set(app *a, const char *code, long patients)
{
    for (int i = 0; i < a->nover; i++)
        if (strcmp(a->over[i].code, code) == 0) {
            a->over[i].patients = patients;
            a->whatif_serial++;
            return;
        }
    config_capacity *o = realloc(a->over, (size_t)(a->nover + 1) * sizeof *o);
    if (!o)
        return;
    a->over = o;
    snprintf(o[a->nover].code, sizeof o[a->nover].code, "%s", code);
    o[a->nover++].patients = patients;
    a->whatif_serial++;
}

static void marks_clear(app *a)
{
    memset(a->marked, 0, (size_t)(a->w.n + 1) * sizeof *a->marked);
    a->nmarked = 0;
    free(a->over);
    a->over = NULL;
    a->nover = 0;
}

int scenario_load(app *a, const char *name)
{
    const config_scenario *sc = config_scenario_find(&a->cfg, name);
    if (!sc) {
        app_msg(a, COL_WARN, "no scenario '%s' in %s", name, *a->cfg.path ? a->cfg.path : "the config");
        return -1;
    }
    marks_clear(a);
    int missing = 0;
    for (size_t i = 0; i < sc->nclose; i++) {
        int wi = world_find(&a->w, sc->close[i]);
        if (wi < 0)
            missing++;
        else if (!a->marked[wi])
            a->marked[wi] = true, a->nmarked++;
    }
    for (size_t i = 0; i < sc->ncapacity; i++)
        override_set(a, sc->capacity[i].code, sc->capacity[i].patients);
    a->policy = config_scenario_policy(&a->cfg, sc);
    a->growth_pct = sc->growth_pct;
    snprintf(a->scenario, sizeof a->scenario, "%s", sc->name);
    a->whatif_serial++;
    a->marks_serial++;
    a->full_redraw = true;
    if (missing)
        app_msg(a, COL_WARN, "%d practice(s) of %s are not in the store", missing, name);
    if (app_view(a)->ops->kind == VIEW_WHATIF)
        return 0;
    return app_push(a, &whatif_ops, NULL);
}

int scenario_save(app *a, const char *name)
{
    config_scenario sc = {0};
    char path[4096];
    err e;
    int n = marks_list(a, &sc.close);
    if (n <= 0) {
        app_msg(a, COL_WARN, "nothing marked to close: x marks a practice");
        return -1;
    }
    snprintf(sc.name, sizeof sc.name, "%s", name);
    sc.nclose = (size_t)n;
    sc.has_policy = true;
    sc.policy = a->policy;
    sc.growth_pct = a->growth_pct;
    sc.capacity = calloc((size_t)a->nover + 1, sizeof *sc.capacity);
    for (int i = 0; sc.capacity && i < a->nover; i++) {
        int wi = world_find(&a->w, a->over[i].code);
        if (wi < 0 || !a->marked[wi]) /* a closing practice needs no capacity */
            sc.capacity[sc.ncapacity++] = a->over[i];
    }
    int rc = -1;
    if (!sc.capacity)
        app_msg(a, COL_ERROR, "out of memory");
    else if (config_scenarios_path(path, sizeof path))
        app_msg(a, COL_ERROR, "no place for saved scenarios: set HOME or XDG_CONFIG_HOME");
    /* Never replaces a different scenario of the name: asking first is the
     * prompt's business (config_scenario_save with replace). */
    else if (config_scenario_save(&a->cfg, &sc, path, false, &e))
        app_msg(a, COL_ERROR, "%s", e.msg);
    else {
        app_msg(a, COL_GOOD, "saved scenario %s (%d practices) to %s", name, n, path);
        snprintf(a->scenario, sizeof a->scenario, "%s", name);
        rc = 0;
    }
    free(sc.close);
    free(sc.capacity);
    return rc;
}
