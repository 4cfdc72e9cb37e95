/* The date every figure is taken as at.  As at date D:
 *   - a practice is open when the register says it was open on D (opened
 *     on or before D, and no close date on or before D);
 *   - its list is the newest extract on or before D, and that extract's
 *     date goes with the figure; one more than six months older than D is
 *     stale;
 *   - age profiles and registrations by area are taken the same way;
 *   - so are the commissioner's own records, contracts and capacity
 *     facts, as at the facts date: D when a date was asked for, else
 *     today (the newest extract is already past: a contract that began
 *     since, or a capacity typed this morning, is the one in force).
 * The default is the date of the newest list-size extract in the store. */
#ifndef CATCHMENT_ASAT_H
#define CATCHMENT_ASAT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* A figure older than this many months before D is marked stale. */
enum { ASAT_STALE_MONTHS = 6 };

typedef struct asat {
    long date;        /* D, YYYYMMDD */
    bool given;       /* asked for (--as-at, as_at:, :as-at), not the default */
    long earliest;    /* earliest list-size extract in the store, 0 none */
    long newest;      /* newest, 0 none */
    long facts;       /* contracts and capacity facts are taken as at this:
                         date when given, else today (never before date) */
} asat;

/* Resolves the date inside a read transaction: requested (YYYYMMDD, 0 for
 * the default).  A date before the earliest extract is an error naming
 * it.  A store with no extract at all answers as at today. */
int asat_resolve(store *s, long requested, asat *out, err *e);

/* As asat_resolve, in its own short read transaction. */
int asat_load(store *s, long requested, asat *out, err *e);

/* What the date rests on, for after it: "" when asked for, else " (the
 * newest list-size extract)", or " (today: no list-size extract in the
 * store)" when there is none. */
const char *asat_default_note(const asat *at);

/* Open on date: the register's dates, and its status when it has no
 * dates (INACTIVE or DORMANT with no close date: closed). */
bool asat_open(const practice *p, long date);

/* Why p, not open on date, cannot be modelled as closing, and the way
 * out: "Y04952 BROAD LANE SURGERY closed on 2022-07-31; to model its
 * closure run as at an earlier date (--as-at 2022-07-01)". */
void asat_refusal(const practice *p, long date, char *out, size_t n);

/* True when a figure dated fig_date is more than ASAT_STALE_MONTHS older
 * than date (a figure with no date is not called stale: it is unknown). */
bool asat_stale(long fig_date, long date);

#endif
