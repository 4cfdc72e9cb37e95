/* The regime file built into the program: its bank holidays checked
 * against the rules they follow (weekdays; Good Friday and Easter Monday
 * where Easter falls; Christmas and Boxing Day or their substitutes), and
 * the regulations' numbers (five key criteria, 8 working days). */
#include "tests/unit/t.h"
#include "config/psr_regime.h"
#include "engine/workdays.h"

/* Easter Sunday (the anonymous Gregorian algorithm) as YYYYMMDD. */
static long easter(long y)
{
    long a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    long g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    long l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    long month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return y * 10000 + month * 100 + day;
}

static bool listed(const psr_regime *r, long ymd) { return psr_holiday_find(r, ymd) != NULL; }

int main(void)
{
    err e;
    psr_regime *r = psr_regime_load(NULL, &e);
    CHECK(r != NULL);
    if (!r)
        T_DONE();
    CHECK_INT(r->ncrit, 5);
    CHECK_INT(r->standstill_days, 8);
    CHECK_INT(r->mobilisation_months, 3);
    CHECK_INT(r->nroutes, 5);
    const psr_route *c = psr_route_find(r, "C");
    CHECK(c && c->standstill && c->ncond == 3 && !c->cond[2].must_be_yes);
    CHECK(psr_route_find(r, "A") && !psr_route_find(r, "A")->standstill);
    int weekend = 0;
    for (int i = 0; i < r->nhol; i++)
        weekend += workdays_weekday(r->hol[i].date) >= 5;
    CHECK_INT(weekend, 0);
    int easter_ok = 0, christmas_ok = 0;
    for (long y = 2018; y <= 2030; y++) {
        long es = easter(y);
        easter_ok += listed(r, workdays_step(workdays_step(es, -1), -1)) &&
                     listed(r, workdays_step(es, 1));
        /* Christmas and Boxing Day, or the weekdays that stand in for them */
        int n = 0;
        for (long d = y * 10000 + 1225; d <= y * 10000 + 1231; d++)
            n += listed(r, d);
        christmas_ok += n == 2;
    }
    CHECK_INT(easter_ok, 13);
    CHECK_INT(christmas_ok, 13);
    CHECK(listed(r, 20260403) && !psr_holiday_find(r, 20260403)->projected);
    CHECK(psr_holiday_find(r, 20300422) && psr_holiday_find(r, 20300422)->projected);
    psr_regime_free(r);

    CHECK(psr_regime_load("/nonexistent/regime.yaml", &e) == NULL);
    T_DONE();
}
