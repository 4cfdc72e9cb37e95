#include "util/clock.h"

#include <stdlib.h>
#include <time.h>

#include "util/text.h"

static long pinned(const char *name)
{
    const char *pin = getenv(name);
    long d = pin && *pin ? text_date(pin) : 0;
    return d > 0 ? d : 0;
}

long clock_today(void)
{
    long d = pinned("CATCHMENT_TODAY");
    if (d)
        return d;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    return (tm.tm_year + 1900L) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* The time every write is stamped with: the system clock.  Only a build
 * made with -DCATCHMENT_TEST_CLOCK reads CATCHMENT_NOW, so nobody can
 * back-date a note or a change in the program people use. */
int64_t clock_now(void)
{
#ifdef CATCHMENT_TEST_CLOCK
    long d = pinned("CATCHMENT_NOW");
    if (d) {
        struct tm tm = {.tm_year = (int)(d / 10000 - 1900), .tm_mon = (int)(d / 100 % 100 - 1),
                        .tm_mday = (int)(d % 100), .tm_hour = 12};
        return (int64_t)timegm(&tm);
    }
#endif
    return (int64_t)time(NULL);
}
