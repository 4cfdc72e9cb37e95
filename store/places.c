/* Where things are: postcodes, LSOAs, and where each practice's patients
 * live (practice x LSOA). */
#include "store/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Postcodes 2 and LSOAs 2 add the 2011 LSOA, IMD by edition and the
 * vintages; version 1 records still read. */
enum { POSTCODE_V = 2, LSOA_V = 2, LSOAREG_V = 1, LINK_V = 1 };

int store_postcode_put(store *s, const postcode_rec *r, err *e)
{
    wbuf w;
    wb_init(&w, POSTCODE_V);
    wb_f64(&w, r->lat);
    wb_f64(&w, r->lon);
    wb_str(&w, r->lsoa);
    wb_u8(&w, r->terminated);
    wb_u8(&w, (unsigned)r->source);
    wb_str(&w, r->lsoa11);
    if (store_put(s, DB_POSTCODE, r->postcode, strlen(r->postcode), w.data, w.len, e))
        return -1;
    return store_practice_relocate(s, r->postcode, e);
}

int store_postcode_get(store *s, const char *pc, postcode_rec *out, err *e)
{
    MDB_val v;
    int rc = store_get(s, DB_POSTCODE, pc, strlen(pc), &v, e);
    if (rc <= 0)
        return rc;
    rbuf r;
    memset(out, 0, sizeof *out);
    snprintf(out->postcode, sizeof out->postcode, "%s", pc);
    unsigned version = rb_init(&r, v.mv_data, v.mv_size);
    if (version < 1 || version > POSTCODE_V)
        return err_set(e, "postcode %s: the record is damaged", pc);
    out->lat = rb_f64(&r);
    out->lon = rb_f64(&r);
    rb_str(&r, out->lsoa, sizeof out->lsoa);
    out->terminated = rb_u8(&r);
    out->source = (int)rb_u8(&r);
    if (version >= 2)
        rb_str(&r, out->lsoa11, sizeof out->lsoa11);
    return r.bad ? err_set(e, "postcode %s: the record is damaged", pc) : 1;
}

void lsoa_init(lsoa_rec *l, const char *code)
{
    memset(l, 0, sizeof *l);
    snprintf(l->code, sizeof l->code, "%s", code);
    l->lat = l->lon = NAN;
}

int store_lsoa_put(store *s, const lsoa_rec *l, err *e)
{
    wbuf w;
    wb_init(&w, LSOA_V);
    wb_str(&w, l->name);
    wb_f64(&w, l->lat);
    wb_f64(&w, l->lon);
    wb_u8(&w, (unsigned)l->imd[IMD_2019]);
    wb_u8(&w, (unsigned)l->income[IMD_2019]);
    wb_str(&w, l->district);
    wb_u8(&w, (unsigned)l->imd[IMD_2025]);
    wb_u8(&w, (unsigned)l->income[IMD_2025]);
    wb_u8(&w, l->vintages);
    if (w.bad)
        return err_set(e, "LSOA %s: record too large", l->code);
    return store_put(s, DB_LSOA, l->code, strlen(l->code), w.data, w.len, e);
}

int store_lsoa_get(store *s, const char *code, lsoa_rec *out, err *e)
{
    MDB_val v;
    int rc = store_get(s, DB_LSOA, code, strlen(code), &v, e);
    if (rc <= 0)
        return rc;
    rbuf r;
    lsoa_init(out, code);
    unsigned version = rb_init(&r, v.mv_data, v.mv_size);
    if (version < 1 || version > LSOA_V)
        return err_set(e, "LSOA %s: the record is damaged", code);
    rb_str(&r, out->name, sizeof out->name);
    out->lat = rb_f64(&r);
    out->lon = rb_f64(&r);
    out->imd[IMD_2019] = (int)rb_u8(&r);
    out->income[IMD_2019] = (int)rb_u8(&r);
    rb_str(&r, out->district, sizeof out->district);
    if (version >= 2) {
        out->imd[IMD_2025] = (int)rb_u8(&r);
        out->income[IMD_2025] = (int)rb_u8(&r);
        out->vintages = rb_u8(&r);
    }
    return r.bad ? err_set(e, "LSOA %s: the record is damaged", code) : 1;
}

/* ---- practice x LSOA: key CODE\0 + date (u32 BE) + LSOA; before schema 3
 * CODE\0LSOA (the date only in the value) ---- */

static size_t reg_key(unsigned char *key, size_t n, const char *code, long date,
                      const char *lsoa)
{
    unsigned char suffix[4 + LSOA_MAX];
    size_t ln = strlen(lsoa);
    if (ln >= LSOA_MAX)
        return 0;
    be_put32(suffix, (uint32_t)date);
    memcpy(suffix + 4, lsoa, ln);
    return store_key(key, n, code, suffix, date || ln ? 4 + ln : 0);
}

