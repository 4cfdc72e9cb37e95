/* One input file, read once: whatever the importer parses is exactly
 * what the checksum was taken of.  A regular file is read as it is; a
 * pipe, a FIFO, a device or standard input ("-") is copied as it is read
 * into a private temporary file, so an import that must start again (the
 * store grew) reads the same bytes a second time.  A size limit stops an
 * endless input (/dev/zero, `yes`); a regular file over it is refused
 * before it is read. */
#ifndef CATCHMENT_SOURCE_H
#define CATCHMENT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* 4 GiB: the whole ONS Postcode Directory is about 1.4 GiB. */
#define SOURCE_MAX_BYTES (4LL << 30)

typedef struct source source;

/* Opens path ("-" for standard input) to be read at most max bytes. */
int source_open(source **out, const char *path, long long max, err *e);
void source_close(source *s);

/* Up to n bytes: how many (0 at the end), or -1 with e set. */
long source_read(source *s, void *buf, size_t n, err *e);

/* Back to the first byte for another pass; the checksum starts again. */
int source_rewind(source *s, err *e);

/* Reads what is left (an importer may stop early), then gives the SHA-256
 * of every byte of this pass as 64 hex digits. */
int source_finish(source *s, char out[65], err *e);

/* True for a regular file (it can be read again; no spool). */
bool source_is_file(const source *s);

/* Bytes read in this pass, and the size when known (0 for a pipe). */
long long source_done(const source *s);
long long source_size(const source *s);

/* What messages call it: the path, or "standard input". */
const char *source_name(const source *s);

#endif
