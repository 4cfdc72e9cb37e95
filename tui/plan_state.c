/* The plan from the screens: x marks a practice to close, :scenario
 * loads a saved scenario into the plan, W saves the plan as one. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

void marks_toggle(app *a, int wi)
{
    if (!a->w.v[wi].open && !plan_closing(&a->plan, a->w.v[wi].p.code)) {
        char why[512];
        asat_refusal(&a->w.v[wi].p, a->w.at.date, why, sizeof why);
        app_msg(a, COL_ERROR, "%s", why);
        return;
    }
    int closing = plan_toggle(&a->plan, a->w.v[wi].p.code);
    if (closing < 0) {
        app_msg(a, COL_ERROR, "out of memory");
        return;
    }
    app_msg(a, COL_STATUS, "%s %s %s (%d marked; w for the what-if)", a->w.v[wi].p.code,
            closing ? "marked to close" : "no longer marked", a->w.v[wi].p.name,
            a->plan.nclose);
}

long tui_as_at(const app *a)
{
    return a->plan.set.as_at ? a->plan.set.as_at : a->ss->as_at;
}

/* Loads the world again when the plan's date moved it; a date with no
 * extract on or before it is refused before anything changes. */
static int as_at_follow(app *a)
{
    char d[16];
    if (tui_as_at(a) == (a->w.at.given ? a->w.at.date : 0))
        return 0;
    app_reload(a);
    app_msg(a, COL_STATUS, "Every figure as at %s%s", text_date_or_dash(a->w.at.date, d, sizeof d),
            asat_default_note(&a->w.at));
    return 0;
}

int as_at_set(app *a, char *args)
{
    long date = *args ? text_date(args) : 0;
    asat at;
    err e;
    if (date < 0) {
        char shown[64];
        text_escape(args, shown, sizeof shown);
        app_msg(a, COL_WARN, "as-at: '%s' is not a date (YYYY-MM-DD)", shown);
        return -1;
    }
    if (asat_load(a->s, date ? date : a->ss->as_at, &at, &e)) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return -1;
    }
    plan_set_as_at(&a->plan, date);
    return as_at_follow(a);
}

int scenario_load(app *a, const char *name)
{
    const config_scenario *sc = config_scenario_find(&a->cfg, name);
    if (!sc) {
        app_msg(a, COL_WARN, "no scenario '%s' in %s", name, *a->cfg.path ? a->cfg.path : "the config");
        return -1;
    }
    asat at;
    err e;
    if (sc->as_at && asat_load(a->s, sc->as_at, &at, &e)) {
        app_msg(a, COL_ERROR, "scenario %s: %s", name, e.msg);
        return -1;
    }
    if (plan_from_scenario(&a->plan, &a->cfg, sc)) {
        app_msg(a, COL_ERROR, "out of memory");
        return -1;
    }
    as_at_follow(a); /* the scenario's date, or back to the start's */
    int missing = plan_prune(&a->plan, &a->w);
    char n1[48];
    if (missing)
        app_msg(a, COL_WARN, "%s of %s not in the store", text_count(missing, "practice", "practices", n1, sizeof n1),
                name);
    if (app_view(a)->ops->kind == VIEW_WHATIF)
        return 0;
    return app_push(a, &whatif_ops, NULL);
}

int scenario_save(app *a, const char *name, bool replace)
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
    if (config_scenarios_path(path, sizeof path))
        app_msg(a, COL_ERROR, "no place for saved scenarios: set HOME or XDG_CONFIG_HOME");
    /* A different scenario of the name only when the user said yes; one
     * another session saved meanwhile is refused, and is in a->cfg now, so
     * W again asks. */
    else if (config_scenario_save(&a->cfg, &sc, path, replace, &e))
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
