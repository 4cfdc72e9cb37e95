/* Changes a person makes from the shell, and the trail they leave:
 * catchment note, catchment set, catchment history. */
#include "cli/cli.h"

#include <getopt.h>
#include <string.h>
#include <time.h>

#include "core/edit.h"
#include "util/clock.h"
#include "util/text.h"

static const char note_help[] =
    "usage: catchment note CODE TEXT...\n\n"
    "Adds a dated note to a practice, signed with your login name.  Notes show\n"
    "on the practice card (catchment show, and the terminal interface) for\n"
    "everyone who uses the store, and are kept in the audit trail.\n";

static const char set_help[] =
    "usage: catchment set [--from DATE] CODE FIELD VALUE\n\n"
    "Changes one fact about a practice and records who changed it, when, and\n"
    "the old and new values (see catchment history).  FIELD is one of:\n"
    "  capacity            patients the practice can hold (or unknown)\n"
    "  gp_fte              full-time-equivalent GPs (or unknown)\n"
    "  list_open           yes, no or unknown\n"
    "  closed_from         formal list closure: first day (YYYY-MM-DD)\n"
    "  closed_to           formal list closure: last day\n"
    "  contract.type       GMS, PMS or APMS\n"
    "  contract.start      YYYY-MM-DD\n"
    "  contract.end        YYYY-MM-DD (unknown: open-ended)\n"
    "  contract.provider, contract.extension, contract.notes   free text\n"
    "  milestone.options_appraisal, milestone.engagement, milestone.procurement,\n"
    "  milestone.award, milestone.mobilisation   done, waived or open\n\n"
    "It says what changed.  Setting the value a field already has changes\n"
    "nothing and records nothing.  A capacity set here is shown as set by a\n"
    "person (\"set\"), not as imported.\n\n"
    "Capacity and GP FTE figures are dated: one set here applies from today, or\n"
    "from --from DATE (YYYY-MM-DD), until a later figure's date; as at an\n"
    "earlier date (--as-at) the figure then in force is used, and before the\n"
    "first one the capacity is unknown.  A contract field changes the contract\n"
    "in force today, or on --from DATE (a practice's contracts are kept one\n"
    "after another by start date).  list_open, closed_from and closed_to carry\n"
    "their own dates and are not taken as at --from.\n";

static const char history_help[] =
    "usage: catchment history [--format table|csv|json] [CODE]\n\n"
    "Every change people made (notes, capacity, list status, contract fields,\n"
    "milestones), whether by note, set, the terminal interface, an import of a\n"
    "contracts or capacity file, or a restore; oldest first: when (UTC, the\n"
    "system clock), who (the login of the user id), practice, field, old value,\n"
    "new value, and the source: the SHA-256 of the imported file or of the\n"
    "restored backup's data.mdb (its first 12 digits in the table).  The entries\n"
    "are hash-chained: catchment check finds one edited, removed or moved.  CODE\n"
    "may also be a procurement's id (catchment psr): its record's changes and\n"
    "score submissions.  A CODE that is not in the store is an error.\n";

/* The code as stored: upper case. */
static void code_arg(const char *arg, char *code)
{
    text_copy(code, CODE_MAX, arg);
    text_upper(code);
}

static int note_run(session *c, int argc, char **argv)
{
    if (argc < 3)
        return cli_usage("note", "give a practice CODE and the TEXT of the note");
    char code[CODE_MAX], text[TEXT_MAX] = "";
    code_arg(argv[1], code);
    size_t len = 0;
    for (int i = 2; i < argc; i++)
        len += strlen(argv[i]) + (i > 2);
    if (len >= sizeof text) /* refused whole, never cut */
        return cli_fail("note: %zu bytes is too long (at most %zu)", len, sizeof text - 1);
    for (int i = 2; i < argc; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", i > 2 ? " " : "",
                 argv[i]);
    store *s = cli_store(c, true);
    err e;
    if (!s)
        return EXIT_FAIL;
    return edit_note(s, code, text, clock_now(), &e) ? cli_fail("%s", e.msg) : EXIT_OK;
}

