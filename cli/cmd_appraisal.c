/* catchment appraisal CODE [...]: the options appraisal of a contract. */
#include "cli/cli.h"

#include <getopt.h>
#include <string.h>

#include "cli/appraisal_out.h"
#include "util/clock.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment appraisal CODE [--format table|csv|json|md]\n"
    "       catchment appraisal CODE score OPTION FACTOR 1-5 RATIONALE\n"
    "       catchment appraisal CODE option OPTION DETAIL [REMARK]\n"
    "       catchment appraisal CODE recommend OPTION RATIONALE\n"
    "       catchment appraisal CODE approve [REMARK]\n\n"
    "The options appraisal of a practice's contract: five options, each scored\n"
    "1 (worst) to 5 (best) on six factors, with the evidence catchment holds for\n"
    "each factor (dated, or \"not held\"), a weighted score (the weights are\n"
    "contracts.appraisal_weights of the config), the recommendation and its\n"
    "approval.  Every entry is kept with who made it and when (catchment history).\n"
    "--format md writes the options-appraisal section of a board paper.\n\n"
    "Options: reprocure, direct-award, merge (DETAIL: the practice to merge with),\n"
    "disperse (DETAIL: a scenario of the config; without one, the practice\n"
    "closing alone), caretaker.\n"
    "Factors: finance, performance, sustainability, size (practice size),\n"
    "provision (other local provision), need (local patient need).\n"
    "Approving the recommendation marks the contract's options appraisal\n"
    "milestone done.\n";

static int show(session *c, const char *code, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    optind = 1;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1)
        if (o != 'f' || cli_format("appraisal", optarg, true, &f))
            return o == 'f' ? EXIT_USAGE : cli_usage("appraisal", "unknown option '%s'", argv[optind - 1]);
    if (optind < argc)
        return cli_usage("appraisal", "unexpected argument '%s'", argv[optind]);
    config cfg;
    world w;
    err e;
    static appraisal ap;
    static appraisal_evidence ev;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    store *s = cli_store(c, false);
    int rc = !s ? -1 : world_load(&w, s, &cfg, &e);
    if (s && rc == 0) {
        int k = world_find(&w, code);
        if (k < 0)
            rc = err_set(&e, "no practice %s in the store", code);
        else if ((rc = store_read_begin(s, &e)) == 0) {
            rc = appraisal_load(s, w.v[k].p.code, &ap, &e);
            store_read_end(s);
        }
        if (rc == 0)
            rc = appraisal_evidence_gather(&w, s, &cfg, &ap, &ev, &e);
        if (rc == 0) {
            appraisal_view av = {&w.v[k], &ap, &ev,
                                 {cfg.appraisal_weights.finance, cfg.appraisal_weights.performance,
                                  cfg.appraisal_weights.sustainability, cfg.appraisal_weights.size,
                                  cfg.appraisal_weights.provision, cfg.appraisal_weights.need},
                                 cfg.path};
            appraisal_print(&av, f, stdout);
        }
        world_free(&w);
    }
    if (s && rc)
        cli_fail("%s", e.msg);
    config_free(&cfg);
    return rc || !s ? EXIT_FAIL : EXIT_OK;
}

static int option_of(const char *name)
{
    int o = appraisal_option_find(name);
    if (o < 0)
        cli_usage("appraisal", "unknown option '%s' (reprocure, direct-award, merge, disperse, "
                  "caretaker)", name);
    return o;
}

/* The detail an option needs checked: a practice to merge with, a scenario. */
static int check_detail(session *c, store *s, int o, const char *v, err *e)
{
    if (o == 2) {
        static practice p;
        int rc = store_read_begin(s, e) ? -1 : store_practice_get(s, v, &p, e);
        store_read_end(s);
        return rc > 0 ? 0 : rc < 0 ? -1 : err_set(e, "merge: no practice %s in the store", v);
    }
    if (o == 3) {
        config cfg;
        if (cli_config(c, &cfg))
            return err_set(e, "the config could not be read");
        int found = config_scenario_find(&cfg, v) != NULL;
        config_free(&cfg);
        return found ? 0 : err_set(e, "disperse: no scenario '%s' in the config "
                                      "(catchment scenario list)", v);
    }
    return 0;
}

static int score(store *s, const char *code, int argc, char **argv, err *e)
{
    long n;
    if (argc != 5)
        return cli_usage("appraisal", "score OPTION FACTOR 1-5 RATIONALE");
    int o = option_of(argv[1]), f = appraisal_factor_find(argv[2]);
    if (o < 0)
        return EXIT_USAGE;
    if (f < 0)
        return cli_usage("appraisal", "unknown factor '%s' (finance, performance, "
                         "sustainability, size, provision, need)", argv[2]);
    if (text_long(argv[3], &n) || n < 1 || n > APPRAISAL_SCORE_MAX)
        return cli_usage("appraisal", "a score is 1 (worst) to 5 (best), not '%s'", argv[3]);
    if (appraisal_set_score(s, code, o, f, (int)n, argv[4], clock_now(), e))
        return -1;
    printf("%s appraisal: %s scored %ld (%s) on %s (recorded in the history)\n", code, argv[1], n,
           appraisal_rag((int)n), appraisal_factor_title(f));
    return EXIT_OK;
}

static int edit(session *c, store *s, const char *code, int argc, char **argv, err *e)
{
    const char *what = argv[0];
    bool milestone = false;
    int o = -1;
    if (strcmp(what, "score") == 0)
        return score(s, code, argc, argv, e);
    if (strcmp(what, "option") == 0 || strcmp(what, "recommend") == 0) {
        if (argc < 3 || argc > 4 || (what[0] == 'r' && argc != 3))
            return cli_usage("appraisal", "%s", what[0] == 'o' ? "option OPTION DETAIL [REMARK]"
                                                              : "recommend OPTION RATIONALE");
        if ((o = option_of(argv[1])) < 0)
            return EXIT_USAGE;
    } else if (strcmp(what, "approve") != 0 || argc > 2) {
        return cli_usage("appraisal", "say score, option, recommend or approve");
    }
    int rc = what[0] == 'o'
                 ? (check_detail(c, s, o, argv[2], e) ||
                    appraisal_set_detail(s, code, o, argv[2], argc == 4 ? argv[3] : "", clock_now(), e))
             : what[0] == 'r' ? appraisal_recommend(s, code, o, argv[2], clock_now(), e)
                              : appraisal_approve(s, code, argc == 2 ? argv[1] : "", clock_now(),
                                                  &milestone, e);
    if (rc)
        return -1;
    printf("%s appraisal: %s recorded (in the history)%s\n", code, what,
           milestone ? "; milestone.options_appraisal: open -> done" : "");
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return argc >= 2 && strcmp(argv[1], "--help") != 0
                   ? cli_usage("appraisal", "name the practice first: appraisal CODE ...")
                   : cli_usage("appraisal", "name a practice CODE");
    char code[CODE_MAX];
    text_copy(code, sizeof code, argv[1]);
    text_upper(code);
    if (argc == 2 || argv[2][0] == '-')
        return show(c, code, argc - 1, argv + 1);
    store *s = cli_store(c, true);
    if (!s)
        return EXIT_FAIL;
    err e;
    int rc = edit(c, s, code, argc - 2, argv + 2, &e);
    return rc < 0 ? cli_fail("%s", e.msg) : rc;
}

const cli_command cmd_appraisal = {"appraisal", "the options appraisal of a contract", help, run,
                                   NULL};
