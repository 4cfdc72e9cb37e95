/* catchment psr: a contract decision under the Provider Selection Regime,
 * from the route to the published record. */
#include "cli/psr_cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/psr_blind.h"
#include "util/clock.h"
#include "util/text.h"

static const char psr_help[] =
    "usage: catchment psr [--regime FILE] SUBCOMMAND ...\n\n"
    "Keeps the record of a contract decision under the Health Care Services\n"
    "(Provider Selection Regime) Regulations 2023: the route and why, the\n"
    "decision-makers, the key criteria, the bid evaluation with blind scoring,\n"
    "conflicts of interest, the notice, representations, the award and the\n"
    "decision record.  It supports the record-keeping; it is not legal advice.\n\n"
    "The regime (routes, key criteria, standstill, bank holidays) is data:\n"
    "built in from data/psr-regime.yaml, or --regime FILE (or the\n"
    "CATCHMENT_PSR_REGIME environment variable) for an edited copy.\n\n"
    "  standstill DATE          the standstill after a notice published on DATE\n"
    "  regime [--yaml]          the routes, criteria and bank holidays in force\n"
    "  new ID TITLE             a new procurement (ID: letters, digits, '-', '.')\n"
    "  set ID FIELD VALUE       a field of the procurement (below)\n"
    "  add ID KIND KEY... FIELDS...   a row of the record (kinds below)\n"
    "  score ID QUESTION BIDDER SCORE [COMMENT]   your draft score (private)\n"
    "  submit ID                your scores into the record: final, audited\n"
    "  scores ID                the scores you may see (yours until you submit)\n"
    "  results ID               moderated scores, weighted totals and ranking\n"
    "  notice ID                the notice of intention to award, as text\n"
    "  record ID [--format md|json]   the decision record\n"
    "  milestones ID            procurement, standstill, award, mobilisation\n"
    "  annual YEAR              the annual summary: decisions by route\n\n"
    "Fields (set): title, authority, practices (codes, comma separated),\n"
    "services, cpv, value (pounds), term, route (A, B, C, MSP, COMP),\n"
    "route_why, appraisal (the options appraisal's id), basic_selection,\n"
    "provider (the chosen bidder), reasons, notice, award, commencement and\n"
    "abandoned (dates, YYYY-MM-DD).\n\n"
    "Kinds (add):\n";

static void psr_more_help(FILE *fp)
{
    for (const psr_kind *k = psr_kinds(); k->kind; k++)
        fprintf(fp, "  %-15s %s %s\n  %15s %s\n", k->kind, k->key, k->fields, "", k->help);
    fputs("\nRoles: commissioner, clinical, finance, patient-reference-group.  An\n"
          "evaluator scores the questions of their role for every bidder they are\n"
          "not excluded from by a conflict.  Drafts live in your own private file\n"
          "($XDG_DATA_HOME/catchment-drafts, else ~/.local/share/catchment-drafts);\n"
          "nobody sees others' scores until they submit their own.\n",
          fp);
}

int psr_cli_load(psr_ctx *x, const char *id, psr_proc *p)
{
    err e;
    store *s = cli_store(x->c, false);
    if (!s)
        return -1;
    int rc = psr_load(s, id, p, &e);
    if (rc <= 0) {
        psr_free(p);
        if (rc < 0)
            cli_fail("%s", e.msg);
        else
            cli_fail("no procurement '%s' (catchment psr new makes one)", id);
        return -1;
    }
    psr_hide_unseen(p, psr_login());
    return 0;
}

static int cmd_new(psr_ctx *x, int argc, char **argv)
{
    err e;
    if (argc != 3)
        return cli_usage("psr", "new needs ID and TITLE");
    store *s = cli_store(x->c, true);
    if (!s)
        return EXIT_FAIL;
    return psr_create(s, argv[1], argv[2], clock_now(), &e) ? cli_fail("%s", e.msg) : EXIT_OK;
}

static int cmd_edit(psr_ctx *x, const char *kind, int argc, char **argv)
{
    err e;
    store *s = cli_store(x->c, true);
    if (!s)
        return EXIT_FAIL;
    if (psr_edit(s, x->rg, argv[0], kind, argc - 1, argv + 1, clock_now(), &e) < 0)
        return cli_fail("psr %s %s: %s", strcmp(kind, "field") ? "add" : "set", argv[0], e.msg);
    return EXIT_OK;
}

static int cmd_score(psr_ctx *x, int argc, char **argv)
{
    static psr_draft d;
    psr_proc p;
    long v;
    err e;
    if (argc < 5 || argc > 6)
        return cli_usage("psr", "score needs ID QUESTION BIDDER SCORE [COMMENT]");
    if (text_long(argv[4], &v) < 0)
        return cli_usage("psr", "score: '%s' is not a whole number", argv[4]);
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    int rc = psr_draft_load(p.id, &d, &e);
    if (rc == 0)
        rc = psr_draft_set(&p, &d, argv[2], argv[3], v, argc == 6 ? argv[5] : "", &e);
    psr_free(&p);
    return rc < 0 ? cli_fail("psr score: %s", e.msg) : EXIT_OK;
}

