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
    tl_rule(&hv->tl, "Commands (after :)");
    tl_add(&hv->tl, COL_NORMAL, -1, "  filter all|active|pcn [CODE]|subicb [CODE]|expiring [MONTHS]");
    tl_add(&hv->tl, COL_NORMAL, -1, "  sort COLUMN [reverse]   scenario NAME   open CODE");
    tl_add(&hv->tl, COL_NORMAL, -1, "  policy nearest|choice|optimal|demand   whatif   contracts   backtest");
    tl_add(&hv->tl, COL_NORMAL, -1, "  help   quit");
    tl_rule(&hv->tl, "Keys from the config");
    tl_add(&hv->tl, COL_NORMAL, -1, "  keys: {ACTION: KEY} in %s rebinds an action (names above)",
           *a->cfg.path ? a->cfg.path : "the config file");
}

static int hv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    hview *hv = calloc(1, sizeof *hv);
    if (!hv)
        return -1;
    hv_build(a, hv);
    v->priv = hv;
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
    free(hv);
}

const view_ops help_ops = {
    .title = "Help",
    .kind = VIEW_HELP,
    .open = hv_open,
    .draw = hv_draw,
    .done = hv_done,
};
