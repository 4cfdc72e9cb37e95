/* What is known about a practice beyond the register: indicators and
 * notes (contracts and capacity facts: store/dated.c). */
#include "store/internal.h"

#include <stdio.h>
#include <string.h>

enum { INDICATOR_V = 1, NOTE_V = 1 };

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
