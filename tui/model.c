/* The practice table as data: which practices, in what order.  No curses
 * here, so the sorting and filtering can be tested on their own. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/milestones.h"
#include "util/text.h"

static const char *const pcol_names[PCOL_COUNT] = {
    "code", "name", "town", "list", "trend", "capacity", "headroom", "end", "status",
};

const char *pcol_name(pcol c) { return c < PCOL_COUNT ? pcol_names[c] : "?"; }

int pcol_parse(const char *s)
{
    for (int i = 0; i < PCOL_COUNT; i++)
        if (strcasecmp(pcol_names[i], s) == 0)
            return i;
    return -1;
}

/* New-format addresses put the town on line 4; older ones earlier. */
const char *plist_town(const practice *p)
{
    for (int i = 3; i >= 1; i--)
        if (*p->addr[i])
            return p->addr[i];
    return "";
}

double plist_trend(const world_practice *wp)
{
    if (wp->list_year_ago <= 0 || wp->p.list_size < 0)
        return NAN;
    return 100.0 * (double)(wp->p.list_size - wp->list_year_ago) / (double)wp->list_year_ago;
}

void plist_list_cell(const world *w, const world_practice *wp, char *buf, size_t n)
{
    char num[32];
    if (wp->p.list_size < 0) {
        snprintf(buf, n, "-");
        return;
    }
    snprintf(buf, n, "%s%s", text_thousands(wp->p.list_size, num, sizeof num),
             asat_stale(wp->p.list_date, w->at.date) ? "*" : "");
}

void plist_status_cell(const world *w, const world_practice *wp, char *buf, size_t n)
{
    long c = wp->p.close_date;
    if (!wp->open && c > 0 && c <= w->at.date)
        snprintf(buf, n, "cl %04ld", c / 10000);
    else
        snprintf(buf, n, "%s", !wp->open ? "closed" : wp->list_closed ? "list-cl" : "open");
}

const char *plist_stale_legend(const world *w)
{
    for (int i = 0; i < w->n; i++)
        if (w->v[i].p.list_size >= 0 && asat_stale(w->v[i].p.list_date, w->at.date))
            return "  * 6m+ old";
    return "";
}

/* A number to sort by; NAN when unknown (always sorted last). */
static double sort_number(const world_practice *wp, pcol col)
{
    switch (col) {
    case PCOL_LIST: return wp->p.list_size < 0 ? NAN : (double)wp->p.list_size;
    case PCOL_TREND: return plist_trend(wp);
    case PCOL_CAP: return !world_capacity_known(wp) ? NAN : (double)wp->cap.capacity;
    case PCOL_HEAD: return !world_capacity_known(wp) ? NAN : (double)wp->cap.headroom;
    case PCOL_END: return wp->contract_end ? (double)wp->contract_end : NAN;
    case PCOL_STATUS: return wp->open ? 0 : wp->list_closed ? 1 : 2;
    default: return 0;
    }
}

static const char *sort_text(const world_practice *wp, pcol col)
{
    switch (col) {
    case PCOL_CODE: return wp->p.code;
    case PCOL_NAME: return wp->p.name;
    case PCOL_TOWN: return plist_town(&wp->p);
    default: return "";
    }
}

/* One row with what it sorts by, so the comparison needs nothing else. */
typedef struct sort_row {
    int idx;
    double num;
    const char *text, *code;
    bool unknown, by_text, reverse;
} sort_row;

static sort_row row_of(const world *w, int i, const plist *pl)
{
    const world_practice *wp = &w->v[i];
    bool by_text = pl->sort <= PCOL_TOWN;
    sort_row r = {
        .idx = i,
        .num = sort_number(wp, pl->sort),
        .text = sort_text(wp, pl->sort),
        .code = wp->p.code,
        .by_text = by_text,
        .reverse = pl->reverse,
    };
    r.unknown = isnan(r.num) || (by_text && !*r.text);
    return r;
}

/* Unknowns (NAN, empty text) last whichever way the sort runs; ties in
 * code order. */
static int sort_cmp(const void *a, const void *b)
{
    const sort_row *x = a, *y = b;
    if (x->unknown != y->unknown)
        return x->unknown ? 1 : -1;
    int c = 0;
    if (!x->unknown)
        c = x->by_text ? strcasecmp(x->text, y->text) : (x->num > y->num) - (x->num < y->num);
    if (x->reverse)
        c = -c;
    return c ? c : strcmp(x->code, y->code);
}

static bool keep(const plist *pl, const world_practice *wp, long today)
{
    switch (pl->filter) {
    case PF_ALL: return true;
    case PF_ACTIVE: return wp->open;
    case PF_PCN: return strcmp(wp->p.pcn_code, pl->fcode) == 0;
    case PF_SUBICB: return strcmp(wp->p.sub_icb, pl->fcode) == 0;
    case PF_EXPIRING:
        return wp->contract_end && wp->contract_end >= today &&
               wp->contract_end <= milestone_months_before(today, -pl->months);
    case PF_COUNT: break;
    }
    return true;
}

int plist_build(plist *pl, const world *w, long today)
{
    int *idx = realloc(pl->idx, (size_t)(w->n + 1) * sizeof *idx);
    sort_row *rows = calloc((size_t)w->n + 1, sizeof *rows);
    if (idx)
        pl->idx = idx;
    if (!idx || !rows) {
        free(rows);
        return -1;
    }
    pl->n = 0;
    for (int i = 0; i < w->n; i++)
        if (keep(pl, &w->v[i], today))
            rows[pl->n++] = row_of(w, i, pl);
    qsort(rows, (size_t)pl->n, sizeof *rows, sort_cmp);
    for (int i = 0; i < pl->n; i++)
        idx[i] = rows[i].idx;
    free(rows);
    return 0;
}

void plist_free(plist *pl)
{
    free(pl->idx);
    pl->idx = NULL;
    pl->n = 0;
}
