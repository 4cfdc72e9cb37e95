/* The plan: every change bumps the serial and drops the scenario name;
 * scenarios go in and come out whole; the what-if input points at it. */
#include "tests/unit/t.h"
#include "core/plan.h"

#include <stdlib.h>

static config_scenario westwood(void)
{
    static char close[2][CONFIG_CODE_MAX] = {"M86019", "M84036"};
    static config_capacity caps[2] = {{"M86034", 20000}, {"M86019", 1}};
    config_scenario sc = {
        .name = "westwood-ends",
        .description = "Westwood's contract ends",
        .close = close,
        .nclose = 2,
        .has_policy = true,
        .policy = CONFIG_POLICY_CHOICE,
        .capacity = caps,
        .ncapacity = 2,
        .growth_pct = 2.5,
    };
    return sc;
}

static void test_changes_touch(const config *cfg)
{
    plan p;
    plan_init(&p, cfg);
    CHECK_INT(p.set.policy, CONFIG_POLICY_OPTIMAL);
    CHECK(isnan(p.set.max_km));
    unsigned s = p.serial;
    CHECK_INT(plan_toggle(&p, "M86019"), 1);
    CHECK(plan_closing(&p, "m86019")); /* codes are case-blind */
    CHECK(p.serial > s);
    CHECK_INT(plan_toggle(&p, "M84036"), 1);
    CHECK_STR(p.close[0], "M84036"); /* kept in code order */
    CHECK_INT(plan_toggle(&p, "M86019"), 0);
    CHECK(!plan_closing(&p, "M86019"));
    CHECK_INT(p.nclose, 1);
    CHECK_INT(plan_close(&p, "M84036"), 0);

    plan_name(&p, "mine");
    s = p.serial;
    plan_set_policy(&p, CONFIG_POLICY_OPTIMAL); /* the same: no change */
    CHECK_INT(p.serial, s);
    CHECK_STR(p.scenario, "mine");
    plan_next_policy(&p);
    CHECK_INT(p.set.policy, CONFIG_POLICY_NEAREST);
    CHECK_STR(p.scenario, "");
    CHECK(p.serial > s);

    plan_name(&p, "mine");
    CHECK_INT(plan_set_capacity(&p, "M86034", 30000), 0);
    CHECK_STR(p.scenario, "");
    CHECK_INT(plan_capacity(&p, "M86034"), 30000);
    plan_set_capacity(&p, "M86034", 25000);
    CHECK_INT(p.nover, 1);
    CHECK_INT(plan_capacity(&p, "M86034"), 25000);
    CHECK_INT(plan_capacity(&p, "M86004"), -1);

    unsigned close_serial = p.close_serial;
    plan_name(&p, "mine");
    plan_set_growth_pct(&p, 1.5);
    plan_set_as_at(&p, 20250401);
    plan_set_max_km(&p, 5);
    CHECK_STR(p.scenario, "");
    CHECK_INT(p.close_serial, close_serial); /* the same practices close */
    plan_free(&p);
}

static void test_scenario_round_trip(const config *cfg)
{
    plan p;
    plan_init(&p, cfg);
    config_scenario sc = westwood(), back;
    CHECK_INT(plan_from_scenario(&p, cfg, &sc), 0);
    CHECK_STR(p.scenario, "westwood-ends");
    CHECK_INT(p.nclose, 2);
    CHECK_INT(p.set.policy, CONFIG_POLICY_CHOICE);
    CHECK_NEAR(p.set.growth_pct, 2.5, 1e-9);
    CHECK_INT(plan_capacity(&p, "M86034"), 20000);

    CHECK_INT(plan_to_scenario(&p, "copy", &back), 0);
    CHECK_STR(back.name, "copy");
    CHECK_INT(back.nclose, 2);
    CHECK_STR(back.close[0], "M84036");
    CHECK_STR(back.close[1], "M86019");
    CHECK_INT(back.ncapacity, 1); /* not the closing practice's */
    CHECK_STR(back.capacity[0].code, "M86034");
    CHECK(back.has_policy && back.policy == CONFIG_POLICY_CHOICE);
    CHECK_NEAR(back.growth_pct, 2.5, 1e-9);
    CHECK_STR(back.description, "Westwood's contract ends");
    config_scenario_free(&back);

    whatif_input in;
    plan_input(&p, &in);
    CHECK_STR(in.name, "westwood-ends");
    CHECK_INT(in.nclose, 2);
    CHECK_STR(in.close[1], "M86019");
    CHECK_INT(in.noverrides, 2);
    CHECK_INT(in.set.policy, CONFIG_POLICY_CHOICE);
    CHECK(isnan(in.set.reasonable_km));
    plan_toggle(&p, "M84036");
    plan_input(&p, &in);
    CHECK(in.name == NULL); /* edited: ad hoc */

    plan_free(&p);
    plan_init(&p, cfg);
    CHECK_INT(plan_to_scenario(&p, "empty", &back), -1); /* nothing closing */
    plan_free(&p);
}

static void test_prune(const config *cfg)
{
    world_practice v[2] = {0};
    snprintf(v[0].p.code, sizeof v[0].p.code, "M84036");
    snprintf(v[1].p.code, sizeof v[1].p.code, "M86019");
    world w = {.v = v, .n = 2};
    plan p;
    plan_init(&p, cfg);
    config_scenario sc = westwood();
    sc.close[1][3] = '9'; /* M84936: not in the world */
    plan_from_scenario(&p, cfg, &sc);
    unsigned s = p.serial;
    CHECK_INT(plan_prune(&p, &w), 1);
    CHECK_INT(p.nclose, 1);
    CHECK_STR(p.close[0], "M86019");
    CHECK_STR(p.scenario, "westwood-ends"); /* still that scenario */
    CHECK(p.serial > s);
    CHECK_INT(plan_prune(&p, &w), 0);
    sc.close[1][3] = '0';
    plan_free(&p);
}

int main(void)
{
    config cfg;
    config_init(&cfg);
    test_changes_touch(&cfg);
    test_scenario_round_trip(&cfg);
    test_prune(&cfg);
    config_free(&cfg);
    T_DONE();
}
