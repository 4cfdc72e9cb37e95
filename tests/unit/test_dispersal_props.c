/* Properties of every policy on many random cases, and the optimal policy
 * against brute force on cases small enough to try every assignment. */
#include "tests/unit/disp_fixture.h"

#include "engine/staged.h"

#define NP 9
#define NA 8

typedef struct {
    disp_practice p[NP];
    disp_area a[NA];
    int np, na;
} scene;

/* Practices and areas scattered over about 12 x 12 km; practice 0 (and
 * sometimes 1) closing; some lists closed; some headroom nil. */
static void scene_make(scene *s, int np, int na, int maxpat)
{
    s->np = np;
    s->na = na;
    int two = rnd_int(3) == 0;
    for (int i = 0; i < np; i++) {
        long list = 500 + rnd_int(5000);
        s->p[i] = (disp_practice){NULL, 52.0 + 12 * KM * rnd(),
                                  -1.5 + 12 * KM / 0.6157 * rnd(), list,
                                  list - 2 + rnd_int(maxpat + 3), NAN, true};
        s->p[i].can_receive = rnd_int(6) != 0;
    }
    s->p[0].can_receive = false;
    for (int i = 0; i < na; i++) {
        s->a[i] = (disp_area){NULL, two ? i % 2 : 0, 52.0 + 12 * KM * rnd(),
                              -1.5 + 12 * KM / 0.6157 * rnd(),
                              rnd_int(maxpat + 1), 0};
        if (rnd_int(15) == 0)
            s->a[i].lat = NAN;
    }
}

static long headroom(const scene *s, int i)
{
    return room_of(s->p, s->a, s->na, i);
}

/* The guarantees of dispersal.h, checked flow by flow. */
static int sound(const scene *s, const disp_rules *r, const disp_result *res)
{
    long gain[NP] = {0}, per_area[NA] = {0}, total = 0;
    for (int i = 0; i < res->nflows; i++) {
        const disp_flow *f = &res->flows[i];
        if (f->patients <= 0 || f->area < 0 || f->area >= s->na)
            return 0;
        per_area[f->area] += f->patients;
        if (f->to < 0)
            continue;
        const disp_area *a = &s->a[f->area];
        if (f->km > r->max_km || isnan(a->lat) ||
            fabs(f->km - geo_km(a->lat, a->lon, s->p[f->to].lat, s->p[f->to].lon)) > 1e-9)
            return 0;
        gain[f->to] += f->patients;
    }
    for (int i = 0; i < s->np; i++)
        if (gain[i] > headroom(s, i))
            return 0;
    for (int i = 0; i < s->na; i++) {
        if (per_area[i] != s->a[i].patients)
            return 0;
        total += per_area[i];
    }
    return total == res->placed + res->unplaced && total == res->displaced;
}

static int same(const disp_result *x, const disp_result *y)
{
    if (x->nflows != y->nflows)
        return 0;
    for (int i = 0; i < x->nflows; i++) {
        const disp_flow *f = &x->flows[i], *g = &y->flows[i];
        if (f->area != g->area || f->to != g->to || f->patients != g->patients ||
            (f->to >= 0 && f->km != g->km))
            return 0;
    }
    return 1;
}

typedef struct {
    const scene *s;
    long left[NP];
    long best_placed;
    long long best_cost;
    double max_km;
} brute;

/* Every way to share area ai's patients (from cell pi on) among the
 * practices in reach; what is left of an area is unplaced. */
static void brute_go(brute *b, int ai, int pi, long rest, long placed, long long cost)
{
    const scene *s = b->s;
    if (ai == s->na) {
        if (placed > b->best_placed || (placed == b->best_placed && cost < b->best_cost)) {
            b->best_placed = placed;
            b->best_cost = cost;
        }
        return;
    }
    if (pi == s->np) {
        long next = ai + 1 < s->na ? s->a[ai + 1].patients : 0;
        brute_go(b, ai + 1, 0, next, placed, cost);
        return;
    }
    const disp_area *a = &s->a[ai];
    double km = geo_km(a->lat, a->lon, s->p[pi].lat, s->p[pi].lon);
    long most = km <= b->max_km ? (rest < b->left[pi] ? rest : b->left[pi]) : 0;
    for (long n = 0; n <= most; n++) {
        b->left[pi] -= n;
        brute_go(b, ai, pi + 1, rest - n, placed + n, cost + n * llround(km * 1000.0));
        b->left[pi] += n;
    }
}

static int brute_check(const scene *s, const disp_rules *r)
{
    brute b = {s, {0}, -1, 0, r->max_km};
    for (int i = 0; i < s->np; i++)
        b.left[i] = headroom(s, i);
    brute_go(&b, 0, 0, s->na ? s->a[0].patients : 0, 0, 0);
    disp_result res;
    err e;
    if (dispersal_run(s->p, s->np, s->a, s->na, r, &res, &e) < 0)
        return 0;
    int ok = res.placed == b.best_placed && cost_m(&res) == b.best_cost;
    if (!ok)
        printf("brute: placed %ld/%ld cost %lld/%lld\n", res.placed,
               b.best_placed, cost_m(&res), b.best_cost);
    disp_result_free(&res);
    return ok;
}

