/* Bid evaluation arithmetic: the spread of individual scores, weighted
 * scores and the ranking.  Pure: the caller brings the numbers. */
#ifndef CATCHMENT_PSR_EVAL_H
#define CATCHMENT_PSR_EVAL_H

typedef struct psr_spread {
    int n;
    long min, max;
    double mean;
} psr_spread;

void psr_spread_add(psr_spread *s, long score);

/* A score out of top, as points of a question worth weight per cent. */
double psr_weighted(long score, long top, double weight);

/* rank[i] of total[i], 1 the highest, equal totals sharing a rank; a NAN
 * total (incomplete) gets 0, unranked. */
void psr_rank(const double *total, int n, int *rank);

#endif
