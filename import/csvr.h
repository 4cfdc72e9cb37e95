/* A pull-style CSV reader (RFC 4180, strict quoting) that knows where
 * each row came from, so every complaint can say file:line:column.
 *
 * Fields are handed out where they were read, in the reader's buffer: no
 * copy and no allocation per field or row.  As libcsv did before it (and
 * with the same complaints), it takes CRLF, LF or a lone CR as the end of
 * a row, skips blank lines, drops spaces and tabs around an unquoted
 * field and after a closing quote, and refuses a quote inside an unquoted
 * field or after a quoted one.
 *
 * It refuses what no published file holds: NUL bytes (a binary file),
 * invalid UTF-8, control characters (terminal escape sequences), fields
 * over CSVR_FIELD_MAX bytes, rows over CSVR_FIELDS_MAX fields. */
#ifndef CATCHMENT_CSVR_H
#define CATCHMENT_CSVR_H

#include <stddef.h>

#include "import/source.h"
#include "util/err.h"

enum { CSVR_FIELD_MAX = 65536, CSVR_FIELDS_MAX = 2048 };

typedef struct csvr_row {
    int n;           /* fields in this row */
    char **f;        /* each NUL-terminated */
    long line;       /* line where the row starts (1-based) */
} csvr_row;

typedef struct csvr csvr;

/* Reads from src (not closed by csvr_close); messages use its name. */
int csvr_from(csvr **out, source *src, err *e);
/* Opens path for reading ("-" for standard input). */
int csvr_open(csvr **out, const char *path, err *e);
void csvr_close(csvr *r);

/* Next row: 1 and *row filled (valid until the next call), 0 at the end,
 * -1 on error (e says file:line:column). */
int csvr_next(csvr *r, csvr_row **row, err *e);

/* 1-based byte column where field i (0-based) of row starts, or 0 when it
 * cannot be told (a row over several lines). */
long csvr_column(const csvr *r, const csvr_row *row, int i);

/* Bytes consumed so far and the file's size, for a progress bar. */
void csvr_progress(const csvr *r, long long *done, long long *total);

const char *csvr_name(const csvr *r);

/* Lets fields hold line breaks, tabs and other control characters (free
 * text typed by the public, as a survey exports it): whoever shows such a
 * field must pass it through text_escape. */
void csvr_allow_controls(csvr *r);

/* The next csvr_next hands out the row last handed out again (a peek:
 * the kind of a file is told from its first row, then the importer reads
 * it). */
void csvr_again(csvr *r);

#endif
