/*
 * queries: in-process timings over a built store, for bench/run.sh.
 *
 *   queries [--seed N] [--queries N] [--closures N] [--threads N]
 *           [--nx FILE] [--only lookups|closures|many|sweep] STORE
 *
 * Times what a user waits for: the practice card (`show`), search, near,
 * search-as-you-type per keystroke, one closure what-if per policy, many
 * practices closing at once (the densest town's 10 and 20, a sub-ICB) per
 * policy, and a whole-England sweep (close each practice in turn, rank by
 * unplaced).  --nx writes the 20-practice closure for bench/nx_closure.py.
 * Figures go to stdout as "FIG name value" lines (milliseconds unless the
 * name says otherwise), then the sweep's top ten as "TOP" lines.
 * Queries are drawn from a fixed seed, so runs compare like with like.
 * --only runs one part (with the world load), to measure while tuning it.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/card.h"
#include "core/whatif.h"
#include "core/world.h"
#include "config/config.h"
#include "engine/dispersal.h"
#include "engine/nearby.h"
#include "engine/search.h"
#include "store/store.h"

typedef struct opts {
    uint64_t seed;
    int queries, closures, threads;
    const char *store;
    const char *dump;     /* --nx FILE: the town closure for networkx */
    const char *only;     /* --only PART, or NULL for every part */
} opts;

/* ------------------------------------------------------------ helpers */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rnd_below(int n)
{
    return (int)(rnd() % (uint64_t)n);
}

/* CPU time of this thread: what the work costs, whatever else the
 * machine is running (wall time is what a user waits on a quiet one). */
static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* CPU time of the whole process (every thread). */
static double proc_cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Times the process gave up the CPU to wait (a lock, the disk): none
 * while the sweep runs means no thread waited for another. */
