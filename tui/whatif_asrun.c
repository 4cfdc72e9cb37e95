/* Editing the dispersal as it is run, in the what-if: a receiver's agreed
 * intake (i) and its registrations a working day (r; off a receiver, the
 * rate for every receiver), and the share of patients who register
 * themselves first (R).  Every change goes through the plan. */
#include "tui/internal.h"

#include <stdio.h>
#include <string.h>

#include "core/plan.h"
#include "util/text.h"

/* A whole number from lo to hi, or "-" / "none" to clear (-1): 1 read,
 * 0 nothing typed or refused (said). */
static int ask_count(app *a, const char *label, long lo, long hi, long *out)
{
    char buf[32];
    if (!app_prompt(a, label, NULL, buf, sizeof buf) || !*buf)
        return 0;
    if (strcmp(buf, "-") == 0 || strcmp(buf, "none") == 0) {
        *out = -1;
        return 1;
    }
    if (text_long(buf, out) || *out < lo || *out > hi) {
        app_msg(a, COL_WARN, "'%s': a whole number from %ld to %ld, or - for none", buf, lo, hi);
        return 0;
    }
    return 1;
}

static const char *now_or_none(long v, char *buf, size_t n)
{
    if (v < 0)
        snprintf(buf, n, "none");
    else
        text_thousands(v, buf, n);
    return buf;
}

void whatif_edit_intake(app *a, int wi)
{
    char label[128], n1[32];
    long v;
    if (wi < 0 || app_marked(a, wi)) {
        app_msg(a, COL_WARN, "move the cursor to a receiver to agree its intake");
        return;
    }
    const char *code = a->w.v[wi].p.code;
    snprintf(label, sizeof label, "Intake agreed by %s, patients (now %s; - none): ", code,
             now_or_none(plan_intake(&a->plan, code), n1, sizeof n1));
    if (ask_count(a, label, 0, 1000000, &v) && plan_set_intake(&a->plan, code, v))
        app_msg(a, COL_ERROR, "out of memory");
}

void whatif_edit_rate(app *a, int wi)
{
    char label[128], n1[32];
    long v;
    if (wi >= 0 && !app_marked(a, wi)) {
        const char *code = a->w.v[wi].p.code;
        snprintf(label, sizeof label, "Registrations a day at %s (now %s; - the default): ",
                 code, now_or_none(plan_per_day(&a->plan, code), n1, sizeof n1));
        if (ask_count(a, label, 1, 100000, &v) && plan_set_per_day(&a->plan, code, v))
            app_msg(a, COL_ERROR, "out of memory");
        return;
    }
    long now = a->plan.set.allocation_per_day;
    snprintf(label, sizeof label, "Registrations a day at every receiver (now %s; - none): ",
             now_or_none(now > 0 ? now : -1, n1, sizeof n1));
    if (ask_count(a, label, 1, 100000, &v))
        plan_set_allocation_per_day(&a->plan, v < 0 ? 0 : v);
}

void whatif_edit_self(app *a)
{
    char label[128], buf[32], *end;
    snprintf(label, sizeof label, "Share registering themselves first, %% (now %g%s; "
             "add c for within headroom): ", a->plan.set.self_register_pct,
             a->plan.set.self_register_capped ? " c" : "");
    if (!app_prompt(a, label, NULL, buf, sizeof buf) || !*buf)
        return;
    end = buf + strcspn(buf, " c");
    bool capped = *end != '\0' && strchr(end, 'c') != NULL;
    double pct;
    *end = '\0';
    if (text_double(buf, &pct) || pct < 0 || pct > 100) {
        app_msg(a, COL_WARN, "'%s': a percentage from 0 to 100 (61, or 61c within headroom)",
                buf);
        return;
    }
    plan_set_self_register_pct(&a->plan, pct);
    plan_set_self_register_capped(&a->plan, capped);
}
