/* The practice table as data: which practices, in what order.  No curses
 * here, so the sorting and filtering can be tested on their own. */
#include "tui/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/milestones.h"

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

static const world *sort_world;
static pcol sort_col;

static int cmp_num(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b); /* unknown last */
    return (a > b) - (a < b);
}

static int sort_key(int ia, int ib)
{
    const world_practice *x = &sort_world->v[ia], *y = &sort_world->v[ib];
    switch (sort_col) {
    case PCOL_CODE: return strcmp(x->p.code, y->p.code);
    case PCOL_NAME: return strcasecmp(x->p.name, y->p.name);
    case PCOL_TOWN: return strcasecmp(plist_town(&x->p), plist_town(&y->p));
    case PCOL_LIST: return cmp_num((double)x->p.list_size, (double)y->p.list_size);
    case PCOL_TREND: return cmp_num(plist_trend(x), plist_trend(y));
    case PCOL_CAP: return cmp_num((double)x->cap.capacity, (double)y->cap.capacity);
    case PCOL_HEAD: return cmp_num((double)x->cap.headroom, (double)y->cap.headroom);
    case PCOL_END:
        return cmp_num(x->contract_end ? (double)x->contract_end : NAN,
                       y->contract_end ? (double)y->contract_end : NAN);
    case PCOL_STATUS: return (int)y->open - (int)x->open;
    case PCOL_COUNT: break;
    }
    return 0;
}

static int sort_cmp(const void *a, const void *b)
{
    int ia = *(const int *)a, ib = *(const int *)b;
    int c = sort_key(ia, ib);
    return c ? c : (ia > ib) - (ia < ib);
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
    qsort(idx, (size_t)pl->n, sizeof *idx, sort_cmp);
    for (int i = 0; pl->reverse && i < pl->n / 2; i++) {
        int t = idx[i];
        idx[i] = idx[pl->n - 1 - i];
        idx[pl->n - 1 - i] = t;
    }
    return 0;
}

void plist_free(plist *pl)
{
    free(pl->idx);
    pl->idx = NULL;
    pl->n = 0;
}
