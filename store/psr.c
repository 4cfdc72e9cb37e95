/* Procurement records under the Provider Selection Regime: one database,
 * key procurement \0 kind \0 key, value a version byte and one string
 * (core/psr splits it into fields).  Nothing here knows what the kinds
 * mean; core/psr.c does. */
#include "store/internal.h"

#include <string.h>

enum { PSR_V = 1 };

static size_t psr_key(unsigned char *k, size_t ksz, const char *proc, const char *kind,
                      const char *key)
{
    size_t a = strlen(proc), b = strlen(kind), c = key ? strlen(key) : 0;
    if (a + b + c + 2 > ksz)
        return 0;
    memcpy(k, proc, a + 1);
    memcpy(k + a + 1, kind, b + 1);
    if (key)
        memcpy(k + a + b + 2, key, c);
    return a + b + c + 2;
}

int store_psr_put(store *s, const psr_row *r, err *e)
{
    unsigned char k[CODE_MAX + SHORT_MAX + NAME_MAX];
    size_t kn = psr_key(k, sizeof k, r->proc, r->kind, r->key);
    if (kn == 0 || !*r->proc || !*r->kind || !*r->key)
        return err_set(e, "procurement record key is empty or too long");
    wbuf w;
    wb_init(&w, PSR_V);
    wb_str(&w, r->value);
    if (w.bad)
        return err_set(e, "procurement record too large");
    return store_put(s, DB_PSR, k, kn, w.data, w.len, e);
}

int store_psr_del(store *s, const psr_row *r, err *e)
{
    unsigned char k[CODE_MAX + SHORT_MAX + NAME_MAX];
    size_t kn = psr_key(k, sizeof k, r->proc, r->kind, r->key);
    if (kn == 0)
        return err_set(e, "procurement record key too long");
    return store_del(s, DB_PSR, k, kn, e);
}

struct psr_scan {
    int (*fn)(const psr_row *, void *);
    void *ctx;
    psr_row r;
};

/* Splits proc \0 kind \0 key back into the row. */
static int psr_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct psr_scan *ps = ctx;
    const char *p = k->mv_data;
    size_t n = k->mv_size, a = strnlen(p, n);
    if (a == n || a >= sizeof ps->r.proc)
        return -1;
    size_t b = strnlen(p + a + 1, n - a - 1);
    if (a + 1 + b == n || b >= sizeof ps->r.kind || n - a - b - 2 >= sizeof ps->r.key)
        return -1;
    memcpy(ps->r.proc, p, a + 1);
    memcpy(ps->r.kind, p + a + 1, b + 1);
    memcpy(ps->r.key, p + a + b + 2, n - a - b - 2);
    ps->r.key[n - a - b - 2] = '\0';
    rbuf rb;
    if (rb_init(&rb, v->mv_data, v->mv_size) != PSR_V)
        return -1;
    rb_str(&rb, ps->r.value, sizeof ps->r.value);
    if (rb.bad)
        return -1;
    return ps->fn(&ps->r, ps->ctx);
}

int store_psr_each(store *s, const char *proc, const char *kind,
                   int (*fn)(const psr_row *, void *), void *ctx, err *e)
{
    static struct psr_scan ps; /* a 4 KiB row: not on the stack */
    unsigned char k[CODE_MAX + SHORT_MAX + NAME_MAX];
    size_t kn = 0;
    ps.fn = fn;
    ps.ctx = ctx;
    if (proc) {
        kn = kind ? psr_key(k, sizeof k, proc, kind, NULL) : strlen(proc) + 1;
        if (kn == 0 || kn > sizeof k)
            return err_set(e, "procurement id too long");
        if (!kind)
            memcpy(k, proc, kn);
    }
    return store_scan(s, DB_PSR, proc ? k : NULL, kn, psr_one, &ps, e);
}
