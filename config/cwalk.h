/* Reading typed values out of a ytree with exact, located messages.
 * Internal to config/. */
#ifndef CATCHMENT_CWALK_H
#define CATCHMENT_CWALK_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "config/ytree.h"

typedef struct cwalk {
    const char *file;
    const config_hooks *h;
    err *e;
} cwalk;

/* err_at at n's mark. */
int cwalk_fail(cwalk *w, const ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* n must be a mapping (or null: empty) of at most max entries.  what
 * names it in messages ("rules", "scenario 'x'"). */
int cwalk_map(cwalk *w, const ynode *n, const char *what, size_t max);

/* Key i (even index into map->kids) must be a string without control
 * characters, not seen earlier in the mapping.  Checked one key at a time
 * so an unknown key is reported before anything after it. */
int cwalk_key(cwalk *w, const ynode *map, size_t i, const char *what);

/* "unknown key 'k' in what (did you mean 'v'?)" for key node k; valid is
 * NULL-terminated. */
int cwalk_unknown(cwalk *w, const ynode *k, const char *what,
                  const char *const *valid);

int cwalk_real(cwalk *w, const ynode *n, const char *key, double min,
               double max, double *out);
int cwalk_int(cwalk *w, const ynode *n, const char *key, long min, long max,
              long *out);
int cwalk_bool(cwalk *w, const ynode *n, const char *key, bool *out);
int cwalk_policy(cwalk *w, const ynode *n, const char *key, config_policy *out);
int cwalk_travel(cwalk *w, const ynode *n, const char *key, config_travel *out);

/* A string of 1..max-1 bytes with no control characters, copied to out. */
int cwalk_string(cwalk *w, const ynode *n, const char *key, size_t max,
                 char *out);

/* The whole document (a mapping, or NULL for an empty file) into c, which
 * holds the defaults on entry.  On failure c may hold part of the file:
 * the caller frees it. */
int cwalk_config(cwalk *w, const ynode *root, config *c);

/* Nearest of valid to s by edit distance, or NULL when none is close. */
const char *cwalk_suggest(const char *s, const char *const *valid);

#endif