int store_lsoa_reg_put(store *s, const lsoa_reg *r, err *e)
{
    unsigned char key[64];
    size_t kn = reg_key(key, sizeof key, r->practice, r->date, r->lsoa);
    wbuf w;
    wb_init(&w, LSOAREG_V);
    wb_i64(&w, r->patients);
    wb_i64(&w, r->date);
    wb_u8(&w, r->modelled);
    if (!kn)
        return err_set(e, "LSOA row %s %s: codes too long", r->practice, r->lsoa);
    return store_put(s, DB_LSOAREG, key, kn, w.data, w.len, e);
}

/* dated: the key holds the date (schema 3 on). */
static int lsoa_reg_decode(const MDB_val *k, const MDB_val *v, bool dated, lsoa_reg *r)
{
    const char *key = k->mv_data;
    size_t cn = strnlen(key, k->mv_size), at = cn + 1 + (dated ? 4 : 0);
    rbuf b;
    memset(r, 0, sizeof *r);
    if (cn >= CODE_MAX || at > k->mv_size || k->mv_size - at >= LSOA_MAX)
        return -1;
    memcpy(r->practice, key, cn);
    memcpy(r->lsoa, key + at, k->mv_size - at);
    if (rb_init(&b, v->mv_data, v->mv_size) != LSOAREG_V)
        return -1;
    r->patients = (long)rb_i64(&b);
    r->date = (long)rb_i64(&b);
    r->modelled = rb_u8(&b);
    return b.bad ? -1 : 0;
}

struct reg_scan {
    int (*fn)(const lsoa_reg *, void *);
    void *ctx;
    bool dated;
};

static int reg_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct reg_scan *rs = ctx;
    lsoa_reg r;
    if (lsoa_reg_decode(k, v, rs->dated, &r))
        return -1;
    return rs->fn(&r, rs->ctx);
}

int store_lsoa_reg_each(store *s, const char *code,
                        int (*fn)(const lsoa_reg *, void *), void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct reg_scan rs = {fn, ctx, s->schema >= 3};
    return store_scan(s, DB_LSOAREG, key, kn, reg_scan_one, &rs, e);
}

/* The newest extract date on or before a date, from the keys alone. */
struct reg_newest {
    long date, found;
    size_t cn;
};

static int reg_newest_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct reg_newest *rn = ctx;
    (void)v;
    if (k->mv_size < rn->cn + 1 + 4)
        return -1;
    long d = (long)be_get32((const unsigned char *)k->mv_data + rn->cn + 1);
    if (d > rn->date)
        return 1;
    rn->found = d;
    return 0;
}

/* Before schema 3 a practice has one extract: its rows, if on or before. */
struct reg_old_at {
    struct reg_scan rs;
    long date;
};

static int reg_old_at_one(const lsoa_reg *r, void *ctx)
{
    struct reg_old_at *ro = ctx;
    return r->date <= ro->date ? ro->rs.fn(r, ro->rs.ctx) : 0;
}

int store_lsoa_reg_each_at(store *s, const char *code, long date,
                           int (*fn)(const lsoa_reg *, void *), void *ctx, err *e)
{
    unsigned char key[64], d[4];
    if (s->schema < 3) {
        struct reg_old_at ro = {{fn, ctx, false}, date};
        return store_lsoa_reg_each(s, code, reg_old_at_one, &ro, e);
    }
    struct reg_newest rn = {date, 0, strlen(code)};
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    if (!kn || store_scan(s, DB_LSOAREG, key, kn, reg_newest_one, &rn, e) < 0)
        return kn ? -1 : 0;
    if (!rn.found)
        return 0;
    be_put32(d, (uint32_t)rn.found);
    kn = store_key(key, sizeof key, code, d, 4);
    struct reg_scan rs = {fn, ctx, true};
    return store_scan(s, DB_LSOAREG, key, kn, reg_scan_one, &rs, e);
}

int store_lsoa_reg_clear(store *s, const char *code, long date, err *e)
{
    unsigned char key[64], d[4];
    be_put32(d, (uint32_t)date);
    size_t kn = store_key(key, sizeof key, code, d, date ? 4 : 0);
    MDB_cursor *c;
    int rc = mdb_cursor_open(s->txn, s->dbi[DB_LSOAREG], &c);
    if (rc)
        return store_lmdb_err(e, "practice_lsoa", rc);
    /* Seek afresh after each delete: simpler than trusting the cursor's
     * position after mdb_cursor_del across LMDB versions. */
    for (;;) {
        MDB_val k = {kn, key}, v;
        rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
        if (rc || k.mv_size < kn || memcmp(k.mv_data, key, kn) != 0)
            break;
        rc = mdb_cursor_del(c, 0);
        if (rc)
            break;
    }
    mdb_cursor_close(c);
    return rc && rc != MDB_NOTFOUND ? store_lmdb_err(e, "practice_lsoa", rc) : 0;
}

