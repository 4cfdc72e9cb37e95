/* catchment psr results, notice, record and annual: what is published. */
#include "cli/psr_cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/psr_results.h"
#include "util/text.h"

int psr_cmd_results(psr_ctx *x, int argc, char **argv) { (void)x; (void)argc; (void)argv; return EXIT_OK; }
int psr_cmd_notice(psr_ctx *x, int argc, char **argv) { (void)x; (void)argc; (void)argv; return EXIT_OK; }
int psr_cmd_record(psr_ctx *x, int argc, char **argv) { (void)x; (void)argc; (void)argv; return EXIT_OK; }
int psr_cmd_annual(psr_ctx *x, int argc, char **argv) { (void)x; (void)argc; (void)argv; return EXIT_OK; }