static int cmd_submit(psr_ctx *x, int argc, char **argv)
{
    static psr_draft d;
    psr_proc p;
    err e;
    if (argc != 2)
        return cli_usage("psr", "submit needs ID");
    store *s = cli_store(x->c, true);
    if (!s || psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    int rc = psr_draft_load(p.id, &d, &e);
    if (rc == 0)
        rc = psr_submit(s, &p, &d, clock_now(), &e);
    psr_free(&p);
    if (rc < 0)
        return cli_fail("psr submit: %s", e.msg);
    printf("%s: your scores for %s are submitted (final).\n", psr_login(), argv[1]);
    return EXIT_OK;
}

static int print_score(const psr_item *it, void *ctx)
{
    table *t = ctx;
    char who[64] = "", q[64] = "", bid[64] = "";
    sscanf(it->key, "%63[^/]/%63[^/]/%63s", who, q, bid);
    table_add(t, (const char *const[]){who, q, bid, it->f[0], "submitted", it->f[1]});
    return 0;
}

static int cmd_scores(psr_ctx *x, int argc, char **argv)
{
    static psr_draft d;
    psr_proc p;
    err e;
    table t;
    if (argc != 2)
        return cli_usage("psr", "scores needs ID");
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    const char *me = psr_login();
    table_init(&t, "Evaluator,Question,Bidder,>Score,State,Comment");
    psr_each(&p, "score", print_score, &t);
    int dr = psr_draft_load(p.id, &d, &e);
    if (dr < 0)
        fprintf(stderr, "catchment: your drafts: %s\n", e.msg);
    if (dr == 0)
        for (int i = 0; i < d.n; i++) {
            char sc[16];
            snprintf(sc, sizeof sc, "%ld", d.s[i].score);
            table_add(&t, (const char *const[]){me, d.s[i].q, d.s[i].bid, sc, "draft",
                                                d.s[i].comment});
        }
    table_print(&t, stdout, FMT_TABLE);
    if (!psr_may_see_all(&p, me))
        printf("Others' scores are not shown until you have submitted yours%s.\n",
               psr_get(&p, "evaluator", me ? me : "") ? "" : " (you are not an evaluator: "
               "until every evaluator has submitted)");
    table_free(&t);
    psr_free(&p);
    return EXIT_OK;
}

typedef struct psr_sub {
    const char *name;
    int (*run)(psr_ctx *x, int argc, char **argv);
} psr_sub;

static int psr_run(session *c, int argc, char **argv)
{
    static const psr_sub subs[] = {
        {"standstill", psr_cmd_standstill}, {"regime", psr_cmd_regime},
        {"new", cmd_new},                   {"score", cmd_score},
        {"submit", cmd_submit},             {"scores", cmd_scores},
        {"results", psr_cmd_results},       {"notice", psr_cmd_notice},
        {"record", psr_cmd_record},         {"milestones", psr_cmd_milestones},
        {"annual", psr_cmd_annual},         {NULL, NULL}};
    err e;
    const char *path = getenv("CATCHMENT_PSR_REGIME");
    int at = 1;
    if (argc > 2 && strcmp(argv[1], "--regime") == 0)
        path = argv[2], at = 3;
    if (at >= argc)
        return cli_usage("psr", "give a subcommand");
    psr_ctx x = {c, psr_regime_load(path && *path ? path : NULL, &e)};
    if (!x.rg)
        return cli_fail("%s", e.msg);
    int rc = -1;
    const char *sub = argv[at];
    if (strcmp(sub, "set") == 0 && argc - at == 4)
        rc = cmd_edit(&x, "field", argc - at - 1, argv + at + 1);
    if (strcmp(sub, "add") == 0 && argc - at >= 4) {
        const char *kind = argv[at + 2];
        argv[at + 2] = argv[at + 1]; /* ID KIND ARGS -> ID ARGS */
        rc = cmd_edit(&x, kind, argc - at - 2, argv + at + 2);
    }
    for (int i = 0; rc < 0 && subs[i].name; i++)
        if (strcmp(subs[i].name, sub) == 0)
            rc = subs[i].run(&x, argc - at, argv + at);
    if (rc < 0)
        rc = cli_usage("psr", "unknown subcommand '%s' or wrong arguments", sub);
    psr_regime_free(x.rg);
    return rc;
}

const cli_command cmd_psr = {"psr", "Provider Selection Regime: route, evaluation, record",
                             psr_help, psr_run, psr_more_help};
