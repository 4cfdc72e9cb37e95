/* What an engagement survey said, per practice or over every practice:
 * who answered and how (so the reach to seldom-heard groups shows), the
 * scales, the "what matters most" choices, and the travel respondents
 * called reasonable.  Shared by `catchment engagement` and the TUI. */
#ifndef CATCHMENT_ENGAGEMENT_H
#define CATCHMENT_ENGAGEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { ENGAGEMENT_VALUES = 24, ENGAGEMENT_MATTERS = 32, ENGAGEMENT_LEVELS = 5 };

typedef struct engagement_count {
    char item[NAME_MAX];
    long n;
} engagement_count;

/* Travel one group of respondents called reasonable, in the survey's unit. */
typedef struct engagement_travel {
    long answered;
    bool miles;          /* the unit the survey asked in */
    bool mixed;          /* answers in both units: none is summarised */
    double half;         /* at least half called this or more reasonable; NAN */
    double three_quarters; /* at least three-quarters did; NAN */
} engagement_travel;

typedef struct engagement_summary {
    char practice[CODE_MAX];      /* "" for every practice */
    long responses;
    long first, last;             /* response dates, YYYYMMDD; 0 none given */
    long channel[4];              /* unknown, online, paper, assisted */
    int ngroups;
    struct {
        char name[SURVEY_NAME_MAX];
        long answered;
        int nvalues;              /* most frequent first */
        engagement_count value[ENGAGEMENT_VALUES];
        long other;               /* answers beyond ENGAGEMENT_VALUES */
    } group[SURVEY_KEPT_GROUPS];
    int nscales;
    struct {
        char name[SURVEY_NAME_MAX];
        long level[ENGAGEMENT_LEVELS + 1]; /* [0] not answered, [1..5] */
    } scale[SURVEY_KEPT_SCALES];
    long impact[ENGAGEMENT_LEVELS + 1];
    int nmatters;                 /* most chosen first */
    engagement_count matters[ENGAGEMENT_MATTERS];
    engagement_travel travel;
} engagement_summary;

/* Summarises the responses of one practice (code NULL: of every practice)
 * inside the caller's read transaction.  0 with out->responses 0 when
 * there are none. */
int engagement_summarise(store *s, const char *code, engagement_summary *out, err *e);

/* The reasonable-travel answers of the respondents of n practices
 * pooled; *practices says how many of them had any.  Inside the caller's
 * read transaction. */
int engagement_travel_pooled(store *s, const char (*codes)[16], int n, engagement_travel *out,
                             int *practices, err *e);

/* The practices that have responses, in code order; returns how many (at
 * most max), -1 on error.  Inside the caller's read transaction. */
int engagement_practices(store *s, char (*codes)[CODE_MAX], int max, err *e);

/* Mean of a scale's answers (1..5), NAN when nobody answered. */
double engagement_mean(const long level[ENGAGEMENT_LEVELS + 1]);

/* Each free-text answer of one practice (NULL: every practice) that holds
 * needle (ASCII letters in any case; NULL or "": every answer), in code
 * and id order: fn gets the response and the index of the answer in
 * r->text.  Inside the caller's read transaction. */
int engagement_text_each(store *s, const char *code, const char *needle,
                         int (*fn)(const survey_resp *, int text, void *), void *ctx, err *e);

/* Marks the engagement milestone done (audited, through edit_set) on every
 * end-dated contract whose practice has survey responses and whose
 * milestone is still open; says so through fn ("Y04965
 * milestone.engagement: open -> done ..."). */
int engagement_mark_milestones(store *s, int64_t now,
                               void (*fn)(const char *code, const char *line, void *ctx),
                               void *ctx, err *e);

#endif
