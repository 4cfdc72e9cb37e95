/* One row per practice, one column per figure: the shared reader of the
 * payments file and the GP Patient Survey. */
#include "import/evidence_fields.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

enum { W_CODE, W_DATE, W_FIRST };

/* Does header field h match one '|' alternative of spec (no '?')? */
static bool names(const char *spec, const char *h)
{
    spec += *spec == '?';
    for (const char *p = spec; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (strlen(h) == n && strncasecmp(h, p, n) == 0)
            return true;
        p += n + (bar != NULL);
    }
    return false;
}

int ev_wide_count(const ev_wide *w, const csvr_row *hdr)
{
    int n = 0;
    for (int i = 0; i < w->ncols; i++)
        for (int c = 0; c < hdr->n; c++)
            if (names(w->cols[i].spec, hdr->f[c])) {
                n++;
                break;
            }
    return n;
}

static int figure(import_ctx *ic, const csvr_row *row, const ev_column *col, int f,
                  evidence *r, err *e)
{
    if (col->type == EV_TEXT) {
        if (imp_text(ic, row, f, r->text, sizeof r->text, e))
            return -1;
        r->value = NAN;
        return 0;
    }
    if (ev_figure(ic, row, f, 0, col->type == EV_PERCENT ? 100 : col->max, r, e))
        return -1;
    if (col->type == EV_PERCENT && r->value <= 1)
        r->value *= 100; /* published as a fraction */
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    const ev_wide *w = ctx;
    char code[CODE_MAX], period[SHORT_MAX];
    long date;
    if (imp_code(ic, row, W_CODE, code, e) ||
        w->when(ic, row, imp_str(ic, row, W_DATE), &date, period, sizeof period, e))
        return -1;
    int known = ev_known_practice(ic, code, e);
    if (known <= 0)
        return known;
    for (int i = 0; i < w->ncols; i++) {
        evidence r;
        if (ic->col[W_FIRST + i] < 0)
            continue;
        evidence_init(&r, code, w->cols[i].measure, date);
        text_copy(r.source, sizeof r.source, w->source);
        text_copy(r.period, sizeof r.period, period);
        if (figure(ic, row, &w->cols[i], W_FIRST + i, &r, e) ||
            (*r.text || !isnan(r.value) ? store_evidence_put(ic->s, &r, e) : 0))
            return -1;
    }
    ev_extract_date(ic, date);
    imp_keep(ic);
    return 0;
}

int ev_wide_run(import_ctx *ic, const ev_wide *w, err *e)
{
    const char *spec[IMP_COLS];
    int n = W_FIRST + (w->ncols < EV_WIDE_MAX ? w->ncols : EV_WIDE_MAX);
    spec[W_CODE] = w->code_spec;
    spec[W_DATE] = w->date_spec ? w->date_spec : "?";
    for (int i = W_FIRST; i < n; i++)
        spec[i] = w->cols[i - W_FIRST].spec;
    return imp_read_header(ic, spec, n, e) ? -1 : imp_rows(ic, one_row, (void *)w, e);
}
