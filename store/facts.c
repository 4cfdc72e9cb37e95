/* What is known about a practice beyond the register: indicators,
 * contracts, capacity facts and notes. */
#include "store/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { INDICATOR_V = 1, CONTRACT_V = 1, CAPACITY_V = 1, NOTE_V = 1 };

/* Copies the practice code (the part of the key before \0). */
static int key_code(const MDB_val *k, char *code)
{
    size_t cn = strnlen(k->mv_data, k->mv_size);
    if (cn >= CODE_MAX || cn == k->mv_size)
        return -1;
    memcpy(code, k->mv_data, cn);
    code[cn] = '\0';
    return (int)cn;
}

/* ---- indicators: key CODE\0 + id (u32 BE) + period ---- */

int store_indicator_put(store *s, const indicator *r, err *e)
{
    unsigned char key[128], suffix[4 + SHORT_MAX];
    size_t pn = strlen(r->period);
    be_put32(suffix, (uint32_t)r->id);
    memcpy(suffix + 4, r->period, pn);
    size_t kn = store_key(key, sizeof key, r->practice, suffix, 4 + pn);
    wbuf w;
    wb_init(&w, INDICATOR_V);
    wb_str(&w, r->name);
    wb_f64(&w, r->value);
    wb_i64(&w, r->count);
    wb_i64(&w, r->denominator);
    return store_put(s, DB_INDICATOR, key, kn, w.data, w.len, e);
}

struct ind_scan {
    int (*fn)(const indicator *, void *);
    void *ctx;
};

static int ind_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct ind_scan *is = ctx;
    indicator r;
    rbuf b;
    memset(&r, 0, sizeof r);
    int cn = key_code(k, r.practice);
    size_t rest = k->mv_size - (size_t)cn - 1;
    if (cn < 0 || rest < 4 || rest - 4 >= SHORT_MAX)
        return -1;
    const unsigned char *p = (const unsigned char *)k->mv_data + cn + 1;
    r.id = (long)be_get32(p);
    memcpy(r.period, p + 4, rest - 4);
    if (rb_init(&b, v->mv_data, v->mv_size) != INDICATOR_V)
        return -1;
    rb_str(&b, r.name, sizeof r.name);
    r.value = rb_f64(&b);
    r.count = (long)rb_i64(&b);
    r.denominator = (long)rb_i64(&b);
    return b.bad ? -1 : is->fn(&r, is->ctx);
}

int store_indicator_each(store *s, const char *code,
                         int (*fn)(const indicator *, void *), void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct ind_scan is = {fn, ctx};
    return store_scan(s, DB_INDICATOR, key, kn, ind_scan_one, &is, e);
}

/* ---- contracts: key CODE ---- */

int store_contract_put(store *s, const contract *r, err *e)
{
    wbuf w;
    wb_init(&w, CONTRACT_V);
    wb_str(&w, r->type);
    wb_i64(&w, r->start);
    wb_i64(&w, r->end);
    wb_str(&w, r->extension);
    wb_str(&w, r->provider);
    wb_str(&w, r->notes);
    for (int m = 0; m < CONTRACT_MILESTONES; m++) /* trailing: older records lack them */
        wb_u8(&w, r->milestone[m]);
    if (w.bad)
        return err_set(e, "contract %s: record too large", r->practice);
    return store_put(s, DB_CONTRACT, r->practice, strlen(r->practice), w.data, w.len, e);
}

static int contract_decode(const MDB_val *k, const MDB_val *v, contract *r)
{
    rbuf b;
    memset(r, 0, sizeof *r);
    if (k->mv_size >= CODE_MAX)
        return -1;
    memcpy(r->practice, k->mv_data, k->mv_size);
    if (rb_init(&b, v->mv_data, v->mv_size) != CONTRACT_V)
        return -1;
    rb_str(&b, r->type, sizeof r->type);
    r->start = (long)rb_i64(&b);
    r->end = (long)rb_i64(&b);
    rb_str(&b, r->extension, sizeof r->extension);
    rb_str(&b, r->provider, sizeof r->provider);
    rb_str(&b, r->notes, sizeof r->notes);
    for (int m = 0; m < CONTRACT_MILESTONES && b.pos < b.len; m++) {
        unsigned st = rb_u8(&b);
        r->milestone[m] = st <= MILESTONE_WAIVED ? (unsigned char)st : MILESTONE_OPEN;
    }
    return b.bad ? -1 : 0;
}

int store_contract_get(store *s, const char *code, contract *out, err *e)
{
    MDB_val v;
    int rc = store_get(s, DB_CONTRACT, code, strlen(code), &v, e);
    if (rc <= 0)
        return rc;
    MDB_val k = {strlen(code), (void *)code};
    return contract_decode(&k, &v, out) ? err_set(e, "contract %s: damaged", code) : 1;
}

struct contract_scan {
    int (*fn)(const contract *, void *);
    void *ctx;
};

static int contract_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct contract_scan *cs = ctx;
    contract r;
    return contract_decode(k, v, &r) ? -1 : cs->fn(&r, cs->ctx);
}

int store_contract_each(store *s, int (*fn)(const contract *, void *), void *ctx, err *e)
{
    struct contract_scan cs = {fn, ctx};
    return store_scan(s, DB_CONTRACT, NULL, 0, contract_scan_one, &cs, e);
}

