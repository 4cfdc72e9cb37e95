/* main() lives in cli/main.c; this is the dispatcher behind it. */
#include "cli/cli.h"
#include "core/snapshot.h"
#include "tui/tui.h"
#include "util/text.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_command *const commands[] = {
    &cmd_import, &cmd_show,   &cmd_search, &cmd_near, &cmd_list, &cmd_scenario,
    &cmd_backtest,
    &cmd_contracts, &cmd_note,   &cmd_set,    &cmd_history, &cmd_config,
    &cmd_stats,    &cmd_check,  &cmd_backup, &cmd_restore, &cmd_export, &cmd_psr,
    &cmd_engagement, &cmd_appraisal, NULL,
};

/* Messages name files, codes and values from outside: through the
 * output filter, like everything else that reaches a terminal. */
static void say(const char *prefix, const char *fmt, va_list ap)
{
    char msg[4096], shown[4 * sizeof msg];
    vsnprintf(msg, sizeof msg, fmt, ap);
    text_escape(msg, shown, sizeof shown);
    fprintf(stderr, "%s%s\n", prefix, shown);
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("catchment: ", fmt, ap);
    va_end(ap);
    return EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "catchment %s: ", cmd);
    va_start(ap, fmt);
    say(prefix, fmt, ap);
    va_end(ap);
    fprintf(stderr, "(see catchment %s --help)\n", cmd);
    return EXIT_USAGE;
}

int cli_format(const char *cmd, const char *arg, bool md_ok, out_format *out)
{
    int f = out_format_parse(arg);
    if (f < 0 || (f == FMT_MD && !md_ok))
        return cli_usage(cmd, "unknown format '%s' (table, csv, json%s)", arg,
                         md_ok ? ", md" : "");
    *out = (out_format)f;
    return 0;
}

void cli_as_at_line(const asat *at, out_format f)
{
    char d[16];
    if (f == FMT_TABLE)
        printf("As at %s%s\n", text_date_or_dash(at->date, d, sizeof d), asat_default_note(at));
}

static void print_notice(session *c)
{
    if (c->notice) {
        cli_fail("%s", c->notice);
        c->notice = NULL;
    }
}

store *cli_store(session *c, bool write)
{
    err e;
    store *s = session_store(c, write, &e);
    if (!s)
        cli_fail("%s", e.msg);
    print_notice(c);
    return s;
}

int cli_config(session *c, config *out)
{
    err e;
    int rc = session_config(c, out, &e);
    if (rc)
        cli_fail("%s", e.msg);
    else if (*out->warning)
        cli_fail("warning: %s", out->warning);
    return rc;
}

static void print_help(FILE *fp)
{
    fputs("usage: catchment [--store DIR] [--config FILE] [--as-at DATE] [--read-only]\n"
          "                 [--no-color] [--raw] [COMMAND [ARGS...]]\n\n"
          "Without a command, catchment opens the terminal interface.\n\n"
          "Commands:\n",
          fp);
    for (int i = 0; commands[i]; i++)
        fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\nGlobal options (before the command):\n"
          "  --store DIR     the store (else $CATCHMENT_STORE, else\n"
          "                  $XDG_DATA_HOME/catchment, ~/.local/share/catchment)\n"
          "  --config FILE   the YAML config (else $CATCHMENT_CONFIG, else\n"
          "                  $XDG_CONFIG_HOME/catchment/config.yaml, ~/.config/catchment/...)\n"
          "  --as-at DATE    every figure as at DATE (YYYY-MM-DD): who was open then,\n"
          "                  the newest extracts on or before it, the contract in force\n"
          "                  and the capacity recorded then (default: the date of the\n"
          "                  newest list-size extract; contracts and capacity today)\n"
          "  --read-only     open the store without any write path\n"
          "  --no-color      no colour (also: the NO_COLOR environment variable)\n"
          "  --raw           CSV cells that look like spreadsheet formulas (= + - @)\n"
          "                  are written as they are, not behind a leading '\n"
          "  --help, --version\n\n"
          "catchment COMMAND --help describes each command; man catchment has it all.\n",
          fp);
}

