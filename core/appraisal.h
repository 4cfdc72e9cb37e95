/* An options appraisal of a contract: the named options, each scored on
 * the six factors commissioners weigh (finance, performance,
 * sustainability, practice size, other local provision, local patient
 * need) with a rationale, the recommendation and its approval.  Every
 * entry is one audited write; approval marks the contract's options
 * appraisal milestone done. */
#ifndef CATCHMENT_APPRAISAL_H
#define CATCHMENT_APPRAISAL_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { APPRAISAL_OPTIONS = 5, APPRAISAL_FACTORS = 6, APPRAISAL_SCORE_MAX = 5 };

/* "reprocure", "direct-award", "merge", "disperse", "caretaker" */
const char *appraisal_option_name(int i);
/* "Re-procure", "Direct award to the current provider", ... */
const char *appraisal_option_title(int i);
/* "finance", "performance", "sustainability", "size", "provision", "need" */
const char *appraisal_factor_name(int i);
const char *appraisal_factor_title(int i);
/* Index of a name, -1 when unknown. */
int appraisal_option_find(const char *name);
int appraisal_factor_find(const char *name);

/* "R", "A", "G" of a score (1-2 red, 3 amber, 4-5 green), "-" for none. */
const char *appraisal_rag(int score);

typedef struct appraisal {
    char practice[CODE_MAX];
    appraisal_rec score[APPRAISAL_OPTIONS][APPRAISAL_FACTORS]; /* score 0: not scored */
    appraisal_rec detail[APPRAISAL_OPTIONS];  /* value "": none given */
    appraisal_rec recommend, approve;         /* time 0: none yet */
} appraisal;

/* Everything recorded for one practice (inside the caller's read). */
int appraisal_load(store *s, const char *code, appraisal *out, err *e);

/* Weighted mean score of an option over the factors it was scored on
 * (weights per factor, >= 0); NAN when none was.  *scored says how many. */
double appraisal_total(const appraisal *ap, int option, const double *weights, int *scored);

/* Scores an option on a factor (1..5) with its rationale. */
int appraisal_set_score(store *s, const char *code, int option, int factor, int score,
                        const char *rationale, int64_t now, err *e);
/* An option's detail: the practice to merge with, the scenario of the
 * dispersal (value), with a remark. */
int appraisal_set_detail(store *s, const char *code, int option, const char *value,
                         const char *remark, int64_t now, err *e);
/* The option recommended, and why. */
int appraisal_recommend(store *s, const char *code, int option, const char *rationale,
                        int64_t now, err *e);
/* Approves the recommendation (there must be one), then marks the
 * contract's options appraisal milestone done when it has an end date:
 * *milestone says whether it did. */
int appraisal_approve(store *s, const char *code, const char *remark, int64_t now,
                      bool *milestone, err *e);

#endif
