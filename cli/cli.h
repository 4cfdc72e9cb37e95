/* The command line: global options, then one command with its own. */
#ifndef CATCHMENT_CLI_H
#define CATCHMENT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/out.h"
#include "config/config.h"
#include "store/store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_ctx {
    const char *store_arg;   /* --store DIR */
    const char *config_arg;  /* --config FILE */
    bool read_only;          /* --read-only, or ui.read_only in the config */
    bool read_only_config;   /* ... and it was the config */
    bool config_seen;        /* ui.read_only looked up */
    bool no_color;           /* --no-color or NO_COLOR */
    store *s;                /* opened on first use */
} cli_ctx;

typedef struct cli_command {
    const char *name;
    const char *summary;     /* one line for `catchment --help` */
    const char *help;        /* the whole of `catchment NAME --help` */
    int (*run)(cli_ctx *c, int argc, char **argv);
    void (*more_help)(FILE *fp); /* optional: help made at run time */
} cli_command;

int cli_main(int argc, char **argv);

/* The store, opened on first use.  Writers get a writable one or an
 * error; readers get a clear message when there is no store yet. */
store *cli_store(cli_ctx *c, bool write);

/* The config: --config FILE, else the default path, else built-in
 * defaults.  Practice codes in scenarios are checked against the store
 * when there is one.  Prints the error and returns -1 on failure. */
int cli_config(cli_ctx *c, config *out);

/* "catchment: message" on stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "catchment CMD: message" and a pointer to --help; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses --format's argument, allowing md only where asked. */
int cli_format(const char *cmd, const char *arg, bool md_ok, out_format *out);

/* The commands, each in its own file. */
extern const cli_command cmd_import, cmd_show, cmd_search, cmd_near, cmd_stats,
    cmd_scenario, cmd_config, cmd_contracts, cmd_note, cmd_set, cmd_history,
    cmd_check, cmd_backup, cmd_restore, cmd_export;

#endif