static long waits(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_nvcsw;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int dbl_cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The q-quantile (nearest rank) of v[0..n); sorts v. */
static double quantile(double *v, int n, double q)
{
    if (n <= 0)
        return NAN;
    qsort(v, (size_t)n, sizeof *v, dbl_cmp);
    int k = (int)ceil(q * n) - 1;
    return v[k < 0 ? 0 : k >= n ? n - 1 : k];
}

static void fig(const char *name, double v)
{
    printf("FIG %s %.3f\n", name, v);
}

static void fig_pcts(const char *name, double *v, int n)
{
    char b[64];
    snprintf(b, sizeof b, "%s_p50_ms", name);
    fig(b, quantile(v, n, 0.50));
    snprintf(b, sizeof b, "%s_p99_ms", name);
    fig(b, quantile(v, n, 0.99));
}

static void die(const char *what, const err *e)
{
    fprintf(stderr, "queries: %s: %s\n", what, e ? e->msg : strerror(errno));
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        die("out of memory", NULL);
    return p;
}

/* Practices open with patients: the ones worth closing or looking up. */
static int *open_practices(const world *w, int *n)
{
    int *v = xcalloc((size_t)w->n, sizeof *v);
    *n = 0;
    for (int i = 0; i < w->n; i++)
        if (w->v[i].open && w->v[i].p.list_size > 0)
            v[(*n)++] = i;
    return v;
}

/* -------------------------------------------------------- show, near */

static void bench_show(const world *w, store *s, const int *live, int nlive, int nq)
{
    card *c = xcalloc(1, sizeof *c);
    double *t = xcalloc((size_t)nq, sizeof *t);
    err e = {{0}};
    for (int q = 0; q < nq; q++) {
        const char *code = w->v[live[rnd_below(nlive)]].p.code;
        double t0 = now_ms();
        if (card_load(c, s, code, &w->rules, &e) != 1)
            die(code, &e);
        t[q] = now_ms() - t0;
    }
    fig_pcts("show", t, nq);
    free(t);
    free(c);
}

static void bench_near(const world *w, const int *live, int nlive, int nq)
{
    double *t = xcalloc((size_t)nq, sizeof *t);
    nearby_hit *h = NULL;
    int cap = 0;
    long hits = 0;
    for (int q = 0; q < nq; q++) {
        const world_practice *wp = &w->v[live[rnd_below(nlive)]];
        double t0 = now_ms();
        int n = nearby_within(w->near, wp->lat, wp->lon, 8.0, &h, &cap);
        t[q] = now_ms() - t0;
        if (n < 0)
            die("near", NULL);
        hits += n;
    }
    fig_pcts("near", t, nq);
    fig("near_mean_hits", (double)hits / nq);
    free(h);
    free(t);
}

/* ------------------------------------------------------------- search */

static search_index *build_search(const world *w, double *ms)
{
    search_item *it = xcalloc((size_t)w->n, sizeof *it);
    for (int i = 0; i < w->n; i++) {
        const practice *p = &w->v[i].p;
        it[i] = (search_item){.code = p->code, .name = p->name, .postcode = p->postcode,
                              .phone = p->phone, .town = p->addr[3]};
    }
    double t0 = now_ms();
    search_index *ix = search_build(it, w->n);
    *ms = now_ms() - t0;
    free(it); /* the index keeps its own lower-cased copies of the words */
    if (!ix)
        die("search_build", NULL);
    return ix;
}

/* The first `words` words of s into out. */
static void first_words(const char *s, int words, char *out, size_t n)
{
    size_t k = 0;
    for (; *s && k + 1 < n; s++) {
        if (*s == ' ' && --words == 0)
            break;
        out[k++] = *s;
    }
    out[k] = '\0';
}

/* What someone types to find a practice: its code, a postcode, a phone
 * number, the first words of its name, or its town. */
static void make_query(const practice *p, char *q, size_t n)
{
    switch (rnd_below(5)) {
    case 0: snprintf(q, n, "%s", p->code); break;
    case 1: snprintf(q, n, "%s", p->postcode); break;
    case 2: first_words(p->name, 1, q, n); break;
    case 3: first_words(p->name, 2, q, n); break;
    default: snprintf(q, n, "%s %.3s", p->addr[3], p->name); break;
    }
}

static void bench_search(const world *w, const search_index *ix, const int *live, int nlive,
                         int nq)
{
    double *t = xcalloc((size_t)nq, sizeof *t);
    int out[50];
    char q[NAME_MAX + 64];
    for (int i = 0; i < nq; i++) {
        make_query(&w->v[live[rnd_below(nlive)]].p, q, sizeof q);
        double t0 = now_ms();
        search_query(ix, q, out, NULL, 50);
        t[i] = now_ms() - t0;
    }
    fig_pcts("search", t, nq);
    free(t);
}

/* A practice's name typed one character at a time: each prefix is a
 * query, as the TUI runs one per keystroke. */
static void bench_keystrokes(const world *w, const search_index *ix, const int *live,
                             int nlive, int names)
{
    int cap = names * NAME_MAX, n = 0;
    double *t = xcalloc((size_t)cap, sizeof *t);
    int out[50];
    char q[NAME_MAX];
    for (int i = 0; i < names; i++) {
        const char *name = w->v[live[rnd_below(nlive)]].p.name;
        size_t len = strlen(name);
        for (size_t k = 1; k <= len && k < sizeof q; k++) {
            memcpy(q, name, k);
            q[k] = '\0';
            double t0 = now_ms();
            search_query(ix, q, out, NULL, 50);
            t[n++] = now_ms() - t0;
        }
    }
    fig_pcts("keystroke", t, n);
    fig("keystroke_count", n);
    free(t);
}

/* ---------------------------------------------------------- closures */

/* The slowest few closures of a policy, "SLOW policy code cpu-ms". */
static void slowest_closures(const world *w, const char *name, const double *c,
                             const int *pick, int nq, int top)
{
    char *done = xcalloc((size_t)nq, 1);
    for (int t = 0; t < top && t < nq; t++) {
        int best = -1;
        for (int i = 0; i < nq; i++)
            if (!done[i] && (best < 0 || c[i] > c[best]))
                best = i;
        done[best] = 1;
        printf("SLOW %s %s %.3f\n", name, w->v[pick[best]].p.code, c[best]);
    }
    free(done);
}

/* The CPU time (this thread's) and wall time of one closure. */
static void time_closure(const world *w, store *s, const config *cfg, int pick,
                         config_policy pol, double *cpu, double *wall)
{
    char code[1][CONFIG_CODE_MAX];
    snprintf(code[0], sizeof code[0], "%s", w->v[pick].p.code);
    whatif_input in = {.close = (const char(*)[CONFIG_CODE_MAX])code, .nclose = 1,
                       .set = whatif_settings_default(cfg)};
    in.set.policy = pol;
    whatif wf;
    err e = {{0}};
    double t0 = now_ms(), c0 = cpu_ms();
    if (whatif_run(w, s, cfg, &in, &wf, &e) < 0)
        die(code[0], &e);
    *cpu = cpu_ms() - c0;
    *wall = now_ms() - t0;
    whatif_free(&wf);
}

/* The first closure in each ICB also reads the ICB's equality baseline,
 * which the world then keeps: those are timed apart ("closure_first",
 * nearest), before the policies are timed with every baseline read. */
static void first_in_icb(const world *w, store *s, const config *cfg, const int *pick,
                         int nq)
{
    double *c = xcalloc((size_t)nq, sizeof *c), wall;
    int n = 0;
    for (int i = 0; i < nq; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(w->v[pick[j]].p.icb, w->v[pick[i]].p.icb) == 0;
        double cpu;
        time_closure(w, s, cfg, pick[i], CONFIG_POLICY_NEAREST, &cpu, &wall);
        if (!seen)
            c[n++] = cpu;
    }
    fig("closure_first_count", n);
    fig_pcts("closure_first", c, n);
    free(c);
}

/* One closure per policy for each of nq practices: the CPU time of this
 * thread per whatif_run (the figures tuned and checked against), and
 * the wall time beside it. */
static void bench_closures(const world *w, store *s, const config *cfg, const int *live,
                           int nlive, int nq)
{
    static const struct { config_policy p; const char *name; } pol[] = {
        {CONFIG_POLICY_NEAREST, "closure_nearest"},
        {CONFIG_POLICY_CHOICE, "closure_choice"},
        {CONFIG_POLICY_OPTIMAL, "closure_optimal"}};
    double *t = xcalloc((size_t)nq, sizeof *t), *c = xcalloc((size_t)nq, sizeof *c);
    int *pick = xcalloc((size_t)nq, sizeof *pick);
    char b[64];
    for (int i = 0; i < nq; i++)
        pick[i] = live[rnd_below(nlive)];
    first_in_icb(w, s, cfg, pick, nq);
    for (size_t k = 0; k < sizeof pol / sizeof pol[0]; k++) {
        for (int i = 0; i < nq; i++)
            time_closure(w, s, cfg, pick[i], pol[k].p, &c[i], &t[i]);
        slowest_closures(w, pol[k].name, c, pick, nq, 3);
        fig_pcts(pol[k].name, c, nq);
        snprintf(b, sizeof b, "%s_wall", pol[k].name);
        fig_pcts(b, t, nq);
    }
    free(pick);
    free(t);
    free(c);
}

/* ------------------------------------------------- many closures */

/* The codes of a set of practices, for whatif_run. */
static char (*codes_of(const world *w, const int *ix, int n))[CONFIG_CODE_MAX]
{
    char(*c)[CONFIG_CODE_MAX] = xcalloc((size_t)n, sizeof *c);
    for (int i = 0; i < n; i++)
        snprintf(c[i], sizeof c[i], "%s", w->v[ix[i]].p.code);
    return c;
}

static long long metres_of(const disp_result *r)
{
    long long m = 0;
    for (int i = 0; i < r->nflows; i++)
        if (r->flows[i].to >= 0)
            m += r->flows[i].patients * llround(r->flows[i].km * 1000.0);
    return m;
}

/* The closure as a transportation problem, for bench/nx_closure.py:
 * "R index headroom" for each receiver, "A index patients" then
 * "C practice metres" for each area's receivers within reach, and "OURS
 * placed metres".  The same reach rule as the engine (great-circle km,
 * headroom left, max_km); the script's answer is checked against ours. */
static void dump_problem(const world *w, const whatif *wf, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die(path, NULL);
    long *room = xcalloc((size_t)wf->np, sizeof *room);
    for (int i = 0; i < wf->np; i++) {
        const disp_practice *q = &wf->p[i];
        room[i] = q->can_receive && isfinite(q->lat) && q->capacity > q->list
                      ? q->capacity - q->list : 0;
    }
    for (int k = 0; k < wf->nclosing; k++)
        room[wf->closing[k]] = 0;
    for (int i = 0; i < wf->np; i++)
        if (room[i] > 0)
            fprintf(f, "R %d %ld\n", i, room[i]);
    nearby_hit *h = NULL;
    int cap = 0;
    for (int i = 0; i < wf->na; i++) {
        const disp_area *a = &wf->a[i];
        if (a->patients <= 0)
            continue;
        fprintf(f, "A %d %ld\n", i, a->patients);
        int nh = nearby_within(w->near, a->lat, a->lon, wf->max_km, &h, &cap);
        for (int j = 0; j < nh; j++)
            if (room[h[j].index] > 0)
                fprintf(f, "C %d %lld\n", h[j].index, llround(h[j].km * 1000.0));
    }
    fprintf(f, "OURS %ld %lld\n", wf->res.placed, metres_of(&wf->res));
    free(h);
    free(room);
    fclose(f);
}

/* Runs whatif_run `reps` times for every policy in the policy table
 * (those the config knows by name too): "CLOSING name policy median best
 * displaced unplaced median-cpu" (milliseconds).  `dump`: the optimal problem for networkx. */
static void time_closing(const world *w, store *s, const config *cfg, const char *name,
                         const int *ix, int n, int reps, const char *dump)
{
    char(*codes)[CONFIG_CODE_MAX] = codes_of(w, ix, n);
    double *t = xcalloc((size_t)reps, sizeof *t), *c = xcalloc((size_t)reps, sizeof *c);
    for (int k = 0; strcmp(disp_policy_name((disp_policy)k), "unknown") != 0; k++) {
        int pol = config_policy_parse(disp_policy_name((disp_policy)k));
        if (pol < 0)
            continue;
        whatif_input in = {.close = (const char(*)[CONFIG_CODE_MAX])codes, .nclose = n,
                           .set = whatif_settings_default(cfg)};
        in.set.policy = (config_policy)pol;
        long displaced = 0, unplaced = 0;
        for (int r = 0; r < reps; r++) {
            whatif wf;
            err e = {{0}};
            double t0 = now_ms(), c0 = cpu_ms();
            if (whatif_run(w, s, cfg, &in, &wf, &e) < 0)
                die(name, &e);
            t[r] = now_ms() - t0;
            c[r] = cpu_ms() - c0;
            displaced = wf.res.displaced;
            unplaced = wf.res.unplaced;
            if (dump && r == 0 && k == POLICY_OPTIMAL)
                dump_problem(w, &wf, dump);
            whatif_free(&wf);
        }
        printf("CLOSING %s %s %.3f %.3f %ld %ld %.3f\n", name, disp_policy_name((disp_policy)k),
               quantile(t, reps, 0.5), quantile(t, reps, 0.0), displaced, unplaced,
               quantile(c, reps, 0.5));
    }
    printf("CODES %s", name);
    for (int i = 0; i < n; i++)
        printf("%c%s", i ? ',' : ' ', codes[i]);
    printf("\n");
    free(t);
    free(c);
    free(codes);
}

/* The practice whose k - 1 nearest open practices are closest: the
 * densest town's centre; it and those k - 1 into out. */
static int densest_town(const world *w, const int *live, int nlive, int *out, int k)
{
    char *ok = xcalloc((size_t)w->n, 1);
    for (int i = 0; i < nlive; i++)
        ok[live[i]] = 1;
    nearby_hit *h = NULL;
    int cap = 0, best = -1;
    double best_km = INFINITY;
    for (int i = 0; i < nlive; i++) {
        const world_practice *wp = &w->v[live[i]];
        int nh = nearby_nearest(w->near, wp->lat, wp->lon, 4 * k, &h, &cap), got = 0;
        for (int j = 0; j < nh && got < k; j++)
            if (ok[h[j].index] && ++got == k && h[j].km < best_km) {
                best_km = h[j].km;
                best = live[i];
            }
    }
    int n = 0;
    if (best >= 0) {
        const world_practice *wp = &w->v[best];
        int nh = nearby_nearest(w->near, wp->lat, wp->lon, 4 * k, &h, &cap);
        for (int j = 0; j < nh && n < k; j++)
            if (ok[h[j].index])
                out[n++] = h[j].index;
    }
    free(h);
    free(ok);
    return n;
}

static const world *sort_world; /* for sub_icb_cmp: qsort has no context */

static int sub_icb_cmp(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    int c = strcmp(sort_world->v[a].p.sub_icb, sort_world->v[b].p.sub_icb);
    return c ? c : (a > b) - (a < b);
}

/* Every open practice of the sub-ICB with the most of them up to 100
 * (a whole sub-ICB closing, as in the targets: 60-100 practices). */
static int sub_icb_closing(const world *w, const int *live, int nlive, int *out)
{
    int *v = xcalloc((size_t)nlive, sizeof *v), best = -1, bestn = 0;
    memcpy(v, live, (size_t)nlive * sizeof *v);
    sort_world = w;
    qsort(v, (size_t)nlive, sizeof *v, sub_icb_cmp);
    for (int i = 0, j; i < nlive; i = j) {
        for (j = i; j < nlive && strcmp(w->v[v[i]].p.sub_icb, w->v[v[j]].p.sub_icb) == 0;)
            j++;
        if (w->v[v[i]].p.sub_icb[0] && j - i <= 100 && j - i > bestn) {
            best = i;
            bestn = j - i;
        }
    }
    if (best >= 0)
        memcpy(out, v + best, (size_t)bestn * sizeof *out);
    free(v);
    return bestn;
}

static void bench_many(const world *w, store *s, const config *cfg, const int *live,
                       int nlive, const char *dump)
{
    int *ix = xcalloc((size_t)nlive, sizeof *ix);
    int n = densest_town(w, live, nlive, ix, 10);
    time_closing(w, s, cfg, "town10", ix, n, 5, NULL);
    n = densest_town(w, live, nlive, ix, 20);
    time_closing(w, s, cfg, "town20", ix, n, 5, dump);
    n = sub_icb_closing(w, live, nlive, ix);
    if (n > 0)
        time_closing(w, s, cfg, "subicb", ix, n, 3, NULL);
    free(ix);
}

/* ------------------------------------------------------------- sweep */

/* Every open practice's patients by area, loaded once; slice k of the
 * areas belongs to closing practice close[k]. */
typedef struct sweep {
    const world *w;
    disp_practice *p;     /* every world practice, shared read-only */
    nearby *ix;           /* over p, shared read-only */
    disp_reach *reach;    /* each LSOA's practices in reach, asked once */
    disp_rules rules;
    int *close;           /* world indexes of the practices closed in turn */
    int nclose;
    int *astart;          /* nclose + 1 offsets into a */
    disp_area *a;
    char (*code)[LSOA_MAX];
    int na, capa;
    long *unplaced, *displaced; /* per closure */
    double *patient_km;         /* per closure */
    double *ms;                 /* per closure: the engine's time */
    double *cpu;                /* per closure: its thread's CPU time */
    int next;             /* next closure to run */
    pthread_mutex_t lock;
    int failed;
} sweep;

struct area_ctx {
    sweep *sw;
    store *s;
    int from;
};

static void sweep_add(sweep *sw, const char *code, int from, double lat, double lon,
                      long patients, int imd)
{
    if (sw->na == sw->capa) {
        sw->capa = sw->capa ? sw->capa * 2 : 1 << 16;
        sw->a = realloc(sw->a, (size_t)sw->capa * sizeof *sw->a);
        sw->code = realloc(sw->code, (size_t)sw->capa * sizeof *sw->code);
        if (!sw->a || !sw->code)
            die("out of memory", NULL);
    }
    snprintf(sw->code[sw->na], LSOA_MAX, "%s", code);
    sw->a[sw->na++] = whatif_area(&sw->p[from], from, lat, lon, patients, imd);
}

static int sweep_reg(const lsoa_reg *r, void *ctx)
{
    struct area_ctx *ac = ctx;
    lsoa_rec l;
    err e = {{0}};
    int rc = store_lsoa_get(ac->s, r->lsoa, &l, &e);
    if (rc < 0)
        die(r->lsoa, &e);
    if (rc == 0)
        lsoa_init(&l, r->lsoa);
    if (r->patients > 0)
        sweep_add(ac->sw, r->lsoa, ac->from, l.lat, l.lon, r->patients, l.imd[IMD_2019]);
    return 0;
}

static void sweep_load_one(sweep *sw, store *s, int k)
{
    const world_practice *wp = &sw->w->v[sw->close[k]];
    struct area_ctx ac = {sw, s, sw->close[k]};
    err e = {{0}};
    int first = sw->na;
    if (store_lsoa_reg_each_at(s, wp->p.code, sw->w->at.date, sweep_reg, &ac, &e) < 0)
        die(wp->p.code, &e);
    if (sw->na == first) /* residence unknown: at the practice, as the what-if does */
        sweep_add(sw, wp->p.postcode, sw->close[k], NAN, NAN, sw->p[sw->close[k]].list, 0);
    else if (wp->p.list_size >= 0)
        disp_scale_areas(sw->a + first, sw->na - first, sw->p[sw->close[k]].list);
}

static void sweep_load(sweep *sw, store *s, const config *cfg)
{
    const world *w = sw->w;
    sw->p = xcalloc((size_t)w->n, sizeof *sw->p);
    for (int i = 0; i < w->n; i++) {
        const world_practice *wp = &w->v[i];
        sw->p[i] = (disp_practice){.code = wp->p.code, .lat = wp->lat, .lon = wp->lon,
                                   .list = wp->cap.list, .capacity = wp->cap.capacity,
                                   .gp_fte = wp->facts.gp_fte,
                                   .can_receive = world_can_receive(w, i)};
    }
    sw->ix = disp_index_build(sw->p, w->n);
    sw->rules = disp_rules_default();
    sw->rules.max_km = cfg->rules.max_distance_km;
    sw->rules.reasonable_km = cfg->rules.reasonable_km;
    sw->rules.choice_beta = cfg->rules.choice_beta;
    sw->rules.policy = POLICY_OPTIMAL;
    sw->astart = xcalloc((size_t)sw->nclose + 1, sizeof *sw->astart);
    err e = {{0}};
    if (!sw->ix || store_read_begin(s, &e))
        die("sweep load", &e);
    for (int k = 0; k < sw->nclose; k++) {
        sw->astart[k] = sw->na;
        sweep_load_one(sw, s, k);
    }
    sw->astart[sw->nclose] = sw->na;
    store_read_end(s);
    for (int i = 0; i < sw->na; i++)
        sw->a[i].area = sw->code[i];
    /* An LSOA is listed by every practice with patients there: its
     * neighbours are asked of the index once for the whole sweep. */
    sw->reach = disp_reach_build(sw->ix, sw->a, sw->na, sw->rules.max_km);
    if (!sw->reach)
        die("sweep reach", NULL);
    sw->rules.reach = sw->reach;
}

/* One closure: the engine alone, over the shared practices and index.
 * The engine keeps headroom in its own work arrays and never writes to
 * the practices, and it gives the closing practice (each area's `from`)
 * no headroom, so no copy is needed. */
static int sweep_one(sweep *sw, int k)
{
    disp_result res;
    err e = {{0}};
    const disp_area *a = sw->a + sw->astart[k];
    int na = sw->astart[k + 1] - sw->astart[k];
    double t0 = now_ms(), c0 = cpu_ms();
    if (dispersal_run_ix(sw->ix, sw->p, sw->w->n, a, na, &sw->rules, &res, &e) < 0) {
        fprintf(stderr, "queries: sweep %s: %s\n", sw->w->v[sw->close[k]].p.code, e.msg);
        return -1;
    }
    sw->ms[k] = now_ms() - t0;
    sw->cpu[k] = cpu_ms() - c0;
    sw->unplaced[k] = res.unplaced;
    sw->displaced[k] = res.displaced;
    sw->patient_km[k] = res.patient_km;
    disp_result_free(&res);
    return 0;
}

static void *sweep_worker(void *arg)
{
    sweep *sw = arg;
    for (;;) {
        pthread_mutex_lock(&sw->lock);
        int k = sw->failed ? sw->nclose : sw->next++;
        pthread_mutex_unlock(&sw->lock);
        if (k >= sw->nclose)
            return NULL;
        if (sweep_one(sw, k) < 0) {
            pthread_mutex_lock(&sw->lock);
            sw->failed = 1;
            pthread_mutex_unlock(&sw->lock);
        }
    }
}

static void sweep_run(sweep *sw, int threads)
{
    pthread_t *t = xcalloc((size_t)threads, sizeof *t);
    pthread_mutex_init(&sw->lock, NULL);
    for (int i = 0; i < threads; i++)
        if (pthread_create(&t[i], NULL, sweep_worker, sw) != 0)
            die("pthread_create", NULL);
    for (int i = 0; i < threads; i++)
        pthread_join(t[i], NULL);
    pthread_mutex_destroy(&sw->lock);
    free(t);
    if (sw->failed)
        exit(1);
}

/* The sweep must agree with the what-if for the same closure: checks a
 * few at random and counts the disagreements. */
static int sweep_verify(const sweep *sw, store *s, const config *cfg, int n)
{
    int bad = 0;
    for (int i = 0; i < n && sw->nclose > 0; i++) {
        int k = rnd_below(sw->nclose);
        char code[1][CONFIG_CODE_MAX];
        snprintf(code[0], sizeof code[0], "%s", sw->w->v[sw->close[k]].p.code);
        whatif_input in = {.close = (const char(*)[CONFIG_CODE_MAX])code, .nclose = 1,
                           .set = whatif_settings_default(cfg)};
        in.set.policy = CONFIG_POLICY_OPTIMAL;
        whatif wf;
        err e = {{0}};
        if (whatif_run(sw->w, s, cfg, &in, &wf, &e) < 0)
            die(code[0], &e);
        bad += wf.res.unplaced != sw->unplaced[k] || wf.res.displaced != sw->displaced[k] ||
               wf.res.patient_km != sw->patient_km[k];
        whatif_free(&wf);
    }
    return bad;
}

static void sweep_top(const sweep *sw, int top)
{
    int *ord = xcalloc((size_t)sw->nclose, sizeof *ord);
    long total = 0;
    for (int k = 0; k < sw->nclose; k++) {
        ord[k] = k;
        total += sw->unplaced[k];
    }
    /* selection of the top few: largest unplaced, ties by code order */
    for (int i = 0; i < top && i < sw->nclose; i++) {
        int best = i;
        for (int j = i + 1; j < sw->nclose; j++)
            if (sw->unplaced[ord[j]] > sw->unplaced[ord[best]])
                best = j;
        int tmp = ord[i];
        ord[i] = ord[best];
        ord[best] = tmp;
        const world_practice *wp = &sw->w->v[sw->close[ord[i]]];
        printf("TOP %2d %-8s %7ld unplaced of %7ld  %s, %s\n", i + 1, wp->p.code,
               sw->unplaced[ord[i]], sw->displaced[ord[i]], wp->p.name, wp->p.addr[3]);
    }
    fig("sweep_unplaced_total", (double)total);
    free(ord);
}

/* The engine's CPU time per closure in the sweep (optimal, without the
 * store reads of a what-if), and the slowest one. */
static void sweep_slowest(const sweep *sw)
{
    int worst = 0;
    for (int k = 1; k < sw->nclose; k++)
        if (sw->cpu[k] > sw->cpu[worst])
            worst = k;
    if (sw->nclose > 0)
        printf("SLOWEST %s %.3f ms, %ld patients, %d areas\n",
               sw->w->v[sw->close[worst]].p.code, sw->cpu[worst], sw->displaced[worst],
               sw->astart[worst + 1] - sw->astart[worst]);
    double *v = xcalloc((size_t)sw->nclose, sizeof *v);
    memcpy(v, sw->cpu, (size_t)sw->nclose * sizeof *v);
    fig_pcts("sweep_closure", v, sw->nclose);
    fig("sweep_closure_max_ms", quantile(v, sw->nclose, 1.0));
    free(v);
}

static void bench_sweep(const world *w, store *s, const config *cfg, int threads)
{
    sweep sw = {.w = w};
    double t0 = now_ms(), p0 = proc_cpu_ms();
    sw.close = open_practices(w, &sw.nclose);
    sweep_load(&sw, s, cfg);
    double t1 = now_ms(), p1 = proc_cpu_ms();
    long w0 = waits();
    sw.unplaced = xcalloc((size_t)sw.nclose, sizeof *sw.unplaced);
    sw.displaced = xcalloc((size_t)sw.nclose, sizeof *sw.displaced);
    sw.patient_km = xcalloc((size_t)sw.nclose, sizeof *sw.patient_km);
    sw.ms = xcalloc((size_t)sw.nclose, sizeof *sw.ms);
    sw.cpu = xcalloc((size_t)sw.nclose, sizeof *sw.cpu);
    sweep_run(&sw, threads);
    double t2 = now_ms(), cpu = 0;
    for (int k = 0; k < sw.nclose; k++)
        cpu += sw.cpu[k];
    fig("sweep_closures", sw.nclose);
    fig("sweep_threads", threads);
    fig("sweep_load_s", (t1 - t0) / 1e3);
    fig("sweep_load_cpu_s", (p1 - p0) / 1e3);
    fig("sweep_waits", (double)(waits() - w0));
    fig("sweep_engine_s", (t2 - t1) / 1e3);
    fig("sweep_s", (t2 - t0) / 1e3);
    /* The engine's CPU time over all closures, and the share of the
     * threads' wall time it fills: near 1 when no thread waits. */
    fig("sweep_engine_cpu_s", cpu / 1e3);
    fig("sweep_busy", cpu / (threads * (t2 - t1)));
    fig("sweep_verify_mismatches", sweep_verify(&sw, s, cfg, 20));
    sweep_slowest(&sw);
    sweep_top(&sw, 10);
    disp_reach_free(sw.reach);
    nearby_free(sw.ix);
    free(sw.p);
    free(sw.close);
    free(sw.astart);
    free(sw.a);
    free(sw.code);
    free(sw.unplaced);
    free(sw.displaced);
    free(sw.patient_km);
    free(sw.ms);
    free(sw.cpu);
}

/* -------------------------------------------------------------- main */

static int parse_int(const char *s, int lo, int hi)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "queries: bad number '%s'\n", s);
        exit(2);
    }
    return (int)v;
}

