/* Closing a branch surgery, worked by hand along one meridian. */
#include "engine/branch.h"
#include "tests/unit/disp_fixture.h"

static void test_close(void)
{
    /* Main site at 0 km, branch at 10 km (closing), another at -6 km.
     * Areas: 100 patients at 9 km (nearest: the branch, 1 km; after: main,
     * 9 km), 50 at 1 km (main, unchanged), 20 at -5 km (the other, 1 km),
     * 5 not located. */
    branch_site s[3] = {{52.0, -1.5, false}, {52.0 + 10 * KM, -1.5, true},
                        {52.0 - 6 * KM, -1.5, false}};
    disp_area a[4] = {area("A", 0, 9, 100), area("B", 0, 1, 50), area("C", 0, -5, 20),
                      area("D", 0, 0, 5)};
    a[3].lat = NAN;
    branch_impact b;
    err e;
    CHECK(branch_close(a, 4, s, 3, 3.0, &b, &e) == 0);
    CHECK_INT(b.patients, 170);
    CHECK_INT(b.not_located, 5);
    CHECK_INT(b.affected, 100);
    CHECK_NEAR(b.affected_km_before, 1.0, 1e-3);
    CHECK_NEAR(b.affected_km_after, 9.0, 1e-3);
    CHECK_NEAR(b.mean_km_before, (100 * 1.0 + 50 * 1.0 + 20 * 1.0) / 170, 1e-3);
    CHECK_NEAR(b.mean_km_after, (100 * 9.0 + 50 * 1.0 + 20 * 1.0) / 170, 1e-3);
    CHECK_INT(b.beyond_before, 0);
    CHECK_INT(b.beyond_after, 100);

    s[0].lat = s[2].lat = NAN; /* nothing located left open */
    CHECK(branch_close(a, 4, s, 3, 3.0, &b, &e) == -1);
}

int main(void)
{
    test_close();
    T_DONE();
}
