#include "engine/capacity.h"

#include <math.h>

const char *capacity_source_name(cap_source s)
{
    switch (s) {
    case CAP_SCENARIO: return "scenario";
    case CAP_IMPORTED: return "imported";
    case CAP_GP_FTE: return "gp-fte";
    case CAP_DEFAULT_HEADROOM: return "default-headroom";
    case CAP_SET: return "set";
    }
    return "unknown";
}

long capacity_grow(long list, double growth_pct)
{
    if (list <= 0)
        return 0;
    if (!isfinite(growth_pct) || growth_pct == 0)
        return list;
    double v = round((double)list * (1.0 + growth_pct / 100.0));
    return v < 0 ? 0 : (long)v;
}

/* The tiny epsilon keeps 1000 x 1.10 = 1100 from flooring to 1099 when
 * the product lands a hair under a whole number in binary. */
static long with_headroom(long list, double pct)
{
    if (!isfinite(pct))
        pct = 0;
    double v = floor((double)list * (1.0 + pct / 100.0) + 1e-7);
    return v < 0 ? 0 : (long)v;
}

cap_result capacity_of(long list, long scenario, long imported, double gp_fte,
                       const cap_rules *r)
{
    cap_result c;
    c.list = capacity_grow(list, r->growth_pct);
    if (scenario >= 0) {
        c.capacity = scenario;
        c.source = CAP_SCENARIO;
    } else if (imported >= 0) {
        c.capacity = imported;
        c.source = CAP_IMPORTED;
    } else if (isfinite(gp_fte) && gp_fte > 0 && r->patients_per_gp_fte > 0) {
        c.capacity = (long)round(gp_fte * r->patients_per_gp_fte);
        c.source = CAP_GP_FTE;
    } else {
        c.capacity = with_headroom(c.list, r->default_headroom_pct);
        c.source = CAP_DEFAULT_HEADROOM;
    }
    c.headroom = c.capacity > c.list ? c.capacity - c.list : 0;
    return c;
}

cap_source capacity_fact_source(cap_source s, bool set_by_person)
{
    return s == CAP_IMPORTED && set_by_person ? CAP_SET : s;
}
