/* catchment scenario list | run NAME | run --close CODE[,CODE]... |
 * save NAME --close CODE[,CODE]... */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "cli/scenario_out.h"
#include "cli/survey_travel_out.h"
#include "core/plan.h"
#include "core/whatif_svg.h"
#include "util/outfile.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment scenario list [--format table|csv|json]\n"
    "       catchment scenario run NAME [options]\n"
    "       catchment scenario run --close CODE[,CODE...] [options]\n"
    "       catchment scenario save NAME --close CODE[,CODE...] [--replace] [options]\n"
    "       catchment scenario branch CODE [--format table|json|md]\n\n"
    "Closure what-ifs.  `list` shows the scenarios of the config.  `run` disperses\n"
    "the closing practices' patients to the practices around them and reports who\n"
    "goes where, who goes over capacity (and patients per GP FTE before and after),\n"
    "how far people travel and which groups are hit hardest: by IMD quintile, and\n"
    "the equality impact pack (EHIA headings: age, disability, race, Core20,\n"
    "households without a car, rurality) against the ICB's registered population\n"
    "when the Census 2021 tables are imported.  `save` keeps a scenario in your\n"
    "own scenarios file ($XDG_CONFIG_HOME/catchment/scenarios.yaml), never in the\n"
    "config file: it takes a lock, re-reads the file and adds to it, so sessions\n"
    "saving at once lose nothing.  A scenario naming a practice the store lacks\n"
    "fails when run; other commands warn once.  `branch` closes one branch surgery\n"
    "(ODS ebranchs): its practice's patients stay registered and use the nearest\n"
    "site left; it reports travel before and after (straight-line km).\n\n"
    "  --close CODES     practices to close (comma separated, up to 1000): an ad hoc\n"
    "                    scenario\n"
    "  --policy P        nearest | choice | optimal | demand (no capacity limits:\n"
    "                    who would be over capacity; default: the scenario's, else\n"
    "                    rules.default_policy)\n"
    "  --growth PCT      list growth applied to every practice first\n"
    "  --capacity CODE=N a capacity override (repeatable)\n"
    "  --self-register PCT  the share of each area's patients who choose a practice\n"
    "                    themselves first (as the scenario's self_register_pct)\n"
    "  --per-day N       registrations a working day at every receiver (as the\n"
    "                    scenario's allocation_per_day): gives the weeks needed\n"
    "  --allocation FILE also write the allocation list (area, closing practice,\n"
    "                    receiving practice, patients) as CSV to FILE\n"
    "  --flows           table and CSV: every flow (area, area kind: LSOA, LSOA\n"
    "                    (MODELLED) or practice postcode, from, to, patients, km;\n"
    "                    CSV: and the as-at date) instead of the receiving practices\n"
    "  --survey-travel   instead of the report: how many displaced patients would\n"
    "                    travel further than what half and three-quarters of the\n"
    "                    closing practices' survey respondents called reasonable,\n"
    "                    per group (catchment engagement)\n"
    "  --speed KMH       with --survey-travel: the speed that turns minutes into\n"
    "                    straight-line km and back (default 15)\n"
    "  --format F        table | csv | json | md (a board paper; for Word:\n"
    "                    ... --format md | pandoc -o paper.docx); csv rows also\n"
    "                    say the as-at date and where patients live (MODELLED)\n"
    "  --map FILE.svg    also write the what-if as a map (areas, where their\n"
    "                    patients go, practices, legend, scale, and any imported\n"
    "                    boundaries); md links it\n"
    "                    (both files: renamed into place, 0640 at most; a link\n"
    "                    at the name is replaced; /dev/stdout, /dev/fd/N and\n"
    "                    /dev/null are written as they are)\n"
    "  --description TEXT  save: what the scenario is about\n"
    "  --replace         save: replace a different scenario of the same name\n"
    "                    (without it, saving over one is refused)\n\n"
    "Every figure is as at one date: catchment --as-at DATE scenario run ..., else\n"
    "the scenario's as_at, else the newest list-size extract in the store.  A\n"
    "practice not open on that date cannot be closed (the message says when it\n"
    "closed and which date to run as at instead).  A capacity resting on made-up\n"
    "figures (a capacity file whose notes say ILLUSTRATIVE, as the demo's do) is\n"
    "labelled ILLUSTRATIVE in every format.\n";

enum { MAX_CLOSE = CONFIG_MAX_CLOSE, MAX_OVERRIDES = 64 };

typedef struct run_args {
    char close[MAX_CLOSE][CONFIG_CODE_MAX];
    int nclose;
    config_capacity caps[MAX_OVERRIDES];
    int ncaps;
    const char *policy, *name, *map, *description, *allocation;
    bool flows, growth_set, survey_travel, replace, self_set;
    double growth, speed_kmh, self_pct;
    long per_day;
    out_format f;
} run_args;

