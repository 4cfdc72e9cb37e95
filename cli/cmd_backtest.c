/* catchment backtest [--from DATE] [--to DATE] [--save] [--format F] */
#include "cli/cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/backtest.h"
#include "util/clock.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment backtest [--from DATE] [--to DATE] [--save] [--format F]\n\n"
    "Checks the model against closures that already happened.  Between the\n"
    "earliest list-size extract on or after --from and the newest on or before\n"
    "--to (DATE: YYYY-MM or YYYY-MM-DD), it finds the practices that closed,\n"
    "sets apart transfers (named in an imported ODS successor file, succ.csv, or\n"
    "else a practice within max_distance_km that grew beyond the trend by at\n"
    "least half the closed list: a likely transfer, not scored), models the\n"
    "dispersals together as at the earlier extract with every policy, and\n"
    "compares each practice's modelled gain with its change beyond the trend\n"
    "(the growth of all practices in both extracts): the share of the observed\n"
    "excess growth at modelled receivers, a rank correlation, and the mean\n"
    "absolute error over the ten biggest observed receivers.  It fits the\n"
    "demand model's distance decay beta (0.5 to 4 by 0.25, least absolute\n"
    "error).\n\n"
    "  --save       keep the result in the store: rules.choice_beta: fitted uses\n"
    "               its beta, and the board report quotes it\n"
    "  --format F   table | json | md\n";

/* YYYY-MM means its first day; else any published date form. */
static int parse_date(const char *arg, long *out)
{
    char buf[16];
    if (strlen(arg) == 7 && arg[4] == '-') {
        snprintf(buf, sizeof buf, "%s-01", arg);
        arg = buf;
    }
    *out = text_date(arg);
    return *out > 0 ? 0 : -1;
}

static const char *num(double v, const char *fmt, char *buf, size_t n)
{
    snprintf(buf, n, isnan(v) ? "-" : fmt, v);
    return buf;
}

static void closures_table(const world *w, const backtest *bt, table *t)
{
    table_init(t, "Code,Name,>List then,Closed,What,Taken over by,>Growth beyond trend");
    for (int k = 0; k < bt->nclosures; k++) {
        const bt_closure *c = &bt->closures[k];
        char closed[16], x[24] = "-";
        text_date_iso(w->v[c->practice].p.close_date, closed, sizeof closed);
        if (c->kind == BT_LIKELY_TRANSFER)
            snprintf(x, sizeof x, "%+ld", c->to_excess);
        table_addf(t, "%s\t%s\t%ld\t%s\t%s\t%s\t%s", w->v[c->practice].p.code,
                   w->v[c->practice].p.name, c->list_from, *closed ? closed : "-",
                   backtest_kind_name(c->kind), *c->to_code ? c->to_code : "-", x);
    }
}

static void policies_table(const backtest *bt, table *t)
{
    table_init(t, "Policy,>Placed,>Unplaced,>Share of excess growth at modelled receivers,"
                  ">Rank correlation,>Mean abs. error (10 biggest)");
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++) {
        const bt_policy *o = &bt->pol[p];
        char a[24], b[24], c[24];
        table_addf(t, "%s\t%ld\t%ld\t%s\t%s\t%s", config_policy_name((config_policy)p),
                   o->placed, o->unplaced, num(100 * o->share, "%.0f%%", a, sizeof a),
                   num(o->rho, "%.2f", b, sizeof b), num(o->mae, "%.0f", c, sizeof c));
    }
}

static void print_text(const world *w, const backtest *bt, out_format f)
{
    char a[16], b[16], beta[16];
    table t;
    text_date_iso(bt->from, a, sizeof a);
    text_date_iso(bt->to, b, sizeof b);
    printf(f == FMT_MD ? "# Back-test: %s to %s\n\n" : "Back-test: list-size extracts %s and %s\n",
           a, b);
    printf("Trend: the %ld practices in both extracts grew %+.1f%% in total; a practice's "
           "growth beyond trend is its change less that share of its earlier list.\n",
           bt->nboth, 100 * (bt->trend - 1));
    printf("Closed between them: %d (%d dispersal%s, %d transfer%s%s)\n\n", bt->nclosures,
           bt->ndispersals, bt->ndispersals == 1 ? "" : "s", bt->ntransfers,
           bt->ntransfers == 1 ? "" : "s",
           bt->have_succ ? "" : "; no ODS successor file in the store, so transfers are "
                                "inferred from a neighbour's growth");
    closures_table(w, bt, &t);
    table_print(&t, stdout, f);
    table_free(&t);
    if (bt->ndispersals == 0 || bt->ncand == 0) {
        puts("\nNo dispersal to check: every closure in the span was a transfer.");
        return;
    }
    printf("\nThe %d dispersal%s (%ld patients) modelled together as at %s, where "
           "patients lived as the store says for then (else at the practice); scored "
           "over the %d practices within %.1f km, whose growth beyond trend adds up to "
           "%+ld.\n\n", bt->ndispersals, bt->ndispersals == 1 ? "" : "s", bt->displaced, a,
           bt->ncand, bt->max_km, bt->observed);
    policies_table(bt, &t);
    table_print(&t, stdout, f);
    table_free(&t);
    printf("\nFitted beta (demand model, 0.5 to 4 by 0.25, least absolute error over the "
           "scored practices): %s\n", num(bt->beta, "%.2f", beta, sizeof beta));
    puts("Capacity then is the default headroom (today's capacity facts are not known for "
         "then); growth beyond trend also holds moves and births unrelated to the closure.");
}

