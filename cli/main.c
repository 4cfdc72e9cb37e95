/* catchment: the command line.  Global options, then a command. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return cli_close_stdout(cli_main(argc, argv));
}
