/* Contract milestones counted back from the end date: options appraisal,
 * engagement, procurement, award, mobilisation.  Pure date arithmetic on
 * YYYYMMDD integers. */
#ifndef CATCHMENT_MILESTONES_H
#define CATCHMENT_MILESTONES_H

#include <stdbool.h>

enum { MILESTONES = 5 };

/* ymd minus months; the day is clamped to the month's length
 * (20260331 - 1 month = 20260228). */
long milestone_months_before(long ymd, long months);

/* Dates of each milestone given months-before-end for each. */
void milestones_for(long end, const long months[MILESTONES], long out[MILESTONES]);

/* Index of the first milestone on or after today, MILESTONES when all
 * have passed. */
int milestone_next(const long dates[MILESTONES], long today);

/* Index of the first milestone on or after today that is not settled
 * (settled[i] non-zero: done or waived; settled may be NULL),
 * MILESTONES when none is left. */
int milestone_next_open(const long dates[MILESTONES], const unsigned char *settled,
                        long today);

/* Overdue: its date has passed and it is neither done nor waived. */
bool milestone_overdue(long date, unsigned char settled, long today);

/* "options appraisal", "engagement", "procurement", "award", "mobilisation". */
const char *milestone_name(int i);

/* Whole days from a to b (b - a), for "in 40 days" / "12 days overdue". */
long milestone_days_between(long a, long b);

#endif
