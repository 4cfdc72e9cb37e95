/* Text helpers shared by every layer: UTF-8 checks, display width,
 * escaping of control characters, and the codes of the NHS files. */
#ifndef CATCHMENT_TEXT_H
#define CATCHMENT_TEXT_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_utf8_valid(const char *s, size_t len);

/* True when s holds a C0 control character, DEL, or a C1 control (U+0080..
 * U+009F): anything a terminal could take as a command. */
bool text_has_control(const char *s, size_t len);

/* True when every byte of s[0..len) is printable ASCII (space to '~'):
 * then s is valid UTF-8 without a control character.  Eight bytes a step;
 * the quick answer for the checks above on almost every field a
 * published file holds. */
bool text_plain(const char *s, size_t len);

/* The one output filter: every string that came from outside (data, file
 * names, notes, YAML, arguments) passes it before a terminal or a report
 * sees it.  Copies s into out (size outsz, always terminated, cut on a
 * character boundary) with control characters (C0, DEL, C1) and invalid
 * UTF-8 bytes shown as \xHH, and bidi overrides and invisible characters
 * (U+200B-F, U+2028/9, U+202A-E, U+2066-9, U+FEFF) as <U+202E>.  4 *
 * strlen(s) + 1 bytes always suffice.  Returns out. */
char *text_escape(const char *s, char *out, size_t outsz);

/* The same into a new string (NULL when out of memory); free it. */
char *text_escape_dup(const char *s);

/* True when text_escape would change s. */
bool text_needs_escape(const char *s);

/* Columns s takes on a terminal (UTF-8; wide characters count 2). */
int text_width(const char *s);

/* Byte length of the longest prefix of s that fits in cols columns,
 * never splitting a character. */
size_t text_fit(const char *s, int cols);

/* Postcode as every join uses it: upper case, inner spaces dropped, one
 * space before the last three characters ("cv213aq" -> "CV21 3AQ").
 * Returns -1 when it cannot be a postcode (too short/long, bad chars). */
int text_postcode(const char *in, char *out, size_t outsz);

/* Upper-cases ASCII in place. */
void text_upper(char *s);

/* Date in any of the published forms -> YYYYMMDD as an integer:
 * "20260401", "2026-04-01", "01JAN2021", "01/04/2026".  0 for an empty
 * string; -1 when it is not a valid date. */
long text_date(const char *s);

/* YYYYMMDD -> "YYYY-MM-DD" (empty for 0). */
void text_date_iso(long ymd, char *out, size_t outsz);

/* A whole number with thousands separators: 12345 -> "12,345". */
const char *text_thousands(long v, char *out, size_t outsz);

/* A count and its noun, singular or plural: "1 practice", "2,345 notes". */
const char *text_count(long n, const char *one, const char *many, char *out, size_t outsz);

/* YYYYMMDD -> "YYYY-MM-DD", or "-" for none (0). */
const char *text_date_or_dash(long ymd, char *out, size_t outsz);

/* The C locale, for numbers read and written the same in every locale
 * ("2.5", never "2,5"): uselocale(text_c_locale()) around the call. */
locale_t text_c_locale(void);

/* Strict number parsing: the whole string must be the number, with a '.'
 * for the decimal point in every locale. */
int text_long(const char *s, long *out);
int text_double(const char *s, double *out);
/* Appends add to the malloc'd list *s, sep between ("a; b"); *s may be
 * NULL.  -1 out of memory (*s unchanged). */
int text_join(char **s, const char *sep, const char *add);

/* As text_long, also with thousands separators as people type them
 * ("14,000"): commas only between groups of three digits. */
int text_long_grouped(const char *s, long *out);

/* snprintf into a fixed buffer that truncates on a character boundary. */
void text_copy(char *dst, size_t dstsz, const char *src);

#endif