static void test_brute_force(void)
{
    int bad = 0, tight = 0;
    for (int k = 0; k < 400; k++) {
        scene s;
        scene_make(&s, 4, 1 + rnd_int(3), 3);
        disp_rules r = rules(POLICY_OPTIMAL);
        r.max_km = 4 + 6 * rnd();
        long want = 0, room = 0;
        for (int i = 0; i < s.na; i++)
            want += s.a[i].patients;
        for (int i = 0; i < s.np; i++)
            room += headroom(&s, i);
        tight += room < want;
        bad += !brute_check(&s, &r);
    }
    CHECK_INT(bad, 0);
    CHECK(tight > 50); /* the cases did test scarce headroom */
}

static void test_properties(void)
{
    int unsound = 0, worse = 0, fewer = 0, differ = 0, compared = 0;
    for (int k = 0; k < 300; k++) {
        scene s;
        scene_make(&s, NP, NA, 60);
        disp_result res[3], again;
        err e;
        for (int pol = 0; pol < 3; pol++) {
            disp_rules r = rules((disp_policy)pol);
            r.max_km = 3 + 6 * rnd();
            if (dispersal_run(s.p, s.np, s.a, s.na, &r, &res[pol], &e) < 0) {
                unsound++;
                continue;
            }
            unsound += !sound(&s, &r, &res[pol]);
            dispersal_run(s.p, s.np, s.a, s.na, &r, &again, &e);
            differ += !same(&res[pol], &again);
            disp_result_free(&again);
            /* Compare policies at one max_km: rerun the others at it. */
            if (pol == POLICY_OPTIMAL) {
                disp_rules n = r;
                n.policy = POLICY_NEAREST;
                disp_result_free(&res[0]);
                dispersal_run(s.p, s.np, s.a, s.na, &n, &res[0], &e);
                n.policy = POLICY_CHOICE;
                disp_result_free(&res[1]);
                dispersal_run(s.p, s.np, s.a, s.na, &n, &res[1], &e);
            }
        }
        fewer += res[2].placed < res[0].placed || res[2].placed < res[1].placed;
        if (res[2].placed == res[0].placed) {
            compared++;
            worse += cost_m(&res[2]) > cost_m(&res[0]);
        }
        for (int pol = 0; pol < 3; pol++)
            disp_result_free(&res[pol]);
    }
    CHECK_INT(unsound, 0);
    CHECK_INT(differ, 0);
    CHECK_INT(fewer, 0);
    CHECK_INT(worse, 0);
    CHECK(compared > 100);
}

/* Whether area ai has a practice that may receive within max_km. */
static int in_reach(const scene *s, int ai, double max_km)
{
    const disp_area *a = &s->a[ai];
    if (isnan(a->lat))
        return 0;
    for (int i = 0; i < s->np; i++) {
        int closing = 0;
        for (int k = 0; k < s->na; k++)
            closing |= s->a[k].from == i;
        if (!closing && s->p[i].can_receive &&
            geo_km(a->lat, a->lon, s->p[i].lat, s->p[i].lon) <= max_km)
            return 1;
    }
    return 0;
}

/* Conservation area by area: every patient once, placed or unplaced. */
static int conserved(const scene *s, const disp_result *res)
{
    long per_area[NA] = {0}, placed = 0, unplaced = 0;
    for (int i = 0; i < res->nflows; i++) {
        const disp_flow *f = &res->flows[i];
        if (f->patients <= 0 || f->area < 0 || f->area >= s->na)
            return 0;
        per_area[f->area] += f->patients;
        *(f->to >= 0 ? &placed : &unplaced) += f->patients;
    }
    long total = 0;
    for (int i = 0; i < s->na; i++) {
        if (per_area[i] != s->a[i].patients)
            return 0;
        total += per_area[i];
    }
    return placed == res->placed && unplaced == res->unplaced &&
           total == res->displaced && res->placed + res->unplaced == res->displaced;
}

static void random_opts(const scene *s, staged_opts *o, long *intake, long *per_day)
{
    for (int i = 0; i < s->np; i++) {
        intake[i] = rnd_int(3) == 0 ? rnd_int(40) : -1;
        per_day[i] = rnd_int(3) == 0 ? 1 + rnd_int(10) : -1;
    }
    *o = (staged_opts){rnd_int(4) == 0 ? 0 : 100 * rnd(), rnd_int(2) == 0,
                       rnd_int(3) ? intake : NULL, per_day, rnd_int(3) ? 1 + rnd_int(20) : 0};
}

/* The self-registration share of one area, rounded half up. */
static long share(long n, double pct)
{
    return (long)floor((double)n * pct / 100.0 + 0.5);
}

