/* catchment contracts [--within 18m]: contracts by end date, with the
 * procurement milestones counted back from each end. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/edit.h"
#include "core/psr_dates.h"
#include "core/world.h"
#include "engine/milestones.h"
#include "util/clock.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment contracts [--within PERIOD] [--all] [--format table|csv|json]\n\n"
    "Each practice's contract as at the date (--as-at; else as it stands today):\n"
    "of its contracts started by then, the one in force, else the newest, marked\n"
    "ended.  By end date, soonest first, with practice, type, provider, list\n"
    "size, start and end, and the milestones counted back from the end date (options appraisal,\n"
    "engagement, procurement, award, mobilisation: months before the end, from\n"
    "contracts.milestones of the config).  The next milestone still open is named\n"
    "with its date and the days to it; Overdue names the milestones whose date has\n"
    "passed and that nobody has marked done or waived, Done those that were\n"
    "(catchment set CODE milestone.award done|waived|open; see catchment set).\n"
    "A practice that has closed shows its close date as the end, and no\n"
    "milestones.  A practice in a procurement record (catchment psr) takes its\n"
    "procurement, award and mobilisation dates from the record, named beside the\n"
    "milestone.  Made-up contracts (notes saying ILLUSTRATIVE, as the demo's) are\n"
    "named on a line above the table (CSV: a last column, Contract, says\n"
    "ILLUSTRATIVE or recorded; JSON: illustrative).\n\n"
    "  --within PERIOD   only contracts ending within PERIOD from today: 18m,\n"
    "                    2y, 90d (default: all with an end date)\n"
    "  --all             include open-ended contracts (no end date)\n\n"
    "Today is the system date, or CATCHMENT_TODAY=YYYY-MM-DD when set.\n";

/* ymd plus n days (timegm normalises the day of the month). */
static long add_days(long ymd, long n)
{
    struct tm tm = {.tm_year = (int)(ymd / 10000 - 1900), .tm_mon = (int)(ymd / 100 % 100 - 1),
                    .tm_mday = (int)(ymd % 100 + n), .tm_hour = 12};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    return (tm.tm_year + 1900L) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* "18m", "2y", "90d" -> the last end date that counts. */
static int parse_within(const char *s, long from, long *until)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (n <= 0 || n > 1200 || end == s || strlen(end) != 1)
        return -1;
    if (*end == 'm')
        *until = milestone_months_before(from, -n);
    else if (*end == 'y')
        *until = milestone_months_before(from, -12 * n);
    else if (*end == 'd')
        *until = add_days(from, n);
    else
        return -1;
    return 0;
}

typedef struct listing {
    contract *v;
    int n, cap;
    long until;
    bool all;
    const world *w;
} listing;

/* The close date of a practice that has closed, else 0. */
static long closed_on(const world *w, const char *code)
{
    int k = world_find(w, code);
    return k >= 0 && !w->v[k].open ? w->v[k].p.close_date : 0;
}

static int collect(const contract *in, void *ctx)
{
    listing *l = ctx;
    contract c0 = *in, *c = &c0;
    long closed = closed_on(l->w, c->practice);
    if (closed) /* its contract ended when it closed */
        c->end = closed;
    if ((!c->end && !l->all) || (l->until && c->end && c->end > l->until))
        return 0;
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 64;
        contract *v = realloc(l->v, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = nc;
    }
    l->v[l->n++] = *c;
    return 0;
}

/* Soonest end first; open-ended last; ties by practice code. */
static int by_end(const void *a, const void *b)
{
    const contract *x = a, *y = b;
    long ex = x->end ? x->end : 99999999, ey = y->end ? y->end : 99999999;
    return ex != ey ? (ex < ey ? -1 : 1) : strcmp(x->practice, y->practice);
}

typedef struct ctx {
    const world *w;
    long months[MILESTONES];
    long today;
    store *s;
    psr_regime *rg;           /* NULL: no regime, milestones counted back only */
} ctx;

/* The milestones counted back from the end, with procurement, award and
 * mobilisation taken from a procurement record of the practice when there
 * is one (its id in proc, else "").  Unknown record dates stay counted. */
static void contract_milestones(const ctx *x, const contract *c, long d[MILESTONES],
                                char proc[CODE_MAX])
{
    psr_proc p;
    psr_dates pd;
    err e;
    memset(d, 0, sizeof(long) * MILESTONES);
    proc[0] = '\0';
    if (!c->end) /* an open-ended contract has no milestones to count back */
        return;
    milestones_for(c->end, x->months, d);
    if (!x->rg || psr_find_practice(x->s, c->practice, proc, &e) <= 0)
        return;
    if (psr_load(x->s, proc, &p, &e) > 0) {
        psr_dates_of(x->rg, &p, &pd);
        d[2] = pd.notice ? pd.notice : d[2];
        d[3] = pd.award ? pd.award : d[3];
        d[4] = pd.mobilisation ? pd.mobilisation : d[4];
        /* the appraisal and engagement come before the notice */
        for (int m = 0; pd.notice && m < 2; m++)
            d[m] = d[m] < pd.notice ? d[m] : pd.notice;
    }
    psr_free(&p);
}