static const cli_command *find_command(const char *name)
{
    for (int i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

/* Global options; returns the index of the command, or -1 to exit with *rc. */
static int parse_global(session *c, int argc, char **argv, int *rc)
{
    static const struct option opts[] = {
        {"store", required_argument, NULL, 's'}, {"config", required_argument, NULL, 'c'},
        {"read-only", no_argument, NULL, 'r'},   {"no-color", no_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},        {"version", no_argument, NULL, 'V'},
        {"as-at", required_argument, NULL, 'a'}, {"raw", no_argument, NULL, 'R'},
        {NULL, 0, NULL, 0}};
    int o;
    opterr = 0;
    while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (o) {
        case 's': c->store_arg = optarg; break;
        case 'c': c->config_arg = optarg; break;
        case 'r': c->read_only = true; break;
        case 'n': c->no_color = true; break;
        case 'a':
            if ((c->as_at = text_date(optarg)) <= 0) {
                char shown[256];
                fprintf(stderr, "catchment: --as-at wants a date, YYYY-MM-DD (not '%s')\n",
                        text_escape(optarg, shown, sizeof shown));
                *rc = EXIT_USAGE;
                return -1;
            }
            break;
        case 'R': csv_set_raw(true); break;
        case 'h': print_help(stdout); *rc = EXIT_OK; return -1;
        case 'V': puts("catchment " CATCHMENT_VERSION); *rc = EXIT_OK; return -1;
        default:
            cli_fail("unknown or incomplete option '%s'", argv[optind - 1]);
            print_help(stderr);
            *rc = EXIT_USAGE;
            return -1;
        }
    }
    return optind;
}

/* A report cut short (a full disk, a closed pipe) must not end with
 * status 0: every write to standard output is checked here, once, when
 * it is flushed (and, by main, closed). */
static int output_written(int rc, bool close)
{
    errno = 0;
    bool bad = ferror(stdout) != 0;
    if (fflush(stdout) != 0)
        bad = true;
    if (close && fclose(stdout) != 0)
        bad = true;
    if (!bad)
        return rc;
    int why = errno ? errno : out_write_errno();
    cli_fail("writing the output: %s", strerror(why ? why : EIO));
    if (!close)
        clearerr(stdout);
    return EXIT_FAIL;
}

int cli_close_stdout(int rc) { return output_written(rc, true); }

/* After a command: what the snapshot had to say, and the snapshot written
 * again when the command changed the store. */
static void finish(session *c)
{
    err e;
    const char *n = snapshot_notice();
    if (n)
        cli_fail("%s", n);
    if (session_snapshot(c, &e))
        cli_fail("warning: the store's snapshot was not written (%s); commands read the "
                 "store directly until the next change", e.msg);
    session_close(c);
}

static int dispatch(int argc, char **argv)
{
    session c = {.valid_action = tui_valid_action, .valid_key = tui_valid_key};
    int rc = EXIT_OK;
    const char *nc = getenv("NO_COLOR");
    c.no_color = nc && *nc;
    int at = parse_global(&c, argc, argv, &rc);
    if (at < 0)
        return rc;
    const char *env_config = getenv("CATCHMENT_CONFIG");
    if (!c.config_arg && env_config && *env_config)
        c.config_arg = env_config; /* as --config: the file must exist */
    if (at >= argc) {
        rc = tui_main(&c);
        finish(&c);
        return rc;
    }
    const cli_command *cmd = find_command(argv[at]);
    if (!cmd) {
        char shown[256];
        text_escape(argv[at], shown, sizeof shown);
        fprintf(stderr, "catchment: unknown command '%s'; the commands are:\n ", shown);
        for (int i = 0; commands[i]; i++)
            fprintf(stderr, " %s%s", commands[i]->name, commands[i + 1] ? "," : "\n");
        fputs("(catchment --help says what each does)\n", stderr);
        return EXIT_USAGE;
    }
    if (wants_help(argc - at, argv + at)) {
        fputs(cmd->help, stdout);
        if (cmd->more_help)
            cmd->more_help(stdout);
        return EXIT_OK;
    }
    optind = 0; /* each command parses its own options afresh */
    rc = cmd->run(&c, argc - at, argv + at);
    finish(&c);
    return rc;
}

int cli_main(int argc, char **argv)
{
    return output_written(dispatch(argc, argv), false);
}