static int set_run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"from", required_argument, NULL, 'F'},
                                         {NULL, 0, NULL, 0}};
    long from = 0;
    int o;
    /* "+": options before CODE only, so a VALUE like -1 is not one. */
    while ((o = getopt_long(argc, argv, "+F:", opts, NULL)) != -1) {
        if (o != 'F')
            return cli_usage("set", "unknown option '%s'", argv[optind - 1]);
        if ((from = text_date(optarg)) <= 0)
            return cli_usage("set", "--from wants a date (YYYY-MM-DD), not '%s'", optarg);
    }
    argc -= optind - 1;
    argv += optind - 1;
    if (argc != 4)
        return cli_usage("set", "give a practice CODE, a FIELD and a VALUE");
    char code[CODE_MAX];
    code_arg(argv[1], code);
    store *s = cli_store(c, true);
    err e;
    if (!s)
        return EXIT_FAIL;
    edit_change ch;
    if (edit_set_from(s, code, argv[2], argv[3], from, clock_now(), &ch, &e))
        return cli_fail("%s", e.msg);
    char a[NAME_MAX * 4], b[NAME_MAX * 4];
    text_escape(ch.old_value, a, sizeof a);
    text_escape(ch.new_value, b, sizeof b);
    if (ch.changed)
        printf("%s %s: %s -> %s (recorded in the history)\n", code, argv[2], *a ? a : "(none)",
               b);
    else
        printf("%s %s: already %s (nothing recorded)\n", code, argv[2], *b ? b : "(none)");
    return EXIT_OK;
}

struct changes {
    table t;
    bool full; /* the whole SHA-256 (CSV, JSON), else its first 12 digits */
};

static int add_change(const audit_rec *r, void *ctx)
{
    struct changes *ch = ctx;
    char when[32], sha[65];
    time_t t = (time_t)r->time;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", gmtime(&t));
    snprintf(sha, sizeof sha, "%.*s", ch->full ? 64 : 12, *r->sha256 ? r->sha256 : "-");
    table_add(&ch->t, (const char *const[]){when, r->user, r->practice, r->field, r->old_value,
                                            r->new_value, sha});
    return 0;
}

static int found_one(const psr_row *r, void *ctx)
{
    (void)r;
    *(bool *)ctx = true;
    return 1;
}

/* 1 when id names a procurement record (catchment psr), 0 not, -1 error. */
static int procurement_exists(store *s, const char *id, err *e)
{
    bool found = false;
    if (strlen(id) >= CODE_MAX)
        return 0;
    return store_psr_each(s, id, "field", found_one, &found, e) < 0 ? -1 : found;
}

static int history_run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1)
        if (o != 'f' || cli_format("history", optarg, false, &f))
            return o == 'f' ? EXIT_USAGE : cli_usage("history", "unknown option '%s'", argv[optind - 1]);
    if (optind < argc - 1)
        return cli_usage("history", "at most one practice CODE");
    char code[CODE_MAX];
    if (optind < argc)
        code_arg(argv[optind], code);
    store *s = cli_store(c, false);
    err e;
    if (!s)
        return EXIT_FAIL;
    struct changes ch = {.full = f != FMT_TABLE};
    practice p;
    table_init(&ch.t, "When (UTC),Who,Practice,Field,Old,New,Source");
    int rc = store_read_begin(s, &e);
    if (rc == 0 && optind < argc && (rc = store_practice_get(s, code, &p, &e)) == 0 &&
        (rc = procurement_exists(s, argv[optind], &e)) > 0)
        text_copy(code, sizeof code, argv[optind]); /* as the procurement spells it */
    if (rc == 0 && optind < argc)
        rc = err_set(&e, "no practice '%s' in the store", code);
    if (rc >= 0)
        rc = store_audit_each(s, optind < argc ? code : NULL, add_change, &ch, &e);
    store_read_end(s);
    static const char *const keys[] = {"time", "user", "practice", "field", "old", "new",
                                       "sha256"};
    if (rc == 0 && f == FMT_JSON)
        table_print_json(&ch.t, stdout, keys);
    else if (rc == 0)
        table_print(&ch.t, stdout, f);
    table_free(&ch.t);
    return rc ? cli_fail("%s", e.msg) : EXIT_OK;
}

const cli_command cmd_note = {"note", "add a dated note to a practice", note_help, note_run, NULL};
const cli_command cmd_set = {"set", "change a practice's capacity, list status or contract",
                             set_help, set_run, NULL};
const cli_command cmd_history = {"history", "who changed what, and when", history_help,
                                 history_run, NULL};