static void print_json(const world *w, const backtest *bt)
{
    json j;
    char d[16];
    json_init(&j, stdout);
    json_obj(&j);
    text_date_iso(bt->from, d, sizeof d);
    json_key(&j, "from"); json_str(&j, d);
    text_date_iso(bt->to, d, sizeof d);
    json_key(&j, "to"); json_str(&j, d);
    json_key(&j, "practices_in_both"); json_int(&j, bt->nboth);
    json_key(&j, "trend_pct"); json_num(&j, 100 * (bt->trend - 1), 2);
    json_key(&j, "successor_file"); json_bool(&j, bt->have_succ);
    json_key(&j, "closures");
    json_arr(&j);
    for (int k = 0; k < bt->nclosures; k++) {
        const bt_closure *c = &bt->closures[k];
        json_obj(&j);
        json_key(&j, "code"); json_str(&j, w->v[c->practice].p.code);
        json_key(&j, "list_then"); json_int(&j, c->list_from);
        json_key(&j, "kind"); json_str(&j, backtest_kind_name(c->kind));
        json_key(&j, "taken_over_by"); json_str(&j, *c->to_code ? c->to_code : NULL);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "dispersals"); json_int(&j, bt->ndispersals);
    json_key(&j, "transfers"); json_int(&j, bt->ntransfers);
    json_key(&j, "scored_practices"); json_int(&j, bt->ncand);
    json_key(&j, "observed_excess"); json_int(&j, bt->observed);
    json_key(&j, "policies");
    json_arr(&j);
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++) {
        json_obj(&j);
        json_key(&j, "policy"); json_str(&j, config_policy_name((config_policy)p));
        json_key(&j, "share"); json_num(&j, bt->pol[p].share, 3);
        json_key(&j, "rank_correlation"); json_num(&j, bt->pol[p].rho, 3);
        json_key(&j, "mae_top10"); json_num(&j, bt->pol[p].mae, 1);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_key(&j, "fitted_beta"); json_num(&j, bt->beta, 2);
    json_obj_end(&j);
    json_done(&j);
}

typedef struct bt_args {
    long from, to;
    bool save;
    out_format f;
} bt_args;

static int parse(bt_args *a, int argc, char **argv)
{
    static const struct option opts[] = {
        {"from", required_argument, NULL, 'F'}, {"to", required_argument, NULL, 'T'},
        {"save", no_argument, NULL, 's'},       {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0}};
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
        if ((o == 'F' && parse_date(optarg, &a->from)) || (o == 'T' && parse_date(optarg, &a->to)))
            return cli_usage("backtest", "'%s' is not a date (YYYY-MM or YYYY-MM-DD)", optarg);
        if (o == 's')
            a->save = true;
        else if (o == 'f' && cli_format("backtest", optarg, true, &a->f))
            return EXIT_USAGE;
        else if (o == '?')
            return cli_usage("backtest", "unknown option '%s'", argv[optind - 1]);
    }
    if (optind < argc)
        return cli_usage("backtest", "unexpected argument '%s'", argv[optind]);
    if (a->f == FMT_CSV)
        return cli_usage("backtest", "--format is table, json or md");
    return 0;
}

static int run(session *c, int argc, char **argv)
{
    bt_args a = {0, 0, false, FMT_TABLE};
    config cfg;
    world w;
    backtest bt;
    err e;
    int rc = parse(&a, argc, argv);
    if (rc)
        return rc;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    store *s = cli_store(c, a.save);
    if (!s || world_load(&w, s, &cfg, &e) < 0) {
        config_free(&cfg);
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    }
    rc = backtest_run(&w, s, &cfg, a.from, a.to, &bt, &e) < 0 ? cli_fail("%s", e.msg) : 0;
    if (rc == 0 && a.save && backtest_save(s, &bt, clock_now(), &e) < 0)
        rc = cli_fail("%s", e.msg);
    if (rc == 0) {
        if (a.f == FMT_JSON)
            print_json(&w, &bt);
        else
            print_text(&w, &bt, a.f);
        backtest_free(&bt);
    }
    world_free(&w);
    config_free(&cfg);
    return rc;
}

const cli_command cmd_backtest = {"backtest", "check the model against past closures", help,
                                  run, NULL};
