#include "core/whatif.h"

#include "core/areas.h"
#include "core/card.h"
#include "core/equality.h"
#include "core/registers.h"
#include "core/matrix.h"
#include "util/text.h"

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
        .self_register_pct = 0,
        .self_register_capped = false,
        .allocation_per_day = 0,
    };
}

bool whatif_is_staged(const whatif_input *in)
{
    return in->set.self_register_pct > 0 || in->nintake > 0 ||
           in->set.allocation_per_day > 0 || in->nper_day > 0;
}

/* The number given for code in a list of counts, -1 when none. */
static long count_for(const config_capacity *c, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(c[i].code, code) == 0)
            return c[i].patients;
    return -1;
}

static long override_for(const whatif_input *in, const char *code)
{
    return count_for(in->overrides, in->noverrides, code);
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

/* A practice not open on the date, or with no list on it, cannot close. */
static int refuse(const world *w, int k, err *e)
{
    const world_practice *wp = &w->v[k];
    char why[512], d[16], name[NAME_MAX * 4];
    if (!wp->open) {
        asat_refusal(&wp->p, w->at.date, why, sizeof why);
        return err_set(e, "%s", why);
    }
    if (wp->p.list_size < 0) {
        text_escape(wp->p.name, name, sizeof name);
        return err_set(e, "%s %s has no list-size extract on or before %s: import one, "
                       "or run as at a later date", wp->p.code, name,
                       text_date_or_dash(w->at.date, d, sizeof d));
    }
    return 0;
}

static int find_closing(const world *w, const whatif_input *in, whatif *wf, err *e)
{
    wf->closing = calloc((size_t)in->nclose + 1, sizeof *wf->closing);
    wf->area_source = calloc((size_t)in->nclose + 1, sizeof *wf->area_source);
    wf->area_date = calloc((size_t)in->nclose + 1, sizeof *wf->area_date);
    wf->age_date = calloc((size_t)in->nclose + 1, sizeof *wf->age_date);
    if (!wf->closing || !wf->area_source || !wf->area_date || !wf->age_date)
        return err_set(e, "out of memory");
    if (in->nclose == 0)
        return err_set(e, "no practice to close");
    for (int i = 0; i < in->nclose; i++) {
        int k = world_find(w, in->close[i]);
        if (k < 0)
            return err_set(e, "no practice '%s' in the store", in->close[i]);
        if (refuse(w, k, e))
            return -1;
        if (whatif_closes(wf, k))
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

disp_area whatif_area(const disp_practice *home, int from, double lat, double lon,
                      long patients, int imd)
{
    bool unknown = !isfinite(lat) || !isfinite(lon);
    disp_area a = {NULL, from, unknown ? home->lat : lat, unknown ? home->lon : lon, patients,
                   imd, unknown};
    return a;
}

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
    int from = wf->closing[al->slot];
    wf->a[wf->na++] = whatif_area(&wf->p[from], from, lat, lon, patients, imd);
    return 0;
}

static int add_reg(const lsoa_reg *r, void *ctx)
{
    struct area_load *al = ctx;
    area_info a;
    if (r->date > al->wf->as_at)
        return 0; /* an extract after the date: not known then */
    /* Welsh or placeholder codes (CLOSED, NO2011) have no record: not
     * located, residence unknown. */
    if (areas_get(al->s, r->lsoa, al->wf->imd_edition, &a, al->e))
        return -1;
    al->wf->area_source[al->slot] = r->modelled ? AREAS_MODELLED : AREAS_NHS;
    al->wf->area_date[al->slot] = r->date;
    return r->patients > 0 ? add_area(al, r->lsoa, a.lat, a.lon, r->patients, a.imd) : 0;
}

/* The closing practice's patients by area, or all at its own location. */
static int load_areas(const world *w, store *s, whatif *wf, int slot, int *cap, err *e)
{
    int k = wf->closing[slot];
    const world_practice *wp = &w->v[k];
    struct area_load al = {.wf = wf, .s = s, .slot = slot, .cap = *cap, .e = e};
    int first = wf->na;
    wf->area_source[slot] = AREAS_PRACTICE;
    if (store_lsoa_reg_each_at(s, wp->p.code, wf->as_at, add_reg, &al, e) < 0)
        return -1;
    if (wf->na == first) {
        /* Nobody's home area is known: one area, residence unknown (so
         * IMD unknown too), placed from the practice's own location. */
        wf->area_date[slot] = 0;
        if (add_area(&al, *wp->p.postcode ? wp->p.postcode : wp->p.code, NAN, NAN,
                     wf->p[k].list, 0))
            return -1;
    } else if (wp->p.list_size >= 0) {
        disp_scale_areas(wf->a + first, wf->na - first, wf->p[k].list);
    }
    *cap = al.cap;
    return 0;
}

/* Fractions of each closing practice's list aged 65+ and 75+. */
static int age_fractions(const world *w, store *s, whatif *wf, double *f65,
                         double *f75, err *e)
{
    for (int i = 0; i < wf->np; i++)
        f65[i] = f75[i] = NAN;
    for (int c = 0; c < wf->nclosing; c++) {
        int k = wf->closing[c];
        age_profile a;
        int rc = store_age_at(s, w->v[k].p.code, wf->as_at, &a, e);
        if (rc < 0)
            return -1;
        wf->age_date[c] = rc > 0 ? a.date : 0;
        if (rc > 0) {
            f65[k] = card_age_share(&a, AGE_BAND_65);
            f75[k] = card_age_share(&a, AGE_BAND_75);
        }
    }
    return 0;
}

/* The saved back-test, and its beta when the rules ask for the fitted
 * one (an error when there is none to use). */
static int read_fit(const config *cfg, store *s, whatif *wf, err *e)
{
    int rc = store_backtest_get(s, &wf->fit, e);
    if (rc < 0)
        return -1;
    if (!cfg->rules.choice_beta_fitted)
        return 0;
    if (rc == 0 || isnan(wf->fit.beta))
        return err_set(e, "rules.choice_beta is 'fitted' but no fitted beta is saved in the "
                          "store: run catchment backtest --save (or give a number)");
    wf->beta = wf->fit.beta;
    wf->beta_fitted = true;
    return 0;
}

static int read_inputs(const world *w, store *s, const config *cfg, whatif *wf, double *f65,
                       double *f75, err *e)
{
    int cap = 0;
    if (store_read_begin(s, e))
        return -1;
    /* wf->imd_edition holds the configured edition until now. */
    int rc = areas_edition(s, wf->imd_edition, &wf->imd_edition, e);
    if (rc == 0)
        rc = read_fit(cfg, s, wf, e);
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
    return p == CONFIG_POLICY_NEAREST  ? POLICY_NEAREST
           : p == CONFIG_POLICY_CHOICE ? POLICY_CHOICE
           : p == CONFIG_POLICY_DEMAND ? POLICY_DEMAND
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
    r.choice_beta = wf->beta = cfg->rules.choice_beta;
    r.policy = engine_policy(in->set.policy);
    return r;
}

/* Both stages of a dispersal as it is run, with per-practice intakes and
 * rates; the joined flows become wf->res. */
static int run_staged(const world *w, const whatif_input *in, whatif *wf,
                      const disp_rules *r, err *e)
{
    long *rate = calloc((size_t)wf->np + 1, sizeof *rate);
    wf->intake = calloc((size_t)wf->np + 1, sizeof *wf->intake);
    if (!rate || !wf->intake) {
        free(rate);
        return err_set(e, "out of memory");
    }
    for (int i = 0; i < wf->np; i++) {
        wf->intake[i] = count_for(in->intake, in->nintake, w->v[i].p.code);
        rate[i] = count_for(in->per_day, in->nper_day, w->v[i].p.code);
    }
    staged_opts o = {in->set.self_register_pct, in->set.self_register_capped, wf->intake, rate,
                     in->set.allocation_per_day};
    int rc = staged_run(w->near, wf->p, wf->np, wf->a, wf->na, r, &o, &wf->st, e);
    free(rate);
    if (rc == 0) {
        wf->res = wf->st.all;
        memset(&wf->st.all, 0, sizeof wf->st.all);
    }
    return rc;
}

/* Runs the engine, through the travel matrix when the rules say so. */
static int disperse(const world *w, store *s, const whatif_input *in, whatif *wf,
                    disp_rules *r, err *e)
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
    if (rc == 0 && wf->staged)
        rc = run_staged(w, in, wf, r, e);
    else if (rc == 0)
        rc = dispersal_run_ix(w->near, wf->p, wf->np, wf->a, wf->na, r, &wf->res, e);
    matrix_free(&m);
    return rc;
}

int whatif_run(const world *w, store *s, const config *cfg, const whatif_input *in,
               whatif *wf, err *e)
{
    memset(wf, 0, sizeof *wf);
    if (in->set.as_at > 0 && in->set.as_at != w->at.date)
        return err_set(e, "internal: the practices were loaded as at %ld, the what-if "
                       "wants %ld", w->at.date, in->set.as_at);
    snprintf(wf->name, sizeof wf->name, "%s", in->name ? in->name : "ad hoc");
    wf->as_at = w->at.date;
    wf->imd_edition = (int)cfg->rules.imd_edition;
    wf->policy = in->set.policy;
    wf->growth_pct = in->set.growth_pct;
    wf->staged = whatif_is_staged(in);
    wf->self_register_pct = in->set.self_register_pct;
    wf->self_register_capped = in->set.self_register_capped;
    double *f65 = calloc((size_t)w->n + 1, sizeof *f65);
    double *f75 = calloc((size_t)w->n + 1, sizeof *f75);
    disp_rules r = engine_rules(cfg, in, wf);
    int rc = !f65 || !f75 ? err_set(e, "out of memory") : 0;
    if (rc == 0)
        rc = build_practices(w, in, wf, e) || find_closing(w, in, wf, e) ||
             read_inputs(w, s, cfg, wf, f65, f75, e) ? -1 : 0;
    r.choice_beta = wf->beta; /* the fitted one when the rules say so */
    if (rc == 0)
        rc = disperse(w, s, in, wf, &r, e) ||
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
    staged_free(&wf->st);
    free(wf->intake);
    impact_free(&wf->im);
    free(wf->closing);
    free(wf->area_source);
    free(wf->area_date);
    free(wf->age_date);
    free(wf->p);
    free(wf->cap_source);
    free(wf->a);
    free(wf->area_code);
    free(wf->eq_as);
    free(wf->registers);
    memset(wf, 0, sizeof *wf);
}

static void count_date(long d, long *dates, int *counts, int *n, int max)
{
    int i = 0;
    while (i < *n && dates[i] < d)
        i++;
    if (i < *n && dates[i] == d) {
        counts[i]++;
        return;
    }
    if (*n == max)
        return;
    memmove(dates + i + 1, dates + i, (size_t)(*n - i) * sizeof *dates);
    memmove(counts + i + 1, counts + i, (size_t)(*n - i) * sizeof *counts);
    dates[i] = d;
    counts[i] = 1;
    (*n)++;
}

int whatif_list_dates(const world *w, const whatif *wf, long *dates, int *counts, int max)
{
    int n = 0;
    for (int c = 0; c < wf->nclosing; c++)
        count_date(w->v[wf->closing[c]].p.list_date, dates, counts, &n, max);
    for (int i = 0; i < wf->im.nreceivers; i++)
        count_date(w->v[wf->im.receivers[i].practice].p.list_date, dates, counts, &n, max);
    return n;
}

int whatif_age_unassessed(const whatif *wf)
{
    int n = 0;
    for (int c = 0; c < wf->nclosing; c++)
        n += wf->age_date[c] == 0;
    return n;
}

void whatif_as_at_text(const world *w, const whatif *wf, char *out, size_t n)
{
    long dates[8];
    int counts[8], k = whatif_list_dates(w, wf, dates, counts, 8);
    char d[16];
    size_t len = (size_t)snprintf(out, n, "As at %s; lists from ",
                                  text_date_or_dash(wf->as_at, d, sizeof d));
    for (int i = 0; i < k && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%sthe extract of %s (%d practice%s)%s",
                                i ? ", " : "", text_date_or_dash(dates[i], d, sizeof d),
                                counts[i], counts[i] == 1 ? "" : "s",
                                asat_stale(dates[i], wf->as_at) ? ", STALE: over 6 months before"
                                                                : "");
}

bool whatif_closes(const whatif *wf, int i)
{
    for (int c = 0; c < wf->nclosing; c++)
        if (wf->closing[c] == i)
            return true;
    return false;
}
