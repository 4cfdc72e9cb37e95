/* The commissioner's own contracts file (docs/data-guide.md):
 *   practice_code,contract_type,start_date,end_date,extension_options,provider,notes
 * A practice may have several contracts one after another: each is kept
 * under its start date, and a row replaces the stored contract of the
 * same practice and start. */
#include "import/kinds.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

enum { F_CODE, F_TYPE, F_START, F_END, F_EXT, F_PROVIDER, F_NOTES, F_COUNT };

static const char *const spec[F_COUNT] = {
    "practice_code", "contract_type", "start_date", "end_date", "?extension_options",
    "?provider", "?notes"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "practice_code") >= 0 && imp_find(row, "contract_type") >= 0 ? 95
                                                                                      : 0;
}

static int check_type(import_ctx *ic, const csvr_row *row, contract *c, err *e)
{
    static const char *const types[] = {"GMS", "PMS", "APMS"};
    const char *v = imp_str(ic, row, F_TYPE);
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strcasecmp(v, types[i]) == 0) {
            strcpy(c->type, types[i]);
            return 0;
        }
    return imp_fail(ic, row, F_TYPE, e, "contract type must be GMS, PMS or APMS");
}

static int fill(import_ctx *ic, const csvr_row *row, contract *c, err *e)
{
    char key[CODE_MAX + 48], d[16];
    if (imp_code(ic, row, F_CODE, c->practice, e) || check_type(ic, row, c, e) ||
        imp_date(ic, row, F_START, &c->start, e) || imp_date(ic, row, F_END, &c->end, e))
        return -1;
    text_date_iso(c->start, d, sizeof d);
    snprintf(key, sizeof key, "%s's contract starting %s", c->practice, *d ? d : "(no date)");
    if (imp_once(ic, row, F_START, key, e) ||
        imp_text(ic, row, F_EXT, c->extension, sizeof c->extension, e) ||
        imp_text(ic, row, F_PROVIDER, c->provider, sizeof c->provider, e) ||
        imp_text(ic, row, F_NOTES, c->notes, sizeof c->notes, e))
        return -1;
    if (c->end == 0 && strcmp(c->type, "APMS") == 0)
        return imp_fail(ic, row, F_END, e, "an APMS contract needs an end date");
    if (c->start && c->end && c->end < c->start)
        return imp_fail(ic, row, F_END, e, "the end date is before the start date");
    return 0;
}

/* The stored contract with the same start (blank when none) into old;
 * milestones marked done or waived stay so while the end date stands. */
static int same_start(const contract *c, void *ctx)
{
    contract *old = ctx;
    if (c->start != old->start)
        return 0;
    *old = *c;
    return 1;
}

static int keep_milestones(import_ctx *ic, contract *c, contract *old, err *e)
{
    old->start = c->start;
    int rc = store_contract_each(ic->s, c->practice, same_start, old, e);
    if (rc <= 0)
        memset(old, 0, sizeof *old); /* a new contract */
    else if (old->end == c->end)
        memcpy(c->milestone, old->milestone, sizeof c->milestone);
    return rc < 0 ? -1 : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    static contract c, old; /* 4 KiB of notes each */
    memset(&c, 0, sizeof c);
    memset(&old, 0, sizeof old);
    (void)ctx;
    if (fill(ic, row, &c, e) || imp_practice_ref(ic, c.practice, e) ||
        keep_milestones(ic, &c, &old, e) || imp_contract_changes(ic, &old, &c, e) ||
        store_contract_put(ic->s, &c, e))
        return -1;
    ic->prov->illustrative |= store_contract_illustrative(&c);
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_contracts = {
    "contracts", "the commissioner's contracts CSV (practice_code,contract_type,...)",
    detect, run};
