/* What catchment holds for each of the six factors of an options
 * appraisal, each line saying its date and source, or "not held". */
#ifndef CATCHMENT_APPRAISAL_EVIDENCE_H
#define CATCHMENT_APPRAISAL_EVIDENCE_H

#include "config/config.h"
#include "core/appraisal.h"
#include "core/world.h"

enum { EVIDENCE_LINES = 8, EVIDENCE_MAX = 320 };

typedef struct appraisal_evidence {
    char line[APPRAISAL_FACTORS][EVIDENCE_LINES][EVIDENCE_MAX];
    int n[APPRAISAL_FACTORS];
    /* The dispersal what-if behind "other local provision". */
    char whatif_scenario[CONFIG_NAME_MAX]; /* "" for the practice closing alone */
} appraisal_evidence;

/* Gathers the evidence on practice code (which must be in w).  Reads the
 * store in short transactions of its own and runs the dispersal what-if
 * (the disperse option's scenario when it names one). */
int appraisal_evidence_gather(const world *w, store *s, const config *cfg, const appraisal *ap,
                              appraisal_evidence *out, err *e);

#endif
