/* The mapping file of an engagement survey export (docs/data-guide.md,
 * "Engagement survey"): which column of the export is which question, and
 * how its answers read, so a survey tool's export imports unedited.
 * Loading is as strict as the config: unknown keys, wrong types and
 * control characters are FILE:LINE:COL errors. */
#ifndef CATCHMENT_SURVEY_MAP_H
#define CATCHMENT_SURVEY_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

enum {
    SURVEY_COL_MAX = 256,   /* a column heading: a whole question */
    SURVEY_LABEL_MAX = 32,  /* a short name: "overall", "ethnicity" */
    SURVEY_SCALES = 6,      /* satisfaction questions */
    SURVEY_TEXTS = 4,       /* free-text questions */
    SURVEY_GROUPS = 8,      /* equality-monitoring questions */
    SURVEY_LEVELS = 5,      /* points on every scale: 1 (lowest) .. 5 */
    SURVEY_ANSWERS = 32,    /* channel answers, practice answers */
    SURVEY_SEP_MAX = 8
};

/* How the survey put the "reasonable travel" question. */
typedef enum survey_unit { SURVEY_MINUTES, SURVEY_MILES } survey_unit;

typedef enum survey_channel {
    SURVEY_CHANNEL_UNKNOWN, SURVEY_ONLINE, SURVEY_PAPER, SURVEY_ASSISTED
} survey_channel;

/* A question with a short name of the user's choosing. */
typedef struct survey_field {
    char name[SURVEY_LABEL_MAX];
    char column[SURVEY_COL_MAX];
} survey_field;

typedef struct survey_answer {
    char answer[SURVEY_COL_MAX];
    char value[SURVEY_LABEL_MAX]; /* a practice code, or the channel's name */
} survey_answer;

typedef struct survey_map {
    /* Column headings; "" for a question the survey did not ask.  id and
     * practice are required. */
    char id[SURVEY_COL_MAX], date[SURVEY_COL_MAX], channel[SURVEY_COL_MAX],
        practice[SURVEY_COL_MAX], postcode[SURVEY_COL_MAX], matters[SURVEY_COL_MAX],
        impact[SURVEY_COL_MAX], travel[SURVEY_COL_MAX];
    survey_field scale[SURVEY_SCALES];
    int nscales;
    survey_field text[SURVEY_TEXTS];
    int ntexts;
    survey_field group[SURVEY_GROUPS];
    int ngroups;
    survey_unit travel_unit;              /* default minutes */
    char matters_sep[SURVEY_SEP_MAX];     /* default ";" */
    survey_answer channel_answer[SURVEY_ANSWERS]; /* value: online/paper/assisted */
    int nchannel_answers;
    survey_answer practice_answer[SURVEY_ANSWERS]; /* value: the practice code */
    int npractice_answers;
    /* The words of a scale, lowest first; answers may also be 1..5. */
    char scale_labels[SURVEY_LEVELS][SURVEY_COL_MAX];
    bool has_scale_labels;
    char impact_labels[SURVEY_LEVELS][SURVEY_COL_MAX];
    bool has_impact_labels;
} survey_map;

/* Reads the mapping file at path into m. */
int survey_map_load(survey_map *m, const char *path, err *e);

/* As survey_map_load for text in memory; name is used in messages. */
int survey_map_parse(survey_map *m, const char *text, size_t len, const char *name, err *e);

/* "online", "paper", "assisted", "" (unknown). */
const char *survey_channel_name(survey_channel c);

#endif
