/* The command line: global options, then one command with its own. */
#ifndef CATCHMENT_CLI_H
#define CATCHMENT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/out.h"
#include "config/config.h"
#include "core/session.h"
#include "store/store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#define CATCHMENT_VERSION "0.1.0"


typedef struct cli_command {
    const char *name;
    const char *summary;     /* one line for `catchment --help` */
    const char *help;        /* the whole of `catchment NAME --help` */
    int (*run)(session *c, int argc, char **argv);
    void (*more_help)(FILE *fp); /* optional: help made at run time */
} cli_command;

int cli_main(int argc, char **argv);

/* session_store and session_config, printing the error (and the
 * session's notice) as "catchment: message". */
store *cli_store(session *c, bool write);

int cli_config(session *c, config *out);

/* "catchment: message" on stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "catchment CMD: message" and a pointer to --help; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* When closed practices were left out (no --all): on stderr, "catchment:
 * 1 closed practice [also ]matched[: NAMES]; --all shows it".  Only with
 * the table format: CSV and JSON are read by programs. */
void cli_hint_closed(out_format f, long n, bool also, const char *names);

/* Parses --format's argument, allowing md only where asked. */
int cli_format(const char *cmd, const char *arg, bool md_ok, out_format *out);

/* The commands, each in its own file. */
extern const cli_command cmd_import, cmd_show, cmd_search, cmd_near, cmd_list, cmd_stats,
    cmd_scenario, cmd_config, cmd_contracts, cmd_note, cmd_set, cmd_history,
    cmd_check, cmd_backup, cmd_restore, cmd_export, cmd_psr;

#endif
