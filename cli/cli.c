#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int cli_main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        puts("catchment 0.1");
        return 0;
    }
    fputs("usage: catchment [--store DIR] COMMAND ...\n", stderr);
    return 2;
}
