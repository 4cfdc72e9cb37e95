/* Hand-made dispersal cases with answers worked out on paper.  Positions
 * are km north of 52 N on the 1.5 W meridian, so distances are exact
 * differences. */
#include "tests/unit/disp_fixture.h"

static void test_nearest_spill(void)
{
    disp_practice p[4] = {prac(0, 5000, 5000), prac(1, 1000, 1050),
                          prac(-2, 1000, 1100), prac(20, 1000, 9000)};
    p[0].can_receive = false;
    disp_area a[2] = {area("E01000002", 0, 0, 30), area("E01000001", 0, 0, 100)};
    disp_rules r = rules(POLICY_NEAREST);
    disp_result res;
    err e;
    CHECK(dispersal_run(p, 4, a, 2, &r, &res, &e) == 0);
    /* Largest area first: 50 fill practice 1, 50 go 2 km to practice 2;
     * the smaller area then gets practice 2's last 50 (30 of them).
     * Practice 3 is beyond 8 km. */
    CHECK_INT(sent(&res, 1, 1), 50);
    CHECK_INT(sent(&res, 1, 2), 50);
    CHECK_INT(sent(&res, 0, 2), 30);
    CHECK_INT(sent(&res, 0, 3) + sent(&res, 1, 3), 0);
    CHECK_INT(res.placed, 130);
    CHECK_INT(res.unplaced, 0);
    CHECK_NEAR(res.patient_km, 50 * 1 + 80 * 2, 1e-6);
    CHECK_NEAR(res.km_before[0], 0, 1e-9);
    /* Flows are ordered by area, nearest first. */
    CHECK(res.nflows == 3 && res.flows[0].area == 0 && res.flows[1].to == 1 &&
          res.flows[2].to == 2);
    disp_result_free(&res);

    /* Without practice 2 the rest is unplaced, not lost. */
    p[2].can_receive = false; /* a closed list */
    CHECK(dispersal_run(p, 4, a, 2, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 1, 1), 50);
    CHECK_INT(sent(&res, 1, -1), 50);
    CHECK_INT(sent(&res, 0, -1), 30);
    CHECK_INT(sent(&res, 0, 2) + sent(&res, 1, 2), 0);
    CHECK_INT(res.unplaced, 80);
    CHECK(isnan(res.flows[res.nflows - 1].km) && res.flows[res.nflows - 1].to == -1);
    disp_result_free(&res);
}

/* Nearest gives the big area the shared practice; optimal sees that the
 * small area has nowhere else near and swaps. */
static void test_optimal_beats_nearest(void)
{
    disp_practice p[3] = {prac(0, 100, 0), prac(0, 1000, 1010),
                          prac(3, 1000, 1100)};
    p[0].can_receive = false;
    p[0].lon = -1.4; /* the closing practice stands apart */
    disp_area a[2] = {area("X", 0, 1, 10), area("Y", 0, -1, 5)};
    disp_rules r = rules(POLICY_NEAREST);
    disp_result res;
    err e;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 10);
    CHECK_INT(sent(&res, 1, 2), 5);
    CHECK_NEAR(res.patient_km, 10 * 1 + 5 * 4, 1e-6);
    disp_result_free(&res);

    r.policy = POLICY_OPTIMAL;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 1, 1), 5);
    CHECK_INT(sent(&res, 0, 1), 5);
    CHECK_INT(sent(&res, 0, 2), 5);
    CHECK_NEAR(res.patient_km, 5 * 1 + 5 * 1 + 5 * 2, 1e-6);
    disp_result_free(&res);

    /* Room for only one patient in reach: optimal places the one whose
     * trip is shorter. */
    p[1].capacity = 1001;
    p[2].capacity = 1000;
    a[1].lat = 52.0 - 0.5 * KM;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK_INT(res.placed, 1);
    CHECK_INT(sent(&res, 1, 1), 1);
    disp_result_free(&res);
}

/* Huff: at 1 km and 2 km with equal lists and beta 2 the weights are 1
 * and 1/4, so 100 patients split 80 / 20. */
