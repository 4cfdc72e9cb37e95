/* catchment config check [FILE] | show */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: catchment config check [FILE]\n"
    "       catchment config show\n\n"
    "check: reads the config (FILE, else --config, else the default path) and says\n"
    "what is wrong, as FILE:LINE:COLUMN: message, exiting 1; practice codes are\n"
    "checked against the store when there is one.\n"
    "show: prints the effective config as YAML, every key with its value (the\n"
    "built-in defaults where the file says nothing).\n\n"
    "The config is --config FILE, else $XDG_CONFIG_HOME/catchment/config.yaml\n"
    "(~/.config/catchment/config.yaml), else built-in defaults; see catchment.yaml(5).\n";

static int check(session *c, const char *file)
{
    config cfg;
    if (file)
        c->config_arg = file;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    out_printf(stdout, "%s: ok (%zu scenarios)\n", *cfg.path ? cfg.path : "built-in defaults",
           cfg.nscenarios);
    config_free(&cfg);
    return EXIT_OK;
}

static int show(session *c)
{
    config cfg;
    char *text;
    err e;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    int rc = config_emit(&cfg, &text, &e);
    config_free(&cfg);
    if (rc)
        return cli_fail("%s", e.msg);
    out_lines(stdout, text);
    free(text);
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "check") == 0 && argc <= 3)
        return check(c, argc == 3 ? argv[2] : NULL);
    if (argc == 2 && strcmp(argv[1], "show") == 0)
        return show(c);
    return cli_usage("config", "say check [FILE] or show");
}

const cli_command cmd_config = {"config", "check or show the YAML config", help, run, NULL};