static opts parse_args(int argc, char **argv)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    opts o = {1, 1000, 200, cpus > 0 ? (int)cpus : 1, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 < argc && strcmp(a, "--seed") == 0)
            o.seed = (uint64_t)parse_int(argv[++i], 0, 1 << 30);
        else if (i + 1 < argc && strcmp(a, "--queries") == 0)
            o.queries = parse_int(argv[++i], 1, 1000000);
        else if (i + 1 < argc && strcmp(a, "--closures") == 0)
            o.closures = parse_int(argv[++i], 1, 1000000);
        else if (i + 1 < argc && strcmp(a, "--nx") == 0)
            o.dump = argv[++i];
        else if (i + 1 < argc && strcmp(a, "--only") == 0)
            o.only = argv[++i];
        else if (i + 1 < argc && strcmp(a, "--threads") == 0)
            o.threads = parse_int(argv[++i], 1, 1024);
        else if (a[0] != '-' && !o.store)
            o.store = a;
        else
            o.store = NULL, i = argc;
    }
    if (!o.store) {
        fprintf(stderr, "usage: queries [--seed N] [--queries N] [--closures N] "
                        "[--threads N] [--nx FILE] [--only PART] STORE\n");
        exit(2);
    }
    return o;
}

/* Whether to run a part; each part draws from the seed afresh, so it
 * picks the same queries run alone or with the others. */
