#include "core/world.h"

#include "core/equality.h"
#include "core/snapshot.h"
#include "engine/milestones.h"
#include "util/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

cap_rules world_rules(const config *cfg)
{
    cap_rules r = {(double)cfg->rules.patients_per_gp_fte, cfg->rules.default_headroom_pct, 0};
    return r;
}

cap_result world_capacity(const practice *p, const capacity_rec *facts,
                          const cap_rules *rules)
{
    cap_result c = capacity_of(p->list_size < 0 ? 0 : p->list_size, -1, facts->capacity,
                               facts->gp_fte, rules);
    c.source = capacity_fact_source(c.source, facts->capacity_set);
    return c;
}

struct loader {
    world *w;
    int cap;
    int parts;     /* WORLD_TRENDS, WORLD_CONTRACTS */
    store *s;
    err *e;
};

const char *world_list_state(const world_practice *wp)
{
    if (!wp->open)
        return "practice closed";
    if (wp->list_closed)
        return "closed";
    return wp->facts.list_open >= 0 ? "open" : "unknown"; /* a closure not in force: open */
}

bool world_list_illustrative(const world_practice *wp)
{
    return wp->open && wp->facts.illustrative && (wp->list_closed || wp->facts.list_open >= 0);
}

const char *world_list_label(const world_practice *wp, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", world_list_state(wp),
             world_list_illustrative(wp) ? " ILLUSTRATIVE" : "");
    return buf;
}

const char *world_town(const practice *p)
{
    for (int i = 3; i >= 1; i--)
        if (*p->addr[i])
            return p->addr[i];
    return "";
}

const char *world_status(const practice *p, long date)
{
    if (asat_open(p, date))
        return "open";
    if (p->open_date > date)
        return "not yet open";
    if (p->close_date || !strcmp(p->status, "INACTIVE") || !strcmp(p->status, "CLOSED") ||
        !strcmp(p->status, "RETIRED"))
        return "closed";
    return !strcmp(p->status, "DORMANT") ? "dormant"
           : !strcmp(p->status, "PROPOSED") ? "proposed"
                                            : "unknown";
}

/* Day number of a YYYYMMDD date, for gaps in days. */
static long world_days(long ymd) { return milestone_days_between(20000101, ymd); }

int world_year_ago_index(const list_point *h, int n, long latest)
{
    long target = latest - 10000, best_gap = 0;
    int best = -1;
    for (int i = 0; i < n; i++) {
        long gap = labs(world_days(h[i].date) - world_days(target));
        if (gap <= 31 && (best < 0 || gap < best_gap)) {
            best = i;
            best_gap = gap;
        }
    }
    return best;
}

long world_year_ago(const list_point *h, int n, long latest)
{
    int i = world_year_ago_index(h, n, latest);
    return i < 0 ? -1 : h[i].patients;
}

/* The list as at the world's date (the newest extract on or before it),
 * and with trends the list about a year before that extract. */
static int list_as_at(store *s, world_practice *wp, long date, bool trends, err *e)
{
    list_point h[64], at;
    int rc = store_list_at(s, wp->p.code, date, &at, e);
    if (rc < 0)
        return -1;
    wp->p.list_size = rc ? at.patients : -1;
    wp->p.list_date = rc ? at.date : 0;
    wp->list_year_ago = -1;
    int n = rc && trends ? store_list_history(s, wp->p.code, h, 64, e) : 0;
    if (n < 0)
        return -1;
    if (n > 0)
        wp->list_year_ago = world_year_ago(h, n, at.date);
    return 0;
}

/* A formal list closure in force on the date (open-ended when it has no
 * dates). */
static bool list_closed_on(const capacity_rec *f, long date)
{
    return f->list_open == 0 && (f->closed_from == 0 || f->closed_from <= date) &&
           (f->closed_to == 0 || date <= f->closed_to);
}

/* The practice's own location; an older store (opened read-only, not
 * migrated) has none on its records, so look the postcode up. */
