/* Reasonable travel from the people asked: the travel that half and
 * three-quarters of the closing practices' survey respondents called
 * reasonable replaces the config's single reasonable_km, and the what-if
 * says how many displaced patients would travel further, per group. */
#ifndef CATCHMENT_SURVEY_TRAVEL_H
#define CATCHMENT_SURVEY_TRAVEL_H

#include "core/engagement.h"
#include "core/whatif.h"

/* Minutes become straight-line km (and back) at this speed unless told
 * otherwise: a door-to-door urban journey by bus or car, counted in
 * straight-line km (docs/engine.md). */
#define SURVEY_TRAVEL_KMH 15.0
#define SURVEY_KM_PER_MILE 1.609344

enum { SURVEY_HALF, SURVEY_THREE_QUARTERS, SURVEY_SHARES };

typedef struct survey_travel {
    engagement_travel travel;     /* pooled over the closing practices */
    int practices;                /* closing practices with answers */
    double speed_kmh;             /* the assumption used */
    bool converted;               /* the survey's unit differs from the what-if's */
    double threshold[SURVEY_SHARES]; /* in the what-if's unit */
    const char *unit;             /* the what-if's: "km" or "minutes" */
    bool modelled;                /* where some closing practice's patients live is modelled */
    long displaced, placed, beyond[SURVEY_SHARES];
    impact_group imd[SURVEY_SHARES][IMPACT_IMD_ROWS], age65[SURVEY_SHARES],
        age75[SURVEY_SHARES];
} survey_travel;

/* Runs the what-if of in once per threshold.  Fails when no respondent of
 * a closing practice said what travel is reasonable. */
int survey_travel_run(const world *w, store *s, const config *cfg, const whatif_input *in,
                      double speed_kmh, survey_travel *out, err *e);

/* A survey answer (in the survey's unit) in the what-if's unit. */
double survey_travel_convert(double v, bool miles, bool to_minutes, double speed_kmh);

#endif
