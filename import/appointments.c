/* Appointments in General Practice, practice level (NHS England, monthly,
 * one file per region, about 1.2 million rows each): a count per practice,
 * month, staff type, mode, category, booking lead time and status.  Summed
 * on import to five figures per practice and month: every appointment,
 * attended, did not attend, with a GP, face to face.  Rows for practices
 * not in the store are skipped (and counted). */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

enum { F_DATE, F_CODE, F_HCP, F_MODE, F_STATUS, F_COUNT_APPTS, F_COUNT };

static const char *const spec[F_COUNT] = {
    "APPOINTMENT_MONTH_START_DATE|APPOINTMENT_MONTH", "GP_CODE|PRACTICE_CODE", "?HCP_TYPE",
    "?APPT_MODE", "APPT_STATUS", "COUNT_OF_APPOINTMENTS"};

enum { A_TOTAL, A_ATTENDED, A_DNA, A_GP, A_F2F, A_SUMS };

static const char *const measure[A_SUMS] = {"appt.total", "appt.attended", "appt.dna",
                                            "appt.gp", "appt.face_to_face"};

typedef struct month_sum {
    char code[CODE_MAX];
    long date;            /* 0: an empty slot */
    double n[A_SUMS];
} month_sum;

typedef struct sums {
    month_sum *v;
    size_t cap, used;
    char last[CODE_MAX];  /* the last practice looked up, and whether known */
    int last_known;
} sums;

static uint64_t slot_hash(const char *code, long date)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)date;
    for (const char *p = code; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h;
}

static month_sum *slot(sums *s, const char *code, long date);

static int grow(sums *s)
{
    sums bigger = {calloc(s->cap ? s->cap * 2 : 4096, sizeof *s->v), s->cap ? s->cap * 2 : 4096,
                   0, "", 0};
    if (!bigger.v)
        return -1;
    for (size_t i = 0; i < s->cap; i++)
        if (s->v[i].date) {
            month_sum *m = slot(&bigger, s->v[i].code, s->v[i].date);
            *m = s->v[i];
            bigger.used++;
        }
    free(s->v);
    s->v = bigger.v;
    s->cap = bigger.cap;
    return 0;
}

/* The slot of (code, date): found, or the empty one where it belongs. */
static month_sum *slot(sums *s, const char *code, long date)
{
    size_t i = (size_t)(slot_hash(code, date) & (s->cap - 1));
    while (s->v[i].date && (s->v[i].date != date || strcmp(s->v[i].code, code) != 0))
        i = (i + 1) & (s->cap - 1);
    return &s->v[i];
}

static month_sum *find_or_add(sums *s, const char *code, long date)
{
    if ((s->used + 1) * 2 > s->cap && grow(s))
        return NULL;
    month_sum *m = slot(s, code, date);
    if (!m->date) {
        text_copy(m->code, sizeof m->code, code);
        m->date = date;
        s->used++;
    }
    return m;
}

static int known(import_ctx *ic, sums *s, const char *code, err *e)
{
    if (strcmp(s->last, code) != 0) {
        practice p;
        int rc = store_practice_get(ic->s, code, &p, e);
        if (rc < 0)
            return -1;
        text_copy(s->last, sizeof s->last, code);
        s->last_known = rc;
    }
    if (!s->last_known)
        imp_skip(ic, "for practices not in the store");
    return s->last_known;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    sums *s = ctx;
    char code[CODE_MAX];
    long date, n;
    if (imp_date(ic, row, F_DATE, &date, e) || imp_code(ic, row, F_CODE, code, e) ||
        imp_long(ic, row, F_COUNT_APPTS, &n, e))
        return -1;
    if (date == 0)
        return imp_fail(ic, row, F_DATE, e, "empty month");
    if (n < 0 || n > 1000000)
        return imp_fail(ic, row, F_COUNT_APPTS, e, "%ld is not a count of appointments", n);
    int k = known(ic, s, code, e);
    if (k <= 0)
        return k;
    month_sum *m = find_or_add(s, code, date);
    if (!m)
        return err_set(e, "out of memory");
    const char *status = imp_str(ic, row, F_STATUS);
    m->n[A_TOTAL] += (double)n;
    m->n[A_ATTENDED] += strcmp(status, "Attended") == 0 ? (double)n : 0;
    m->n[A_DNA] += strcmp(status, "DNA") == 0 ? (double)n : 0;
    m->n[A_GP] += strcmp(imp_str(ic, row, F_HCP), "GP") == 0 ? (double)n : 0;
    m->n[A_F2F] += strcmp(imp_str(ic, row, F_MODE), "Face-to-Face") == 0 ? (double)n : 0;
    ev_extract_date(ic, date);
    imp_keep(ic);
    return 0;
}

/* One practice-month's five figures; the staff type and mode only when
 * the file has their columns. */
static int put_month(import_ctx *ic, const month_sum *m, err *e)
{
    char period[16];
    ev_month_period(m->date, period, sizeof period);
    for (int a = 0; a < A_SUMS; a++) {
        evidence r;
        if ((a == A_GP && ic->col[F_HCP] < 0) || (a == A_F2F && ic->col[F_MODE] < 0))
            continue;
        evidence_init(&r, m->code, measure[a], m->date);
        r.value = m->n[a];
        text_copy(r.source, sizeof r.source, "appointments");
        text_copy(r.period, sizeof r.period, period);
        if (store_evidence_put(ic->s, &r, e))
            return -1;
    }
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    sums s = {0};
    int rc = imp_read_header(ic, spec, F_COUNT, e) || grow(&s) ? -1 : 0;
    if (rc == 0 && !s.v)
        rc = err_set(e, "out of memory");
    if (rc == 0)
        rc = imp_rows(ic, one_row, &s, e);
    for (size_t i = 0; rc == 0 && i < s.cap; i++)
        if (s.v[i].date)
            rc = put_month(ic, &s.v[i], e);
    free(s.v);
    return rc;
}

static int detect(const csvr_row *row)
{
    return imp_find(row, "COUNT_OF_APPOINTMENTS") >= 0 && imp_find(row, "GP_CODE") >= 0 ? 95 : 0;
}

const import_kind kind_appointments = {
    "appointments",
    "Appointments in General Practice, practice level (summed per practice and month)",
    detect, run};
