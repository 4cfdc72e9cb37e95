/* Hints on stderr when a command left something out, so an empty or
 * short answer is never a puzzle. */
#include "cli/cli.h"

#include "util/text.h"

void cli_hint_closed(long n, bool also, const char *names)
{
    char count[64];
    if (n <= 0)
        return;
    text_count(n, "closed practice", "closed practices", count, sizeof count);
    fprintf(stderr, "catchment: %s %smatched%s%s; --all shows %s\n", count, also ? "also " : "",
            names && *names ? ": " : "", names ? names : "", n == 1 ? "it" : "them");
}
