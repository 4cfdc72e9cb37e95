#include "engine/workdays.h"

#include <stddef.h>

static int month_len(long y, long m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d[m - 1] + (m == 2 && leap);
}

long workdays_step(long ymd, int delta)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100 + delta;
    if (d > month_len(y, m)) {
        d = 1;
        if (++m > 12)
            m = 1, y++;
    } else if (d < 1) {
        if (--m < 1)
            m = 12, y--;
        d = month_len(y, m);
    }
    return y * 10000 + m * 100 + d;
}

/* Sakamoto's method, shifted so Monday is 0. */
int workdays_weekday(long ymd)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (m < 3)
        y--;
    int sun0 = (int)((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7);
    return (sun0 + 6) % 7;
}

const char *workdays_day_name(long ymd)
{
    static const char *const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return names[workdays_weekday(ymd)];
}

static bool is_holiday(long ymd, const long *hol, int nhol)
{
    int lo = 0, hi = nhol - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (hol[mid] == ymd)
            return true;
        if (hol[mid] < ymd)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

bool workdays_is_working(long ymd, const long *hol, int nhol)
{
    return workdays_weekday(ymd) < 5 && !is_holiday(ymd, hol, nhol);
}

long workdays_after(long from, int n, const long *hol, int nhol, long *days, int max,
                    long *skipped, int maxskip, int *nskipped, int *year_needed)
{
    long first = nhol > 0 ? hol[0] / 10000 : 0, last = nhol > 0 ? hol[nhol - 1] / 10000 : -1;
    long day = from;
    int counted = 0;
    *nskipped = 0;
    while (counted < n) {
        day = workdays_step(day, 1);
        if (day / 10000 < first || day / 10000 > last) {
            *year_needed = (int)(day / 10000);
            return -1;
        }
        if (workdays_is_working(day, hol, nhol)) {
            if (counted < max)
                days[counted] = day;
            counted++;
        } else if (*nskipped < maxskip) {
            skipped[(*nskipped)++] = day;
        }
    }
    return day;
}
