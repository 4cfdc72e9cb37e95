/* The date and time, with the pins tests and planning use. */
#ifndef CATCHMENT_CLOCK_H
#define CATCHMENT_CLOCK_H

#include <stdint.h>

/* Today (UTC) as YYYYMMDD, or CATCHMENT_TODAY (YYYY-MM-DD) when set:
 * contract milestones counted from another day. */
long clock_today(void);

/* Now in seconds since the epoch: the system clock, for every write.
 * (A build with -DCATCHMENT_TEST_CLOCK takes noon UTC of CATCHMENT_NOW,
 * YYYY-MM-DD; the normal build, which the tests use, never does.) */
int64_t clock_now(void);

#endif
