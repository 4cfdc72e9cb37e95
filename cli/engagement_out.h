/* The engagement survey's summary in each output format. */
#ifndef CATCHMENT_ENGAGEMENT_OUT_H
#define CATCHMENT_ENGAGEMENT_OUT_H

#include <stdio.h>

#include "cli/out.h"
#include "core/engagement.h"

/* One line of the overview table (practice name from the store). */
int engagement_overview_row(store *s, table *t, const engagement_summary *sum, err *e);

/* The whole summary of practice p. */
int engagement_detail(store *s, const practice *p, out_format f, FILE *fp, err *e);

/* Every practice's summary as a JSON array. */
int engagement_json_all(store *s, char (*codes)[CODE_MAX], int n, FILE *fp, err *e);

/* The free-text answers (holding word, when given), escaped. */
int engagement_comments(store *s, const char *code, const char *word, out_format f, FILE *fp,
                        err *e);

#endif
