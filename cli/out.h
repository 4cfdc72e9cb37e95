/* Output for every query command: an aligned table for people, CSV for
 * spreadsheets, JSON for scripts.  Every string passes the one output
 * filter (text_escape in util/text.h) in every format, so data can never
 * send a control sequence, a bidi override or an invisible character to a
 * terminal or a report. */
#ifndef CATCHMENT_OUT_H
#define CATCHMENT_OUT_H

#include <stdbool.h>
#include <stdio.h>

typedef enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_MD } out_format;

/* "table", "csv", "json", "md" -> format; -1 unknown. */
int out_format_parse(const char *s);

/* ---- tables (and CSV, and markdown tables) ---- */

enum { TABLE_COLS = 24 };

typedef struct table {
    int ncols, nrows, cap;
    const char *head[TABLE_COLS];
    bool right[TABLE_COLS];  /* right-align (numbers) */
    char **cells;            /* nrows * ncols, owned */
    char spec[512];          /* the heads point into this copy */
} table;

/* spec: "Code,Name,>List" — a leading '>' right-aligns the column. */
void table_init(table *t, const char *spec);
/* Adds a row of ncols strings (copied; NULL is an empty cell). */
void table_add(table *t, const char *const *cells);
/* As table_add, from printf-style cells separated by '\t'. */
void table_addf(table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void table_print(const table *t, FILE *fp, out_format f);
void table_free(table *t);

/* The table as a JSON array of objects of strings; keys names each
 * column's key (NULL: the column heads). */
void table_print_json(const table *t, FILE *fp, const char *const *keys);

/* One CSV record (RFC 4180 quoting, CRLF).  Every cell passes the output
 * filter (text_escape); a cell a spreadsheet would run as a formula
 * (starting = + - @, tab or CR, and not a plain number) gets a leading
 * single quote, as OWASP advises, unless csv_set_raw(true) (--raw). */
void csv_row(FILE *fp, const char *const *cells, int n);
void csv_set_raw(bool raw);

/* Text of several lines, each line through the output filter. */
void out_lines(FILE *fp, const char *text);
/* Through the output filter, then as literal markdown text: a name that
 * is written as a link, an image or HTML stays text in a board paper; a
 * pipe becomes '/'.  8 * strlen(s) + 1 bytes suffice (4096 bytes of s at most). */
char *out_md_escape(const char *s, char *out, size_t outsz);
/* printf whose whole result passes the output filter line by line: for
 * any message or report line that holds a string from outside. */
void out_printf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- JSON ---- */

/* Most room a single piece of the document takes in the buffer. */
enum { JSON_ROOM = 512 };

/* Buffered: what is written reaches fp in pieces of up to 16 KiB, and the
 * rest at json_done, so nothing else may write to fp in between. */
typedef struct json {
    FILE *fp;
    int depth;
    bool need_comma[64];
    bool after_key;
    size_t n;             /* bytes waiting in buf */
    char buf[16384];
} json;

void json_init(json *j, FILE *fp);
void json_obj(json *j);      /* { */
void json_obj_end(json *j);  /* } */
void json_arr(json *j);      /* [ */
void json_arr_end(json *j);  /* ] */
void json_key(json *j, const char *k);
void json_str(json *j, const char *s);   /* NULL writes null */
void json_int(json *j, long long v);
void json_num(json *j, double v, int decimals); /* NAN writes null */
void json_bool(json *j, bool v);
void json_null(json *j);
void json_date(json *j, long ymd);        /* YYYYMMDD as "YYYY-MM-DD"; 0 writes null */
/* Ends the document with a newline, and writes what is waiting. */
void json_done(json *j);
/* The errno of the first write of a JSON document that failed, or 0: by
 * the time the output is checked, errno may say something else. */
int out_write_errno(void);

#endif
