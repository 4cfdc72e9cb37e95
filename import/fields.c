/* Header mapping, typed fields and counting, shared by every importer. */
#include "import/importer.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

/* Does header name h match one '|'-separated alternative of spec? */
static bool spec_matches(const char *spec, const char *h)
{
    const char *p = spec;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        bool prefix = n > 0 && p[n - 1] == '*';
        size_t m = prefix ? n - 1 : n;
        if (prefix ? strncasecmp(h, p, m) == 0
                   : strlen(h) == m && strncasecmp(h, p, m) == 0)
            return true;
        p += n + (bar != NULL);
    }
    return false;
}

int imp_find(const csvr_row *hdr, const char *name)
{
    for (int c = 0; c < hdr->n; c++)
        if (strcasecmp(hdr->f[c], name) == 0)
            return c;
    return -1;
}

void imp_name_col(import_ctx *ic, int i, const char *h)
{
    text_copy(ic->colbuf[i], sizeof ic->colbuf[i], h);
    ic->colname[i] = ic->colbuf[i];
}

int imp_header(import_ctx *ic, const csvr_row *hdr, const char *const *spec, int n, err *e)
{
    ic->header_n = hdr->n;
    for (int i = 0; i < n && i < IMP_COLS; i++) {
        bool optional = spec[i][0] == '?';
        const char *sp = spec[i] + optional;
        ic->col[i] = -1;
        for (int c = 0; c < hdr->n && ic->col[i] < 0; c++)
            if (spec_matches(sp, hdr->f[c])) {
                ic->col[i] = c;
                imp_name_col(ic, i, hdr->f[c]);
            }
        if (ic->col[i] < 0 && !optional) {
            char want[128];
            text_copy(want, sizeof want, sp);
            for (char *b = want; *b; b++)
                if (*b == '|')
                    *b = '/';
            return err_at(e, csvr_name(ic->r), hdr->line, 0,
                          "missing column %s (is this the right file?)", want);
        }
        if (ic->col[i] < 0)
            ic->colname[i] = sp;
    }
    return 0;
}

