/* Working days: calendar arithmetic on YYYYMMDD integers with a list of
 * bank holidays, for the Provider Selection Regime's standstill period
 * (counted in working days from the day after a notice).  Pure: the
 * holidays come from the caller (the regime file). */
#ifndef CATCHMENT_WORKDAYS_H
#define CATCHMENT_WORKDAYS_H

#include <stdbool.h>

/* The next (+1) or previous (-1) calendar day, across months and years. */
long workdays_step(long ymd, int delta);

/* 0 Monday .. 6 Sunday. */
int workdays_weekday(long ymd);
const char *workdays_day_name(long ymd);

/* A Monday-to-Friday day that is not in hol[0..nhol) (sorted ascending). */
bool workdays_is_working(long ymd, const long *hol, int nhol);

/* The n-th working day after `from` (from itself is not counted): the
 * working days counted go to days[0..n) (max of them), the days passed
 * over to skipped[0..*nskipped) (up to maxskip).  Returns the last day
 * counted, or -1 when the count runs past the last year hol covers
 * (the holidays of that year are unknown; *year_needed says which). */
long workdays_after(long from, int n, const long *hol, int nhol, long *days, int max,
                    long *skipped, int maxskip, int *nskipped, int *year_needed);

#endif