static void test_choice(void)
{
    disp_practice p[4] = {prac(0, 100, 0), prac(1, 1000, 2000),
                          prac(-2, 1000, 2000), prac(1, 1000, 2000)};
    p[0].can_receive = false;
    p[3].can_receive = false;
    disp_area a[1] = {area("A", 0, 0, 100)};
    disp_rules r = rules(POLICY_CHOICE);
    disp_result res;
    err e;
    CHECK(dispersal_run(p, 4, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 80);
    CHECK_INT(sent(&res, 0, 2), 20);
    disp_result_free(&res);

    /* Headroom 70 at the near one: its 10 extra go to the other. */
    p[1].capacity = 1070;
    CHECK(dispersal_run(p, 4, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 70);
    CHECK_INT(sent(&res, 0, 2), 30);
    disp_result_free(&res);

    /* beta 0: distance no longer matters, lists do (3000 vs 1000). */
    p[1].capacity = 2000;
    p[2].list = 3000;
    p[2].capacity = 9000;
    r.choice_beta = 0;
    CHECK(dispersal_run(p, 4, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 25);
    CHECK_INT(sent(&res, 0, 2), 75);
    disp_result_free(&res);

    /* Three equal shares of 10: 4 / 3 / 3, the odd one to the nearer
     * (here equal, so the lower index). */
    disp_practice q[4] = {prac(0, 100, 0), prac(1, 500, 600), prac(-1, 500, 600),
                          prac(1, 500, 600)};
    q[0].can_receive = false;
    a[0].patients = 10;
    r.choice_beta = 2;
    CHECK(dispersal_run(q, 4, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 4);
    CHECK_INT(sent(&res, 0, 2), 3);
    CHECK_INT(sent(&res, 0, 3), 3);
    disp_result_free(&res);
}

/* Areas without a location are unplaced; empty areas give no flows; a
 * second closing practice never receives, even with can_receive set. */
static void test_edges(void)
{
    disp_practice p[3] = {prac(0, 100, 0), prac(1, 1000, 1000000),
                          prac(0.5, 1000, 1000000)};
    p[0].can_receive = false;
    disp_area a[4] = {area("A", 0, 0, 40), area("B", 0, 0, 0),
                      area("C", 2, 0, 7), area("D", 0, 0, 9)};
    a[3].lat = NAN;
    for (int pol = POLICY_NEAREST; pol <= POLICY_OPTIMAL; pol++) {
        disp_rules r = rules((disp_policy)pol);
        disp_result res;
        err e;
        CHECK(dispersal_run(p, 3, a, 4, &r, &res, &e) == 0);
        CHECK_INT(sent(&res, 0, 1), 40);
        CHECK_INT(sent(&res, 2, 1), 7);
        CHECK_INT(sent(&res, 3, -1), 9);
        CHECK_INT(sent(&res, 0, 2) + sent(&res, 2, 2), 0);
        CHECK_INT(res.nflows, 3);
        CHECK_INT(res.displaced, 56);
        CHECK(isnan(res.km_before[3]));
        CHECK_NEAR(res.km_before[2], 0.5, 1e-6);
        disp_result_free(&res);
    }
}

typedef struct {
    double m[2][3];
} matrix;

static double by_matrix(void *ctx, int ai, int pi)
{
    return ((matrix *)ctx)->m[ai][pi];
}

/* A travel-time matrix replaces distance: minutes decide, NAN is no route. */
static void test_custom_distance(void)
{
    disp_practice p[3] = {prac(0, 100, 0), prac(1, 1000, 2000), prac(30, 1000, 2000)};
    p[0].can_receive = false;
    disp_area a[2] = {area("A", 0, 0, 10), area("B", 0, 0, 5)};
    matrix mx = {{{4, 25, 6}, {3, NAN, 9.5}}};
    disp_rules r = rules(POLICY_NEAREST);
    r.dist = by_matrix;
    r.dist_ctx = &mx;
    r.max_km = 9;
    disp_result res;
    err e;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 2), 10);
    CHECK_INT(sent(&res, 1, -1), 5);
    CHECK_NEAR(res.patient_km, 60, 1e-9);
    CHECK_NEAR(res.km_before[1], 3, 1e-9);
    disp_result_free(&res);
    /* A straight-line search radius of 10 km leaves practice 2 out. */
    r.search_km = 10;
    CHECK(dispersal_run(p, 3, a, 2, &r, &res, &e) == 0);
    CHECK_INT(res.placed, 0);
    disp_result_free(&res);
}

static void test_errors(void)
{
    disp_practice p[2] = {prac(0, 100, 0), prac(1, 100, 200)};
    disp_area a[1] = {area("E01000001", 2, 0, 10)};
    disp_rules r = rules(POLICY_OPTIMAL);
    disp_result res;
    err e = {{0}};
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == -1);
    CHECK(strstr(e.msg, "E01000001") != NULL);
    CHECK(res.flows == NULL && res.nflows == 0);
    a[0].from = 0;
    a[0].patients = -3;
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == -1);
    a[0].patients = 3;
    r.policy = (disp_policy)7;
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == -1);
    r.policy = POLICY_CHOICE;
    r.choice_beta = NAN;
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == -1);
    r.choice_beta = 2;
    r.max_km = NAN;
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == -1);
    r.max_km = 8;
    CHECK(dispersal_run(p, 2, a, 1, &r, &res, &e) == 0);
    CHECK_INT(res.placed, 3);
    disp_result_free(&res);
    CHECK(dispersal_run(p, 2, a, 0, &r, &res, &e) == 0);
    CHECK_INT(res.nflows, 0);
    disp_result_free(&res);
    CHECK_STR(disp_policy_name(POLICY_CHOICE), "choice");
    CHECK_INT(disp_policy_parse("optimal"), POLICY_OPTIMAL);
    CHECK_INT(disp_policy_parse("fastest"), -1);
}

int main(void)
{
    test_nearest_spill();
    test_optimal_beats_nearest();
    test_choice();
    test_edges();
    test_custom_distance();
    test_errors();
    T_DONE();
}
