/* The what-if as JSON: the stable shape documented in docs/json.md. */
#include "cli/scenario_out.h"

#include <math.h>

#include "core/card.h"
#include "core/equality.h"
#include "core/registers.h"
#include "util/text.h"

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
        json_key(j, "areas_from"); json_str(j, whatif_area_source_name(wf->area_source[c]));
        json_key(j, "modelled"); json_bool(j, wf->area_source[c] == AREAS_MODELLED);
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
        json_key(j, "gain"); json_int(j, r->gain);
        json_key(j, "list_after"); json_int(j, r->list_after);
        json_key(j, "capacity"); json_int(j, r->capacity);
        json_key(j, "capacity_source");
        json_str(j, capacity_source_name(wf->cap_source[r->practice]));
        json_key(j, "over_capacity"); json_bool(j, r->over_capacity);
        json_key(j, "over_capacity_before"); json_bool(j, r->over_before);
        json_key(j, "growth_pct"); json_num(j, r->growth_pct, 2);
        json_key(j, "patients_per_gp_fte_before"); json_num(j, r->per_fte_before, 0);
        json_key(j, "patients_per_gp_fte_after"); json_num(j, r->per_fte_after, 0);
        const world_practice *wp = &w->v[r->practice];
        char d[16];
        json_key(j, "gp_fte_source");
        json_str(j, world_fte_source(wp->facts.gp_fte, wp->fte_date));
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
    json_key(j, "baseline_patients"); json_num(j, wf->eq.base_patients, 0);
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
        json_key(j, "km"); json_num(j, f->km, 3);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void group(json *j, const char *name, const impact_group *g)
{
    json_obj(j);
    json_key(j, "group"); json_str(j, name);
    json_key(j, "displaced"); json_int(j, lround(g->displaced));
    json_key(j, "placed"); json_int(j, lround(g->placed));
    json_key(j, "unplaced"); json_int(j, lround(g->unplaced));
    json_key(j, "mean_km_before"); json_num(j, g->mean_km_before, 3);
    json_key(j, "mean_km_after"); json_num(j, g->mean_km_after, 3);
    json_key(j, "beyond_reasonable"); json_int(j, lround(g->beyond_reasonable));
    json_obj_end(j);
}

void scenario_print_json(const world *w, const whatif *wf)
{
    json j;
    json_init(&j, stdout);
    json_obj(&j);
    json_key(&j, "scenario"); json_str(&j, wf->name);
    json_key(&j, "policy"); json_str(&j, config_policy_name(wf->policy));
    json_key(&j, "travel_mode"); json_str(&j, config_travel_name(wf->travel));
    json_key(&j, "distance_unit"); json_str(&j, wf->unit);
    json_key(&j, "max_distance_km"); json_num(&j, wf->max_km, 2);
    json_key(&j, "reasonable_km"); json_num(&j, wf->reasonable_km, 2);
    json_key(&j, "growth_pct"); json_num(&j, wf->growth_pct, 2);
    closed(&j, w, wf);
    json_key(&j, "displaced"); json_int(&j, wf->im.displaced);
    json_key(&j, "placed"); json_int(&j, wf->im.placed);
    json_key(&j, "unplaced"); json_int(&j, wf->im.unplaced);
    receivers(&j, w, wf);
    flows(&j, w, wf);
    json_key(&j, "travel");
    json_obj(&j);
    json_key(&j, "mean_km_before"); json_num(&j, wf->im.mean_km_before, 3);
    json_key(&j, "mean_km_after"); json_num(&j, wf->im.mean_km_after, 3);
    json_key(&j, "p90_km_after"); json_num(&j, wf->im.p90_km_after, 3);
    json_key(&j, "beyond_reasonable"); json_int(&j, wf->im.beyond_reasonable);
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
