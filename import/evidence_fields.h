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

/* Field i as a figure: a number, or blank / NA / ND / a negative
 * suppression marker (-97, -1 ...), which leave r->value NAN and say why
 * in r->text.  min/max bound a real number: outside is an error. */
int ev_figure(import_ctx *ic, const csvr_row *row, int i, double min, double max,
              evidence *r, err *e);

/* Whether the store knows the practice: 1 yes, 0 no (the row is counted
 * as skipped), -1 error.  A national file in a regional store keeps only
 * the region's practices. */
int ev_known_practice(import_ctx *ic, const char *code, err *e);

/* Notes the file's date (the newest a row carries) for the summary. */
void ev_extract_date(import_ctx *ic, long ymd);

#endif
