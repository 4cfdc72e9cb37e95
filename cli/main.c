/* catchment: the command line.  Global options, then a command. */
#include "cli/cli.h"

#include <signal.h>

int main(int argc, char **argv)
{
    /* Past a file size limit (ulimit -f, a quota) a write then fails with
     * EFBIG and is reported and cleaned up like a full disk, instead of
     * the process being killed half way through. */
    signal(SIGXFSZ, SIG_IGN);
    return cli_close_stdout(cli_main(argc, argv));
}