static int split_codes(run_args *ra, const char *list)
{
    char buf[1024];
    text_copy(buf, sizeof buf, list);
    for (char *t = strtok(buf, ", "); t; t = strtok(NULL, ", ")) {
        if (ra->nclose == MAX_CLOSE)
            return cli_usage("scenario", "at most %d practices in --close", MAX_CLOSE);
        text_copy(ra->close[ra->nclose], CONFIG_CODE_MAX, t);
        text_upper(ra->close[ra->nclose++]);
    }
    return 0;
}

static int add_capacity(run_args *ra, const char *arg)
{
    const char *eq = strchr(arg, '=');
    long n;
    if (!eq || eq == arg || (size_t)(eq - arg) >= CONFIG_CODE_MAX || text_long(eq + 1, &n) ||
        n < 0 || n > 1000000 || ra->ncaps == MAX_OVERRIDES)
        return cli_usage("scenario", "--capacity wants CODE=PATIENTS (0..1000000), not '%s'", arg);
    config_capacity *c = &ra->caps[ra->ncaps++];
    memcpy(c->code, arg, (size_t)(eq - arg));
    c->code[eq - arg] = '\0';
    text_upper(c->code);
    c->patients = n;
    return 0;
}

static int parse_run(run_args *ra, int argc, char **argv)
{
    static const struct option opts[] = {
        {"close", required_argument, NULL, 'c'},  {"policy", required_argument, NULL, 'p'},
        {"growth", required_argument, NULL, 'g'}, {"capacity", required_argument, NULL, 'C'},
        {"flows", no_argument, NULL, 'F'},        {"format", required_argument, NULL, 'f'},
        {"survey-travel", no_argument, NULL, 'T'}, {"speed", required_argument, NULL, 'k'},
        {"self-register", required_argument, NULL, 'S'},
        {"per-day", required_argument, NULL, 'D'},
        {"allocation", required_argument, NULL, 'A'},
        {"map", required_argument, NULL, 'm'},
        {"replace", no_argument, NULL, 'r'},      {"description", required_argument, NULL, 'd'},
        {NULL, 0, NULL, 0}};
    int o;
    ra->speed_kmh = SURVEY_TRAVEL_KMH;
    while ((o = getopt_long(argc, argv, "c:p:g:C:Ff:Tk:S:D:A:m:rd:", opts, NULL)) != -1) {
        int rc = 0;
        if (o == 'c')
            rc = split_codes(ra, optarg);
        else if (o == 'p')
            ra->policy = optarg;
        else if (o == 'g') {
            ra->growth_set = true;
            if (text_double(optarg, &ra->growth) || ra->growth < -50 || ra->growth > 100)
                rc = cli_usage("scenario", "--growth wants a percentage, -50..100");
        } else if (o == 'C')
            rc = add_capacity(ra, optarg);
        else if (o == 'F')
            ra->flows = true;
        else if (o == 'T')
            ra->survey_travel = true;
        else if (o == 'k') {
            if (text_double(optarg, &ra->speed_kmh) || ra->speed_kmh < 1 || ra->speed_kmh > 120)
                rc = cli_usage("scenario", "--speed wants km/h, 1..120");
        }
        else if (o == 'f')
            rc = cli_format("scenario", optarg, true, &ra->f);
        else if (o == 'S') {
            ra->self_set = true;
            if (text_double(optarg, &ra->self_pct) || ra->self_pct < 0 || ra->self_pct > 100)
                rc = cli_usage("scenario", "--self-register wants a percentage, 0..100");
        } else if (o == 'D') {
            if (text_long(optarg, &ra->per_day) || ra->per_day < 1 || ra->per_day > 100000)
                rc = cli_usage("scenario", "--per-day wants registrations a day, 1..100000");
        } else if (o == 'A')
            ra->allocation = optarg;
        else if (o == 'm')
            ra->map = optarg;
        else if (o == 'r')
            ra->replace = true;
        else if (o == 'd')
            ra->description = optarg;
        else
            rc = cli_usage("scenario", "unknown option '%s'", argv[optind - 1]);
        if (rc)
            return rc;
    }
    ra->name = optind < argc ? argv[optind++] : NULL;
    if (optind < argc)
        return cli_usage("scenario", "unexpected argument '%s'", argv[optind]);
    return 0;
}

/* The plan to run: the named scenario's, or an ad hoc one, then the
 * options on top (they win).  A named scenario varied by options keeps
 * its name in the report. */
