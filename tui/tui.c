/* tui_main: the config, the store (writable when it may be, else
 * read-only with the reason kept for the screen), the world and the search
 * index; then the terminal and the loop. */
#include "tui/internal.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/clock.h"
#include "util/text.h"

static int search_make(app *a)
{
    search_free(a->six);
    free(a->sitems);
    a->sitems = calloc((size_t)a->w.n + 1, sizeof *a->sitems);
    if (!a->sitems)
        return -1;
    for (int i = 0; i < a->w.n; i++) {
        const practice *p = &a->w.v[i].p;
        a->sitems[i] = (search_item){
            .code = p->code,
            .name = p->name,
            .postcode = p->postcode,
            .phone = p->phone,
            .town = plist_town(p),
        };
    }
    a->six = search_build(a->sitems, a->w.n);
    return a->six ? 0 : -1;
}

/* Loads the world; the plan keeps the practices still in it. */
static int world_make(app *a, err *e)
{
    world_free(&a->w);
    int rc = world_load(&a->w, a->s, &a->cfg, e);
    if (!rc)
        plan_prune(&a->plan, &a->w);
    if (!rc && search_make(a))
        rc = err_set(e, "out of memory");
    return rc;
}

void app_reload(app *a)
{
    err e;
    if (world_make(a, &e)) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return;
    }
    for (int i = 0; i < a->depth; i++) {
        view *v = a->stack[i];
        if (v->ops->reload)
            v->ops->reload(a, v);
        else if (v->ops->plan_changed) /* the world under the plan changed */
            v->ops->plan_changed(a, v);
        v->dirty = true;
    }
    a->plan_seen = a->plan.serial;
}

/* "catchment: message" on stderr (before the screen starts or after it
 * ends); returns -1. */
static int tui_fail(const char *msg)
{
    fprintf(stderr, "catchment: %s\n", msg);
    return -1;
}

/* A writable store when the user may write, else read-only, and why. */
static int store_start(app *a)
{
    err e;
    a->s = session_store_best(a->ss, &a->read_only_why, &e);
    if (a->ss->notice) {
        tui_fail(a->ss->notice);
        a->ss->notice = NULL;
    }
    if (!a->s)
        return tui_fail(e.msg);
    a->read_only = a->read_only_why != NULL;
    a->generation = store_generation(a->s);
    return 0;
}

static int tui_setup(app *a)
{
    char msg[256];
    err e;
    keymap_init();
    if (session_config(a->ss, &a->cfg, &e))
        return tui_fail(e.msg);
    if (keymap_apply(&a->cfg, msg, sizeof msg)) {
        char full[4400];
        snprintf(full, sizeof full, "%s%s%s", a->cfg.path, *a->cfg.path ? ": " : "", msg);
        return tui_fail(full);
    }
    if (store_start(a))
        return -1;
    plan_init(&a->plan, &a->cfg);
    if (world_make(a, &e))
        return tui_fail(e.msg);
    a->today = clock_today();
    return 0;
}

static void tui_teardown(app *a)
{
    while (a->depth > 0)
        view_free(a, a->stack[--a->depth]);
    world_free(&a->w);
    search_free(a->six);
    free(a->sitems);
    plan_free(&a->plan);
    config_free(&a->cfg);
}

int tui_main(session *ss)
{
    app a = {0};
    char msg[512] = "";
    a.ss = ss;
    setlocale(LC_ALL, "");
    int rc = 1;
    if (tui_setup(&a) == 0) {
        if (term_start(&a, msg, sizeof msg) == 0) {
            if (app_push(&a, &practices_ops, NULL) == 0)
                app_loop(&a);
            rc = 0;
        }
        term_stop(&a);
        if (*msg)
            tui_fail(msg);
    }
    tui_teardown(&a);
    return *msg ? 1 : rc;
}
