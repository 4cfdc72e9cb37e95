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

bool plist_has_capacity(const world_practice *wp)
{
    return wp->open && wp->p.list_size >= 0;
}

const char *plist_stale_legend(const world *w)
{
    for (int i = 0; i < w->n; i++)
        if (w->v[i].p.list_size >= 0 && asat_stale(w->v[i].p.list_date, w->at.date))
            return "  * list 6m+ old";
    return "";
}

static const world *sort_world;
static pcol sort_col;
static bool sort_reverse;

/* A number to sort by; NAN when unknown (always sorted last). */
static double sort_number(const world_practice *wp)
{
    switch (sort_col) {
    case PCOL_LIST: return wp->p.list_size < 0 ? NAN : (double)wp->p.list_size;
    case PCOL_TREND: return plist_trend(wp);
    case PCOL_CAP: return !plist_has_capacity(wp) ? NAN : (double)wp->cap.capacity;
    case PCOL_HEAD: return !plist_has_capacity(wp) ? NAN : (double)wp->cap.headroom;
    case PCOL_END: return wp->contract_end ? (double)wp->contract_end : NAN;
    case PCOL_STATUS: return wp->open ? 0 : wp->list_closed ? 1 : 2;
    default: return 0;
    }
}

static const char *sort_text(const world_practice *wp)
{
    switch (sort_col) {
    case PCOL_CODE: return wp->p.code;
    case PCOL_NAME: return wp->p.name;
    case PCOL_TOWN: return plist_town(&wp->p);
    default: return "";
    }
}

/* Unknowns (NAN, empty text) last whichever way the sort runs; ties in
 * code order. */
static int sort_cmp(const void *a, const void *b)
{
    int ia = *(const int *)a, ib = *(const int *)b;
    const world_practice *x = &sort_world->v[ia], *y = &sort_world->v[ib];
    double nx = sort_number(x), ny = sort_number(y);
    const char *tx = sort_text(x), *ty = sort_text(y);
    bool ux = isnan(nx) || (sort_col <= PCOL_TOWN && !*tx);
    bool uy = isnan(ny) || (sort_col <= PCOL_TOWN && !*ty);
    if (ux != uy)
        return ux ? 1 : -1;
    int c = 0;
    if (!ux)
        c = sort_col <= PCOL_TOWN ? strcasecmp(tx, ty) : (nx > ny) - (nx < ny);
    if (sort_reverse)
        c = -c;
    return c ? c : strcmp(x->p.code, y->p.code);
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
    if (!idx)
        return -1;
    pl->idx = idx;
    pl->n = 0;
    for (int i = 0; i < w->n; i++)
        if (keep(pl, &w->v[i], today))
            idx[pl->n++] = i;
    sort_world = w;
    sort_col = pl->sort;
    sort_reverse = pl->reverse;
    qsort(idx, (size_t)pl->n, sizeof *idx, sort_cmp);
    return 0;
}

void plist_free(plist *pl)
{
    free(pl->idx);
    pl->idx = NULL;
    pl->n = 0;
}
