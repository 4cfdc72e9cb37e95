/* Importing the published files.  Each file is recognised from its header
 * or shape, read in one write transaction (all or nothing), and recorded
 * in the provenance database.  The same bytes imported twice change
 * nothing. */
#ifndef CATCHMENT_IMPORT_H
#define CATCHMENT_IMPORT_H

#include <stdbool.h>

#include "store/store.h"
#include "util/err.h"

/* Called now and then during a long import: bytes done of total. */
typedef void (*import_progress_fn)(long long done, long long total, void *ctx);

typedef struct import_result {
    provenance prov;   /* what was read, kept, skipped; the kind */
    bool already;      /* these bytes were imported before: nothing done */
} import_result;

/* Imports one file ("-" for standard input; a pipe or a FIFO will do),
 * reading it once: the checksum, the kind and the rows come from the same
 * bytes.  kind is a name from import_kinds() or NULL to recognise it.  On
 * error the store is as it was. */
int import_file(store *s, const char *path, const char *kind,
                import_progress_fn progress, void *pctx, import_result *out, err *e);

/* Imports an engagement survey export read through a mapping file
 * (config/survey_map.h) as the kind "survey". */
struct survey_map;
int import_file_mapped(store *s, const char *path, const struct survey_map *mapping,
                       import_progress_fn progress, void *pctx, import_result *out, err *e);

/* Files bigger than n bytes are refused (default 4 GiB), so an endless
 * input cannot run on for ever. */
void import_set_max_bytes(long long n);

/* The kinds, for --kind and --help: NULL-terminated names and blurbs. */
const char *const *import_kind_names(void);
const char *import_kind_blurb(const char *name);

#endif
