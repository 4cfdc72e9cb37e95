#include "core/whatif.h"

#include "core/card.h"
#include "core/equality.h"
#include "core/registers.h"
#include "core/matrix.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *whatif_area_source_name(whatif_area_source s)
{
    static const char *const names[] = {"NHS practice-by-LSOA registrations",
                                        "MODELLED practice-by-LSOA stand-in",
                                        "all at the practice's own location"};
    return names[s];
}

whatif_settings whatif_settings_default(const config *cfg)
{
    return (whatif_settings){
        .policy = cfg->rules.default_policy,
        .growth_pct = 0,
        .as_at = 0,
        .max_km = NAN,
        .reasonable_km = NAN,
    };
}

static long override_for(const whatif_input *in, const char *code)
{
    for (int i = 0; i < in->noverrides; i++)
        if (strcasecmp(in->overrides[i].code, code) == 0)
            return in->overrides[i].patients;
    return -1;
}

/* Every world practice as the engine sees it, with growth and overrides. */
static int build_practices(const world *w, const whatif_input *in, whatif *wf, err *e)
{
    wf->np = w->n;
    wf->p = calloc((size_t)w->n + 1, sizeof *wf->p);
    wf->cap_source = calloc((size_t)w->n + 1, sizeof *wf->cap_source);
    if (!wf->p || !wf->cap_source)
        return err_set(e, "out of memory");
    cap_rules rules = w->rules;
    rules.growth_pct = in->set.growth_pct;
    for (int i = 0; i < w->n; i++) {
        const world_practice *wp = &w->v[i];
        long over = override_for(in, wp->p.code);
        cap_result c = capacity_of(wp->p.list_size < 0 ? 0 : wp->p.list_size, over,
                                   wp->facts.capacity, wp->facts.gp_fte, &rules);
        wf->p[i] = (disp_practice){
            .code = wp->p.code,
            .lat = wp->lat,
            .lon = wp->lon,
            .list = c.list,
            .capacity = c.capacity,
            .gp_fte = wp->facts.gp_fte,
            .can_receive = world_can_receive(w, i),
            .pinned = over >= 0, /* a capacity set in the scenario: always shown */
        };
        wf->cap_source[i] = capacity_fact_source(c.source, wp->facts.capacity_set);
    }
    return 0;
}

static int find_closing(const world *w, const whatif_input *in, whatif *wf, err *e)
{
    wf->closing = calloc((size_t)in->nclose + 1, sizeof *wf->closing);
    wf->area_source = calloc((size_t)in->nclose + 1, sizeof *wf->area_source);
    wf->area_date = calloc((size_t)in->nclose + 1, sizeof *wf->area_date);
    if (!wf->closing || !wf->area_source || !wf->area_date)
        return err_set(e, "out of memory");
    if (in->nclose == 0)
        return err_set(e, "no practice to close");
    for (int i = 0; i < in->nclose; i++) {
        int k = world_find(w, in->close[i]);
        if (k < 0)
            return err_set(e, "no practice '%s' in the store", in->close[i]);
        for (int j = 0; j < wf->nclosing; j++)
            if (wf->closing[j] == k)
                return err_set(e, "practice %s is named twice", in->close[i]);
        wf->closing[wf->nclosing++] = k;
        wf->p[k].can_receive = false;
    }
    return 0;
}

/* Areas being collected for one closing practice. */
struct area_load {
    whatif *wf;
    store *s;
    int slot;      /* index into wf->closing */
    int cap;
    err *e;
};

static int add_area(struct area_load *al, const char *code, double lat, double lon,
                    long patients, int imd)
{
    whatif *wf = al->wf;
    if (wf->na == al->cap) {
        int nc = al->cap ? al->cap * 2 : 256;
        disp_area *a = realloc(wf->a, (size_t)nc * sizeof *a);
        if (a)
            wf->a = a;
        char(*ac)[LSOA_MAX] = realloc(wf->area_code, (size_t)nc * sizeof *ac);
        if (ac)
            wf->area_code = ac;
        if (!a || !ac)
            return err_set(al->e, "out of memory");
        al->cap = nc;
    }
    snprintf(wf->area_code[wf->na], LSOA_MAX, "%s", code);
    wf->a[wf->na++] = (disp_area){
        .from = wf->closing[al->slot], /* .area is set when the codes stop moving */
        .lat = lat,
        .lon = lon,
        .patients = patients,
        .imd_decile = imd,
    };
    return 0;
}

