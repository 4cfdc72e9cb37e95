/* The evaluation's results: for each question and bidder the spread of
 * the individual scores the viewer may see and the moderated consensus;
 * for each bidder the weighted total (unknown until every question is
 * moderated) and the rank. */
#ifndef CATCHMENT_PSR_RESULTS_H
#define CATCHMENT_PSR_RESULTS_H

#include "core/psr.h"
#include "engine/psr_eval.h"

enum { PSR_BIDDERS = 16, PSR_QUESTIONS = 48 };

typedef struct psr_cell {
    psr_spread spread;        /* individual submitted scores */
    long consensus;           /* -1 not moderated */
    const char *rationale;
} psr_cell;

typedef struct psr_results {
    int nb, nq;
    const psr_item *bidder[PSR_BIDDERS], *question[PSR_QUESTIONS];
    psr_cell cell[PSR_QUESTIONS][PSR_BIDDERS];
    double total[PSR_BIDDERS];  /* NAN while incomplete */
    int rank[PSR_BIDDERS];
    double weight_sum;          /* of the questions: should be 100 */
} psr_results;

void psr_results_build(const psr_proc *p, psr_results *r);

#endif