static void staged_checks(const scene *s, const disp_rules *r, const staged_opts *o,
                          const staged_result *st, int *bad)
{
    long self_area[NA] = {0};
    bad[0] += !conserved(s, &st->all) ||
              st->all.placed != st->self_placed + st->allocated;
    for (int i = 0; i < st->self.nflows; i++)
        if (st->self.flows[i].to >= 0)
            self_area[st->self.flows[i].area] += st->self.flows[i].patients;
    for (int i = 0; i < s->na; i++) {
        long want = share(s->a[i].patients, o->self_pct);
        /* Uncapped, the share is kept exactly when anyone is in reach;
         * capped, never more than it. */
        if (o->self_capped ? self_area[i] > want
                           : self_area[i] != (in_reach(s, i, r->max_km) ? want : 0))
            bad[1]++;
    }
    for (int i = 0; o->intake && i < s->np; i++)
        bad[2] += o->intake[i] >= 0 && st->alloc_gain[i] > o->intake[i];
}

/* Every policy, with and without the dispersal-as-run options. */
static void test_demand_and_staged(void)
{
    int bad[3] = {0}, stranded = 0, differ = 0, runs = 0, kept = 0;
    for (int k = 0; k < 300; k++) {
        scene s;
        scene_make(&s, NP, NA, 60);
        nearby *ix = disp_index_build(s.p, s.np);
        for (int pol = 0; pol < DISP_POLICIES; pol++) {
            disp_rules r = rules((disp_policy)pol);
            r.max_km = 3 + 6 * rnd();
            disp_result res, again;
            err e;
            long intake[NP], per_day[NP];
            staged_opts o;
            staged_result st;
            if (dispersal_run(s.p, s.np, s.a, s.na, &r, &res, &e) < 0) {
                bad[0]++;
                continue;
            }
            bad[0] += !conserved(&s, &res);
            dispersal_run(s.p, s.np, s.a, s.na, &r, &again, &e);
            differ += !same(&res, &again);
            disp_result_free(&again);
            for (int i = 0; pol == POLICY_DEMAND && i < s.na; i++)
                stranded += in_reach(&s, i, r.max_km) && sent(&res, i, -1) > 0;
            disp_result_free(&res);
            random_opts(&s, &o, intake, per_day);
            if (staged_run(ix, s.p, s.np, s.a, s.na, &r, &o, &st, &e) < 0) {
                bad[0]++;
                continue;
            }
            runs++;
            kept += o.self_pct > 0 && st.self_placed > 0;
            staged_checks(&s, &r, &o, &st, bad);
            staged_free(&st);
        }
        nearby_free(ix);
    }
    CHECK_INT(bad[0], 0); /* conservation */
    CHECK_INT(bad[1], 0); /* the self-registration share */
    CHECK_INT(bad[2], 0); /* intakes */
    CHECK_INT(stranded, 0);
    CHECK_INT(differ, 0);
    CHECK(runs == 300 * DISP_POLICIES && kept > 300);
}

/* Kept neighbours (disp_reach) give every policy the same flows as asking
 * the index; a reach made for another max_km, or over other places, is
 * not used where it does not fit. */
static void test_reach(void)
{
    int differ = 0, runs = 0;
    for (int k = 0; k < 200; k++) {
        scene s, other;
        scene_make(&s, NP, NA, 60);
        scene_make(&other, NP, NA, 60);
        nearby *ix = disp_index_build(s.p, s.np);
        disp_rules r = rules((disp_policy)(k % DISP_POLICIES));
        r.max_km = 3 + 6 * rnd();
        disp_reach *fit = disp_reach_build(ix, s.a, s.na, r.max_km),
                   *far = disp_reach_build(ix, s.a, s.na, r.max_km + 1),
                   *elsewhere = disp_reach_build(ix, other.a, other.na, r.max_km);
        CHECK(ix && fit && far && elsewhere);
        disp_result plain, kept;
        err e;
        CHECK(dispersal_run_ix(ix, s.p, s.np, s.a, s.na, &r, &plain, &e) == 0);
        const disp_reach *reach[3] = {fit, far, elsewhere};
        for (int i = 0; i < 3; i++) {
            r.reach = reach[i];
            CHECK(dispersal_run_ix(ix, s.p, s.np, s.a, s.na, &r, &kept, &e) == 0);
            differ += !same(&plain, &kept) || plain.patient_km != kept.patient_km;
            runs++;
            disp_result_free(&kept);
        }
        disp_result_free(&plain);
        disp_reach_free(fit);
        disp_reach_free(far);
        disp_reach_free(elsewhere);
        nearby_free(ix);
    }
    CHECK_INT(differ, 0);
    CHECK_INT(runs, 600);
}

int main(void)
{
    test_reach();
    test_brute_force();
    test_properties();
    test_demand_and_staged();
    T_DONE();
}
