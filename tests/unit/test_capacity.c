#include "engine/capacity.h"
#include "tests/unit/t.h"

int main(void)
{
    cap_rules r = {.patients_per_gp_fte = 2000, .default_headroom_pct = 10,
                   .growth_pct = 0};
    cap_result c;

    c = capacity_of(8000, 9000, 8500, 5.0, &r);
    CHECK_INT(c.capacity, 9000);
    CHECK_INT(c.headroom, 1000);
    CHECK_STR(capacity_source_name(c.source), "scenario");

    c = capacity_of(8000, -1, 8500, 5.0, &r);
    CHECK_INT(c.capacity, 8500);
    CHECK_STR(capacity_source_name(c.source), "imported");

    c = capacity_of(8000, -1, -1, 4.26, &r); /* 8520 */
    CHECK_INT(c.capacity, 8520);
    CHECK_INT(c.headroom, 520);
    CHECK_STR(capacity_source_name(c.source), "gp-fte");

    c = capacity_of(8000, -1, -1, 4.25025, &r); /* 8500.5 rounds up */
    CHECK_INT(c.capacity, 8501);

    c = capacity_of(8000, -1, -1, NAN, &r);
    CHECK_INT(c.capacity, 8800);
    CHECK_STR(capacity_source_name(c.source), "default-headroom");

    c = capacity_of(1000, -1, -1, NAN, &r); /* 1000 x 1.1 in binary */
    CHECK_INT(c.capacity, 1100);
    c = capacity_of(107, -1, -1, NAN, &r);  /* 117.7 floors */
    CHECK_INT(c.capacity, 117);

    /* FTE of zero, or no FTE rule, falls through to the default. */
    c = capacity_of(8000, -1, -1, 0.0, &r);
    CHECK_STR(capacity_source_name(c.source), "default-headroom");
    r.patients_per_gp_fte = 0;
    c = capacity_of(8000, -1, -1, 3.0, &r);
    CHECK_STR(capacity_source_name(c.source), "default-headroom");
    r.patients_per_gp_fte = 2000;

    /* Already over capacity: headroom is 0, never negative. */
    c = capacity_of(8000, 7000, -1, NAN, &r);
    CHECK_INT(c.headroom, 0);
    c = capacity_of(8000, 0, -1, NAN, &r);
    CHECK_INT(c.capacity, 0);
    CHECK_STR(capacity_source_name(c.source), "scenario");

    /* Growth applies to the list first, then the default headroom. */
    r.growth_pct = 5;
    c = capacity_of(8000, -1, -1, NAN, &r);
    CHECK_INT(c.list, 8400);
    CHECK_INT(c.capacity, 9240);
    CHECK_INT(c.headroom, 840);
    c = capacity_of(8000, -1, 8500, NAN, &r);
    CHECK_INT(c.list, 8400);
    CHECK_INT(c.headroom, 100);

    CHECK_INT(capacity_grow(1001, 2.5), 1026); /* 1026.025 */
    CHECK_INT(capacity_grow(3, 50), 5);        /* 4.5 rounds away from 0 */
    CHECK_INT(capacity_grow(1000, -3), 970);
    CHECK_INT(capacity_grow(0, 10), 0);
    CHECK_INT(capacity_grow(500, NAN), 500);
    CHECK_STR(capacity_source_name((cap_source)99), "unknown");
    T_DONE();
}