static int locate(struct loader *ld, world_practice *wp)
{
    postcode_rec pc;
    wp->lat = wp->p.lat;
    wp->lon = wp->p.lon;
    memcpy(wp->lsoa, wp->p.lsoa, sizeof wp->lsoa);
    if (store_schema(ld->s) >= 2 || !*wp->p.postcode)
        return 0;
    int rc = store_postcode_get(ld->s, wp->p.postcode, &pc, ld->e);
    if (rc > 0) {
        wp->lat = pc.lat;
        wp->lon = pc.lon;
        memcpy(wp->lsoa, pc.lsoa, sizeof wp->lsoa);
    }
    return rc < 0 ? -1 : 0;
}

int world_published_fte(store *s, const char *code, long as_at, capacity_rec *facts,
                        long *date, err *e)
{
    evidence ev;
    *date = 0;
    if (!isnan(facts->gp_fte))
        return 0; /* recorded by hand: that wins */
    int rc = store_evidence_latest(s, code, "gp_fte", as_at, &ev, e);
    if (rc > 0 && isfinite(ev.value)) {
        facts->gp_fte = ev.value;
        *date = ev.date;
    }
    return rc < 0 ? -1 : 0;
}

const char *world_fte_source(double gp_fte, long fte_date)
{
    return isnan(gp_fte) ? NULL : fte_date ? "gp-workforce" : "recorded";
}

bool world_fte_illustrative(const capacity_rec *facts, long fte_date)
{
    return !isnan(facts->gp_fte) && !fte_date && facts->illustrative;
}

const char *world_fte_label(const capacity_rec *facts, long fte_date, char *buf, size_t n)
{
    char d[16];
    const char *src = world_fte_source(facts->gp_fte, fte_date);
    text_date_iso(fte_date, d, sizeof d);
    if (world_fte_illustrative(facts, fte_date))
        snprintf(d, sizeof d, "ILLUSTRATIVE");
    snprintf(buf, n, "%s%s%s", src ? src : "-", *d ? " " : "", d);
    return buf;
}

bool world_capacity_illustrative(const capacity_rec *facts, long fte_date, cap_source src)
{
    return facts->illustrative &&
           (src == CAP_IMPORTED || (src == CAP_GP_FTE && !fte_date));
}

const char *world_capacity_label(const capacity_rec *facts, long fte_date, cap_source src,
                                 char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", capacity_source_name(src),
             world_capacity_illustrative(facts, fte_date, src) ? " ILLUSTRATIVE" : "");
    return buf;
}

/* The newest month of the appointments file. */
static int appointments(store *s, world_practice *wp, err *e)
{
    evidence ev;
    int rc = store_evidence_latest(s, wp->p.code, "appt.total", 0, &ev, e);
    wp->appts = rc > 0 ? ev.value : NAN;
    wp->appt_date = rc > 0 ? ev.date : 0;
    return rc < 0 ? -1 : 0;
}

/* The contract type of the newest payments file, when none is recorded. */
static int published_contract(store *s, const char *code, char *type, err *e)
{
    evidence ev;
    int rc = store_evidence_latest(s, code, "pay.contract", 0, &ev, e);
    if (rc > 0)
        text_copy(type, SHORT_MAX, ev.text);
    return rc < 0 ? -1 : 0;
}

