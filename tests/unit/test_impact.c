/* Impact figures for a small closure worked out by hand (positions in km
 * along one meridian, as in the dispersal tests). */
#include "engine/impact.h"
#include "tests/unit/disp_fixture.h"

static void test_figures(void)
{
    disp_practice p[4] = {prac(0, 5000, 5000), prac(1, 1000, 1050),
                          prac(-2, 1000, 1100), prac(20, 1000, 9000)};
    p[0].can_receive = false;
    p[1].gp_fte = 2.0;
    disp_area a[3] = {area("E1", 0, 0.5, 30), area("E2", 0, 0, 100),
                      area("E3", 0, 0, 10)};
    a[0].imd_decile = 1;
    a[1].imd_decile = 10;
    a[2].lat = NAN;
    disp_rules r = rules(POLICY_NEAREST);
    disp_result res;
    impact im;
    err e;
    double f65[4] = {0.2, NAN, NAN, NAN};
    CHECK(dispersal_run(p, 4, a, 3, &r, &res, &e) == 0);
    CHECK(impact_compute(p, 4, a, 3, 2.2, &res, f65, NULL, &im, &e) == 0);
    CHECK_INT(im.displaced, 140);
    CHECK_INT(im.placed, 130);
    CHECK_INT(im.unplaced, 10);
    CHECK_NEAR(im.mean_km_before, 15.0 / 130.0, 1e-6);
    CHECK_NEAR(im.mean_km_after, 225.0 / 130.0, 1e-6);
    CHECK_NEAR(im.p90_km_after, 2.5, 1e-6);
    CHECK_INT(im.beyond_reasonable, 30);

    CHECK_INT(im.nreceivers, 2);
    impact_receiver *x = &im.receivers[0], *y = &im.receivers[1];
    CHECK_INT(x->practice, 2);
    CHECK_INT(x->gain, 80);
    CHECK_INT(x->list_after, 1080);
    CHECK_NEAR(x->growth_pct, 8.0, 1e-9);
    CHECK(isnan(x->per_fte_after));
    CHECK(isnan(x->per_fte_before));
    CHECK(!x->over_capacity && !x->over_before);
    CHECK_INT(y->practice, 1);
    CHECK_INT(y->gain, 50);
    CHECK_NEAR(y->per_fte_before, 500.0, 1e-9);
    CHECK_NEAR(y->per_fte_after, 525.0, 1e-9);
    CHECK_INT(y->capacity, 1050);

    CHECK_NEAR(im.imd[1].displaced, 30, 1e-9);
    CHECK_NEAR(im.imd[1].mean_km_before, 0.5, 1e-6);
    CHECK_NEAR(im.imd[1].mean_km_after, 2.5, 1e-6);
    CHECK_NEAR(im.imd[1].beyond_reasonable, 30, 1e-9);
    CHECK_NEAR(im.imd[5].displaced, 100, 1e-9);
    CHECK_NEAR(im.imd[5].mean_km_after, 1.5, 1e-6);
    CHECK_NEAR(im.imd[5].beyond_reasonable, 0, 1e-9);
    CHECK_NEAR(im.imd[0].unplaced, 10, 1e-9);
    CHECK(isnan(im.imd[0].mean_km_before) && isnan(im.imd[0].mean_km_after));
    CHECK_NEAR(im.imd[3].displaced, 0, 1e-9);

    CHECK_NEAR(im.age65.displaced, 28, 1e-9);
    CHECK_NEAR(im.age65.placed, 26, 1e-9);
    CHECK_NEAR(im.age65.unplaced, 2, 1e-9);
    CHECK_NEAR(im.age65.beyond_reasonable, 6, 1e-9);
    CHECK_NEAR(im.age65.mean_km_after, 225.0 / 130.0, 1e-6);
    CHECK_NEAR(im.age75.displaced, 0, 1e-9);
    CHECK(isnan(im.age75.mean_km_after));
    impact_free(&im);
    disp_result_free(&res);
}

/* A result made by hand: a receiver already over capacity is reported. */
static void test_over_and_errors(void)
{
    disp_practice p[2] = {prac(0, 100, 0), prac(1, 1200, 1000)};
    disp_area a[1] = {area("E1", 0, 0, 12)};
    disp_flow f[2] = {{0, 1, 9, 1.0}, {0, -1, 3, NAN}};
    double kb[1] = {0.0};
    disp_result res = {f, 2, kb, 1, 12, 9, 3, 9.0};
    impact im;
    err e = {{0}};
    CHECK(impact_compute(p, 2, a, 1, 5, &res, NULL, NULL, &im, &e) == 0);
    CHECK_INT(im.nreceivers, 1);
    CHECK(im.receivers[0].over_before && im.receivers[0].over_capacity);
    CHECK_NEAR(im.receivers[0].growth_pct, 0.75, 1e-9);
    CHECK_NEAR(im.p90_km_after, 1.0, 1e-9);
    impact_free(&im);

    f[0].to = 2; /* no such practice */
    CHECK(impact_compute(p, 2, a, 1, 5, &res, NULL, NULL, &im, &e) == -1);
    CHECK(strstr(e.msg, "flow 0") != NULL);
    f[0].to = 1;
    res.nareas = 2;
    CHECK(impact_compute(p, 2, a, 1, 5, &res, NULL, NULL, &im, &e) == -1);

    CHECK_INT(impact_quintile(1), 1);
    CHECK_INT(impact_quintile(2), 1);
    CHECK_INT(impact_quintile(3), 2);
    CHECK_INT(impact_quintile(10), 5);
    CHECK_INT(impact_quintile(0), 0);
    CHECK_INT(impact_quintile(11), 0);
    CHECK_STR(impact_imd_label(1), "1 (most deprived)");
    CHECK_STR(impact_imd_label(0), "unknown");
}