static int add_reg(const lsoa_reg *r, void *ctx)
{
    struct area_load *al = ctx;
    lsoa_rec l;
    int rc = store_lsoa_get(al->s, r->lsoa, &l, al->e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        lsoa_init(&l, r->lsoa); /* Welsh or placeholder codes: not located */
    al->wf->area_source[al->slot] = r->modelled ? AREAS_MODELLED : AREAS_NHS;
    al->wf->area_date[al->slot] = r->date;
    return r->patients > 0 ? add_area(al, r->lsoa, l.lat, l.lon, r->patients, l.imd_decile)
                           : 0;
}

/* The closing practice's patients by area, or all at its own location. */
static int load_areas(const world *w, store *s, whatif *wf, int slot, int *cap, err *e)
{
    int k = wf->closing[slot];
    const world_practice *wp = &w->v[k];
    struct area_load al = {.wf = wf, .s = s, .slot = slot, .cap = *cap, .e = e};
    int first = wf->na;
    wf->area_source[slot] = AREAS_PRACTICE;
    if (store_lsoa_reg_each(s, wp->p.code, add_reg, &al, e) < 0)
        return -1;
    if (wf->na == first) {
        lsoa_rec l;
        int imd = *wp->lsoa && store_lsoa_get(s, wp->lsoa, &l, e) > 0 ? l.imd_decile : 0;
        if (add_area(&al, *wp->p.postcode ? wp->p.postcode : wp->p.code, wp->lat, wp->lon,
                     wf->p[k].list, imd))
            return -1;
    } else if (wp->p.list_size >= 0) {
        disp_scale_areas(wf->a + first, wf->na - first, wf->p[k].list);
    }
    *cap = al.cap;
    return 0;
}

/* Fractions of each closing practice's list aged 65+ and 75+. */
static int age_fractions(const world *w, store *s, const whatif *wf, double *f65,
                         double *f75, err *e)
{
    for (int i = 0; i < wf->np; i++)
        f65[i] = f75[i] = NAN;
    for (int c = 0; c < wf->nclosing; c++) {
        int k = wf->closing[c];
        age_profile a;
        int rc = store_age_latest(s, w->v[k].p.code, &a, e);
        if (rc < 0)
            return -1;
        if (rc > 0) {
            f65[k] = card_age_share(&a, AGE_BAND_65);
            f75[k] = card_age_share(&a, AGE_BAND_75);
        }
    }
    return 0;
}

static int read_inputs(const world *w, store *s, whatif *wf, double *f65, double *f75,
                       err *e)
{
    int cap = 0;
    if (store_read_begin(s, e))
        return -1;
    int rc = 0;
    for (int c = 0; rc == 0 && c < wf->nclosing; c++)
        rc = load_areas(w, s, wf, c, &cap, e);
    for (int i = 0; i < wf->na; i++)
        wf->a[i].area = wf->area_code[i];
    if (rc == 0)
        rc = age_fractions(w, s, wf, f65, f75, e);
    /* The baseline is the ICB of the first closing practice. */
    snprintf(wf->eq_icb, sizeof wf->eq_icb, "%s", w->v[wf->closing[0]].p.icb);
    if (rc == 0)
        rc = registers_read(s, w, wf->closing, wf->nclosing, &wf->registers, &wf->nregisters, e);
    if (rc == 0)
        rc = equality_read(w, s, wf->a, wf->na, wf->eq_icb, f65, f75, &wf->eq_as,
                           &wf->eq_base, e);
    store_read_end(s);
    return rc;
}

static disp_policy engine_policy(config_policy p)
{
    return p == CONFIG_POLICY_NEAREST ? POLICY_NEAREST
           : p == CONFIG_POLICY_CHOICE ? POLICY_CHOICE
                                       : POLICY_OPTIMAL;
}

/* The engine's rules from the config: straight-line km, or the matrix's
 * road km or minutes (then max and reasonable are in minutes). */
static disp_rules engine_rules(const config *cfg, const whatif_input *in, whatif *wf)
{
    disp_rules r = disp_rules_default();
    bool minutes = cfg->rules.travel == CONFIG_TRAVEL_MATRIX_MINUTES;
    wf->travel = cfg->rules.travel;
    wf->unit = minutes ? "minutes" : "km";
    wf->max_km = minutes ? cfg->rules.max_minutes : cfg->rules.max_distance_km;
    wf->reasonable_km = minutes ? cfg->rules.reasonable_minutes : cfg->rules.reasonable_km;
    if (!isnan(in->set.max_km)) /* the plan's own, in the same unit */
        wf->max_km = in->set.max_km;
    if (!isnan(in->set.reasonable_km))
        wf->reasonable_km = in->set.reasonable_km;
    r.max_km = wf->max_km;
    r.reasonable_km = wf->reasonable_km;
    r.choice_beta = cfg->rules.choice_beta;
    r.policy = engine_policy(in->set.policy);
    return r;
}

/* Runs the engine, through the travel matrix when the rules say so. */
static int disperse(const world *w, store *s, whatif *wf, disp_rules *r, err *e)
{
    matrix m = {0};
    int rc = 0;
    if (wf->travel != CONFIG_TRAVEL_STRAIGHT) {
        rc = store_read_begin(s, e) ? -1
             : matrix_load(&m, w, s, wf->a, wf->na,
                           wf->travel == CONFIG_TRAVEL_MATRIX_MINUTES, e);
        store_read_end(s);
        r->dist = matrix_dist;
        r->dist_ctx = &m;
        r->search_km = m.search_km;
    }
    if (rc == 0)
        rc = dispersal_run_ix(w->near, wf->p, wf->np, wf->a, wf->na, r, &wf->res, e);
    matrix_free(&m);
    return rc;
}

int whatif_run(const world *w, store *s, const config *cfg, const whatif_input *in,
               whatif *wf, err *e)
{
    memset(wf, 0, sizeof *wf);
    snprintf(wf->name, sizeof wf->name, "%s", in->name ? in->name : "ad hoc");
    wf->policy = in->set.policy;
    wf->growth_pct = in->set.growth_pct;
    double *f65 = calloc((size_t)w->n + 1, sizeof *f65);
    double *f75 = calloc((size_t)w->n + 1, sizeof *f75);
    disp_rules r = engine_rules(cfg, in, wf);
    int rc = !f65 || !f75 ? err_set(e, "out of memory") : 0;
    if (rc == 0)
        rc = build_practices(w, in, wf, e) || find_closing(w, in, wf, e) ||
             read_inputs(w, s, wf, f65, f75, e) ||
             disperse(w, s, wf, &r, e) ||
             impact_compute(wf->p, wf->np, wf->a, wf->na, r.reasonable_km, &wf->res, f65,
                            f75, &wf->im, e) ||
             equality_compute(wf->a, wf->eq_as, wf->na, &wf->res, r.reasonable_km,
                              wf->eq_base, &wf->eq, e) ? -1 : 0;
    free(f65);
    free(f75);
    if (rc)
        whatif_free(wf);
    return rc;
}

void whatif_free(whatif *wf)
{
    disp_result_free(&wf->res);
    impact_free(&wf->im);
    free(wf->closing);
    free(wf->area_source);
    free(wf->area_date);
    free(wf->p);
    free(wf->cap_source);
    free(wf->a);
    free(wf->area_code);
    free(wf->eq_as);
    free(wf->registers);
    memset(wf, 0, sizeof *wf);
}
