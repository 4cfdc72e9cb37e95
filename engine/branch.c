#include "engine/branch.h"

#include <math.h>
#include <string.h>

#include "engine/geo.h"

/* The nearest located site to (lat, lon), leaving out closing sites when
 * asked; its distance in *km, -1 when none. */
static int nearest(const branch_site *s, int ns, double lat, double lon, bool skip_closing,
                   double *km)
{
    int best = -1;
    for (int i = 0; i < ns; i++) {
        if ((skip_closing && s[i].closing) || isnan(s[i].lat))
            continue;
        double d = geo_km(lat, lon, s[i].lat, s[i].lon);
        if (best < 0 || d < *km) {
            best = i;
            *km = d;
        }
    }
    return best;
}

int branch_close(const disp_area *a, int na, const branch_site *s, int ns,
                 double reasonable_km, branch_impact *out, err *e)
{
    double sum_b = 0, sum_a = 0, aff_b = 0, aff_a = 0, km;
    memset(out, 0, sizeof *out);
    if (nearest(s, ns, 0, 0, true, &km) < 0)
        return err_set(e, "no located site would be left open");
    for (int i = 0; i < na; i++) {
        double kb, ka;
        long n = a[i].patients;
        if (isnan(a[i].lat) || isnan(a[i].lon)) {
            out->not_located += n;
            continue;
        }
        int before = nearest(s, ns, a[i].lat, a[i].lon, false, &kb);
        nearest(s, ns, a[i].lat, a[i].lon, true, &ka);
        out->patients += n;
        sum_b += (double)n * kb;
        sum_a += (double)n * ka;
        out->beyond_before += kb > reasonable_km ? n : 0;
        out->beyond_after += ka > reasonable_km ? n : 0;
        if (s[before].closing) {
            out->affected += n;
            aff_b += (double)n * kb;
            aff_a += (double)n * ka;
        }
    }
    out->mean_km_before = out->patients ? sum_b / (double)out->patients : NAN;
    out->mean_km_after = out->patients ? sum_a / (double)out->patients : NAN;
    out->affected_km_before = out->affected ? aff_b / (double)out->affected : NAN;
    out->affected_km_after = out->affected ? aff_a / (double)out->affected : NAN;
    return 0;
}