static int part(const opts *o, const char *name)
{
    rng_state = o->seed;
    return !o->only || strcmp(o->only, name) == 0;
}

int main(int argc, char **argv)
{
    opts o = parse_args(argc, argv);
    rng_state = o.seed;
    config cfg;
    config_init(&cfg);
    store *s;
    err e = {{0}};
    store_opts so = {.read_only = true};
    if (store_open(&s, o.store, &so, &e) < 0)
        die(o.store, &e);
    world w;
    double t0 = now_ms();
    if (world_load(&w, s, &cfg, &e) < 0)
        die("world_load", &e);
    fig("world_load_ms", now_ms() - t0);
    fig("practices", w.n);
    int nlive;
    int *live = open_practices(&w, &nlive);
    if (nlive == 0)
        die("no open practice with patients", NULL);
    double build_ms;
    search_index *ix = build_search(&w, &build_ms);
    fig("search_build_ms", build_ms);
    if (part(&o, "lookups")) {
        bench_show(&w, s, live, nlive, o.queries);
        bench_search(&w, ix, live, nlive, o.queries);
        bench_keystrokes(&w, ix, live, nlive, o.queries / 10 > 0 ? o.queries / 10 : 1);
        bench_near(&w, live, nlive, o.queries);
    }
    if (part(&o, "closures"))
        bench_closures(&w, s, &cfg, live, nlive, o.closures);
    if (part(&o, "many"))
        bench_many(&w, s, &cfg, live, nlive, o.dump);
    if (part(&o, "sweep"))
        bench_sweep(&w, s, &cfg, o.threads);
    search_free(ix);
    free(live);
    world_free(&w);
    store_close(s);
    config_free(&cfg);
    return 0;
}
