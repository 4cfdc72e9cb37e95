/* The dates a procurement record drives: the notice, the end of the
 * standstill (in working days, from the regime), the award (recorded, or
 * the earliest after the standstill), and mobilisation (the regime's
 * months before commencement).  A contract whose practice is in a
 * procurement record takes its procurement, award and mobilisation
 * milestones from here instead of counting back from its end date. */
#ifndef CATCHMENT_PSR_DATES_H
#define CATCHMENT_PSR_DATES_H

#include "core/psr.h"

typedef struct psr_dates {
    long notice, standstill_end, award, commencement, mobilisation; /* 0 unknown */
    bool award_recorded;      /* else award is the earliest possible */
    int year_needed;          /* standstill_end unknown: no holidays for this year */
} psr_dates;

void psr_dates_of(const psr_regime *rg, const psr_proc *p, psr_dates *out);

/* The procurement whose practices include code, the latest by id: 1
 * found (id filled), 0 none, -1 error.  Own read transaction. */
int psr_find_practice(store *s, const char *code, char id[CODE_MAX], err *e);

#endif
