/* The closure what-if measured against what respondents said. */
#include "core/survey_travel.h"

#include <math.h>
#include <string.h>

double survey_travel_convert(double v, bool miles, bool to_minutes, double speed_kmh)
{
    double km = miles ? v * SURVEY_KM_PER_MILE : v * speed_kmh / 60.0;
    if (!miles && to_minutes)
        return v;
    return to_minutes ? km / speed_kmh * 60.0 : km;
}

static void keep(survey_travel *out, int k, const whatif *wf)
{
    out->displaced = wf->im.displaced;
    out->placed = wf->im.placed;
    out->beyond[k] = wf->im.beyond_reasonable;
    memcpy(out->imd[k], wf->im.imd, sizeof out->imd[k]);
    out->age65[k] = wf->im.age65;
    out->age75[k] = wf->im.age75;
    out->unit = wf->unit;
    for (int c = 0; c < wf->nclosing; c++)
        out->modelled |= wf->area_source[c] == AREAS_MODELLED;
}

/* The pooled answers of the closing practices' respondents. */
static int pooled(store *s, const whatif_input *in, survey_travel *out, err *e)
{
    int rc = store_read_begin(s, e);
    if (rc == 0) {
        rc = engagement_travel_pooled(s, in->close, in->nclose, &out->travel, &out->practices, e);
        store_read_end(s);
    }
    if (rc == 0 && out->travel.mixed)
        rc = err_set(e, "the closing practices' respondents answered in both minutes and "
                        "miles: import them with one travel_unit");
    if (rc == 0 && !out->travel.answered)
        rc = err_set(e, "no survey respondent of the closing practices said what travel is "
                        "reasonable (catchment engagement lists the practices with answers)");
    return rc;
}

int survey_travel_run(const world *w, store *s, const config *cfg, const whatif_input *in,
                      double speed_kmh, survey_travel *out, err *e)
{
    memset(out, 0, sizeof *out);
    out->speed_kmh = speed_kmh;
    if (pooled(s, in, out, e))
        return -1;
    bool to_minutes = cfg->rules.travel == CONFIG_TRAVEL_MATRIX_MINUTES;
    out->converted = out->travel.miles || !to_minutes;
    const double said[SURVEY_SHARES] = {out->travel.half, out->travel.three_quarters};
    for (int k = 0; k < SURVEY_SHARES; k++) {
        whatif_input one = *in;
        whatif wf;
        out->threshold[k] = survey_travel_convert(said[k], out->travel.miles, to_minutes, speed_kmh);
        one.set.reasonable_km = out->threshold[k];
        if (whatif_run(w, s, cfg, &one, &wf, e))
            return -1;
        keep(out, k, &wf);
        whatif_free(&wf);
    }
    return 0;
}
