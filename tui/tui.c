/* tui_main: the config, the store (writable when it may be, else
 * read-only with the reason kept for the screen), the world and the search
 * index; then the terminal and the loop. */
#include "tui/internal.h"

#include "core/world_search.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/clock.h"
#include "util/text.h"

static void search_drop(app *a)
{
    search_free(a->six);
    a->six = NULL;
    world_other_names_free(a->sother, a->nsearch);
    free(a->saddr);
    free(a->sitems);
    a->sother = NULL;
    a->saddr = NULL;
    a->sitems = NULL;
    a->nsearch = 0;
}

/* The search index over code, name, postcode, phone, town, every
 * address line and the names other files gave each practice. */
static int search_make(app *a, err *e)
{
    search_drop(a);
    size_t n = (size_t)a->w.n + 1;
    a->sitems = calloc(n, sizeof *a->sitems);
    a->saddr = calloc(n, sizeof *a->saddr);
    if (!a->sitems || !a->saddr)
        return err_set(e, "out of memory");
    if (store_read_begin(a->s, e))
        return -1;
    int rc = world_other_names(&a->w, a->s, &a->sother, e);
    store_read_end(a->s);
    a->nsearch = rc ? 0 : a->w.n;
    if (rc)
        return -1;
    for (int i = 0; i < a->w.n; i++) {
        const practice *p = &a->w.v[i].p;
        for (int l = 0; l < 5; l++)
            a->saddr[i][l] = p->addr[l];
        a->sitems[i] = (search_item){
            .code = p->code,
            .name = p->name,
            .postcode = p->postcode,
            .phone = p->phone,
            .town = plist_town(p),
            .addr = a->saddr[i],
            .other_names = a->sother[i],
        };
    }
    a->six = search_build(a->sitems, a->w.n);
    return a->six ? 0 : err_set(e, "out of memory");
}

/* Loads the world; the plan keeps the practices still in it. */
static int world_make(app *a, err *e)
{
    world_free(&a->w);
    int rc = world_load_at(&a->w, a->s, &a->cfg, tui_as_at(a), e);
    if (!rc)
        plan_prune(&a->plan, &a->w);
    if (!rc)
        rc = search_make(a, e);
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
    char shown[4 * 4400 + 1]; /* names a file: through the output filter */
    fprintf(stderr, "catchment: %s\n", text_escape(msg, shown, sizeof shown));
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
    if (*a->cfg.warning) /* a stale scenario: said once, the screen goes on */
        app_msg(a, COL_WARN, "%s", a->cfg.warning);
    return 0;
}

static void tui_teardown(app *a)
{
    while (a->depth > 0)
        view_free(a, a->stack[--a->depth]);
    search_drop(a);
    world_free(&a->w);
    plan_free(&a->plan);
    config_free(&a->cfg);
}

int tui_main(session *ss)
{
    app a = {0};
    char msg[512] = "";
    a.ss = ss;
    /* The user's locale for characters (UTF-8 or not), but numbers as the
     * command line shows and the config writes them: "2.5", not "2,5". */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    int rc = 1;
    if (tui_setup(&a) == 0) {
        if (term_start(&a, msg, sizeof msg) == 0) {
            if (app_push(&a, &practices_ops, NULL) == 0) {
                if (*keymap_note())
                    app_msg(&a, COL_WARN, "%s", keymap_note());
                app_loop(&a);
            }
            rc = 0;
        }
        term_stop(&a);
        if (*msg)
            tui_fail(msg);
    }
    tui_teardown(&a);
    if (term_stop_signal()) /* ended by SIGHUP or SIGQUIT, the terminal restored */
        return 128 + term_stop_signal();
    return *msg ? 1 : rc;
}
