/* The Provider Selection Regime as data (data/psr-regime.yaml, built into
 * the program; another file of the same shape may replace it): routes and
 * their conditions, the key criteria, the standstill, the notices' content,
 * the record-keeping duties and England and Wales bank holidays, each with
 * its reference to SI 2023/1348 or the statutory guidance. */
#ifndef CATCHMENT_PSR_REGIME_H
#define CATCHMENT_PSR_REGIME_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

enum {
    PSR_ROUTES = 8, PSR_CONDS = 8, PSR_CRITERIA = 8, PSR_ITEMS = 16,
    PSR_HOLIDAYS = 1024, PSR_ID = 40, PSR_LINE = 400
};

typedef struct psr_condition {
    char id[PSR_ID];
    char question[PSR_LINE];
    bool must_be_yes;           /* the answer the route needs */
} psr_condition;

typedef struct psr_route {
    char id[PSR_ID];            /* A, B, C, MSP, COMP */
    char name[PSR_LINE];
    char reference[PSR_LINE];
    bool standstill;            /* a notice of intention and a standstill */
    int ncond;
    psr_condition cond[PSR_CONDS];
} psr_route;

typedef struct psr_criterion {
    char id[PSR_ID];
    char name[PSR_LINE];
    char reference[PSR_LINE];
    char evidence[PSR_LINE];    /* what catchment can hold that bears on it */
} psr_criterion;

typedef struct psr_holiday {
    long date;                  /* YYYYMMDD */
    char title[PSR_LINE];
    bool projected;             /* not yet announced on GOV.UK */
} psr_holiday;

typedef struct psr_list {
    char reference[PSR_LINE];
    int n;
    char item[PSR_ITEMS][PSR_LINE];
} psr_list;

typedef struct psr_regime {
    char source[PSR_LINE];      /* "built in" or the file's path */
    char regulations[PSR_LINE], guidance[PSR_LINE];
    int ncrit, nroutes, nhol;
    psr_criterion crit[PSR_CRITERIA];
    psr_route route[PSR_ROUTES];
    long standstill_days;
    char standstill_starts[PSR_LINE], standstill_ref[PSR_LINE], workday_ref[PSR_LINE];
    long mobilisation_months;
    psr_list notice, record;
    char annual_ref[PSR_LINE];
    psr_holiday hol[PSR_HOLIDAYS];
    long hol_date[PSR_HOLIDAYS]; /* the dates alone, for engine/workdays */
} psr_regime;

/* Loads path, or the built-in file when path is NULL.  Every mistake is
 * "file:line:column: what is wrong".  The result is malloc'd. */
psr_regime *psr_regime_load(const char *path, err *e);
/* The same from text in memory; name is used in messages. */
psr_regime *psr_regime_parse(const char *text, size_t len, const char *name, err *e);
void psr_regime_free(psr_regime *r);

/* The built-in file's text. */
const char *psr_regime_builtin(unsigned long *len);

const psr_route *psr_route_find(const psr_regime *r, const char *id);
const psr_criterion *psr_criterion_find(const psr_regime *r, const char *id);
const psr_holiday *psr_holiday_find(const psr_regime *r, long ymd);

#endif
