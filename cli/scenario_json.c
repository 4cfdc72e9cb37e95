/* The what-if as JSON: the stable shape documented in docs/json.md. */
#include "cli/scenario_out.h"

#include <math.h>

#include "core/card.h"
#include "core/equality.h"
#include "core/registers.h"
#include "util/text.h"
#include "core/areas.h"

static void jdate(json *j, const char *key, long ymd)
{
    json_key(j, key);
    json_date(j, ymd);
}

/* A count, or null when unknown (negative). */
static void int_or_null(json *j, long v)
{
    if (v < 0)
        json_str(j, NULL);
    else
        json_int(j, v);
}

static void closed(json *j, const world *w, const whatif *wf)
{
    json_key(j, "closed");
    json_arr(j);
    for (int c = 0; c < wf->nclosing; c++) {
        int k = wf->closing[c];
        json_obj(j);
        json_key(j, "code"); json_str(j, w->v[k].p.code);
        json_key(j, "name"); json_str(j, w->v[k].p.name);
        json_key(j, "patients"); json_int(j, wf->p[k].list);
        jdate(j, "list_date", w->v[k].p.list_date);
        json_key(j, "list_stale"); json_bool(j, asat_stale(w->v[k].p.list_date, wf->as_at));
        json_key(j, "areas_from"); json_str(j, whatif_area_source_name(wf->area_source[c]));
        jdate(j, "areas_date", wf->area_date[c]);
        json_key(j, "modelled"); json_bool(j, wf->area_source[c] == AREAS_MODELLED);
        jdate(j, "age_date", wf->age_date[c]);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void receivers(json *j, const world *w, const whatif *wf)
{
    json_key(j, "receivers");
    json_arr(j);
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        json_obj(j);
        json_key(j, "code"); json_str(j, w->v[r->practice].p.code);
        json_key(j, "name"); json_str(j, w->v[r->practice].p.name);
        json_key(j, "list_before"); json_int(j, r->list_before);
        jdate(j, "list_date", w->v[r->practice].p.list_date);
        json_key(j, "list_stale");
        json_bool(j, asat_stale(w->v[r->practice].p.list_date, wf->as_at));
        json_key(j, "gain"); json_int(j, r->gain);
        json_key(j, "list_after"); json_int(j, r->list_after);
        json_key(j, "capacity"); json_int(j, r->capacity);
        json_key(j, "capacity_source");
        json_str(j, capacity_source_name(wf->cap_source[r->practice]));
        json_key(j, "capacity_illustrative"); /* rests on a file's made-up figure */
        json_bool(j, world_capacity_illustrative(&w->v[r->practice].facts,
                                                 w->v[r->practice].fte_date,
                                                 wf->cap_source[r->practice]));
        json_key(j, "over_capacity"); json_bool(j, r->over_capacity);
        json_key(j, "over_capacity_before"); json_bool(j, r->over_before);
        json_key(j, "over_by"); json_int(j, r->over_by);
        json_key(j, "full"); json_bool(j, r->full);
        if (wf->staged) {
            json_key(j, "self_registered"); json_int(j, wf->st.self_gain[r->practice]);
            json_key(j, "allocated"); json_int(j, wf->st.alloc_gain[r->practice]);
            json_key(j, "intake"); int_or_null(j, wf->intake[r->practice]);
            json_key(j, "allocation_days"); int_or_null(j, wf->st.days[r->practice]);
        }
        json_key(j, "growth_pct"); json_num(j, r->growth_pct, 2);
        json_key(j, "patients_per_gp_fte_before"); json_num(j, r->per_fte_before, 0);
        json_key(j, "patients_per_gp_fte_after"); json_num(j, r->per_fte_after, 0);
        const world_practice *wp = &w->v[r->practice];
        char d[16];
        json_key(j, "gp_fte_source");
        json_str(j, world_fte_source(wp->facts.gp_fte, wp->fte_date));
        json_key(j, "gp_fte_illustrative"); /* the per-FTE figures rest on it */
        json_bool(j, world_fte_illustrative(&wp->facts, wp->fte_date));
        json_key(j, "gp_fte_date");
        text_date_iso(wp->fte_date, d, sizeof d);
        json_str(j, *d ? d : NULL);
        text_date_iso(wp->appt_date, d, sizeof d);
        json_key(j, "appointments_month"); json_str(j, *d ? d : NULL);
        json_key(j, "appointments_per_1000_before");
        json_num(j, scenario_per_1000(wp->appts, r->list_before), 1);
        json_key(j, "appointments_per_1000_after");
        json_num(j, scenario_per_1000(wp->appts, r->list_after), 1);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void equality_pack(json *j, const whatif *wf)
{
    json_key(j, "equality_pack");
    json_obj(j);
    json_key(j, "icb"); json_str(j, *wf->eq_icb ? wf->eq_icb : NULL);
    bool base = wf->eq.base_date && wf->eq.base_patients > 0; /* else unknown */
    json_key(j, "baseline_patients"); json_num(j, base ? wf->eq.base_patients : NAN, 0);
    jdate(j, "baseline_date", base ? wf->eq.base_date : 0);
    jdate(j, "baseline_oldest_date", base ? wf->eq.base_oldest : 0);
    json_key(j, "baseline_modelled"); json_bool(j, wf->eq.base_modelled);
    json_key(j, "displaced"); json_int(j, wf->eq.displaced);
    json_key(j, "rows");
    json_arr(j);
    for (int m = 0; m < EQ_MEASURES; m++) {
        const eq_row *r = &wf->eq.row[m];
        bool known = r->assessed > 0;
        json_obj(j);
        json_key(j, "measure"); json_str(j, equality_key(m));
        json_key(j, "heading"); json_str(j, equality_heading(m));
        json_key(j, "group"); json_str(j, equality_group(m));
        json_key(j, "protected_characteristic"); json_bool(j, equality_protected(m));
        json_key(j, "source"); json_str(j, equality_source(m));
        json_key(j, "icb_baseline_share"); json_num(j, r->baseline, 4);
        json_key(j, "displaced_share"); json_num(j, r->share, 4);
        json_key(j, "assessed"); json_num(j, r->assessed, 0);
        json_key(j, "displaced"); json_num(j, known ? r->displaced : NAN, 1);
        json_key(j, "placed"); json_num(j, known ? r->placed : NAN, 1);
        json_key(j, "unplaced"); json_num(j, known ? r->unplaced : NAN, 1);
        json_key(j, "beyond_reasonable"); json_num(j, known ? r->beyond : NAN, 1);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "not_assessed"); json_str(j, scenario_not_assessed);
    json_obj_end(j);
}

static void registers(json *j, const whatif *wf)
{
    json_key(j, "registers");
    json_arr(j);
    for (int i = 0; i < wf->nregisters; i++) {
        const reg_sum *r = &wf->registers[i];
        json_obj(j);
        json_key(j, "register"); json_str(j, r->measure + 4);
        json_key(j, "label"); json_str(j, card_measure_label(r->measure));
        json_key(j, "patients"); json_num(j, r->patients, 0);
        json_key(j, "list"); json_num(j, r->list, 0);
        json_key(j, "prevalence"); json_num(j, r->list > 0 ? r->patients / r->list : NAN, 4);
        json_key(j, "period"); json_str(j, r->period);
        json_key(j, "practices"); json_int(j, r->practices);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* The dispersal as it is run, or null when the scenario does not ask. */
static void as_run(json *j, const whatif *wf)
{
    json_key(j, "as_run");
    if (!wf->staged) {
        json_str(j, NULL);
        return;
    }
    json_obj(j);
    json_key(j, "self_register_pct"); json_num(j, wf->self_register_pct, 2);
    json_key(j, "self_register_capped"); json_bool(j, wf->self_register_capped);
    json_key(j, "self_registered"); json_int(j, wf->st.self_placed);
    json_key(j, "allocated"); json_int(j, wf->st.allocated);
    json_key(j, "weeks"); int_or_null(j, wf->st.weeks);
    json_obj_end(j);
}

static void flows(json *j, const world *w, const whatif *wf)
{
    json_key(j, "flows");
    json_arr(j);
    for (int i = 0; i < wf->res.nflows; i++) {
        const disp_flow *f = &wf->res.flows[i];
        const disp_area *a = &wf->a[f->area];
        json_obj(j);
        json_key(j, "area"); json_str(j, a->area);
        json_key(j, "from"); json_str(j, w->v[a->from].p.code);
        json_key(j, "to"); json_str(j, f->to >= 0 ? w->v[f->to].p.code : NULL);
        json_key(j, "patients"); json_int(j, f->patients);
        json_key(j, "km"); json_num(j, a->residence_unknown ? NAN : f->km, 3);
        json_key(j, "residence_unknown"); json_bool(j, a->residence_unknown);
        json_obj_end(j);
    }
    json_arr_end(j);
}

/* A count, or null when the group is not assessed. */
static void jcount(json *j, const char *key, double v, bool known)
{
    json_key(j, key);
    known ? json_int(j, lround(v)) : json_null(j);
}

static void group(json *j, const char *name, const impact_group *g)
{
    json_obj(j);
    json_key(j, "group"); json_str(j, name);
    json_key(j, "assessed"); json_bool(j, g->assessed);
    if (!g->assessed) {
        static const char *const keys[] = {"displaced", "placed", "unplaced", "mean_km_before",
                                           "mean_km_after", "beyond_reasonable",
                                           "residence_unknown"};
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            jcount(j, keys[i], 0, false);
        json_obj_end(j);
        return;
    }
    json_key(j, "displaced"); json_int(j, lround(g->displaced));
    json_key(j, "placed"); json_int(j, lround(g->placed));
    json_key(j, "unplaced"); json_int(j, lround(g->unplaced));
    json_key(j, "mean_km_before"); json_num(j, g->mean_km_before, 3);
    json_key(j, "mean_km_after"); json_num(j, g->mean_km_after, 3);
    /* Unknown, not 0, when nobody placed has a known home. */
    jcount(j, "beyond_reasonable", g->beyond_reasonable, !isnan(g->mean_km_after));
    json_key(j, "residence_unknown"); json_int(j, lround(g->residence_unknown));
    json_obj_end(j);
}

/* The extracts the figures rest on. */
static void extracts(json *j, const world *w, const whatif *wf)
{
    long dates[16];
    int counts[16], n = whatif_list_dates(w, wf, dates, counts, 16);
    json_key(j, "list_extracts");
    json_arr(j);
    for (int i = 0; i < n; i++) {
        json_obj(j);
        jdate(j, "date", dates[i]);
        json_key(j, "practices"); json_int(j, counts[i]);
        json_key(j, "stale"); json_bool(j, asat_stale(dates[i], wf->as_at));
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "age_not_assessed");
    json_arr(j);
    for (int c = 0; c < wf->nclosing; c++)
        if (!wf->age_date[c])
            json_str(j, w->v[wf->closing[c]].p.code);
    json_arr_end(j);
}

void scenario_print_json(const world *w, const whatif *wf)
{
    json j;
    json_init(&j, stdout);
    json_obj(&j);
    json_key(&j, "scenario"); json_str(&j, wf->name);
    jdate(&j, "as_at", wf->as_at);
    json_key(&j, "policy"); json_str(&j, config_policy_name(wf->policy));
    json_key(&j, "travel_mode"); json_str(&j, config_travel_name(wf->travel));
    json_key(&j, "distance_unit"); json_str(&j, wf->unit);
    json_key(&j, "max_distance_km"); json_num(&j, wf->max_km, 2);
    json_key(&j, "reasonable_km"); json_num(&j, wf->reasonable_km, 2);
    json_key(&j, "growth_pct"); json_num(&j, wf->growth_pct, 2);
    json_key(&j, "imd_edition");
    wf->imd_edition >= 0 ? json_int(&j, areas_edition_year(wf->imd_edition)) : json_null(&j);
    extracts(&j, w, wf);
    json_key(&j, "choice_beta"); json_num(&j, wf->beta, 2);
    json_key(&j, "choice_beta_fitted"); json_bool(&j, wf->beta_fitted);
    closed(&j, w, wf);
    json_key(&j, "displaced"); json_int(&j, wf->im.displaced);
    json_key(&j, "placed"); json_int(&j, wf->im.placed);
    json_key(&j, "unplaced"); json_int(&j, wf->im.unplaced);
    json_key(&j, "residence_unknown"); json_int(&j, wf->im.residence_unknown);
    json_key(&j, "receivers_over_capacity"); json_int(&j, wf->im.n_over);
    json_key(&j, "patients_over_capacity"); json_int(&j, wf->im.patients_over);
    json_key(&j, "receivers_full"); json_int(&j, wf->im.n_full);
    /* receivers whose capacity is the list plus the default headroom */
    json_key(&j, "receivers_capacity_assumed"); json_int(&j, whatif_capacity_assumed(wf));
    as_run(&j, wf);
    receivers(&j, w, wf);
    flows(&j, w, wf);
    json_key(&j, "travel");
    json_obj(&j);
    json_key(&j, "mean_km_before"); json_num(&j, wf->im.mean_km_before, 3);
    json_key(&j, "mean_km_after"); json_num(&j, wf->im.mean_km_after, 3);
    json_key(&j, "p90_km_after"); json_num(&j, wf->im.p90_km_after, 3);
    jcount(&j, "beyond_reasonable", (double)wf->im.beyond_reasonable,
           !isnan(wf->im.mean_km_after));
    json_obj_end(&j);
    json_key(&j, "equality");
    json_arr(&j);
    for (int g = 0; g < EQ_ROWS; g++)
        group(&j, scenario_group_name(g), scenario_group(wf, g));
    json_arr_end(&j);
    equality_pack(&j, wf);
    registers(&j, wf);
    json_obj_end(&j);
    json_done(&j);
}
