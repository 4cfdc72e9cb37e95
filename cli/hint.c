/* Hints on stderr when a command left something out, so an empty or
 * short answer is never a puzzle. */
#include "cli/cli.h"

#include "util/text.h"

void cli_hint_closed(out_format f, long n, bool also, const char *names)
{
    char count[64];
    if (n <= 0 || f != FMT_TABLE) /* CSV and JSON are for programs: no chatter */
        return;
    text_count(n, "closed practice", "closed practices", count, sizeof count);
    fprintf(stderr, "catchment: %s %smatched%s%s; --all shows %s\n", count, also ? "also " : "",
            names && *names ? ": " : "", names ? names : "", n == 1 ? "it" : "them");
}