int imp_read_header(import_ctx *ic, const char *const *spec, int n, err *e)
{
    csvr_row *row;
    int rc = csvr_next(ic->r, &row, e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return err_at(e, csvr_name(ic->r), 1, 0, "the file holds no rows");
    return imp_header(ic, row, spec, n, e);
}

/* How many fields a row must have: one past the last mapped column. */
static int fields_needed(const import_ctx *ic)
{
    int need = 0;
    for (int i = 0; i < IMP_COLS; i++)
        if (ic->colname[i] && ic->col[i] >= need)
            need = ic->col[i] + 1;
    return need;
}

static int check_row(import_ctx *ic, const csvr_row *row, int need, err *e)
{
    /* More fields than the header names: a comma outside quotes has moved
     * every later column along, so nothing on the row can be trusted. */
    if (ic->header_n && row->n > ic->header_n)
        return err_at(e, csvr_name(ic->r), row->line, 0,
                      "long row: %d fields where the header has %d (a comma outside quotes?)",
                      row->n, ic->header_n);
    if (row->n >= need)
        return 0;
    return err_at(e, csvr_name(ic->r), row->line, 0,
                  "short row: %d fields where the header needs %d", row->n, need);
}

int imp_rows(import_ctx *ic, imp_row_fn fn, void *ctx, err *e)
{
    csvr_row *row;
    int rc, need = fields_needed(ic); /* the columns are mapped by now */
    while ((rc = csvr_next(ic->r, &row, e)) > 0)
        if (check_row(ic, row, need, e) || fn(ic, row, ctx, e)) {
            rc = -1;
            break;
        }
    imp_once_done(ic);
    return rc;
}

void imp_fixed(import_ctx *ic, const char *const *names, int n)
{
    for (int i = 0; i < n && i < IMP_COLS; i++) {
        ic->col[i] = i;
        ic->colname[i] = names[i];
    }
}

int imp_need_fields(import_ctx *ic, const csvr_row *row, int n, err *e)
{
    if (row->n == n)
        return 0;
    return err_at(e, csvr_name(ic->r), row->line, 0,
                  "expected %d fields, found %d", n, row->n);
}

int imp_check_row(import_ctx *ic, const csvr_row *row, err *e)
{
    return check_row(ic, row, fields_needed(ic), e);
}

const char *imp_str(const import_ctx *ic, const csvr_row *row, int i)
{
    int c = ic->col[i];
    return c >= 0 && c < row->n ? row->f[c] : "";
}

int imp_fail(import_ctx *ic, const csvr_row *row, int i, err *e, const char *fmt, ...)
{
    char what[300], shown[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    text_escape(ic->colname[i] ? ic->colname[i] : "?", shown, sizeof shown);
    return err_at(e, csvr_name(ic->r), row->line, csvr_column(ic->r, row, ic->col[i]),
                  "%s: %s", shown, what);
}

/* The value as quoted in a message: escaped and cut short. */
static const char *quoted(const char *v, char *buf, size_t n)
{
    char tmp[48];
    text_copy(tmp, sizeof tmp, v);
    text_escape(tmp, buf, n);
    return buf;
}

int imp_text(import_ctx *ic, const csvr_row *row, int i, char *dst, size_t dstsz, err *e)
{
    const char *v = imp_str(ic, row, i);
    if (strlen(v) >= dstsz)
        return imp_fail(ic, row, i, e, "%zu bytes is too long (at most %zu)",
                        strlen(v), dstsz - 1);
    memcpy(dst, v, strlen(v) + 1);
    return 0;
}

int imp_long(import_ctx *ic, const csvr_row *row, int i, long *out, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    if (text_long(v, out))
        return imp_fail(ic, row, i, e, "'%s' is not a whole number", quoted(v, q, sizeof q));
    return 0;
}

int imp_double(import_ctx *ic, const csvr_row *row, int i, double *out, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    if (text_double(v, out))
        return imp_fail(ic, row, i, e, "'%s' is not a number", quoted(v, q, sizeof q));
    return 0;
}

int imp_date(import_ctx *ic, const csvr_row *row, int i, long *out, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    *out = text_date(v);
    if (*out < 0)
        return imp_fail(ic, row, i, e,
                        "'%s' is not a date (YYYYMMDD, YYYY-MM-DD or 01JAN2021)",
                        quoted(v, q, sizeof q));
    return 0;
}

int imp_code(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    size_t n = strlen(v);
    bool ok = n >= 3 && n <= 10;
    for (const char *p = v; ok && *p; p++)
        ok = isalnum((unsigned char)*p);
    if (!ok)
        return imp_fail(ic, row, i, e, "'%s' is not an organisation code",
                        quoted(v, q, sizeof q));
    memcpy(dst, v, n + 1);
    text_upper(dst);
    return 0;
}

int imp_postcode(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    if (text_postcode(v, dst, POSTCODE_MAX))
        return imp_fail(ic, row, i, e, "'%s' is not a postcode", quoted(v, q, sizeof q));
    return 0;
}

static void tick(import_ctx *ic)
{
    ic->prov->rows_read++;
    if (ic->progress && ic->r && (ic->prov->rows_read & 0xFFFF) == 0) {
        long long done, total;
        csvr_progress(ic->r, &done, &total);
        ic->progress(done, total, ic->pctx);
    }
}

void imp_keep(import_ctx *ic)
{
    ic->prov->rows_kept++;
    tick(ic);
}

void imp_skip(import_ctx *ic, const char *why)
{
    ic->prov->rows_skipped++;
    tick(ic);
    for (int i = 0; i < ic->nskips; i++)
        if (ic->skips[i].why == why || strcmp(ic->skips[i].why, why) == 0) {
            ic->skips[i].n++;
            return;
        }
    if (ic->nskips < IMP_SKIPS) {
        ic->skips[ic->nskips].why = why;
        ic->skips[ic->nskips++].n = 1;
    }
}

int imp_practice(import_ctx *ic, const char *code, practice *p, err *e)
{
    int rc = store_practice_get(ic->s, code, p, e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        practice_init(p, code);
    return 0;
}

void imp_note(import_ctx *ic, const char *why)
{
    for (int i = 0; i < ic->nnotes; i++)
        if (ic->notes[i].why == why || strcmp(ic->notes[i].why, why) == 0) {
            ic->notes[i].n++;
            return;
        }
    if (ic->nnotes < IMP_NOTES) {
        ic->notes[ic->nnotes].why = why;
        ic->notes[ic->nnotes++].n = 1;
    }
}

int imp_lsoa(import_ctx *ic, const char *code, lsoa_rec *l, err *e)
{
    int rc = store_lsoa_get(ic->s, code, l, e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        lsoa_init(l, code);
    return 0;
}

int imp_lsoa_code(import_ctx *ic, const csvr_row *row, int i, char *dst, err *e)
{
    char q[64];
    const char *v = imp_str(ic, row, i);
    size_t n = strlen(v);
    bool ok = n >= 1 && n < LSOA_MAX;
    for (const char *p = v; ok && *p; p++)
        ok = isalnum((unsigned char)*p);
    if (!ok)
        return imp_fail(ic, row, i, e, "'%s' is not an LSOA code", quoted(v, q, sizeof q));
    memcpy(dst, v, n + 1);
    text_upper(dst);
    return 0;
}

int imp_postcode_put(import_ctx *ic, const postcode_rec *r, err *e)
{
    if (r->source != PC_ONSPD) {
        postcode_rec old;
        int rc = store_postcode_get(ic->s, r->postcode, &old, e);
        if (rc < 0)
            return -1;
        if (rc == 1 && old.source == PC_ONSPD) {
            imp_skip(ic, "already known from ONSPD (newer, kept)");
            return 0;
        }
    }
    return store_postcode_put(ic->s, r, e) ? -1 : 1;
}

int imp_latlon(import_ctx *ic, const csvr_row *row, int ilat, int ilon, double *lat,
               double *lon, err *e)
{
    if (imp_double(ic, row, ilat, lat, e) || imp_double(ic, row, ilon, lon, e))
        return -1;
    if (fabs(*lat) > 90)
        return imp_fail(ic, row, ilat, e, "%g is not a latitude", *lat);
    if (fabs(*lon) > 180)
        return imp_fail(ic, row, ilon, e, "%g is not a longitude", *lon);
    return 0;
}

int imp_name(import_ctx *ic, const char *code, const char *name, err *e)
{
    name_rec n;
    if (!*name)
        return 0;
    memset(&n, 0, sizeof n);
    snprintf(n.practice, sizeof n.practice, "%s", code);
    text_copy(n.name, sizeof n.name, name);
    n.date = ic->prov->extract_date;
    snprintf(n.source, sizeof n.source, "%s", ic->prov->kind);
    return store_name_put(ic->s, &n, e);
}
