#include "engine/psr_eval.h"

#include <math.h>

void psr_spread_add(psr_spread *s, long score)
{
    if (s->n == 0 || score < s->min)
        s->min = score;
    if (s->n == 0 || score > s->max)
        s->max = score;
    s->mean = (s->mean * s->n + (double)score) / (s->n + 1);
    s->n++;
}

double psr_weighted(long score, long top, double weight)
{
    return top > 0 ? (double)score / (double)top * weight : NAN;
}

void psr_rank(const double *total, int n, int *rank)
{
    for (int i = 0; i < n; i++) {
        rank[i] = 0;
        if (isnan(total[i]))
            continue;
        rank[i] = 1;
        for (int j = 0; j < n; j++)
            if (!isnan(total[j]) && total[j] > total[i] + 1e-9)
                rank[i]++;
    }
}
