/* Errors are values: a function that can fail returns -1 and fills an
 * err with "file:line:column: what is wrong".  Nothing below cli/ prints. */
#ifndef CATCHMENT_ERR_H
#define CATCHMENT_ERR_H

#include <stdarg.h>

typedef struct err {
    char msg[512];
} err;

/* Sets e->msg from a printf format; returns -1 so callers can write
 * `return err_set(e, "...")`.  A NULL e is allowed. */
int err_set(err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* As err_set, prefixed with "file:line:column: " (line/column 0 omitted). */
int err_at(err *e, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