/* Patients whose home area is unknown: placed from their practice's own
 * location, counted, but left out of every km figure; age groups with no
 * fraction are not assessed. */
static void test_residence_unknown(void)
{
    disp_practice p[3] = {prac(0, 5000, 5000), prac(1, 1000, 2000), prac(3, 1000, 2000)};
    p[0].can_receive = false;
    disp_area a[2] = {area("E1", 0, 2, 30), area("CLOSED", 0, 0, 20)};
    a[1].residence_unknown = true;
    disp_rules r = rules(POLICY_NEAREST);
    disp_result res;
    impact im;
    err e;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK(impact_compute(p, 3, a, 2, 0.5, &res, NULL, NULL, &im, &e) == 0);
    CHECK_INT(im.displaced, 50);
    CHECK_INT(im.placed, 50);
    CHECK_INT(im.residence_unknown, 20);
    CHECK_NEAR(im.mean_km_before, 2.0, 1e-6); /* E1 only: not 0 km for CLOSED */
    CHECK_NEAR(im.mean_km_after, 1.0, 1e-6);  /* E1 (at 2) to the practice at 1 or 3 */
    CHECK_NEAR(im.p90_km_after, 1.0, 1e-6);
    CHECK_INT(im.beyond_reasonable, 30);      /* the 20 unknown are not counted */
    CHECK_NEAR(im.imd[0].residence_unknown, 20, 1e-9);
    CHECK(im.imd[0].assessed);
    CHECK(!im.age65.assessed && !im.age75.assessed);
    impact_free(&im);
    disp_result_free(&res);

    a[0].residence_unknown = true; /* nobody's home known: no km at all */
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK(impact_compute(p, 3, a, 2, 0.5, &res, NULL, NULL, &im, &e) == 0);
    CHECK(isnan(im.mean_km_before) && isnan(im.mean_km_after) && isnan(im.p90_km_after));
    CHECK_INT(im.beyond_reasonable, 0);
    impact_free(&im);
    disp_result_free(&res);
}

/* The 90th percentile written plainly: every placed patient whose home
 * is known, one by one, sorted, the ceil(0.9 n)-th. */
static double plain_p90(const disp_area *a, const disp_result *res)
{
    static double km[4000];
    int n = 0;
    for (int i = 0; i < res->nflows; i++)
        for (long k = 0; res->flows[i].to >= 0 && !a[res->flows[i].area].residence_unknown &&
                         k < res->flows[i].patients; k++)
            km[n++] = res->flows[i].km;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && km[j] < km[j - 1]; j--) {
            double t = km[j];
            km[j] = km[j - 1];
            km[j - 1] = t;
        }
    return n ? km[(int)ceil(0.9 * n) - 1] : NAN;
}

/* Random results with many equal distances: the same percentile. */
static void test_p90_plain(void)
{
    disp_practice p[6];
    for (int i = 0; i < 6; i++)
        p[i] = prac(i, 1000, 2000);
    int differ = 0;
    for (int k = 0; k < 300; k++) {
        disp_area a[8];
        disp_flow f[40];
        double before[8] = {0};
        disp_result res = {.flows = f, .nareas = 8, .km_before = before};
        for (int i = 0; i < 8; i++) {
            a[i] = area("A", 0, 0, 0);
            a[i].residence_unknown = rnd_int(5) == 0;
        }
        res.nflows = rnd_int(40);
        for (int i = 0; i < res.nflows; i++) {
            f[i] = (disp_flow){rnd_int(8), rnd_int(7) - 1, 1 + rnd_int(90), rnd_int(6) * 0.5};
            a[f[i].area].patients += f[i].patients;
        }
        CHECK(disp_flows_order(f, &res.nflows) == 0);
        impact im;
        err e;
        CHECK(impact_compute(p, 6, a, 8, 2.0, &res, NULL, NULL, &im, &e) == 0);
        double want = plain_p90(a, &res);
        differ += isnan(want) ? !isnan(im.p90_km_after) : im.p90_km_after != want;
        impact_free(&im);
    }
    CHECK_INT(differ, 0);
}

int main(void)
{
    test_p90_plain();
    test_figures();
    test_residence_unknown();
    test_over_and_errors();
    T_DONE();
}
