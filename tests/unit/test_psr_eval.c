#include "tests/unit/t.h"
#include "engine/psr_eval.h"

int main(void)
{
    psr_spread s = {0};
    psr_spread_add(&s, 3);
    psr_spread_add(&s, 1);
    psr_spread_add(&s, 4);
    CHECK_INT(s.n, 3);
    CHECK_INT(s.min, 1);
    CHECK_INT(s.max, 4);
    CHECK_NEAR(s.mean, 8.0 / 3.0, 1e-9);
    CHECK_NEAR(psr_weighted(3, 4, 20), 15.0, 1e-9);
    CHECK(isnan(psr_weighted(3, 0, 20)));
    double t[] = {61.5, 72.0, NAN, 61.5};
    int r[4];
    psr_rank(t, 4, r);
    CHECK_INT(r[1], 1);
    CHECK_INT(r[0], 2);
    CHECK_INT(r[3], 2); /* equal totals share a rank */
    CHECK_INT(r[2], 0); /* incomplete: unranked */
    T_DONE();
}
