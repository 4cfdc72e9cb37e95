/* ODS PCN core partner details, epcncorepartnerdetails.csv: which PCN each
 * practice belonged to and when.  Published without a header (11 columns:
 * partner code and name, its sub-ICB code and name, PCN code and name, the
 * PCN's sub-ICB code and name, start date, end date, whether the two
 * sub-ICBs match); the "include headers" download names them. */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <string.h>

#include "util/text.h"

enum { F_CODE, F_NAME, F_SUB, F_SUBNAME, F_PCN, F_PCNNAME, F_PCNSUB, F_PCNSUBNAME, F_START,
       F_END, F_MATCH, F_COUNT };

static const char *const spec[F_COUNT] = {
    "Partner Organisation Code", "?Partner Name", "?Practice Parent Sub ICB Location Code",
    "?Practice Parent Sub ICB Location Name", "PCN Code", "PCN Name",
    "?PCN Parent Sub ICB Location Code", "?PCN Parent Sub ICB Location Name",
    "Practice to PCN Relationship Start Date", "Practice to PCN Relationship End Date",
    "?Practice Sub ICB and PCN Sub ICB Match?"};

static int detect(const csvr_row *row)
{
    if (imp_find(row, "Partner Organisation Code") >= 0 && imp_find(row, "PCN Code") >= 0)
        return 95;
    return row->n == F_COUNT && row->f[F_PCN][0] == 'U' && text_date(row->f[F_START]) > 0 ? 90
                                                                                           : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    pcn_member m;
    memset(&m, 0, sizeof m);
    if ((!ic->header_n && imp_need_fields(ic, row, F_COUNT, e)) || imp_code(ic, row, F_CODE, m.practice, e) || imp_code(ic, row, F_PCN, m.pcn, e) ||
        imp_text(ic, row, F_PCNNAME, m.pcn_name, sizeof m.pcn_name, e) ||
        imp_date(ic, row, F_START, &m.start, e) || imp_date(ic, row, F_END, &m.end, e))
        return -1;
    if (m.start == 0)
        return imp_fail(ic, row, F_START, e, "no start date");
    if (m.end && m.end < m.start)
        return imp_fail(ic, row, F_END, e, "the membership ends before it starts");
    int known = ev_known_practice(ic, m.practice, e);
    if (known <= 0)
        return known;
    if (store_pcn_member_put(ic->s, &m, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    static const char *const names[F_COUNT] = {
        "partner organisation code", "partner name", "practice sub-ICB code",
        "practice sub-ICB name", "PCN code", "PCN name", "PCN sub-ICB code", "PCN sub-ICB name",
        "start date", "end date", "sub-ICBs match"};
    csvr_row *first;
    /* Peek: a header row names its columns; otherwise the fixed layout. */
    int rc = csvr_next(ic->r, &first, e);
    if (rc <= 0)
        return rc < 0 ? -1 : err_at(e, csvr_name(ic->r), 1, 0, "the file holds no rows");
    if (imp_find(first, "Partner Organisation Code") >= 0)
        return imp_header(ic, first, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
    imp_fixed(ic, names, F_COUNT);
    if (one_row(ic, first, NULL, e))
        return -1;
    return imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_pcn_partners = {
    "pcn-partners", "ODS PCN core partner details (practice to PCN, with start and end dates)",
    detect, run};