static int add_practice(const practice *p, void *ctx)
{
    struct loader *ld = ctx;
    world *w = ld->w;
    if (!p->gp)
        return 0;
    if (w->n == ld->cap) {
        int nc = ld->cap ? ld->cap * 2 : 256;
        world_practice *v = realloc(w->v, (size_t)nc * sizeof *v);
        if (!v)
            return err_set(ld->e, "out of memory");
        w->v = v;
        ld->cap = nc;
    }
    world_practice *wp = &w->v[w->n];
    memset(wp, 0, sizeof *wp);
    wp->p = *p;
    contract c;
    int has_contract = 0;
    capacity_init(&wp->facts, p->code);
    if (locate(ld, wp) || store_capacity_at(ld->s, p->code, w->at.facts, &wp->facts, ld->e) < 0 ||
        world_published_fte(ld->s, p->code, w->at.date, &wp->facts, &wp->fte_date, ld->e) ||
        appointments(ld->s, wp, ld->e) ||
        ((ld->parts & WORLD_CONTRACTS) &&
         (has_contract = store_contract_at(ld->s, p->code, w->at.facts, &c, ld->e)) < 0) ||
        list_as_at(ld->s, wp, w->at.date, ld->parts & WORLD_TRENDS, ld->e))
        return -1;
    if (has_contract) {
        memcpy(wp->contract_type, c.type, sizeof wp->contract_type);
        wp->contract_start = c.start;
        wp->contract_end = c.end;
        wp->contract_ended = store_contract_ended(&c, w->at.facts);
        memcpy(wp->contract_milestone, c.milestone, sizeof wp->contract_milestone);
        wp->contract_illustrative = store_contract_illustrative(&c);
    } else if ((ld->parts & WORLD_CONTRACTS) &&
               published_contract(ld->s, p->code, wp->contract_type, ld->e)) {
        return -1;
    }
    wp->open = asat_open(p, w->at.date);
    wp->list_closed = list_closed_on(&wp->facts, w->at.date);
    wp->cap = world_capacity(&wp->p, &wp->facts, &w->rules);
    w->n++;
    return 0;
}

int world_index(world *w, err *e)
{
    double *lat = malloc((size_t)(w->n + 1) * sizeof *lat);
    double *lon = malloc((size_t)(w->n + 1) * sizeof *lon);
    if (lat && lon) {
        for (int i = 0; i < w->n; i++) {
            lat[i] = w->v[i].lat;
            lon[i] = w->v[i].lon;
        }
        w->near = nearby_build(lat, lon, w->n, 0);
    }
    free(lat);
    free(lon);
    return w->near ? 0 : err_set(e, "out of memory");
}

int world_load(world *w, store *s, const config *cfg, err *e)
{
    return world_load_parts_at(w, s, cfg, WORLD_ALL, 0, e);
}

int world_load_at(world *w, store *s, const config *cfg, long as_at, err *e)
{
    return world_load_parts_at(w, s, cfg, WORLD_ALL, as_at, e);
}

int world_load_parts(world *w, store *s, const config *cfg, int parts, err *e)
{
    return world_load_parts_at(w, s, cfg, parts, 0, e);
}

int world_load_parts_at(world *w, store *s, const config *cfg, int parts, long as_at, err *e)
{
    int snap = snapshot_world(w, s, cfg, parts, as_at, e);
    if (snap)
        return snap < 0 ? -1 : 0;
    memset(w, 0, sizeof *w);
    w->rules = world_rules(cfg);
    w->closed_lists_receive = cfg->rules.closed_lists_receive;
    struct loader ld = {w, 0, parts, s, e};
    if (!(w->eq_cache = equality_cache_new()))
        return err_set(e, "out of memory");
    if (store_read_begin(s, e))
        return -1;
    int rc = asat_resolve(s, as_at, &w->at, e);
    if (rc == 0)
        rc = store_practice_each(s, add_practice, &ld, e);
    store_read_end(s);
    if (rc || world_index(w, e)) {
        world_free(w);
        return -1;
    }
    return 0;
}

void world_free(world *w)
{
    equality_cache_free(w->eq_cache);
    if (w->snap)
        snapshot_close(w->snap); /* v was in it */
    else
        free(w->v);
    nearby_free(w->near);
    memset(w, 0, sizeof *w);
}

int world_find(const world *w, const char *code)
{
    int lo = 0, hi = w->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcasecmp(w->v[mid].p.code, code);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

bool world_capacity_known(const world_practice *wp)
{
    return wp->open && wp->p.list_size >= 0;
}

bool world_can_receive(const world *w, int i)
{
    const world_practice *wp = &w->v[i];
    return wp->open && !isnan(wp->lat) && wp->p.list_size >= 0 &&
           (!wp->list_closed || w->closed_lists_receive);
}
