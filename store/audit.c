/* The audit trail: key time (u64 BE) + sequence (u32 BE), so a scan is in
 * time order; the practice is in the value. */
#include "store/internal.h"

#include <string.h>

enum { AUDIT_V = 1 };

struct last_seq {
    int64_t time;
    uint32_t seq;
    bool seen;
};

static int find_last(const MDB_val *k, const MDB_val *v, void *ctx)
{
    (void)v;
    struct last_seq *l = ctx;
    if (k->mv_size != 12)
        return -1;
    l->seq = be_get32((const unsigned char *)k->mv_data + 8);
    l->seen = true;
    return 0;
}

int store_audit_add(store *s, audit_rec *r, err *e)
{
    unsigned char key[12];
    struct last_seq l = {r->time, 0, false};
    be_put64(key, (uint64_t)r->time);
    /* Changes in the same second are numbered after the last one. */
    if (store_scan(s, DB_AUDIT, key, 8, find_last, &l, e) < 0)
        return -1;
    r->seq = l.seen ? l.seq + 1 : 0;
    be_put32(key + 8, r->seq);
    wbuf w;
    wb_init(&w, AUDIT_V);
    wb_str(&w, r->practice);
    wb_str(&w, r->user);
    wb_str(&w, r->field);
    wb_str(&w, r->old_value);
    wb_str(&w, r->new_value);
    if (w.bad)
        return err_set(e, "audit record too large");
    return store_put(s, DB_AUDIT, key, sizeof key, w.data, w.len, e);
}

struct audit_scan {
    const char *code;
    int (*fn)(const audit_rec *, void *);
    void *ctx;
};

static int audit_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct audit_scan *as = ctx;
    audit_rec r;
    rbuf b;
    memset(&r, 0, sizeof r);
    if (k->mv_size != 12 || rb_init(&b, v->mv_data, v->mv_size) != AUDIT_V)
        return -1;
    r.time = (int64_t)be_get64(k->mv_data);
    r.seq = be_get32((const unsigned char *)k->mv_data + 8);
    rb_str(&b, r.practice, sizeof r.practice);
    rb_str(&b, r.user, sizeof r.user);
    rb_str(&b, r.field, sizeof r.field);
    rb_str(&b, r.old_value, sizeof r.old_value);
    rb_str(&b, r.new_value, sizeof r.new_value);
    if (b.bad)
        return -1;
    if (as->code && strcmp(as->code, r.practice) != 0)
        return 0;
    return as->fn(&r, as->ctx);
}

int store_audit_each(store *s, const char *code, int (*fn)(const audit_rec *, void *),
                     void *ctx, err *e)
{
    struct audit_scan as = {code, fn, ctx};
    return store_scan(s, DB_AUDIT, NULL, 0, audit_one, &as, e);
}
