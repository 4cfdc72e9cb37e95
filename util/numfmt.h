/* Numbers as text without stdio, the same text as printf gives: a
 * what-if's JSON writes hundreds of thousands of numbers, and printf's
 * formatting was a fifth of that command's time. */
#ifndef CATCHMENT_NUMFMT_H
#define CATCHMENT_NUMFMT_H

#include <stddef.h>

/* Enough for any result below ("%.6f" of the largest double). */
enum { NUMFMT_MAX = 330 };

/* v as printf's "%lld" into out (not terminated); returns its length. */
size_t numfmt_int(char *out, long long v);

/* v as printf's "%.*f" with decimals 0..6 into out (not terminated);
 * returns its length.  v must be finite. */
size_t numfmt_fixed(char *out, double v, int decimals);

#endif
