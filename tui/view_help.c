/* Help: made from the request table and the keymap in force (defaults
 * plus the config's keys:), so it always tells the truth. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct hview {
    tlines tl;
} hview;

static const char pad[] = "                                          "; /* 42 */

/* One request's line: its keys, its name and what it does. */
static void hv_request(hview *hv, tui_request r, int width)
{
    char keys[128], first[320];
    keymap_keys(r, keys, sizeof keys);
    snprintf(first, sizeof first, "  %-22s %-16s ", *keys ? keys : "(none)", req_name(r));
    if (strlen(first) > 42) /* many keys: the description on the next line */
        tl_add(&hv->tl, COL_NORMAL, -1, "%s", first), snprintf(first, sizeof first, "%s", pad);
    tl_wrap_hang(&hv->tl, COL_NORMAL, width, first, pad, req_help(r));
}

/* True when an earlier request has r's section (it is listed there). */
static bool section_seen(int r)
{
    for (int i = 0; i < r; i++)
        if (strcmp(req_section((tui_request)i), req_section((tui_request)r)) == 0)
            return true;
    return false;
}

/* Each section once, in the order it first comes in the request table,
 * with every request of it (the table adds new ones at its end).  The
 * descriptions wrap under themselves at the width of the screen. */
static void hv_build(app *a, hview *hv, int width)
{
    char first[320];
    tl_free(&hv->tl);
    for (int r = 0; r < REQ_COUNT; r++) {
        if (section_seen(r))
            continue;
        const char *section = req_section((tui_request)r);
        tl_rule(&hv->tl, section);
        for (int k = r; k < REQ_COUNT; k++)
            if (strcmp(req_section((tui_request)k), section) == 0)
                hv_request(hv, (tui_request)k, width);
    }
    tl_rule(&hv->tl, "Commands (after :, as well as the action names above)");
    const char *name, *args, *help;
    for (int i = 0; app_command_help(a, i, &name, &args, &help); i++) {
        char usage[256];
        if (!name)
            continue;
        snprintf(usage, sizeof usage, "%s%s%s", name, *args ? " " : "", args);
        snprintf(first, sizeof first, "  %-39s ", usage);
        if (strlen(first) > 42)
            tl_add(&hv->tl, COL_NORMAL, -1, "%s", first), snprintf(first, sizeof first, "%s", pad);
        tl_wrap_hang(&hv->tl, COL_NORMAL, width, first, pad, help);
    }
    tl_rule(&hv->tl, "Keys from the config");
    tl_add(&hv->tl, COL_NORMAL, -1, "  keys: {ACTION: KEY} in %s rebinds an action (names above)",
           *a->cfg.path ? a->cfg.path : "the config file");
}

static int hv_open(app *a, view *v, const void *arg)
{
    (void)arg;
    hview *hv = v->priv;
    hv_build(a, hv, a->cols);
    v->nlines = hv->tl.n;
    v->scroll_only = true;
    return 0;
}

static void hv_resize(app *a, view *v, int width)
{
    hview *hv = v->priv;
    hv_build(a, hv, width);
    v->nlines = hv->tl.n;
}

static const view_hint hv_hints[] = {
    HINT2(MOVE_DOWN, MOVE_UP, "scroll"), HINT2(PAGE_DOWN, PAGE_UP, "page"), HINT(BACK, "back"),
    HINT_END,
};

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
    .hints = hv_hints,
    .open = hv_open,
    .resize = hv_resize,
    .draw = hv_draw,
    .done = hv_done,
};