static int make_plan(const config *cfg, const run_args *ra, long as_at, plan *pl)
{
    plan_init(pl, cfg);
    const config_scenario *sc = ra->name ? config_scenario_find(cfg, ra->name) : NULL;
    if (ra->name && !sc)
        return cli_fail("no scenario '%s' in %s (see catchment scenario list)", ra->name,
                        *cfg->path ? cfg->path : "the built-in config");
    if (sc && *sc->missing)
        return cli_fail("%s", sc->missing);
    int rc = sc ? plan_from_scenario(pl, cfg, sc) : 0;
    for (int i = 0; rc >= 0 && i < ra->nclose; i++)
        if ((rc = plan_close(pl, ra->close[i])) == 0)
            return cli_fail("practice %s is named twice", ra->close[i]);
    for (int i = 0; rc >= 0 && i < ra->ncaps; i++)
        rc = plan_set_capacity(pl, ra->caps[i].code, ra->caps[i].patients);
    if (rc < 0)
        return cli_fail("out of memory");
    if (ra->policy) {
        int p = config_policy_parse(ra->policy);
        char names[64];
        config_policy_names(", ", names, sizeof names);
        if (p < 0)
            return cli_usage("scenario", "unknown policy '%s' (%s)", ra->policy, names);
        plan_set_policy(pl, (config_policy)p);
    }
    if (ra->growth_set)
        plan_set_growth_pct(pl, ra->growth);
    if (as_at > 0) /* --as-at wins over the scenario's as_at */
        plan_set_as_at(pl, as_at);
    if (ra->self_set)
        plan_set_self_register_pct(pl, ra->self_pct);
    if (ra->per_day)
        plan_set_allocation_per_day(pl, ra->per_day);
    if (sc)
        plan_name(pl, sc->name);
    return 0;
}

/* The allocation list PCSE works from, written as the map is. */
static int write_allocation(const world *w, const whatif *wf, const char *path)
{
    outfile o;
    err e;
    if (outfile_open(&o, path, &e))
        return cli_fail("%s", e.msg);
    scenario_print_allocation(w, wf, o.fp);
    return outfile_commit(&o, &e) ? cli_fail("%s", e.msg) : 0;
}

/* The map first: a report that links it is printed only once it exists. */
static int write_map(const world *w, const whatif *wf, store *s, const char *path)
{
    outfile o;
    boundary_set b;
    err e;
    if (boundaries_load(s, &b, &e))
        return cli_fail("%s", e.msg);
    int rc = outfile_open(&o, path, &e);
    if (rc == 0 && whatif_svg(o.fp, w, wf, &b, &e)) {
        outfile_abort(&o);
        rc = -1;
    }
    boundaries_free(&b);
    return rc || outfile_commit(&o, &e) ? cli_fail("%s", e.msg) : 0;
}

static void print_result(const world *w, const whatif *wf, const run_args *ra, store *s,
                         const config *cfg)
{
    const config_scenario *sc = ra->name ? config_scenario_find(cfg, ra->name) : NULL;
    paper_meta m = {.description = sc ? sc->description : NULL, .config_path = cfg->path, .map = ra->map};
    if (ra->f == FMT_JSON)
        scenario_print_json(w, wf);
    else if (ra->f == FMT_CSV)
        scenario_print_csv(w, wf, ra->flows);
    else if (ra->f == FMT_MD)
        scenario_print_md(w, wf, s, &m);
    else
        scenario_print_table(w, wf, ra->flows);
}

/* A --capacity for a practice that is not there would be ignored: refuse it. */
static int check_overrides(const world *w, const run_args *ra)
{
    for (int k = 0; k < ra->ncaps; k++) {
        const config_capacity *c = &ra->caps[k];
        if (world_find(w, c->code) < 0)
            return cli_fail("--capacity %s=%ld: no practice '%s' in the store", c->code,
                            c->patients, c->code);
    }
    return 0;
}

static int run_survey_travel(const world *w, store *s, const config *cfg,
                             const whatif_input *in, const run_args *ra)
{
    static survey_travel st;
    err e;
    if (survey_travel_run(w, s, cfg, in, ra->speed_kmh, &st, &e))
        return cli_fail("%s", e.msg);
    survey_travel_print(in, &st, ra->f, stdout);
    return EXIT_OK;
}

