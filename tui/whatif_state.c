/* The what-if inputs the screens share: which practices are marked to
 * close, the policy, capacity overrides and growth; loading them from a
 * named scenario in the config and saving them as one. */
#include "tui/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

void marks_toggle(app *a, int wi)
{
    if (!a->marked[wi] && !a->w.v[wi].open) {
        char why[512];
        asat_refusal(&a->w.v[wi].p, a->w.at.date, why, sizeof why);
        app_msg(a, COL_ERROR, "%s", why);
        return;
    }
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

/* Takes the world to another date (0: the newest extract); the date is
 * checked first, so a bad one leaves everything as it was. */
static int as_at_go(app *a, long date)
{
    asat at;
    err e;
    char d[16];
    if (asat_load(a->s, date, &at, &e)) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return -1;
    }
    a->as_at = date;
    app_reload(a);
    app_msg(a, COL_STATUS, "Every figure as at %s%s", text_date_or_dash(a->w.at.date, d, sizeof d),
            date ? "" : " (the newest list-size extract)");
    return 0;
}

int as_at_set(app *a, char *args)
{
    long date = *args ? text_date(args) : 0;
    if (date < 0) {
        char shown[64];
        text_escape(args, shown, sizeof shown);
        app_msg(a, COL_WARN, "as-at: '%s' is not a date (YYYY-MM-DD)", shown);
        return -1;
    }
    return as_at_go(a, date);
}

int scenario_load(app *a, const char *name)
{
    const config_scenario *sc = config_scenario_find(&a->cfg, name);
    if (!sc) {
        app_msg(a, COL_WARN, "no scenario '%s' in %s", name, *a->cfg.path ? a->cfg.path : "the config");
        return -1;
    }
    if (sc->as_at && sc->as_at != a->w.at.date && as_at_go(a, sc->as_at))
        return -1;
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

/* The file to save to: --config's, the one loaded, else the default
 * (its directory made when missing). */
static int config_target(app *a, char *path, size_t n)
{
    if (a->ss->config_arg)
        snprintf(path, n, "%s", a->ss->config_arg);
    else if (*a->cfg.path)
        snprintf(path, n, "%s", a->cfg.path);
    else if (config_default_path(path, n))
        return -1;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        char *parent = strrchr(dir, '/');
        if (parent && parent != dir) { /* ~/.config may be missing too */
            *parent = '\0';
            if (mkdir(dir, 0700) && errno != EEXIST)
                return -1;
            *parent = '/';
        }
        if (mkdir(dir, 0700) && errno != EEXIST)
            return -1;
    }
    return 0;
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
    else if (config_target(a, path, sizeof path))
        app_msg(a, COL_ERROR, "no place for the config: give --config FILE");
    else if (config_scenario_put(&a->cfg, &sc, &e) || config_save(&a->cfg, path, &e))
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
