/* The 12-month change: only a point about a year back counts. */
#include "tests/unit/t.h"
#include "core/world.h"

#include <string.h>

/* As at a date: open by the register's dates, the refusal and its way
 * out, and when a figure is stale. */
static void test_as_at(void)
{
    practice p;
    char why[512];
    practice_init(&p, "Y04952");
    snprintf(p.name, sizeof p.name, "BROAD LANE SURGERY");
    snprintf(p.status, sizeof p.status, "INACTIVE");
    p.open_date = 20150401;
    p.close_date = 20220731;
    CHECK(asat_open(&p, 20210101));
    CHECK(asat_open(&p, 20220730));
    CHECK(!asat_open(&p, 20220731)); /* the close date is the first day closed */
    CHECK(!asat_open(&p, 20140101)); /* not yet open */
    asat_refusal(&p, 20260401, why, sizeof why);
    CHECK_STR(why, "Y04952 BROAD LANE SURGERY closed on 2022-07-31; to model its closure "
                   "run as at an earlier date (--as-at 2022-07-01)");
    p.close_date = 20220801;
    asat_refusal(&p, 20260401, why, sizeof why);
    CHECK(strstr(why, "(--as-at 2022-07-01)") != NULL); /* the month before a 1st */
    asat_refusal(&p, 20100101, why, sizeof why);
    CHECK(strstr(why, "opened on 2015-04-01, after 2010-01-01") != NULL);
    p.close_date = 0;
    CHECK(!asat_open(&p, 20260401)); /* INACTIVE with no date: closed */
    snprintf(p.status, sizeof p.status, "ACTIVE");
    CHECK(asat_open(&p, 20260401));
    CHECK(!asat_stale(20260401, 20261001)); /* six months: not yet */
    CHECK(asat_stale(20260331, 20261001));
    CHECK(!asat_stale(0, 20261001));        /* no date is unknown, not stale */
}

int main(void)
{
    test_as_at();
    list_point monthly[] = {{20250301, 900}, {20250401, 1000}, {20250501, 1010},
                            {20260301, 1090}, {20260401, 1100}};
    CHECK_INT(world_year_ago(monthly, 5, 20260401), 1000);
    list_point gap[] = {{20210101, 500}, {20260401, 1100}};
    CHECK_INT(world_year_ago(gap, 2, 20260401), -1); /* five years back is no trend */
    list_point near[] = {{20250415, 990}, {20260401, 1100}};
    CHECK_INT(world_year_ago(near, 2, 20260401), 990); /* two weeks off still counts */
    list_point far[] = {{20250215, 990}, {20260401, 1100}};
    CHECK_INT(world_year_ago(far, 2, 20260401), -1);
    CHECK_INT(world_year_ago(NULL, 0, 20260401), -1);
    T_DONE();
}
