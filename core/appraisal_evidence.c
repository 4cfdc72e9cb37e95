/* The evidence per factor, from what the store holds. */
#include "core/appraisal_evidence.h"

#include "core/areas.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/card.h"
#include "core/engagement.h"
#include "core/plan.h"
#include "core/whatif.h"
#include "engine/geo.h"
#include "util/text.h"

enum { F_FINANCE, F_PERFORMANCE, F_SUSTAINABILITY, F_SIZE, F_PROVISION, F_NEED };

static void say(appraisal_evidence *ev, int f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say(appraisal_evidence *ev, int f, const char *fmt, ...)
{
    if (ev->n[f] == EVIDENCE_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ev->line[f][ev->n[f]++], EVIDENCE_MAX, fmt, ap);
    va_end(ap);
}

/* The contract as at the facts date (core/asat.h). */
static void finance(appraisal_evidence *ev, store *s, const char *code, long date, err *e)
{
    static contract c;
    char a[16], b[16];
    int rc = store_contract_at(s, code, date, &c, e);
    if (rc > 0)
        say(ev, F_FINANCE, "Contract: %s, %s to %s%s%s%s, provider %s (contracts file)%s", c.type,
            text_date_or_dash(c.start, a, sizeof a), text_date_or_dash(c.end, b, sizeof b),
            store_contract_ended(&c, date) ? " (ended)" : "",
            *c.extension ? ", extension " : "", c.extension, *c.provider ? c.provider : "-",
            store_contract_illustrative(&c) ? "; ILLUSTRATIVE, not a real contract" : "");
    else
        say(ev, F_FINANCE, "Contract: not held");
    say(ev, F_FINANCE, "Contract value and cost per patient: not held");
}

struct indicators {
    int n;
    char latest[SHORT_MAX];
};

static int count_ind(const indicator *r, void *ctx)
{
    struct indicators *in = ctx;
    in->n++;
    if (strcmp(r->period, in->latest) > 0)
        snprintf(in->latest, sizeof in->latest, "%s", r->period);
    return 0;
}

static void survey_lines(appraisal_evidence *ev, store *s, const char *code, err *e)
{
    static engagement_summary sum;
    char a[16], b[16];
    if (engagement_summarise(s, code, &sum, e) || !sum.responses) {
        say(ev, F_PERFORMANCE, "Engagement survey: not imported");
        say(ev, F_NEED, "Engagement survey: not imported");
        return;
    }
    text_date_or_dash(sum.first, a, sizeof a);
    text_date_or_dash(sum.last, b, sizeof b);
    if (sum.nscales) {
        double m = engagement_mean(sum.scale[0].level);
        long sat = sum.scale[0].level[4] + sum.scale[0].level[5],
             ans = sum.responses - sum.scale[0].level[0];
        if (ans)
            say(ev, F_PERFORMANCE, "Engagement survey %s to %s: %ld responses; %s %.2f of 5, "
                "%.0f%% satisfied (4-5)", a, b, sum.responses, sum.scale[0].name, m,
                100.0 * (double)sat / (double)ans);
    }
    double imp = engagement_mean(sum.impact);
    char m[16] = "-";
    if (!isnan(imp))
        snprintf(m, sizeof m, "%.2f", imp);
    say(ev, F_NEED, "Engagement survey %s to %s: impact of a closure %s of 5 (%ld answered)%s%s",
        a, b, m,
        sum.responses - sum.impact[0], sum.nmatters ? "; matters most: " : "",
        sum.nmatters ? sum.matters[0].item : "");
    if (sum.travel.answered)
        say(ev, F_NEED, "Reasonable travel (survey): half said %g %s, three-quarters %g",
            sum.travel.half, sum.travel.miles ? "miles" : "minutes", sum.travel.three_quarters);
}

static void performance(appraisal_evidence *ev, store *s, const char *code, err *e)
{
    struct indicators in = {0, ""};
    store_indicator_each(s, code, count_ind, &in, e);
    if (in.n)
        say(ev, F_PERFORMANCE, "OHID Fingertips: %d indicator value%s held, latest period %s "
            "(catchment show)", in.n, in.n == 1 ? "" : "s", in.latest);
    else
        say(ev, F_PERFORMANCE, "OHID Fingertips indicators: not held");
    say(ev, F_PERFORMANCE, "GP Patient Survey: not imported");
    say(ev, F_PERFORMANCE, "Contract performance (KPIs, CQC rating): not held");
}

/* Without a point a year back, the earliest list the store holds. */
static void earliest_list(appraisal_evidence *ev, store *s, const world_practice *wp, err *e)
{
    static list_point h[512];
    char d1[16], d2[16], n1[24], n2[24];
    const practice *p = &wp->p;
    if (wp->list_year_ago > 0 || p->list_size < 0 || store_list_history(s, p->code, h, 512, e) < 1 ||
        h[0].date >= p->list_date || h[0].patients <= 0)
        return;
    say(ev, F_SUSTAINABILITY, "List %s on %s, %s on %s (%+.1f%%; no extract a year before)",
        text_thousands(p->list_size, n1, sizeof n1), text_date_or_dash(p->list_date, d1, sizeof d1),
        text_thousands(h[0].patients, n2, sizeof n2), text_date_or_dash(h[0].date, d2, sizeof d2),
        100.0 * (double)(p->list_size - h[0].patients) / (double)h[0].patients);
}

static void sustainability(appraisal_evidence *ev, const world_practice *wp)
{
    char d[16], n1[24], n2[24];
    const practice *p = &wp->p;
    if (ev->n[F_SUSTAINABILITY])
        ; /* the earliest list said it */
    else if (p->list_size >= 0 && wp->list_year_ago > 0)
        say(ev, F_SUSTAINABILITY, "List %s on %s, %s a year before (%+.1f%%)",
            text_thousands(p->list_size, n1, sizeof n1), text_date_or_dash(p->list_date, d, sizeof d),
            text_thousands(wp->list_year_ago, n2, sizeof n2),
            100.0 * (double)(p->list_size - wp->list_year_ago) / (double)wp->list_year_ago);
    else
        say(ev, F_SUSTAINABILITY, "List trend: not held (one list extract or none)");
    if (!isnan(wp->facts.gp_fte))
        say(ev, F_SUSTAINABILITY, "GP FTE %.1f: %.0f patients per GP FTE", wp->facts.gp_fte,
            wp->facts.gp_fte > 0 ? (double)p->list_size / wp->facts.gp_fte : NAN);
    else
        say(ev, F_SUSTAINABILITY, "GP FTE and workforce: not held");
    char ls[48];
    say(ev, F_SUSTAINABILITY, "List to new patients: %s", world_list_label(wp, ls, sizeof ls));
}

static void size(appraisal_evidence *ev, const world *w, const world_practice *wp)
{
    char d[16], n1[24];
    long bigger = 0, peers = 0;
    for (int i = 0; i < w->n; i++)
        if (w->v[i].open && w->v[i].p.list_size >= 0 &&
            strcmp(w->v[i].p.sub_icb, wp->p.sub_icb) == 0) {
            peers++;
            bigger += w->v[i].p.list_size > wp->p.list_size;
        }
    if (wp->p.list_size < 0) {
        say(ev, F_SIZE, "List size: not held");
        return;
    }
    say(ev, F_SIZE, "%s registered patients on %s (NHS Digital)",
        text_thousands(wp->p.list_size, n1, sizeof n1),
        text_date_or_dash(wp->p.list_date, d, sizeof d));
    if (peers)
        say(ev, F_SIZE, "Larger than %ld of the %ld open practices in sub-ICB %s", peers - bigger - 1,
            peers, wp->p.sub_icb);
}

static void headroom(appraisal_evidence *ev, const world *w, const config *cfg, int k)
{
    const world_practice *me = &w->v[k];
    long room = 0, n = 0, made_up = 0, assumed = 0;
    char n1[24], n2[24], n3[24];
    double within = cfg->rules.reasonable_km;
    for (int i = 0; i < w->n; i++) {
        const world_practice *wp = &w->v[i];
        if (i == k || !world_can_receive(w, i) || isnan(me->lat) ||
            geo_km(me->lat, me->lon, wp->lat, wp->lon) > within)
            continue;
        n++, room += wp->cap.headroom;
        /* What the room rests on: a made-up figure, or only the assumption. */
        if (world_capacity_illustrative(&wp->facts, wp->fte_date, wp->cap.source))
            made_up += wp->cap.headroom;
        else if (wp->cap.source == CAP_DEFAULT_HEADROOM)
            assumed += wp->cap.headroom;
    }
    say(ev, F_PROVISION, "Neighbours within %.1f km that can take patients: %ld, with %s "
        "places of headroom (%s of them on ILLUSTRATIVE capacity and %s on the assumed list + "
        "%g%%; capacity as catchment near shows it)", within, n,
        text_thousands(room, n1, sizeof n1), text_thousands(made_up, n2, sizeof n2),
        text_thousands(assumed, n3, sizeof n3), cfg->rules.default_headroom_pct);
}

static void merge_partner(appraisal_evidence *ev, const world *w, const appraisal *ap, int k)
{
    const char *with = ap->detail[2].value;
    int j = *with ? world_find(w, with) : -1;
    char n1[24], n2[24], src[48];
    if (j < 0) {
        say(ev, F_PROVISION, "Merge partner: not named (catchment appraisal CODE option merge --with CODE)");
        return;
    }
    const world_practice *p = &w->v[j];
    say(ev, F_PROVISION, "Merge partner %s %s: list %s, capacity %s (%s), %.1f km away", p->p.code,
        p->p.name, text_thousands(p->p.list_size, n1, sizeof n1),
        text_thousands(p->cap.capacity, n2, sizeof n2),
        world_capacity_label(&p->facts, p->fte_date, p->cap.source, src, sizeof src),
        geo_km(w->v[k].lat, w->v[k].lon, p->lat, p->lon));
}

/* The dispersal what-if: the disperse option's scenario, else the
 * practice closing alone. */
static int dispersal(appraisal_evidence *ev, const world *w, store *s, const config *cfg,
                     const appraisal *ap, const char *code, err *e)
{
    static plan pl;
    whatif_input in;
    static whatif wf;
    char n1[24], n2[24], n3[24], n4[24] = "-";
    const config_scenario *sc = config_scenario_find(cfg, ap->detail[3].value);
    plan_init(&pl, cfg);
    int rc = sc ? plan_from_scenario(&pl, cfg, sc) : plan_close(&pl, code);
    snprintf(ev->whatif_scenario, sizeof ev->whatif_scenario, "%s", sc ? sc->name : "");
    plan_input(&pl, &in);
    if (rc < 0 || whatif_run(w, s, cfg, &in, &wf, e)) {
        plan_free(&pl);
        return -1;
    }
    long over = 0;
    for (int i = 0; i < wf.im.nreceivers; i++)
        over += wf.im.receivers[i].over_capacity;
    bool modelled = false;
    for (int c = 0; c < wf.nclosing; c++)
        modelled |= wf.area_source[c] == AREAS_MODELLED;
    /* What "over capacity" rests on, as the what-if says it. */
    char ill[200], rests[96] = "";
    int nill = whatif_illustrative_codes(w, &wf, ill, sizeof ill);
    int nass = whatif_capacity_assumed(&wf);
    if (nill || nass)
        snprintf(rests, sizeof rests, " (on %d ILLUSTRATIVE and %d assumed capacities)", nill,
                 nass);
    say(ev, F_PROVISION, "Dispersal what-if (%s, %s policy): %s displaced, %s placed, %s "
        "unplaced; %d receiving practices, %ld over capacity%s; %s beyond %.1f %s%s",
        sc ? sc->name : "this practice closing", config_policy_name(wf.policy),
        text_thousands(wf.im.displaced, n1, sizeof n1), text_thousands(wf.im.placed, n2, sizeof n2),
        text_thousands(wf.im.unplaced, n3, sizeof n3), wf.im.nreceivers, over, rests,
        isnan(wf.im.mean_km_after) /* nobody placed has a known home: unknown */
            ? n4 : text_thousands(wf.im.beyond_reasonable, n4, sizeof n4),
        wf.reasonable_km, wf.unit,
        modelled ? "; MODELLED: where patients live is the demo's stand-in" : "");
    whatif_free(&wf);
    plan_free(&pl);
    return 0;
}

static void need(appraisal_evidence *ev, store *s, const world_practice *wp, err *e)
{
    static age_profile a;
    int ed = -1, dec = 0;
    /* The newest IMD edition, joined on its own LSOA vintage. */
    if (areas_edition(s, 0, &ed, e) == 0 && ed >= 0 &&
        areas_imd_of(s, wp->p.lsoa11, wp->p.lsoa, ed, &dec, e) == 0 && dec > 0)
        say(ev, F_NEED, "IMD %d decile of the practice's LSOA %s: %d (1 = most deprived)",
            areas_edition_year(ed), ed == IMD_2019 && *wp->p.lsoa11 ? wp->p.lsoa11 : wp->p.lsoa, dec);
    else
        say(ev, F_NEED, "Deprivation (IMD) of the practice's area: not held");
    if (store_age_latest(s, wp->p.code, &a, e) > 0) {
        char d[16];
        say(ev, F_NEED, "Aged 65+: %.1f%% of the list on %s", 100.0 * card_age_share(&a, AGE_BAND_65),
            text_date_or_dash(a.date, d, sizeof d));
    } else {
        say(ev, F_NEED, "Age profile: not held");
    }
    say(ev, F_NEED, "Equality impact assessment pack: not held");
}

int appraisal_evidence_gather(const world *w, store *s, const config *cfg, const appraisal *ap,
                              appraisal_evidence *out, err *e)
{
    int k = world_find(w, ap->practice);
    memset(out, 0, sizeof *out);
    if (k < 0)
        return err_set(e, "no practice %s in the store", ap->practice);
    if (store_read_begin(s, e))
        return -1;
    finance(out, s, ap->practice, w->at.facts, e);
    performance(out, s, ap->practice, e);
    survey_lines(out, s, ap->practice, e);
    need(out, s, &w->v[k], e);
    earliest_list(out, s, &w->v[k], e);
    store_read_end(s);
    sustainability(out, &w->v[k]);
    size(out, w, &w->v[k]);
    headroom(out, w, cfg, k);
    merge_partner(out, w, ap, k);
    return dispersal(out, w, s, cfg, ap, ap->practice, e);
}
