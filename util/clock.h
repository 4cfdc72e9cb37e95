/* The date and time, with the pins tests and planning use. */
#ifndef CATCHMENT_CLOCK_H
#define CATCHMENT_CLOCK_H

#include <stdint.h>

/* Today (UTC) as YYYYMMDD, or CATCHMENT_TODAY (YYYY-MM-DD) when set:
 * contract milestones counted from another day. */
long clock_today(void);

/* Now in seconds since the epoch, or noon (UTC) of CATCHMENT_NOW
 * (YYYY-MM-DD) when set, so tests can pin the time notes are stamped with. */
int64_t clock_now(void);

#endif
