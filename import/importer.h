/* What each importer sees: the reader, the store, counters, and helpers
 * that turn fields into values or into a file:line:column complaint.
 *
 * The rules every importer keeps (a new one too):
 *  - each row's key goes through imp_once, so a repeat in one file is
 *    refused naming both lines;
 *  - each practice code a row is about goes through imp_practice_ref (a
 *    placeholder, named in the summary, when the store has none yet);
 *  - numbers of patients go through imp_count (at most IMP_COUNT_MAX);
 *  - a file that changes what people enter (contracts, capacity) writes
 *    an audit entry per field changed, as imp_contract_changes does,
 *    with ic->prov's user, time and SHA-256. */
#ifndef CATCHMENT_IMPORTER_H
#define CATCHMENT_IMPORTER_H

#include <stdbool.h>

#include "import/csvr.h"
#include "import/import.h"
#include "store/store.h"

enum { IMP_COLS = 40, IMP_SKIPS = 8, IMP_NOTES = 4 };

/* The most patients any count in a file may say (a practice's list, an
 * age band, an LSOA's registrations): larger is an error, so no sum of
 * counts can overflow. */
#define IMP_COUNT_MAX 1000000L

struct imp_seen;

typedef struct import_ctx {
    store *s;
    csvr *r;
    provenance *prov;              /* rows_read/kept/skipped, extract_date, modelled */
    int col[IMP_COLS];             /* column of each wanted field, -1 absent */
    const char *colname[IMP_COLS]; /* the header name found, for messages */
    char colbuf[IMP_COLS][64];     /* copies of header names (rows are freed) */
    int header_n;                  /* fields in the header row; 0 without one */
    struct {
        const char *why;
        long n;
    } skips[IMP_SKIPS];
    int nskips;
    struct {                       /* kept rows worth a word in the summary */
        const char *why;
        long n;
    } notes[IMP_NOTES];
    int nnotes;
    import_progress_fn progress;
    void *pctx;
    struct imp_seen *seen;         /* imp_once's keys, freed by imp_rows */
    long placeholders;             /* practices imp_practice_ref made */
    char placeholder_why[200];     /* the note naming the first few */
    const struct survey_map *mapping; /* import_file_mapped's, else NULL */
    source *src;                   /* the file itself, for a kind that is not CSV */
} import_ctx;

/* One kind of file. */
typedef struct import_kind {
    const char *name;
    const char *blurb;
    /* How surely the first row says this kind: 0 no .. 100 certain. */
    int (*detect)(const csvr_row *first);
    /* Reads every row (the header too) through ic->r; or, for a kind
     * with sniff, the bytes of ic->src (ic->r is NULL). */
    int (*run)(import_ctx *ic, err *e);
    /* For a file that is not CSV: how surely its first bytes (n of them)
     * say this kind, 0..100; NULL for the CSV kinds. */
    int (*sniff)(const char *head, size_t n);
} import_kind;

/* Finds header columns.  spec[i] lists accepted names separated by '|'
 * ("SUB_ICB_LOCATION_CODE|CCG_CODE"); a trailing '*' matches a prefix
 * ("lsoa*"); a leading '?' marks the field optional.  Case-insensitive.
 * A required field that is missing is an error at line 1. */
int imp_header(import_ctx *ic, const csvr_row *hdr, const char *const *spec, int n, err *e);

/* Names column i after header field h (copied: the header row is freed). */
void imp_name_col(import_ctx *ic, int i, const char *h);

/* Reads the header row and maps it with imp_header. */
int imp_read_header(import_ctx *ic, const char *const *spec, int n, err *e);

/* What an importer does with one data row; ctx is its own state. */
typedef int (*imp_row_fn)(import_ctx *ic, const csvr_row *row, void *ctx, err *e);

/* Every data row after the header: checked to hold every mapped column,
 * then given to fn.  Stops at the first error. */
int imp_rows(import_ctx *ic, imp_row_fn fn, void *ctx, err *e);

/* For headerless files: field i is column i, named names[i] in messages. */
void imp_fixed(import_ctx *ic, const char *const *names, int n);

