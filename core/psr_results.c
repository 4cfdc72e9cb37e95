#include "core/psr_results.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find(const psr_item *const *v, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i]->key, key) == 0)
            return i;
    return -1;
}

static void collect(const psr_proc *p, psr_results *r)
{
    for (int i = 0; i < p->n; i++) {
        const psr_item *it = &p->row[i];
        if (strcmp(it->kind, "bidder") == 0 && r->nb < PSR_BIDDERS)
            r->bidder[r->nb++] = it;
        if (strcmp(it->kind, "question") == 0 && r->nq < PSR_QUESTIONS) {
            r->question[r->nq++] = it;
            r->weight_sum += strtod(it->f[1], NULL);
        }
    }
    for (int q = 0; q < r->nq; q++)
        for (int b = 0; b < r->nb; b++)
            r->cell[q][b].consensus = -1;
}

/* score rows: login/question/bidder; moderation rows: question/bidder. */
static void place(const psr_proc *p, psr_results *r)
{
    for (int i = 0; i < p->n; i++) {
        const psr_item *it = &p->row[i];
        char who[64] = "", qk[64] = "", bk[64] = "";
        bool score = strcmp(it->kind, "score") == 0;
        if (score)
            sscanf(it->key, "%63[^/]/%63[^/]/%63s", who, qk, bk);
        else if (strcmp(it->kind, "moderation") == 0)
            sscanf(it->key, "%63[^/]/%63s", qk, bk);
        else
            continue;
        int q = find(r->question, r->nq, qk), b = find(r->bidder, r->nb, bk);
        if (q < 0 || b < 0)
            continue;
        if (score) {
            psr_spread_add(&r->cell[q][b].spread, strtol(it->f[0], NULL, 10));
        } else {
            r->cell[q][b].consensus = strtol(it->f[0], NULL, 10);
            r->cell[q][b].rationale = it->f[1];
        }
    }
}

void psr_results_build(const psr_proc *p, psr_results *r)
{
    memset(r, 0, sizeof *r);
    collect(p, r);
    place(p, r);
    for (int b = 0; b < r->nb; b++) {
        double t = 0;
        for (int q = 0; q < r->nq && !isnan(t); q++) {
            const psr_item *qu = r->question[q];
            long c = r->cell[q][b].consensus;
            t = c < 0 ? NAN
                      : t + psr_weighted(c, strtol(qu->f[2], NULL, 10), strtod(qu->f[1], NULL));
        }
        r->total[b] = r->nq ? t : NAN;
    }
    psr_rank(r->total, r->nb, r->rank);
}
