/* The `catchment psr` subcommands, shared by cli/cmd_psr*.c. */
#ifndef CATCHMENT_PSR_CLI_H
#define CATCHMENT_PSR_CLI_H

#include "cli/cli.h"
#include "config/psr_regime.h"
#include "core/psr.h"

typedef struct psr_ctx {
    session *c;
    psr_regime *rg;
} psr_ctx;

/* Loads procurement id (scores the user may not see yet left out). */
int psr_cli_load(psr_ctx *x, const char *id, psr_proc *p);

/* The last day of the standstill after a notice on `notice`; -1 (and a
 * message printed) when the regime lacks a year's bank holidays. */
long psr_cli_standstill_end(const psr_regime *rg, long notice);

int psr_cmd_standstill(psr_ctx *x, int argc, char **argv);
int psr_cmd_regime(psr_ctx *x, int argc, char **argv);
int psr_cmd_record(psr_ctx *x, int argc, char **argv);
int psr_cmd_notice(psr_ctx *x, int argc, char **argv);
int psr_cmd_annual(psr_ctx *x, int argc, char **argv);
int psr_cmd_milestones(psr_ctx *x, int argc, char **argv);
int psr_cmd_results(psr_ctx *x, int argc, char **argv);

#endif
