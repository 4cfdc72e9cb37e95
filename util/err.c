#include "util/err.h"

#include <stdio.h>

int err_set(err *e, const char *fmt, ...)
{
    if (!e)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int err_at(err *e, const char *file, long line, long col, const char *fmt, ...)
{
    if (!e)
        return -1;
    int n;
    if (line > 0 && col > 0)
        n = snprintf(e->msg, sizeof e->msg, "%s:%ld:%ld: ", file, line, col);
    else if (line > 0)
        n = snprintf(e->msg, sizeof e->msg, "%s:%ld: ", file, line);
    else
        n = snprintf(e->msg, sizeof e->msg, "%s: ", file);
    if (n < 0 || (size_t)n >= sizeof e->msg)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}
