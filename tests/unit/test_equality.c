/* The equality impact pack's arithmetic on a result made by hand. */
#include "engine/equality.h"
#include "tests/unit/disp_fixture.h"

#include <string.h>

static eq_shares shares(double v)
{
    eq_shares s;
    for (int m = 0; m < EQ_MEASURES; m++)
        s.share[m] = v;
    return s;
}

static void test_pack(void)
{
    /* Area 0: 100 patients, 60 placed at 1 km, 30 at 4 km, 10 unplaced;
     * area 1: 50 patients, all placed at 2 km.  Reasonable: 3 km. */
    disp_area a[2] = {area("E1", 0, 0, 100), area("E2", 0, 0, 50)};
    disp_flow f[4] = {{0, 1, 60, 1.0}, {0, 2, 30, 4.0}, {0, -1, 10, NAN}, {1, 1, 50, 2.0}};
    double kb[2] = {0, 0};
    disp_result res = {f, 4, kb, 2, 150, 140, 10, 0};
    eq_shares as[2] = {shares(0.5), shares(0.2)};
    as[1].share[EQ_RURAL] = NAN; /* area 1 not assessed for rurality */
    as[0].share[EQ_NO_CAR] = 2.0; /* out of range: not assessed */
    eq_base base[2] = {{1000, shares(0.1)}, {3000, shares(0.3)}};
    base[1].s.share[EQ_DISABLED] = NAN;
    eq_baseline_sums sum = {0};
    eq_baseline bl;
    for (int i = 0; i < 2; i++)
        equality_baseline_add(&sum, &base[i]);
    equality_baseline_finish(&sum, &bl);
    eq_pack pk;
    err e;
    CHECK(equality_compute(a, as, 2, &res, 3.0, &bl, &pk, &e) == 0);
    CHECK_INT(pk.displaced, 150);
    CHECK_NEAR(pk.base_patients, 4000, 1e-9);
    const eq_row *r = &pk.row[EQ_AGE65];
    CHECK_NEAR(r->displaced, 50 + 10, 1e-9);
    CHECK_NEAR(r->placed, 45 + 10, 1e-9);
    CHECK_NEAR(r->unplaced, 5, 1e-9);
    CHECK_NEAR(r->beyond, 15, 1e-9);
    CHECK_NEAR(r->assessed, 150, 1e-9);
    CHECK_NEAR(r->share, 60.0 / 150.0, 1e-9);
    CHECK_NEAR(r->baseline, (100 + 900) / 4000.0, 1e-9);
    r = &pk.row[EQ_RURAL];
    CHECK_NEAR(r->displaced, 50, 1e-9);
    CHECK_NEAR(r->assessed, 100, 1e-9);
    CHECK_NEAR(r->share, 0.5, 1e-9);
    r = &pk.row[EQ_NO_CAR];
    CHECK_NEAR(r->assessed, 50, 1e-9);
    CHECK_NEAR(r->displaced, 10, 1e-9);
    CHECK_NEAR(pk.row[EQ_DISABLED].baseline, 0.1, 1e-9);

    /* Nothing known: NAN, never zero. */
    as[0] = as[1] = shares(NAN);
    CHECK(equality_compute(a, as, 2, &res, 3.0, NULL, &pk, &e) == 0);
    CHECK(isnan(pk.row[EQ_CORE20].share) && isnan(pk.row[EQ_CORE20].baseline));
    CHECK_NEAR(pk.row[EQ_CORE20].assessed, 0, 1e-9);

    res.nareas = 3;
    CHECK(equality_compute(a, as, 2, &res, 3.0, NULL, &pk, &e) == -1);
}

static void test_names(void)
{
    CHECK_STR(equality_heading(EQ_AGE65), "Age");
    CHECK_STR(equality_key(EQ_NO_CAR), "no_car");
    CHECK(equality_protected(EQ_DISABLED) && !equality_protected(EQ_CORE20));
    CHECK_NEAR(equality_ratio(1, 4), 0.25, 1e-12);
    CHECK(isnan(equality_ratio(5, 4)) && isnan(equality_ratio(1, 0)));
}

int main(void)
{
    test_pack();
    test_names();
    T_DONE();
}