/* For headerless files: the row must have exactly n fields. */
int imp_need_fields(import_ctx *ic, const csvr_row *row, int n, err *e);
/* For files with a header: at least every mapped column must be there. */
int imp_check_row(import_ctx *ic, const csvr_row *row, err *e);

/* Field i of the spec ("" when optional and absent). */
const char *imp_str(const import_ctx *ic, const csvr_row *row, int i);

/* Typed fields: each returns 0, or -1 with "file:line:col: field NAME: ...". */
int imp_text(import_ctx *ic, const csvr_row *row, int i, char *dst, size_t dstsz, err *e);
int imp_long(import_ctx *ic, const csvr_row *row, int i, long *out, err *e);
int imp_double(import_ctx *ic, const csvr_row *row, int i, double *out, err *e);
int imp_date(import_ctx *ic, const csvr_row *row, int i, long *out, err *e);
/* An organisation code: letters and digits only, 3..10 long. */
int imp_code(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e);
/* A postcode, normalised ("cv213aq" -> "CV21 3AQ"). */
int imp_postcode(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e);

/* A complaint about field i of row. */
int imp_fail(import_ctx *ic, const csvr_row *row, int i, err *e, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Counting: every data row is either kept or skipped for a reason
 * (a string literal: it is kept by pointer). */
void imp_keep(import_ctx *ic);
void imp_skip(import_ctx *ic, const char *why);
/* A kept row that still deserves a mention ("in Welsh or placeholder
 * LSOAs (kept, not located)"); counted apart from kept and skipped. */
void imp_note(import_ctx *ic, const char *why);

/* Audit entries for what a row changes in a stored contract or capacity
 * record (old: as stored, or a blank record when there was none). */
int imp_contract_changes(import_ctx *ic, const contract *old, const contract *c, err *e);
int imp_capacity_changes(import_ctx *ic, const capacity_rec *old, const capacity_rec *c,
                         err *e);

/* Refuses a second row with the same key in one file (key: the practice
 * code, or code and date, ...; field i is blamed), naming the first line. */
int imp_once(import_ctx *ic, const csvr_row *row, int i, const char *key, err *e);
void imp_once_done(import_ctx *ic);
/* The same for a key found at line of a file that is not CSV: 0 the
 * first time, else the line it was first seen on; -1 out of memory. */
long imp_once_line(import_ctx *ic, const char *key, long line, err *e);

/* Writes such a key as snprintf would, for a format of text, "%s" and
 * "%ld" only: a key is made for every row, and snprintf was a twentieth
 * of the time of a big import. */
void imp_key(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The practice a row is about: made a placeholder (and noted in the
 * summary, with a registered code one character away) when the store
 * has none.  Every importer of per-practice rows calls it. */
int imp_practice_ref(import_ctx *ic, const char *code, err *e);

/* A number of patients: a whole number, 0 .. IMP_COUNT_MAX. */
int imp_count(import_ctx *ic, const csvr_row *row, int i, long *out, err *e);

/* Column index in a header row of a name (exact, case-insensitive), -1. */
int imp_find(const csvr_row *hdr, const char *name);

/* The practice record to update: the stored one, or a new one. */
int imp_practice(import_ctx *ic, const char *code, practice *p, err *e);

/* Keeps the name this file gives a practice (with the file's extract date
 * and kind), so search finds it by former names too. */
int imp_name(import_ctx *ic, const char *code, const char *name, err *e);

/* The LSOA record to update: the stored one, or a new one (unknowns). */
int imp_lsoa(import_ctx *ic, const char *code, lsoa_rec *l, err *e);

/* An LSOA code: letters and digits, 1..LSOA_MAX-1 long, upper-cased. */
int imp_lsoa_code(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e);

/* Stores a postcode unless the source ranks below what is stored: ONSPD
 * (newest, with the LSOA) is never replaced by Code-Point or ukpostcodes.
 * Returns 1 stored, 0 left alone (counted as a skip), -1 error. */
int imp_postcode_put(import_ctx *ic, const postcode_rec *r, err *e);

/* Latitude/longitude fields as WGS84 degrees; an error when out of range. */
int imp_latlon(import_ctx *ic, const csvr_row *row, int ilat, int ilon, double *lat,
               double *lon, err *e);

#endif
