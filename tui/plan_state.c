/* The plan from the screens: x marks a practice to close, :scenario
 * loads a saved scenario into the plan, W saves the plan as one. */
#include "tui/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

void marks_toggle(app *a, int wi)
{
    int closing = plan_toggle(&a->plan, a->w.v[wi].p.code);
    if (closing < 0) {
        app_msg(a, COL_ERROR, "out of memory");
        return;
    }
    app_msg(a, COL_STATUS, "%s %s %s (%d marked; w for the what-if)", a->w.v[wi].p.code,
            closing ? "marked to close" : "no longer marked", a->w.v[wi].p.name,
            a->plan.nclose);
}

int scenario_load(app *a, const char *name)
{
    const config_scenario *sc = config_scenario_find(&a->cfg, name);
    if (!sc) {
        app_msg(a, COL_WARN, "no scenario '%s' in %s", name, *a->cfg.path ? a->cfg.path : "the config");
        return -1;
    }
    if (plan_from_scenario(&a->plan, &a->cfg, sc)) {
        app_msg(a, COL_ERROR, "out of memory");
        return -1;
    }
    int missing = plan_prune(&a->plan, &a->w);
    char n1[48];
    if (missing)
        app_msg(a, COL_WARN, "%s of %s not in the store", text_count(missing, "practice", "practices", n1, sizeof n1),
                name);
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
    config_scenario sc;
    char path[4096];
    err e;
    if (a->plan.nclose == 0) {
        app_msg(a, COL_WARN, "nothing marked to close: x marks a practice");
        return -1;
    }
    if (plan_to_scenario(&a->plan, name, &sc)) {
        app_msg(a, COL_ERROR, "out of memory");
        return -1;
    }
    int rc = -1;
    if (config_target(a, path, sizeof path))
        app_msg(a, COL_ERROR, "no place for the config: give --config FILE");
    else if (config_scenario_put(&a->cfg, &sc, &e) || config_save(&a->cfg, path, &e))
        app_msg(a, COL_ERROR, "%s", e.msg);
    else {
        char n1[48];
        app_msg(a, COL_GOOD, "saved scenario %s (%s) to %s", name,
                text_count((long)sc.nclose, "practice", "practices", n1, sizeof n1), path);
        plan_name(&a->plan, name);
        rc = 0;
    }
    config_scenario_free(&sc);
    return rc;
}
