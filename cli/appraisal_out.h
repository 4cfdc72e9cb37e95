/* An options appraisal as a table, CSV, JSON, or the options-appraisal
 * section of a board paper (md). */
#ifndef CATCHMENT_APPRAISAL_OUT_H
#define CATCHMENT_APPRAISAL_OUT_H

#include <stdio.h>

#include "cli/out.h"
#include "core/appraisal_evidence.h"

typedef struct appraisal_view {
    const world_practice *wp;
    const appraisal *ap;
    const appraisal_evidence *ev;
    double weights[APPRAISAL_FACTORS];
    const char *config_path;  /* where the weights came from, "" built in */
} appraisal_view;

void appraisal_print(const appraisal_view *av, out_format f, FILE *fp);

#endif
