#include "engine/milestones.h"

static int month_days(long y, long m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d[m - 1] + (m == 2 && leap);
}

long milestone_months_before(long ymd, long months)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    long idx = y * 12 + (m - 1) - months;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > month_days(y, m))
        d = month_days(y, m);
    return y * 10000 + m * 100 + d;
}

void milestones_for(long end, const long months[MILESTONES], long out[MILESTONES])
{
    for (int i = 0; i < MILESTONES; i++)
        out[i] = milestone_months_before(end, months[i]);
}

int milestone_next(const long dates[MILESTONES], long today)
{
    for (int i = 0; i < MILESTONES; i++)
        if (dates[i] >= today)
            return i;
    return MILESTONES;
}

int milestone_next_open(const long dates[MILESTONES], const unsigned char *settled,
                        long today)
{
    for (int i = 0; i < MILESTONES; i++)
        if (dates[i] >= today && !(settled && settled[i]))
            return i;
    return MILESTONES;
}

bool milestone_overdue(long date, unsigned char settled, long today)
{
    return date < today && !settled;
}

const char *milestone_name(int i)
{
    static const char *const names[MILESTONES] = {"options appraisal", "engagement",
                                                  "procurement", "award", "mobilisation"};
    return i >= 0 && i < MILESTONES ? names[i] : "contract end";
}

/* Days since 1 March of year 0 (a proleptic Gregorian day number). */
static long day_number(long ymd)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (m < 3)
        y--, m += 12;
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1;
}

long milestone_days_between(long a, long b) { return day_number(b) - day_number(a); }
