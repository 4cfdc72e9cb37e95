/* ODS practice register, epraccur.csv: no header, 27 quoted columns, in
 * two generations (legacy status letters and numeric settings; new status
 * words and RO role ids).  GP practices are kept; other organisations are
 * counted and skipped. */
#include "import/kinds.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

enum { F_CODE, F_NAME, F_REGION, F_ICB, F_ADDR1, F_ADDR2, F_ADDR3, F_ADDR4,
       F_ADDR5, F_POSTCODE, F_OPEN, F_CLOSE, F_STATUS, F_SUBTYPE, F_COMM,
       F_JOIN, F_LEFT, F_PHONE, F_N19, F_N20, F_N21, F_AMENDED, F_N23,
       F_PARENT, F_N25, F_ROLE, F_N27, F_COUNT };

static const char *const names[F_COUNT] = {
    "organisation code", "name", "national grouping", "high level health geography",
    "address line 1", "address line 2", "address line 3", "address line 4",
    "address line 5", "postcode", "open date", "close date", "status",
    "organisation sub-type", "commissioner", "join date", "left date",
    "telephone", "column 19", "column 20", "column 21", "amended record indicator",
    "column 23", "provider/purchaser", "column 25", "prescribing setting / role",
    "column 27"};

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static int detect(const csvr_row *row)
{
    if (row->n != F_COUNT || strlen(row->f[F_CODE]) < 3 || strlen(row->f[F_CODE]) > 10)
        return 0;
    bool dated = all_digits(row->f[F_OPEN]) && strlen(row->f[F_OPEN]) == 8;
    return dated ? 95 : 40;
}

/* Legacy letters become the words the new generation uses. */
static const char *status_word(const char *s)
{
    static const char *const map[][2] = {
        {"A", "ACTIVE"}, {"C", "CLOSED"}, {"D", "DORMANT"}, {"P", "PROPOSED"},
        {"B", "RETIRED"}, {"U", "UNKNOWN"}, {"ACTIVE", "ACTIVE"},
        {"INACTIVE", "INACTIVE"}, {"DORMANT", "DORMANT"}, {"CLOSED", "CLOSED"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(s, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* Setting 4 (legacy) or role RO76 anywhere in a '|' list (new). */
static bool is_gp(const char *role)
{
    if (strcmp(role, "4") == 0)
        return true;
    for (const char *p = role; (p = strstr(p, "RO76")) != NULL; p += 4)
        if ((p == role || p[-1] == '|') && (p[4] == '\0' || p[4] == '|'))
            return true;
    return false;
}

static int fill(import_ctx *ic, const csvr_row *row, practice *p, err *e)
{
    if (imp_text(ic, row, F_NAME, p->name, sizeof p->name, e) ||
        imp_text(ic, row, F_PHONE, p->phone, sizeof p->phone, e) ||
        imp_text(ic, row, F_SUBTYPE, p->subtype, sizeof p->subtype, e) ||
        imp_text(ic, row, F_ROLE, p->role, sizeof p->role, e) ||
        imp_text(ic, row, F_REGION, p->region, sizeof p->region, e) ||
        imp_text(ic, row, F_ICB, p->icb, sizeof p->icb, e) ||
        imp_text(ic, row, F_COMM, p->sub_icb, sizeof p->sub_icb, e) ||
        imp_text(ic, row, F_PARENT, p->parent, sizeof p->parent, e) ||
        imp_date(ic, row, F_OPEN, &p->open_date, e) ||
        imp_date(ic, row, F_CLOSE, &p->close_date, e))
        return -1;
    for (int i = 0; i < 5; i++)
        if (imp_text(ic, row, F_ADDR1 + i, p->addr[i], sizeof p->addr[i], e))
            return -1;
    if (*imp_str(ic, row, F_POSTCODE) && imp_postcode(ic, row, F_POSTCODE, p->postcode, e))
        return -1;
    const char *status = status_word(imp_str(ic, row, F_STATUS));
    if (!status)
        return imp_fail(ic, row, F_STATUS, e, "unknown status '%s' (A/C/D/P or "
                        "ACTIVE/INACTIVE/DORMANT)", imp_str(ic, row, F_STATUS));
    snprintf(p->status, sizeof p->status, "%s", status);
    p->gp = is_gp(p->role);
    p->in_register = true;
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    char code[CODE_MAX];
    practice p;
    (void)ctx;
    if (imp_need_fields(ic, row, F_COUNT, e) || imp_code(ic, row, F_CODE, code, e))
        return -1;
    if (!is_gp(imp_str(ic, row, F_ROLE))) {
        imp_skip(ic, "not GP practices");
        return 0;
    }
    if (imp_practice(ic, code, &p, e) || fill(ic, row, &p, e) ||
        store_practice_put(ic->s, &p, e) || imp_name(ic, code, p.name, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    imp_fixed(ic, names, F_COUNT);
    return imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_epraccur = {
    "epraccur", "ODS practice register epraccur.csv (legacy or new generation)",
    detect, run};
