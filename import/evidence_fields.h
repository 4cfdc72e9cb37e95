/* What the importers of published evidence files share: figures that may
 * be "not available", "not disclosed" or suppressed, the month a file is
 * for when only its name says it, and rows kept only for practices the
 * store knows. */
#ifndef CATCHMENT_EVIDENCE_FIELDS_H
#define CATCHMENT_EVIDENCE_FIELDS_H

#include "import/importer.h"

/* The first of the month a file name names ("... October 2025 Practice
 * Level.csv", "gpw-2025-10.csv"), YYYYMM01, or 0 when it names none. */
long ev_month_in_name(const char *path);

/* The first four-digit year (1990..2099) in a file's name (else its
 * folders'), 0 none. */
int ev_year_in_name(const char *path);

/* A financial year: "2022/23", "2022-23", "2022/2023", "22-23" ->
 * 1 April of its first year (20220401), 0 when s is not one. */
long ev_financial_year(const char *s);

/* A financial year in a file's name (else its folders'): "2022-23",
 * "22-23", or "2223" as the QOF files write it ("PREVALENCE_2223.csv");
 * 0 when none. */
long ev_financial_year_in_name(const char *path);

/* Field i as a figure: a number, or blank / NA / ND / a negative
 * suppression marker (-97, -1 ...), which leave r->value NAN and say why
 * in r->text.  min/max bound a real number: outside is an error. */
int ev_figure(import_ctx *ic, const csvr_row *row, int i, double min, double max,
              evidence *r, err *e);

/* Whether the store knows the practice: 1 yes, 0 no (the row is counted
 * as skipped), -1 error.  A national file in a regional store keeps only
 * the region's practices. */
int ev_known_practice(import_ctx *ic, const char *code, err *e);

/* A monthly figure's period: 20251001 -> "2025-10". */
void ev_month_period(long ymd, char *out, size_t outsz);

/* A financial year's period: 20220401 -> "2022-23". */
void ev_year_period(long ymd, char *out, size_t outsz);

/* Notes the file's date (the newest a row carries) for the summary. */
void ev_extract_date(import_ctx *ic, long ymd);

#endif

/* A file with one row per practice and a column per figure (payments,
 * the GP Patient Survey): what each column becomes. */
typedef enum { EV_NUMBER, EV_PERCENT, EV_TEXT } ev_type;

typedef struct ev_column {
    const char *spec;     /* accepted header names, as imp_header takes them */
    const char *measure;  /* "pay.total" */
    ev_type type;         /* EV_PERCENT: a fraction 0..1 (or a percent) */
    double max;           /* EV_NUMBER: the largest believable value */
} ev_column;

enum { EV_WIDE_MAX = IMP_COLS - 2 };

typedef struct ev_wide {
    const char *source;     /* the kind, stored with every figure */
    const char *code_spec;  /* the practice code column */
    const char *date_spec;  /* "?Year|..." or NULL */
    /* The date and period of a row: from the date column's text when
     * there is one, else from the file's name.  0, or -1 with e set. */
    int (*when)(import_ctx *ic, const csvr_row *row, const char *datecol, long *date,
                char *period, size_t psz, err *e);
    const ev_column *cols;
    int ncols;
} ev_wide;

/* Reads the header and every row of such a file. */
int ev_wide_run(import_ctx *ic, const ev_wide *w, err *e);

/* How many of w's columns a header names (for detection). */
int ev_wide_count(const ev_wide *w, const csvr_row *hdr);