/* ---- capacity facts: key CODE ---- */

void capacity_init(capacity_rec *c, const char *code)
{
    memset(c, 0, sizeof *c);
    snprintf(c->practice, sizeof c->practice, "%s", code);
    c->capacity = -1;
    c->gp_fte = NAN;
    c->list_open = -1;
}

int store_capacity_put(store *s, const capacity_rec *r, err *e)
{
    wbuf w;
    wb_init(&w, CAPACITY_V);
    wb_i64(&w, r->capacity);
    wb_f64(&w, r->gp_fte);
    wb_i64(&w, r->list_open);
    wb_i64(&w, r->closed_from);
    wb_i64(&w, r->closed_to);
    wb_u8(&w, r->capacity_set); /* trailing: older records lack it */
    return store_put(s, DB_CAPACITY, r->practice, strlen(r->practice), w.data, w.len, e);
}

static int capacity_decode(const MDB_val *k, const MDB_val *v, capacity_rec *out)
{
    rbuf b;
    char code[CODE_MAX];
    if (k->mv_size >= CODE_MAX)
        return -1;
    memcpy(code, k->mv_data, k->mv_size);
    code[k->mv_size] = '\0';
    capacity_init(out, code);
    if (rb_init(&b, v->mv_data, v->mv_size) != CAPACITY_V)
        return -1;
    out->capacity = (long)rb_i64(&b);
    out->gp_fte = rb_f64(&b);
    out->list_open = (int)rb_i64(&b);
    out->closed_from = (long)rb_i64(&b);
    out->closed_to = (long)rb_i64(&b);
    out->capacity_set = b.pos < b.len && rb_u8(&b) == 1;
    return b.bad ? -1 : 0;
}

int store_capacity_get(store *s, const char *code, capacity_rec *out, err *e)
{
    MDB_val v;
    int rc = store_get(s, DB_CAPACITY, code, strlen(code), &v, e);
    if (rc <= 0)
        return rc;
    MDB_val k = {strlen(code), (void *)code};
    return capacity_decode(&k, &v, out) ? err_set(e, "capacity %s: damaged", code) : 1;
}

struct capacity_scan {
    int (*fn)(const capacity_rec *, void *);
    void *ctx;
};

static int capacity_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct capacity_scan *cs = ctx;
    capacity_rec r;
    return capacity_decode(k, v, &r) ? -1 : cs->fn(&r, cs->ctx);
}

int store_capacity_each(store *s, int (*fn)(const capacity_rec *, void *), void *ctx, err *e)
{
    struct capacity_scan cs = {fn, ctx};
    return store_scan(s, DB_CAPACITY, NULL, 0, capacity_scan_one, &cs, e);
}

/* ---- notes: key CODE\0 + time (u64 BE) + user [+ \0 + n] ----
 * Two notes by one user on one practice in the same second must both be
 * kept: the second and later get a tie-break byte n = 1, 2, ... after
 * the user.  Older stores have no such byte; both forms read back. */

int store_note_put(store *s, const note *r, err *e)
{
    unsigned char key[128], suffix[8 + SHORT_MAX + 2];
    size_t un = strnlen(r->user, SHORT_MAX - 1);
    be_put64(suffix, (uint64_t)r->time);
    memcpy(suffix + 8, r->user, un);
    size_t kn = store_key(key, sizeof key, r->practice, suffix, 8 + un);
    wbuf w;
    wb_init(&w, NOTE_V);
    wb_str(&w, r->text);
    if (w.bad || !kn || kn + 2 > sizeof key)
        return err_set(e, "note: too large");
    MDB_val old;
    for (unsigned n = 1; n < 256; n++) {
        int found = store_get(s, DB_NOTE, key, n == 1 ? kn : kn + 2, &old, e);
        if (found < 0)
            return -1;
        if (!found)
            return store_put(s, DB_NOTE, key, n == 1 ? kn : kn + 2, w.data, w.len, e);
        key[kn] = '\0';
        key[kn + 1] = (unsigned char)n;
    }
    return err_set(e, "note: too many notes on %s in one second", r->practice);
}

struct note_scan {
    int (*fn)(const note *, void *);
    void *ctx;
};

static int note_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct note_scan *ns = ctx;
    note r;
    rbuf b;
    memset(&r, 0, sizeof r);
    int cn = key_code(k, r.practice);
    if (cn < 0)
        return -1;
    size_t rest = k->mv_size - (size_t)cn - 1;
    const unsigned char *p = (const unsigned char *)k->mv_data + cn + 1;
    size_t un = rest < 8 ? 0 : strnlen((const char *)p + 8, rest - 8);
    if (rest < 8 || un >= SHORT_MAX || (rest - 8 != un && rest - 8 != un + 2))
        return -1;
    r.time = (int64_t)be_get64(p);
    memcpy(r.user, p + 8, un);
    if (rb_init(&b, v->mv_data, v->mv_size) != NOTE_V)
        return -1;
    rb_str(&b, r.text, sizeof r.text);
    return b.bad ? -1 : ns->fn(&r, ns->ctx);
}

int store_note_each(store *s, const char *code,
                    int (*fn)(const note *, void *), void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct note_scan ns = {fn, ctx};
    return store_scan(s, DB_NOTE, key, kn, note_scan_one, &ns, e);
}
