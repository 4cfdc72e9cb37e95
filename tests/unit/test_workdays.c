/* Working days across weekends, bank holidays, Easter, Christmas and the
 * turn of the year, with the England and Wales dates of the regime file. */
#include "tests/unit/t.h"
#include "engine/workdays.h"

/* A few of GOV.UK's England and Wales bank holidays, sorted. */
static const long hol[] = {20251225, 20251226, 20260101, 20260403, 20260406, 20260504,
                           20260525, 20260831, 20261225, 20261228, 20270101, 20270326,
                           20270329, 20271227, 20271228, 20280103};
enum { NHOL = sizeof hol / sizeof hol[0] };

static long standstill(long from, int *nskip)
{
    long days[16], skipped[32];
    int year = 0;
    return workdays_after(from, 8, hol, NHOL, days, 16, skipped, 32, nskip, &year);
}

int main(void)
{
    int ns;
    CHECK_INT(workdays_step(20261231, 1), 20270101);
    CHECK_INT(workdays_step(20270101, -1), 20261231);
    CHECK_INT(workdays_step(20280228, 1), 20280229); /* leap */
    CHECK_INT(workdays_step(20270228, 1), 20270301);
    CHECK_INT(workdays_weekday(20260302), 0);        /* a Monday */
    CHECK_INT(workdays_weekday(20261225), 4);        /* a Friday */
    CHECK_STR(workdays_day_name(20261226), "Saturday");
    CHECK(!workdays_is_working(20260403, hol, NHOL)); /* Good Friday */
    CHECK(workdays_is_working(20260402, hol, NHOL));

    /* Monday 2 March 2026: the count starts Tuesday 3rd; one weekend. */
    CHECK_INT(standstill(20260302, &ns), 20260312);
    CHECK_INT(ns, 2);
    /* A notice on a Friday: the weekend is passed over at once. */
    CHECK_INT(standstill(20260306, &ns), 20260318);
    /* Easter 2026: Good Friday 3 April and Easter Monday 6 April. */
    CHECK_INT(standstill(20260330, &ns), 20260413);
    CHECK_INT(ns, 6); /* Good Friday, the weekend, Easter Monday, a weekend */
    /* Christmas and New Year 2026: Friday 25th, Monday 28th (Boxing Day's
     * substitute) and Friday 1 January are not working days. */
    CHECK_INT(standstill(20261222, &ns), 20270106);
    CHECK_INT(ns, 7);
    /* Christmas 2027 falls at a weekend: both substitute days count out, and
     * New Year's Day's substitute, Monday 3 January 2028. */
    CHECK_INT(standstill(20271223, &ns), 20280107);
    CHECK_INT(ns, 7);
    /* A notice on a bank holiday: the count still starts the day after. */
    CHECK_INT(standstill(20260525, &ns), 20260604);

    /* Past the last year the list covers: unknown, not guessed. */
    long days[16], sk[32];
    int year = 0;
    CHECK_INT(workdays_after(20281201, 40, hol, NHOL, days, 16, sk, 32, &ns, &year), -1);
    CHECK_INT(year, 2029);
    T_DONE();
}