struct rekey {
    unsigned char (*keys)[64];
    size_t *kn;
    lsoa_reg *rows;
    size_t n, cap;
};

static int rekey_collect(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct rekey *rk = ctx;
    if (rk->n == rk->cap) {
        size_t nc = rk->cap ? rk->cap * 2 : 4096;
        void *a = realloc(rk->keys, nc * sizeof *rk->keys);
        if (a)
            rk->keys = a;
        void *b = realloc(rk->kn, nc * sizeof *rk->kn);
        if (b)
            rk->kn = b;
        void *c = realloc(rk->rows, nc * sizeof *rk->rows);
        if (c)
            rk->rows = c;
        if (!a || !b || !c || k->mv_size > 64)
            return -1;
        rk->cap = nc;
    }
    memcpy(rk->keys[rk->n], k->mv_data, k->mv_size);
    rk->kn[rk->n] = k->mv_size;
    return lsoa_reg_decode(k, v, false, &rk->rows[rk->n++]) ? -1 : 0;
}

/* Schema 2 -> 3: every row again under a key with its extract date. */
int store_lsoa_reg_rekey(store *s, err *e)
{
    struct rekey rk = {0};
    int rc = store_scan(s, DB_LSOAREG, NULL, 0, rekey_collect, &rk, e) < 0 ? -1 : 0;
    for (size_t i = 0; rc == 0 && i < rk.n; i++)
        rc = store_del(s, DB_LSOAREG, rk.keys[i], rk.kn[i], e) ||
                     store_lsoa_reg_put(s, &rk.rows[i], e)
                 ? -1 : 0;
    free(rk.keys);
    free(rk.kn);
    free(rk.rows);
    return rc;
}

/* ---- the LSOA 2011 <-> 2021 lookup: key VINTAGE+CODE\0OTHER ---- */

/* "1" + the 2011 code (links to 2021), "2" + the 2021 code (back). */
static size_t link_key(unsigned char *key, size_t n, char vintage, const char *code,
                       const char *other)
{
    char first[LSOA_MAX + 1];
    snprintf(first, sizeof first, "%c%s", vintage, code);
    return store_key(key, n, first, other, other ? strlen(other) : 0);
}

int store_lsoa_link_put(store *s, const lsoa_link *l, err *e)
{
    unsigned char k1[64], k2[64];
    size_t n1 = link_key(k1, sizeof k1, '1', l->lsoa11, l->lsoa21);
    size_t n2 = link_key(k2, sizeof k2, '2', l->lsoa21, l->lsoa11);
    wbuf w;
    wb_init(&w, LINK_V);
    wb_u8(&w, (unsigned char)l->change);
    if (!n1 || !n2)
        return err_set(e, "LSOA link %s-%s: codes too long", l->lsoa11, l->lsoa21);
    return store_put(s, DB_LSOA_LINK, k1, n1, w.data, w.len, e) ||
                   store_put(s, DB_LSOA_LINK, k2, n2, w.data, w.len, e)
               ? -1 : 0;
}

struct link_scan {
    int (*fn)(const lsoa_link *, void *);
    void *ctx;
};

static int link_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct link_scan *ls = ctx;
    const char *key = k->mv_data;
    size_t an = strnlen(key, k->mv_size), bn = k->mv_size - an - 1;
    char a[LSOA_MAX], b[LSOA_MAX];
    rbuf r;
    if (an < 2 || an - 1 >= LSOA_MAX || an >= k->mv_size || bn >= LSOA_MAX ||
        rb_init(&r, v->mv_data, v->mv_size) != LINK_V)
        return -1;
    memcpy(a, key + 1, an - 1);
    a[an - 1] = '\0';
    memcpy(b, key + an + 1, bn);
    b[bn] = '\0';
    lsoa_link l = {.change = (char)rb_u8(&r)};
    snprintf(l.lsoa11, sizeof l.lsoa11, "%s", key[0] == '1' ? a : b);
    snprintf(l.lsoa21, sizeof l.lsoa21, "%s", key[0] == '1' ? b : a);
    return r.bad ? -1 : ls->fn(&l, ls->ctx);
}

int store_lsoa_link_each(store *s, const char *code, int (*fn)(const lsoa_link *, void *),
                         void *ctx, err *e)
{
    struct link_scan ls = {fn, ctx};
    unsigned char key[64];
    for (char vintage = '1'; vintage <= '2'; vintage++) {
        size_t kn = link_key(key, sizeof key, vintage, code, NULL);
        int rc = kn ? store_scan(s, DB_LSOA_LINK, key, kn, link_scan_one, &ls, e) : 0;
        if (rc)
            return rc;
    }
    return 0;
}
