/* The 12-month change: only a point about a year back counts. */
#include "tests/unit/t.h"
#include "core/world.h"

int main(void)
{
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
