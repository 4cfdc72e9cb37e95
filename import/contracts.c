/* The commissioner's own contracts file (docs/data-guide.md):
 *   practice_code,contract_type,start_date,end_date,extension_options,provider,notes
 * One contract per practice; a row replaces the practice's stored one. */
#include "import/kinds.h"

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
    if (imp_code(ic, row, F_CODE, c->practice, e) || check_type(ic, row, c, e) ||
        imp_date(ic, row, F_START, &c->start, e) || imp_date(ic, row, F_END, &c->end, e) ||
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

/* Milestones marked done or waived stay so while the end date stands. */
static int keep_milestones(import_ctx *ic, contract *c, err *e)
{
    static contract old;
    int rc = store_contract_get(ic->s, c->practice, &old, e);
    if (rc > 0 && old.end == c->end)
        memcpy(c->milestone, old.milestone, sizeof c->milestone);
    return rc < 0 ? -1 : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    static contract c; /* 4 KiB of notes */
    memset(&c, 0, sizeof c);
    (void)ctx;
    if (fill(ic, row, &c, e) || keep_milestones(ic, &c, e) || store_contract_put(ic->s, &c, e))
        return -1;
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
