/* Boundary outlines (key STEM\0CODE\0 + ring u32 BE + chunk u32 BE): the
 * points of each ring in chunks small enough for one record, each chunk
 * starting where the one before it ended. */
#include "store/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { BOUNDARY_V = 1 };

/* STEM\0CODE\0 (+ 8 bytes of ring and chunk when full): its length, 0
 * when a part is empty or too long. */
static size_t boundary_key(unsigned char *out, const char *stem, const char *code,
                           const boundary_rec *r)
{
    size_t sn = strnlen(stem, SHORT_MAX), cn = code ? strnlen(code, CODE_MAX) : 0;
    if (sn == 0 || sn >= SHORT_MAX || cn >= CODE_MAX || (code && cn == 0))
        return 0;
    memcpy(out, stem, sn + 1);
    if (!code)
        return sn + 1;
    memcpy(out + sn + 1, code, cn + 1);
    size_t n = sn + cn + 2;
    if (!r)
        return n;
    be_put32(out + n, r->part);
    be_put32(out + n + 4, r->chunk);
    return n + 8;
}

int store_boundary_put(store *s, const boundary_rec *r, err *e)
{
    unsigned char key[SHORT_MAX + CODE_MAX + 8];
    size_t kn = boundary_key(key, r->stem, r->code, r);
    static wbuf w;
    wb_init(&w, BOUNDARY_V);
    wb_str(&w, r->set);
    wb_str(&w, r->name);
    wb_i64(&w, r->n);
    for (int i = 0; i < r->n && i < BOUNDARY_CHUNK; i++) {
        wb_f64(&w, r->lat[i]);
        wb_f64(&w, r->lon[i]);
    }
    if (!kn || w.bad || r->n < 1 || r->n > BOUNDARY_CHUNK)
        return err_set(e, "boundary %s: record too large", r->code);
    return store_put(s, DB_BOUNDARY, key, kn, w.data, w.len, e);
}

/* The key's parts; -1 when it is not a boundary key. */
static int key_parts(const MDB_val *k, boundary_rec *r)
{
    const char *p = k->mv_data;
    size_t sn = strnlen(p, k->mv_size);
    if (sn == 0 || sn >= SHORT_MAX || sn + 1 >= k->mv_size)
        return -1;
    size_t cn = strnlen(p + sn + 1, k->mv_size - sn - 1);
    if (cn == 0 || cn >= CODE_MAX || sn + cn + 2 + 8 != k->mv_size)
        return -1;
    memcpy(r->stem, p, sn + 1);
    memcpy(r->code, p + sn + 1, cn + 1);
    r->part = be_get32((const unsigned char *)p + sn + cn + 2);
    r->chunk = be_get32((const unsigned char *)p + sn + cn + 6);
    return 0;
}

bool store_boundary_key_ok(const MDB_val *k)
{
    static boundary_rec r;
    return key_parts(k, &r) == 0;
}

static int decode(const MDB_val *k, const MDB_val *v, boundary_rec *r)
{
    rbuf b;
    if (key_parts(k, r) || rb_init(&b, v->mv_data, v->mv_size) != BOUNDARY_V)
        return -1;
    rb_str(&b, r->set, sizeof r->set);
    rb_str(&b, r->name, sizeof r->name);
    int64_t n = rb_i64(&b);
    if (b.bad || n < 1 || n > BOUNDARY_CHUNK)
        return -1;
    r->n = (int)n;
    for (int i = 0; i < r->n; i++) {
        r->lat[i] = rb_f64(&b);
        r->lon[i] = rb_f64(&b);
        if (!(fabs(r->lat[i]) <= 90 && fabs(r->lon[i]) <= 180))
            return -1;
    }
    return b.bad || b.pos != b.len ? -1 : 0;
}

struct boundary_scan {
    int (*fn)(const boundary_rec *, void *);
    void *ctx;
    boundary_rec *r;
};

static int boundary_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct boundary_scan *bs = ctx;
    return decode(k, v, bs->r) ? -1 : bs->fn(bs->r, bs->ctx);
}

int store_boundary_each(store *s, int (*fn)(const boundary_rec *, void *), void *ctx, err *e)
{
    struct boundary_scan bs = {fn, ctx, malloc(sizeof(boundary_rec))};
    if (!bs.r)
        return err_set(e, "out of memory");
    int rc = store_scan(s, DB_BOUNDARY, NULL, 0, boundary_one, &bs, e);
    free(bs.r);
    return rc;
}

/* The keys of one kind of area, gathered before any is deleted. */
struct key_list {
    MDB_val *k;
    size_t n, cap;
};

static int gather(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct key_list *l = ctx;
    (void)v;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 256;
        MDB_val *n = realloc(l->k, cap * sizeof *n);
        if (!n)
            return -2;
        l->k = n;
        l->cap = cap;
    }
    void *copy = malloc(k->mv_size);
    if (!copy)
        return -2;
    memcpy(copy, k->mv_data, k->mv_size);
    l->k[l->n++] = (MDB_val){k->mv_size, copy};
    return 0;
}

int store_boundary_drop(store *s, const char *stem, err *e)
{
    unsigned char prefix[SHORT_MAX];
    size_t pn = boundary_key(prefix, stem, NULL, NULL);
    struct key_list l = {0};
    if (!pn)
        return err_set(e, "boundary: no kind of area named");
    int rc = store_scan(s, DB_BOUNDARY, prefix, pn, gather, &l, e);
    if (rc == -2)
        rc = err_set(e, "out of memory");
    for (size_t i = 0; i < l.n && rc == 0; i++)
        rc = store_del(s, DB_BOUNDARY, l.k[i].mv_data, l.k[i].mv_size, e);
    for (size_t i = 0; i < l.n; i++)
        free(l.k[i].mv_data);
    free(l.k);
    return rc;
}

static int count_first(const MDB_val *k, const MDB_val *v, void *ctx)
{
    static boundary_rec r;
    (void)v;
    if (key_parts(k, &r) == 0 && r.part == 0 && r.chunk == 0)
        ++*(long *)ctx;
    return 0;
}

long store_boundary_count(store *s)
{
    long n = 0;
    err e;
    return store_scan(s, DB_BOUNDARY, NULL, 0, count_first, &n, &e) ? -1 : n;
}