static int run_scenario(session *c, int argc, char **argv)
{
    static run_args ra; /* large: keep it off the stack */
    memset(&ra, 0, sizeof ra);
    config cfg;
    world w;
    whatif wf;
    whatif_input in;
    plan pl = {0};
    err e;
    int rc = parse_run(&ra, argc, argv);
    if (rc)
        return rc;
    if (!ra.name == !ra.nclose)
        return cli_usage("scenario", "name a scenario or give --close CODES (not both)");
    if (ra.replace || ra.description)
        return cli_usage("scenario", "--replace and --description are for save");
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    store *s = cli_store(c, false);
    rc = !s ? EXIT_FAIL : make_plan(&cfg, &ra, c->as_at, &pl);
    plan_input(&pl, &in);
    if (rc == 0 && world_load_parts_at(&w, s, &cfg, WORLD_VIEW, pl.set.as_at, &e) == 0) {
        if ((rc = check_overrides(&w, &ra)) != 0) {
            /* said */
        } else if (ra.survey_travel) {
            rc = run_survey_travel(&w, s, &cfg, &in, &ra);
        } else if (whatif_run(&w, s, &cfg, &in, &wf, &e) == 0) {
            rc = ra.map ? write_map(&w, &wf, s, ra.map) : 0;
            if (rc == 0 && ra.allocation)
                rc = write_allocation(&w, &wf, ra.allocation);
            if (rc == 0)
                print_result(&w, &wf, &ra, s, &cfg);
            whatif_free(&wf);
        } else {
            rc = cli_fail("%s", e.msg);
        }
        world_free(&w);
    } else if (rc == 0) {
        rc = cli_fail("%s", e.msg);
    }
    plan_free(&pl);
    config_free(&cfg);
    return rc;
}

/* The scenario the options describe (an ad hoc plan), called name. */
static int options_scenario(const config *cfg, run_args *ra, config_scenario *sc)
{
    plan pl = {0};
    const char *name = ra->name;
    ra->name = NULL;
    int rc = make_plan(cfg, ra, 0, &pl);
    ra->name = name;
    if (rc == 0 && plan_to_scenario(&pl, name, sc))
        rc = cli_fail("out of memory");
    plan_free(&pl);
    if (rc == 0 && ra->description) {
        free(sc->description);
        if (!(sc->description = strdup(ra->description)))
            rc = cli_fail("out of memory");
    }
    return rc;
}

static int save_scenario(session *c, int argc, char **argv)
{
    static run_args ra; /* large: keep it off the stack */
    memset(&ra, 0, sizeof ra);
    config cfg;
    config_scenario sc = {0};
    char path[4096];
    err e;
    int rc = parse_run(&ra, argc, argv);
    if (rc)
        return rc;
    if (!ra.name || !ra.nclose)
        return cli_usage("scenario", "save wants a NAME and --close CODES");
    if (config_scenarios_path(path, sizeof path))
        return cli_fail("no place for saved scenarios: set HOME or XDG_CONFIG_HOME");
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    rc = options_scenario(&cfg, &ra, &sc);
    int saved = rc == 0 ? config_scenario_save(&cfg, &sc, path, ra.replace, &e) : 0;
    if (saved)
        rc = cli_fail("%s%s", e.msg, saved == CONFIG_EXISTS ? " (--replace)" : "");
    if (rc == 0)
        out_printf(stdout, "saved scenario %s (%zu practices) to %s\n", sc.name, sc.nclose, path);
    config_scenario_free(&sc);
    config_free(&cfg);
    return rc;
}

static int list_scenarios(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1)
        if (o != 'f' || cli_format("scenario", optarg, false, &f))
            return o == 'f' ? EXIT_USAGE : cli_usage("scenario", "unknown option '%s'", argv[optind - 1]);
    config cfg;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    table t;
    table_init(&t, "Name,Policy,Close,>Growth %,>Overrides,Description");
    for (size_t i = 0; i < cfg.nscenarios; i++) {
        const config_scenario *sc = &cfg.scenarios[i];
        char codes[512] = "";
        for (size_t k = 0; k < sc->nclose; k++)
            snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%s", k ? " " : "",
                     sc->close[k]);
        table_addf(&t, "%s\t%s\t%s\t%.1f\t%zu\t%s", sc->name,
                   config_policy_name(config_scenario_policy(&cfg, sc)), codes, sc->growth_pct,
                   sc->ncapacity, sc->description ? sc->description : "");
    }
    if (f == FMT_JSON)
        table_print_json(&t, stdout, NULL);
    else
        table_print(&t, stdout, f);
    table_free(&t);
    config_free(&cfg);
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage("scenario", "say list, run or save");
    if (strcmp(argv[1], "list") == 0)
        return list_scenarios(c, argc - 1, argv + 1);
    if (strcmp(argv[1], "run") == 0)
        return run_scenario(c, argc - 1, argv + 1);
    if (strcmp(argv[1], "save") == 0)
        return save_scenario(c, argc - 1, argv + 1);
    if (strcmp(argv[1], "branch") == 0)
        return scenario_branch(c, argc - 1, argv + 1);
    return cli_usage("scenario", "unknown subcommand '%s' (list, run, save, branch)", argv[1]);
}

const cli_command cmd_scenario = {"scenario", "closure what-ifs: list and run scenarios", help,
                                  run, NULL};
