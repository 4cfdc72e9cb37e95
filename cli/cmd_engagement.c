/* catchment engagement [CODE]: what the engagement survey said, per
 * practice; --comments [WORD] lists (and searches) the free text. */
#include "cli/cli.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

#include "cli/engagement_out.h"
#include "core/engagement.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment engagement [CODE] [--comments [--search WORD]]\n"
    "                            [--format table|csv|json|md]\n\n"
    "What the engagement survey said (imported with catchment import --mapping):\n"
    "without CODE, one line per practice with responses; with CODE, the whole\n"
    "summary for that practice: responses by channel (online, paper, assisted) and\n"
    "by each equality-monitoring question, so the reach to seldom-heard groups\n"
    "shows; each satisfaction scale and the impact of a closure, 1 (lowest) to 5;\n"
    "the \"what matters most\" choices, most chosen first; and the travel that\n"
    "half and three-quarters of respondents called reasonable (the largest time\n"
    "or distance that at least that share gave as reasonable, in the survey's\n"
    "unit).  The GP Patient Survey's figures stand beside it when imported.\n"
    "Shares are of all responses, but the overview's Satisfied is of those who\n"
    "answered.  Unanswered is counted apart, never as 0.\n\n"
    "  --comments      the free-text answers instead (CODE: that practice's),\n"
    "                  control and bidi characters shown escaped\n"
    "  --search WORD   only free-text answers holding WORD (any case)\n"
    "  --format F      table (default), csv, json or md\n";

enum { MAX_PRACTICES = 512 };

static int overview(store *s, out_format f, err *e)
{
    static char codes[MAX_PRACTICES][CODE_MAX];
    static engagement_summary sum;
    int n = engagement_practices(s, codes, MAX_PRACTICES, e);
    if (n < 0)
        return -1;
    if (f == FMT_JSON)
        return engagement_json_all(s, codes, n, stdout, e);
    table t;
    table_init(&t, "Code,Name,>Responses,>Online,>Paper,>Assisted,First,Last,"
                   ">Satisfied,>Half,>Three-quarters,Unit");
    for (int i = 0; i < n; i++) {
        if (engagement_summarise(s, codes[i], &sum, e)) {
            table_free(&t);
            return -1;
        }
        if (engagement_overview_row(s, &t, &sum, e)) {
            table_free(&t);
            return -1;
        }
    }
    if (f == FMT_MD)
        fputs("## Engagement survey\n\n", stdout);
    table_print(&t, stdout, f);
    table_free(&t);
    if (f != FMT_CSV)
        printf("%sSatisfied: of those who answered the first satisfaction question "
               "(unanswered left out), the share answering 4 or 5 of 5.  Half, "
               "Three-quarters: the travel at least that share of respondents called "
               "reasonable.\n", f == FMT_MD ? "\n" : "");
    return 0;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"comments", no_argument, NULL, 'c'},
                                         {"search", required_argument, NULL, 's'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    bool comments = false;
    const char *word = NULL;
    int o;
    while ((o = getopt_long(argc, argv, "f:cs:", opts, NULL)) != -1) {
        if (o == 'f') {
            if (cli_format("engagement", optarg, true, &f))
                return EXIT_USAGE;
        } else if (o == 'c') {
            comments = true;
        } else if (o == 's') {
            word = optarg, comments = true;
        } else {
            return cli_usage("engagement", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage("engagement", "at most one practice CODE");
    char code[CODE_MAX] = "";
    if (optind < argc) {
        text_copy(code, sizeof code, argv[optind]);
        text_upper(code);
    }
    store *s = cli_store(c, false);
    if (!s)
        return EXIT_FAIL;
    err e;
    static practice p;
    if (store_read_begin(s, &e))
        return cli_fail("%s", e.msg);
    int rc = code[0] ? store_practice_get(s, code, &p, &e) : 1;
    if (rc == 0)
        rc = err_set(&e, "no practice %s in the store", code);
    if (rc > 0)
        rc = comments  ? engagement_comments(s, code[0] ? code : NULL, word, f, stdout, &e)
             : code[0] ? engagement_detail(s, &p, f, stdout, &e)
                       : overview(s, f, &e);
    store_read_end(s);
    return rc ? cli_fail("%s", e.msg) : EXIT_OK;
}

const cli_command cmd_engagement = {
    "engagement", "what the engagement survey said, per practice", help, run, NULL};
