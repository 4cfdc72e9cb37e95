/* SHA-256 (FIPS 180-4), for import provenance: the same bytes imported
 * twice are recognised and change nothing. */
#ifndef CATCHMENT_SHA256_H
#define CATCHMENT_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

typedef struct sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} sha256;

void sha256_init(sha256 *c);
void sha256_add(sha256 *c, const void *data, size_t n);
/* Writes 64 lower-case hex digits and a NUL. */
void sha256_hex(sha256 *c, char out[65]);

/* For tests: true forces the portable code even where the CPU has the
 * SHA extensions; false goes back to using them when it has. */
void sha256_portable(bool on);

/* The SHA-256 of a whole regular file (never through a symbolic link),
 * or -1 with "path: why". */
int sha256_file(const char *path, char out[65], err *e);

#endif
