#include "tests/unit/t.h"
#include "engine/milestones.h"

int main(void)
{
    CHECK_INT(milestone_months_before(20270331, 18), 20250930);
    CHECK_INT(milestone_months_before(20260331, 1), 20260228);
    CHECK_INT(milestone_months_before(20240331, 1), 20240229); /* leap year */
    CHECK_INT(milestone_months_before(20270115, 3), 20261015);
    CHECK_INT(milestone_months_before(20270115, 0), 20270115);

    long months[MILESTONES] = {18, 15, 12, 6, 3}, d[MILESTONES];
    milestones_for(20280331, months, d);
    CHECK_INT(d[0], 20260930);
    CHECK_INT(d[2], 20270331);
    CHECK_INT(d[4], 20271231);
    CHECK_INT(milestone_next(d, 20261123), 1);  /* appraisal passed, engagement next */
    CHECK_INT(milestone_next(d, 20260930), 0);  /* due today counts as next */
    CHECK_INT(milestone_next(d, 20280101), MILESTONES);
    CHECK_STR(milestone_name(1), "engagement");

    CHECK_INT(milestone_days_between(20261123, 20261124), 1);
    CHECK_INT(milestone_days_between(20260228, 20260301), 1);
    CHECK_INT(milestone_days_between(20240228, 20240301), 2);
    CHECK_INT(milestone_days_between(20261231, 20270101), 1);
    CHECK_INT(milestone_days_between(20260101, 20270101), 365);
    CHECK_INT(milestone_days_between(20270101, 20260101), -365);
    T_DONE();
}
