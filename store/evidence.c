/* Dated figures from the published evidence files: per practice (DB
 * evidence) and per LSOA (DB area_fact).  Key: CODE\0 MEASURE\0 date
 * (u32 BE), so one prefix scan gives a measure's points in date order. */
#include "store/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { EVIDENCE_V = 1 };

void evidence_init(evidence *r, const char *code, const char *measure, long date)
{
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", code);
    snprintf(r->measure, sizeof r->measure, "%s", measure);
    r->date = date;
    r->value = r->base = NAN;
}

/* CODE\0MEASURE\0 [+ date]; 0 when it does not fit. */
static size_t ev_key(unsigned char *key, size_t ksz, const char *code, const char *measure,
                     const long *date)
{
    unsigned char suffix[SHORT_MAX + 5];
    size_t mn = strnlen(measure, SHORT_MAX - 1);
    memcpy(suffix, measure, mn);
    suffix[mn] = '\0';
    if (date)
        be_put32(suffix + mn + 1, (uint32_t)*date);
    return store_key(key, ksz, code, suffix, mn + 1 + (date ? 4 : 0));
}

static int ev_put(store *s, int db, const evidence *r, err *e)
{
    unsigned char key[128];
    size_t kn = ev_key(key, sizeof key, r->code, r->measure, &r->date);
    wbuf w;
    wb_init(&w, EVIDENCE_V);
    wb_f64(&w, r->value);
    wb_f64(&w, r->base);
    wb_str(&w, r->text);
    wb_str(&w, r->source);
    wb_str(&w, r->period);
    if (!kn || w.bad)
        return err_set(e, "evidence %s %s: record too large", r->code, r->measure);
    return store_put(s, db, key, kn, w.data, w.len, e);
}

int store_evidence_put(store *s, const evidence *r, err *e)
{
    return ev_put(s, DB_EVIDENCE, r, e);
}

int store_area_fact_put(store *s, const evidence *r, err *e)
{
    return ev_put(s, DB_AREA_FACT, r, e);
}

static int ev_decode(const MDB_val *k, const MDB_val *v, evidence *r)
{
    const char *p = k->mv_data;
    size_t cn = strnlen(p, k->mv_size);
    if (cn == 0 || cn >= CODE_MAX || cn + 1 >= k->mv_size)
        return -1;
    size_t mn = strnlen(p + cn + 1, k->mv_size - cn - 1);
    if (mn >= SHORT_MAX || cn + 1 + mn + 1 + 4 != k->mv_size)
        return -1;
    memset(r, 0, sizeof *r);
    memcpy(r->code, p, cn);
    memcpy(r->measure, p + cn + 1, mn);
    r->date = (long)be_get32((const unsigned char *)p + cn + mn + 2);
    rbuf b;
    if (rb_init(&b, v->mv_data, v->mv_size) != EVIDENCE_V)
        return -1;
    r->value = rb_f64(&b);
    r->base = rb_f64(&b);
    rb_str(&b, r->text, sizeof r->text);
    rb_str(&b, r->source, sizeof r->source);
    rb_str(&b, r->period, sizeof r->period);
    return b.bad ? -1 : 0;
}

struct ev_scan {
    int (*fn)(const evidence *, void *);
    void *ctx;
};

static int ev_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct ev_scan *es = ctx;
    evidence r;
    return ev_decode(k, v, &r) ? -1 : es->fn(&r, es->ctx);
}

int store_evidence_each(store *s, const char *code, int (*fn)(const evidence *, void *),
                        void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct ev_scan es = {fn, ctx};
    return kn ? store_scan(s, DB_EVIDENCE, key, kn, ev_scan_one, &es, e) : 0;
}

struct ev_latest {
    long asat;
    evidence *out;
    int found;
};

static int keep_latest(const evidence *r, void *ctx)
{
    struct ev_latest *l = ctx;
    if (l->asat && r->date > l->asat)
        return 1; /* dates ascend: nothing later qualifies */
    *l->out = *r;
    l->found = 1;
    return 0;
}

static int ev_latest(store *s, int db, const char *code, const char *measure, long asat,
                     evidence *out, err *e)
{
    unsigned char key[128];
    size_t kn = ev_key(key, sizeof key, code, measure, NULL);
    struct ev_latest l = {asat, out, 0};
    struct ev_scan es = {keep_latest, &l};
    if (kn && store_scan(s, db, key, kn, ev_scan_one, &es, e) < 0)
        return -1;
    return l.found;
}

int store_evidence_latest(store *s, const char *code, const char *measure, long asat,
                          evidence *out, err *e)
{
    return ev_latest(s, DB_EVIDENCE, code, measure, asat, out, e);
}

int store_area_fact_latest(store *s, const char *lsoa, const char *measure, long asat,
                           evidence *out, err *e)
{
    return ev_latest(s, DB_AREA_FACT, lsoa, measure, asat, out, e);
}
