/* Help: made from the request table and the keymap in force (defaults
 * plus the config's keys:), so it always tells the truth. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct hview {
    tlines tl;
} hview;

static void hv_build(app *a, hview *hv)
{
    const char *section = "";
    char keys[128];
    tl_free(&hv->tl);
    for (int r = 0; r < REQ_COUNT; r++) {
        if (strcmp(section, req_section((tui_request)r)) != 0) {
            section = req_section((tui_request)r);
            tl_rule(&hv->tl, section);
        }
        keymap_keys((tui_request)r, keys, sizeof keys);
        tl_add(&hv->tl, COL_NORMAL, -1, "  %-22s %-14s %s", *keys ? keys : "(none)",
               req_name((tui_request)r), req_help((tui_request)r));
    }
    tl_rule(&hv->tl, "Commands (after :, as well as the action names above)");
    const char *name, *args, *help;
    for (int i = 0; app_command_help(i, &name, &args, &help); i++) {
        char usage[256];
        snprintf(usage, sizeof usage, "%s%s%s", name, *args ? " " : "", args);
        tl_add(&hv->tl, COL_NORMAL, -1, "  %-36s %s", usage, help);
    }
    tl_rule(&hv->tl, "Keys from the config");
    tl_add(&hv->tl, COL_NORMAL, -1, "  keys: {ACTION: KEY} in %s rebinds an action (names above)",
           *a->cfg.path ? a->cfg.path : "the config file");
}

static int hv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    hview *hv = v->priv;
    hv_build(a, hv);
    v->nlines = hv->tl.n;
    v->scroll_only = true;
    return 0;
}

static void hv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    hview *hv = v->priv;
    tl_draw(a, &hv->tl, w, line, y, width, sel);
}

static void hv_done(app *a, view *v)
{
    (void)a;
    hview *hv = v->priv;
    tl_free(&hv->tl);
}

const view_ops help_ops = {
    .title = "Help",
    .kind = VIEW_HELP,
    .private_size = sizeof(hview),
    .hints = list_hints,
    .open = hv_open,
    .draw = hv_draw,
    .done = hv_done,
};
