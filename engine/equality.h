/* The equality impact pack of a closure: for each group an Equality and
 * Health Inequalities Impact Assessment asks about, how many of the
 * displaced patients are in it (area-weighted: an area's patients times
 * the share of its residents in the group), how many of those are placed,
 * unplaced and placed beyond the reasonable distance, against the same
 * share in the ICB's own registered population.  Pure arithmetic. */
#ifndef CATCHMENT_EQUALITY_H
#define CATCHMENT_EQUALITY_H

#include "engine/dispersal.h"
#include "util/err.h"

typedef enum {
    EQ_AGE65,     /* aged 65 and over */
    EQ_AGE75,     /* aged 75 and over */
    EQ_DISABLED,  /* disabled under the Equality Act */
    EQ_NOT_WB,    /* ethnic group other than White British */
    EQ_CORE20,    /* living in the most deprived 20% of areas (IMD deciles 1-2) */
    EQ_NO_CAR,    /* in a household without a car or van */
    EQ_RURAL,     /* living in a rural area */
    EQ_MEASURES
} eq_measure;

/* The share (0..1) of an area's residents in each group; NAN unknown. */
typedef struct {
    double share[EQ_MEASURES];
} eq_shares;

typedef struct {
    double baseline;   /* share in the ICB's registered population; NAN unknown */
    double assessed;   /* displaced patients in areas whose share is known */
    double displaced, placed, unplaced, beyond; /* patients in the group */
    double share;      /* displaced / assessed; NAN when none assessed */
} eq_row;

typedef struct {
    eq_row row[EQ_MEASURES];
    long displaced;        /* every displaced patient */
    double base_patients;  /* the ICB's registered patients behind the baseline */
    long base_date;        /* the newest extract of registrations by area among
                              them; 0 none (the baseline is unknown) */
    long base_oldest;      /* the oldest; base_date when all are of one */
    bool base_modelled;    /* some of them are the MODELLED stand-in */
} eq_pack;

/* One area of the ICB's registered population, for the baseline. */
typedef struct {
    double patients;
    eq_shares s;
} eq_base;

/* The ICB's own shares: patients and, per group, the share among the
 * patients in areas where it is known (NAN where none is). */
typedef struct {
    double patients;
    double share[EQ_MEASURES];
    long date, oldest;     /* the newest and oldest extract behind it, 0 none */
    bool modelled;         /* some of it is the MODELLED stand-in */
} eq_baseline;

/* Running sums of a baseline: add areas, then finish. */
typedef struct {
    double patients, part[EQ_MEASURES], whole[EQ_MEASURES];
} eq_baseline_sums;

void equality_baseline_add(eq_baseline_sums *sum, const eq_base *b);
void equality_baseline_finish(const eq_baseline_sums *sum, eq_baseline *out);

/* as holds the shares of each area a[i]; res is the dispersal of a;
 * base the ICB's baseline (NULL: none).  Returns 0, or -1 with e set
 * when res does not belong to a. */
int equality_compute(const disp_area *a, const eq_shares *as, int na, const disp_result *res,
                     double reasonable_km, const eq_baseline *base, eq_pack *out, err *e);

/* A row's heading as NHS England's EHIA template has it ("Age",
 * "Disability", "Race", "Deprivation (Core20)", ...), and the group. */
const char *equality_heading(int m);
/* A short stable key for scripts: "age65", "no_car", ... */
const char *equality_key(int m);
const char *equality_group(int m);
/* 1 for a protected characteristic (Equality Act 2010), 0 for a group
 * facing health inequalities. */
int equality_protected(int m);

/* Shares from counts: part / total; NAN when total is not positive. */
double equality_ratio(double part, double total);

#endif
