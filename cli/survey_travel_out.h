/* scenario run --survey-travel's report in each format. */
#ifndef CATCHMENT_SURVEY_TRAVEL_OUT_H
#define CATCHMENT_SURVEY_TRAVEL_OUT_H

#include <stdio.h>

#include "cli/scenario_out.h"
#include "core/survey_travel.h"

void survey_travel_print(const whatif_input *in, const survey_travel *st, out_format f,
                         FILE *fp);

#endif
