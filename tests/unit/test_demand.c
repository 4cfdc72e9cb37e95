/* The demand policy and the dispersal as it is run (self-registration,
 * intakes, staged weeks), on cases worked out on paper.  Positions as in
 * test_dispersal.c: km north of 52 N on one meridian. */
#include "tests/unit/disp_fixture.h"

#include "engine/impact.h"
#include "engine/staged.h"

/* One closing practice, 100 patients at its door; practice 1 is 1 km
 * away (list 1000, capacity 1070), practice 2 is 2 km (1000, 2000).
 * Huff weights with beta 2: 1000/1 and 1000/4, so shares 80% and 20%. */
static void two_receivers(disp_practice p[3], disp_area a[1])
{
    p[0] = prac(0, 100, 0);
    p[1] = prac(1, 1000, 1070);
    p[2] = prac(-2, 1000, 2000);
    p[0].can_receive = false;
    a[0] = area("A", 0, 0, 100);
}

static void test_demand_ignores_headroom(void)
{
    disp_practice p[3];
    disp_area a[1];
    two_receivers(p, a);
    disp_rules r = rules(POLICY_DEMAND);
    disp_result res;
    impact im;
    err e;
    CHECK(dispersal_run(p, 3, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 80); /* 10 more than its headroom of 70 */
    CHECK_INT(sent(&res, 0, 2), 20);
    CHECK_INT(res.unplaced, 0);
    CHECK(impact_compute(p, 3, a, 1, 5, &res, NULL, NULL, &im, &e) == 0);
    CHECK_INT(im.nreceivers, 2);
    CHECK_INT(im.receivers[0].practice, 1);
    CHECK(im.receivers[0].over_capacity && !im.receivers[0].full);
    CHECK_INT(im.receivers[0].over_by, 10);
    CHECK_INT(im.n_over, 1);
    CHECK_INT(im.patients_over, 10);
    impact_free(&im);
    disp_result_free(&res);

    /* Choice on the same case stops practice 1 at its capacity: "full". */
    r.policy = POLICY_CHOICE;
    CHECK(dispersal_run(p, 3, a, 1, &r, &res, &e) == 0);
    CHECK(impact_compute(p, 3, a, 1, 5, &res, NULL, NULL, &im, &e) == 0);
    CHECK(im.receivers[0].full && !im.receivers[0].over_capacity);
    CHECK_INT(im.receivers[0].over_by, 0);
    CHECK_INT(im.n_full, 1);
    CHECK_INT(im.n_over, 0);
    impact_free(&im);
    disp_result_free(&res);

    /* An agreed intake of 50 caps practice 1 even under demand; the
     * overflow goes where the demand model sends it next. */
    long intake[3] = {-1, 50, -1};
    r.policy = POLICY_DEMAND;
    r.intake = intake;
    CHECK(dispersal_run(p, 3, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 50);
    CHECK_INT(sent(&res, 0, 2), 50);
    disp_result_free(&res);

    /* Beyond max_km nobody receives, demand or not. */
    r.intake = NULL;
    r.max_km = 0.5;
    CHECK(dispersal_run(p, 3, a, 1, &r, &res, &e) == 0);
    CHECK_INT(res.unplaced, 100);
    disp_result_free(&res);
    CHECK_STR(disp_policy_name(POLICY_DEMAND), "demand");
    CHECK_INT(disp_policy_parse("demand"), POLICY_DEMAND);
}

static void test_staged_by_hand(void)
{
    disp_practice p[3];
    disp_area a[1];
    two_receivers(p, a);
    disp_rules r = rules(POLICY_NEAREST);
    long intake[3] = {-1, 10, -1}, per_day[3] = {-1, -1, 5};
    staged_opts o = {61, false, intake, per_day, 20};
    staged_result s;
    err e;
    CHECK(staged_run(NULL, p, 3, a, 1, &r, &o, &s, &e) < 0); /* no index */
    nearby *ix = disp_index_build(p, 3);
    CHECK(staged_run(ix, p, 3, a, 1, &r, &o, &s, &e) == 0);
    /* 61 choose for themselves, uncapped: 48.8 and 12.2 -> 49 and 12. */
    CHECK_INT(s.self_placed, 61);
    CHECK_INT(s.self_gain[1], 49);
    CHECK_INT(s.self_gain[2], 12);
    /* 39 allocated to the nearest first, within practice 1's intake of 10
     * (its headroom would allow 21); practice 2 has no intake, so its
     * headroom (2000 - 1012) bounds it. */
    CHECK_INT(s.alloc_gain[1], 10);
    CHECK_INT(s.alloc_gain[2], 29);
    CHECK_INT(s.allocated, 39);
    CHECK_INT(s.all.placed, 100);
    CHECK_INT(s.all.unplaced, 0);
    CHECK_INT(sent(&s.all, 0, 1), 59);
    CHECK_INT(sent(&s.all, 0, 2), 41);
    /* 10 at 20 a day: 1 day; 29 at 5 a day: 6 days, so 2 working weeks. */
    CHECK_INT(s.days[1], 1);
    CHECK_INT(s.days[2], 6);
    CHECK_INT(s.days[0], 0);
    CHECK_INT(s.weeks, 2);
    staged_free(&s);

    /* No default rate: practice 1's allocation has no rate, so the weeks
     * are unknown, not zero. */
    o.default_per_day = 0;
    CHECK(staged_run(ix, p, 3, a, 1, &r, &o, &s, &e) == 0);
    CHECK_INT(s.days[1], -1);
    CHECK_INT(s.days[2], 6);
    CHECK_INT(s.weeks, -1);
    staged_free(&s);

    /* Capped self-registration stops practice 1 at its headroom of 70:
     * the self share (61) fits, so it is kept. */
    o.self_capped = true;
    o.self_pct = 100;
    CHECK(staged_run(ix, p, 3, a, 1, &r, &o, &s, &e) == 0);
    CHECK_INT(s.self_gain[1], 70);
    CHECK_INT(s.self_gain[2], 30);
    CHECK_INT(s.allocated, 0);
    CHECK_INT(s.weeks, 0);
    staged_free(&s);
    nearby_free(ix);

    CHECK_INT(staged_days(130, 20), 7);
    CHECK_INT(staged_weeks(7), 2);
    CHECK_INT(staged_weeks(5), 1);
    CHECK_INT(staged_weeks(0), 0);
}

int main(void)
{
    test_demand_ignores_headroom();
    test_staged_by_hand();
    T_DONE();
}
