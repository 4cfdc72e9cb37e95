/* Branch surgeries (key PRACTICE\0BRANCH) and PCN membership over time
 * (key PRACTICE\0PCN\0start u32 BE). */
#include "store/internal.h"

#include <stdio.h>
#include <string.h>

enum { BRANCH_V = 1, PCN_MEMBER_V = 1 };

/* The two parts of a key CODE\0REST, REST up to restsz - 1 long. */
static int key_parts(const MDB_val *k, char *code, char *rest, size_t restsz, size_t *rn)
{
    size_t cn = strnlen(k->mv_data, k->mv_size);
    if (cn == 0 || cn >= CODE_MAX || cn == k->mv_size)
        return -1;
    memcpy(code, k->mv_data, cn);
    code[cn] = '\0';
    *rn = k->mv_size - cn - 1;
    if (*rn >= restsz)
        return -1;
    memcpy(rest, (const char *)k->mv_data + cn + 1, *rn);
    rest[*rn] = '\0';
    return 0;
}

int store_branch_put(store *s, const branch_rec *r, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, r->practice, r->code, strlen(r->code));
    wbuf w;
    wb_init(&w, BRANCH_V);
    wb_str(&w, r->name);
    wb_str(&w, r->town);
    wb_str(&w, r->postcode);
    wb_i64(&w, r->open_date);
    wb_i64(&w, r->close_date);
    if (!kn || w.bad)
        return err_set(e, "branch %s: record too large", r->code);
    return store_put(s, DB_BRANCH, key, kn, w.data, w.len, e);
}

struct branch_scan {
    int (*fn)(const branch_rec *, void *);
    void *ctx;
};

static int branch_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct branch_scan *bs = ctx;
    branch_rec r;
    rbuf b;
    size_t rn;
    memset(&r, 0, sizeof r);
    if (key_parts(k, r.practice, r.code, sizeof r.code, &rn) || rn == 0 ||
        rb_init(&b, v->mv_data, v->mv_size) != BRANCH_V)
        return -1;
    rb_str(&b, r.name, sizeof r.name);
    rb_str(&b, r.town, sizeof r.town);
    rb_str(&b, r.postcode, sizeof r.postcode);
    r.open_date = (long)rb_i64(&b);
    r.close_date = (long)rb_i64(&b);
    return b.bad ? -1 : bs->fn(&r, bs->ctx);
}

int store_branch_each(store *s, const char *code, int (*fn)(const branch_rec *, void *),
                      void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct branch_scan bs = {fn, ctx};
    return store_scan(s, DB_BRANCH, key, kn, branch_one, &bs, e);
}

int store_pcn_member_put(store *s, const pcn_member *r, err *e)
{
    unsigned char key[64], suffix[CODE_MAX + 5];
    size_t pn = strnlen(r->pcn, CODE_MAX - 1);
    memcpy(suffix, r->pcn, pn);
    suffix[pn] = '\0';
    be_put32(suffix + pn + 1, (uint32_t)r->start);
    size_t kn = store_key(key, sizeof key, r->practice, suffix, pn + 5);
    wbuf w;
    wb_init(&w, PCN_MEMBER_V);
    wb_str(&w, r->pcn_name);
    wb_i64(&w, r->end);
    if (!kn || w.bad)
        return err_set(e, "PCN membership %s: record too large", r->practice);
    return store_put(s, DB_PCN_MEMBER, key, kn, w.data, w.len, e);
}

struct member_scan {
    int (*fn)(const pcn_member *, void *);
    void *ctx;
};

static int member_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct member_scan *ms = ctx;
    pcn_member r;
    rbuf b;
    char rest[CODE_MAX + 5];
    size_t rn;
    memset(&r, 0, sizeof r);
    if (key_parts(k, r.practice, rest, sizeof rest, &rn))
        return -1;
    size_t pn = strnlen(rest, rn);
    if (pn == 0 || pn >= CODE_MAX || pn + 5 != rn)
        return -1;
    memcpy(r.pcn, rest, pn);
    r.start = (long)be_get32((const unsigned char *)rest + pn + 1);
    if (rb_init(&b, v->mv_data, v->mv_size) != PCN_MEMBER_V)
        return -1;
    rb_str(&b, r.pcn_name, sizeof r.pcn_name);
    r.end = (long)rb_i64(&b);
    return b.bad ? -1 : ms->fn(&r, ms->ctx);
}

int store_pcn_member_each(store *s, const char *code,
                          int (*fn)(const pcn_member *, void *), void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct member_scan ms = {fn, ctx};
    return store_scan(s, DB_PCN_MEMBER, key, kn, member_one, &ms, e);
}