static const char *practice_name(const ctx *x, const char *code, long *list, long *date)
{
    int k = world_find(x->w, code);
    *list = k >= 0 ? x->w->v[k].p.list_size : -1;
    *date = k >= 0 ? x->w->v[k].p.list_date : 0;
    return k >= 0 ? x->w->v[k].p.name : "";
}

/* "ILLUSTRATIVE: the contracts of M86019, Y00060 are made up ..." before
 * the table, naming the first ten. */
static void illustrative_line(const listing *l)
{
    enum { NAMED = 10 };
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        if (!store_contract_illustrative(&l->v[i]))
            continue;
        if (k < NAMED)
            out_printf(stdout, "%s%s", k ? ", " : "ILLUSTRATIVE: the contracts of ",
                       l->v[i].practice);
        k++;
    }
    if (k > NAMED)
        printf(" and %d more", k - NAMED);
    if (k)
        puts(" are made up (their notes say ILLUSTRATIVE), not real contracts");
}

static void print_json(const ctx *x, const listing *l)
{
    json j;
    json_init(&j, stdout);
    json_arr(&j);
    for (int i = 0; i < l->n; i++) {
        const contract *c = &l->v[i];
        char a[16], b[16];
        long list, ld, d[MILESTONES];
        json_obj(&j);
        json_key(&j, "as_at"); json_date(&j, x->w->at.date);
        json_key(&j, "practice"); json_str(&j, c->practice);
        json_key(&j, "name"); json_str(&j, practice_name(x, c->practice, &list, &ld));
        json_key(&j, "type"); json_str(&j, c->type);
        json_key(&j, "provider"); json_str(&j, c->provider);
        json_key(&j, "illustrative"); json_bool(&j, store_contract_illustrative(c));
        json_key(&j, "list_size"); list >= 0 ? json_int(&j, list) : json_null(&j);
        json_key(&j, "list_date"); json_date(&j, ld);
        text_date_iso(c->start, a, sizeof a);
        text_date_iso(c->end, b, sizeof b);
        json_key(&j, "start"); json_str(&j, *a ? a : NULL);
        json_key(&j, "end"); json_str(&j, *b ? b : NULL);
        json_key(&j, "ended"); json_bool(&j, store_contract_ended(c, x->w->at.facts));
        json_key(&j, "extension"); json_str(&j, c->extension);
        bool closed = closed_on(x->w, c->practice) != 0;
        char proc[CODE_MAX];
        contract_milestones(x, c, d, proc);
        json_key(&j, "practice_closed"); json_bool(&j, closed);
        json_key(&j, "procurement"); json_str(&j, *proc ? proc : NULL);
        json_key(&j, "milestones");
        json_arr(&j);
        for (int m = 0; c->end && !closed && m < MILESTONES; m++) {
            text_date_iso(d[m], a, sizeof a);
            json_obj(&j);
            json_key(&j, "name"); json_str(&j, milestone_name(m));
            json_key(&j, "date"); json_str(&j, a);
            json_key(&j, "passed"); json_bool(&j, d[m] < x->today);
            json_key(&j, "state"); json_str(&j, edit_milestone_state(c->milestone[m]));
            json_key(&j, "overdue"); json_bool(&j, milestone_overdue(d[m], c->milestone[m], x->today));
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_done(&j);
}

/* The overdue milestones' names, and those done or waived. */
static void milestone_lists(const ctx *x, const contract *c, const long *d, char *overdue,
                            char *done, size_t n)
{
    *overdue = *done = '\0';
    for (int m = 0; m < MILESTONES; m++) {
        bool late = milestone_overdue(d[m], c->milestone[m], x->today);
        char *to = late ? overdue : c->milestone[m] ? done : NULL;
        if (to)
            snprintf(to + strlen(to), n - strlen(to), "%s%s%s", *to ? ", " : "",
                     milestone_name(m), c->milestone[m] == MILESTONE_WAIVED ? " (waived)" : "");
    }
    if (!*overdue)
        snprintf(overdue, n, "-");
    if (!*done)
        snprintf(done, n, "-");
}

static void print_table(const ctx *x, const listing *l, out_format f)
{
    table t;
    cli_as_at_line(&x->w->at, f);
    if (f == FMT_TABLE && !x->w->at.given) {
        char d[16];
        printf("Contracts as they stand today, %s\n", text_date_or_dash(x->w->at.facts, d, sizeof d));
    }
    if (f == FMT_TABLE)
        illustrative_line(l);
    /* CSV has no line above its rows: a column says which are made up. */
    bool csv = f == FMT_CSV;
    table_init(&t, csv ? "Code,Name,Type,Provider,>List,Start,End,Next milestone,Due,>Days,"
                         "Overdue,Done,Contract"
                       : "Code,Name,Type,Provider,>List,Start,End,Next milestone,Due,>Days,"
                         "Overdue,Done");
    for (int i = 0; i < l->n; i++) {
        const contract *c = &l->v[i];
        long list, d[MILESTONES];
        char start[16], end[16] = "-", due[16] = "", days[16] = "", overdue[160] = "",
             done[160] = "";
        const char *next = "-";
        char proc[CODE_MAX], named[64];
        if (closed_on(x->w, c->practice)) {
            next = "practice closed";
            text_date_iso(c->end, end, sizeof end);
        } else if (store_contract_ended(c, x->w->at.facts)) {
            next = "ended";
            text_date_iso(c->end, end, sizeof end);
        } else if (c->end) {
            contract_milestones(x, c, d, proc);
            int k = milestone_next_open(d, c->milestone, x->today);
            long when = k < MILESTONES ? d[k] : c->end;
            next = k < MILESTONES ? milestone_name(k) : "contract end";
            if (*proc && k >= 2 && k < MILESTONES) {
                snprintf(named, sizeof named, "%s (%s)", next, proc);
                next = named;
            }
            text_date_iso(c->end, end, sizeof end);
            text_date_iso(when, due, sizeof due);
            snprintf(days, sizeof days, "%ld", milestone_days_between(x->today, when));
            milestone_lists(x, c, d, overdue, done, sizeof overdue);
        }
        long ld;
        const char *name = practice_name(x, c->practice, &list, &ld);
        char ls[24] = "-";
        if (list >= 0)
            snprintf(ls, sizeof ls, "%ld", list);
        text_date_or_dash(c->start, start, sizeof start);
        table_add(&t, (const char *const[]){c->practice, name, c->type, c->provider, ls, start,
                                            end, next, due, days, overdue, done,
                                            store_contract_illustrative(c) ? "ILLUSTRATIVE"
                                                                     : "recorded"});
    }
    table_print(&t, stdout, f);
    table_free(&t);
}

static int list_contracts(session *c, const char *within, bool all, out_format f)
{
    config cfg;
    world w;
    err e;
    listing l = {.all = all, .w = &w};
    /* As at a date given with --as-at, milestones count from it. */
    ctx x = {.w = &w, .today = c->as_at > 0 ? c->as_at : clock_today()};
    if (within && parse_within(within, x.today, &l.until))
        return cli_usage("contracts", "--within wants a period like 18m, 2y or 90d");
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    long months[MILESTONES] = {cfg.milestones.options_appraisal, cfg.milestones.engagement,
                               cfg.milestones.procurement, cfg.milestones.award,
                               cfg.milestones.mobilisation};
    memcpy(x.months, months, sizeof months);
    store *s = cli_store(c, false);
    x.s = s;
    int rc = !s ? EXIT_FAIL
             : world_load_at(&w, s, &cfg, c->as_at, &e) ? cli_fail("%s", e.msg) : EXIT_OK;
    config_free(&cfg);
    if (rc)
        return rc;
    const char *rpath = getenv("CATCHMENT_PSR_REGIME");
    x.rg = psr_regime_load(rpath && *rpath ? rpath : NULL, &e);
    if (!x.rg)
        fprintf(stderr, "catchment: %s (procurement records not used)\n", e.msg);
    rc = store_read_begin(s, &e) ? -1 : store_contract_each_at(s, w.at.facts, collect, &l, &e);
    store_read_end(s);
    if (rc == 0) {
        if (l.n > 1) /* none: no array at all, which qsort may not be given */
            qsort(l.v, (size_t)l.n, sizeof *l.v, by_end);
        if (f == FMT_JSON)
            print_json(&x, &l);
        else
            print_table(&x, &l, f);
    }
    free(l.v);
    world_free(&w);
    psr_regime_free(x.rg);
    return rc ? cli_fail("%s", e.msg) : EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"within", required_argument, NULL, 'w'},
                                         {"all", no_argument, NULL, 'a'},
                                         {"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    const char *within = NULL;
    bool all = false;
    int o;
    while ((o = getopt_long(argc, argv, "w:af:", opts, NULL)) != -1) {
        if (o == 'w')
            within = optarg;
        else if (o == 'a')
            all = true;
        else if (o != 'f')
            return cli_usage("contracts", "unknown option '%s'", argv[optind - 1]);
        else if (cli_format("contracts", optarg, false, &f))
            return EXIT_USAGE;
    }
    if (optind < argc)
        return cli_usage("contracts", "unexpected argument '%s'", argv[optind]);
    return list_contracts(c, within, all, f);
}

const cli_command cmd_contracts = {"contracts", "contracts by end date, with milestones", help,
                                   run, NULL};
