/* The commissioner's own capacity facts (docs/data-guide.md):
 *   code,capacity,gp_fte,list_open[,closed_from,closed_to][,effective_from][,notes]
 * Blank means unknown.  A row whose notes say ILLUSTRATIVE holds made-up
 * figures (the demo's): every figure resting on it is labelled so.  A row's facts apply from its effective_from date,
 * or from the day of the import when the file has none; they replace the
 * practice's record from that same date and leave the others. */
#include "import/kinds.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/clock.h"
#include "util/text.h"

enum { F_CODE, F_CAPACITY, F_FTE, F_OPEN, F_FROM, F_TO, F_EFFECTIVE, F_NOTES, F_COUNT };

static const char *const spec[F_COUNT] = {
    "code|practice_code", "capacity", "gp_fte", "list_open", "?closed_from", "?closed_to",
    "?effective_from", "?notes"};

static int detect(const csvr_row *row)
{
    bool ok = (imp_find(row, "code") >= 0 || imp_find(row, "practice_code") >= 0) &&
              imp_find(row, "capacity") >= 0 && imp_find(row, "list_open") >= 0;
    return ok ? 95 : 0;
}

/* yes/no, true/false, open/closed, 1/0 or blank (unknown). */
static int list_open(import_ctx *ic, const csvr_row *row, int *out, err *e)
{
    static const char *const yes[] = {"yes", "true", "open", "1", "y"};
    static const char *const no[] = {"no", "false", "closed", "0", "n"};
    const char *v = imp_str(ic, row, F_OPEN);
    *out = -1;
    if (!*v)
        return 0;
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return *out = 1, 0;
        if (strcasecmp(v, no[i]) == 0)
            return *out = 0, 0;
    }
    return imp_fail(ic, row, F_OPEN, e, "say yes or no (open/closed, true/false, 1/0)");
}

static int numbers(import_ctx *ic, const csvr_row *row, capacity_rec *c, err *e)
{
    if (*imp_str(ic, row, F_CAPACITY)) {
        if (imp_long(ic, row, F_CAPACITY, &c->capacity, e))
            return -1;
        if (c->capacity < 0 || c->capacity > 1000000)
            return imp_fail(ic, row, F_CAPACITY, e, "capacity %ld is not 0 to 1,000,000",
                            c->capacity);
    }
    if (*imp_str(ic, row, F_FTE)) {
        if (imp_double(ic, row, F_FTE, &c->gp_fte, e))
            return -1;
        if (c->gp_fte < 0)
            return imp_fail(ic, row, F_FTE, e, "a negative number of GPs");
        if (c->gp_fte > 1000)
            return imp_fail(ic, row, F_FTE, e, "more than 1,000 full-time GPs");
    }
    return 0;
}

static int fill(import_ctx *ic, const csvr_row *row, capacity_rec *c, err *e)
{
    char code[CODE_MAX];
    if (imp_code(ic, row, F_CODE, code, e))
        return -1;
    capacity_init(c, code);
    if (numbers(ic, row, c, e) || list_open(ic, row, &c->list_open, e) ||
        imp_date(ic, row, F_FROM, &c->closed_from, e) ||
        imp_date(ic, row, F_TO, &c->closed_to, e) ||
        imp_date(ic, row, F_EFFECTIVE, &c->from, e))
        return -1;
    if (c->from <= 0)
        c->from = clock_today();
    /* One row per practice and date: an exported history has several. */
    char key[CODE_MAX + 48], d[16];
    snprintf(key, sizeof key, "%s's capacity from %s", code,
             text_date_or_dash(c->from, d, sizeof d));
    if (imp_once(ic, row, F_CODE, key, e))
        return -1;
    c->illustrative = strstr(imp_str(ic, row, F_NOTES), "ILLUSTRATIVE") != NULL;
    ic->prov->illustrative |= c->illustrative;
    if (c->closed_to && c->closed_to < c->closed_from)
        return imp_fail(ic, row, F_TO, e, "the list reopens before it closes");
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    capacity_rec c, old;
    (void)ctx;
    if (fill(ic, row, &c, e) || imp_practice_ref(ic, c.practice, e))
        return -1;
    if (store_capacity_at(ic->s, c.practice, c.from, &old, e) < 0 ||
        imp_capacity_changes(ic, &old, &c, e) || store_capacity_put(ic->s, &c, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_capacity = {
    "capacity", "the commissioner's capacity CSV (code,capacity,gp_fte,list_open,...)",
    detect, run};
