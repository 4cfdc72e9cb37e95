/* gp-reg-pat-prac-map.csv: practice to PCN, sub-ICB, ICB and region. */
#include "import/kinds.h"

enum { F_CODE, F_NAME, F_POSTCODE, F_PCN, F_PCN_NAME, F_SUB_ICB, F_SUB_ICB_NAME,
       F_ICB, F_ICB_NAME, F_COUNT };

static const char *const spec[F_COUNT] = {
    "PRACTICE_CODE", "?PRACTICE_NAME", "?PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
    "?SUB_ICB_LOCATION_CODE|CCG_CODE", "?SUB_ICB_LOCATION_NAME|CCG_NAME", "?ICB_CODE",
    "?ICB_NAME"};

static int detect(const csvr_row *row)
{
    return imp_find(row, "PRACTICE_CODE") >= 0 && imp_find(row, "PCN_CODE") >= 0 ? 95 : 0;
}

static int fill(import_ctx *ic, const csvr_row *row, practice *p, err *e)
{
    if (imp_text(ic, row, F_PCN, p->pcn_code, sizeof p->pcn_code, e) ||
        imp_text(ic, row, F_PCN_NAME, p->pcn_name, sizeof p->pcn_name, e) ||
        imp_text(ic, row, F_SUB_ICB_NAME, p->sub_icb_name, sizeof p->sub_icb_name, e) ||
        imp_text(ic, row, F_ICB_NAME, p->icb_name, sizeof p->icb_name, e))
        return -1;
    if (p->in_register)
        return 0;
    /* Known only from this file so far: take its name and place too. */
    p->gp = true;
    if (*imp_str(ic, row, F_POSTCODE) && imp_postcode(ic, row, F_POSTCODE, p->postcode, e))
        return -1;
    return imp_text(ic, row, F_NAME, p->name, sizeof p->name, e) ||
           imp_text(ic, row, F_SUB_ICB, p->sub_icb, sizeof p->sub_icb, e) ||
           imp_text(ic, row, F_ICB, p->icb, sizeof p->icb, e);
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    char code[CODE_MAX];
    practice p;
    (void)ctx;
    char name[NAME_MAX];
    if (imp_code(ic, row, F_CODE, code, e) || imp_practice(ic, code, &p, e) ||
        fill(ic, row, &p, e) || store_practice_put(ic->s, &p, e) ||
        imp_text(ic, row, F_NAME, name, sizeof name, e) || imp_name(ic, code, name, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_pcn_map = {
    "pcn-map", "NHS Digital gp-reg-pat-prac-map.csv (practice to PCN, sub-ICB, ICB)",
    detect, run};
