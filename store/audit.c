/* The audit trail: key time (u64 BE) + sequence (u32 BE), so a scan is in
 * time order; the practice is in the value.
 *
 * The trail is hash-chained: each entry holds the SHA-256 of the entry
 * before it (its key and value), and the meta database holds the hash of
 * the last one, so an entry edited, deleted or moved breaks the chain and
 * `check` says where.  (Anyone who can write data.mdb can still rebuild
 * the whole chain: it shows tampering with the trail, it is no
 * signature.) */
#include "store/internal.h"

#include <stdio.h>
#include <string.h>

#include "util/sha256.h"

enum { AUDIT_V1 = 1, AUDIT_V = 2 };

static const char AUDIT_HEAD[] = "audit_head";

/* The key of the last entry (zeros when there is none). */
static int last_key(store *s, unsigned char key[12], err *e)
{
    MDB_cursor *c;
    MDB_val k, v;
    memset(key, 0, 12);
    int rc = mdb_cursor_open(s->txn, s->dbi[DB_AUDIT], &c);
    if (rc)
        return store_lmdb_err(e, "audit", rc);
    rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
    if (rc == 0 && k.mv_size == 12)
        memcpy(key, k.mv_data, 12);
    mdb_cursor_close(c);
    return rc && rc != MDB_NOTFOUND ? store_lmdb_err(e, "audit", rc) : 0;
}

/* The hash of one entry as stored (key, then value without its seal). */
static void entry_hash(const MDB_val *k, const MDB_val *v, char out[65])
{
    sha256 c;
    sha256_init(&c);
    sha256_add(&c, k->mv_data, k->mv_size);
    sha256_add(&c, v->mv_data, v->mv_size);
    sha256_hex(&c, out);
}

/* The hash of the last entry, from the meta database ("" when none). */
static int head_get(store *s, char out[65], err *e)
{
    MDB_val v;
    out[0] = '\0';
    int rc = store_get(s, DB_META, AUDIT_HEAD, sizeof AUDIT_HEAD - 1, &v, e);
    if (rc < 0)
        return -1;
    if (rc > 0 && v.mv_size == 64) {
        memcpy(out, v.mv_data, 64);
        out[64] = '\0';
    }
    return 0;
}

static void audit_encode(wbuf *w, const audit_rec *r)
{
    wb_init(w, AUDIT_V);
    wb_str(w, r->practice);
    wb_str(w, r->user);
    wb_str(w, r->field);
    wb_str(w, r->old_value);
    wb_str(w, r->new_value);
    wb_str(w, r->sha256);
    wb_str(w, r->prev);
}

/* Writes r under its key, chained to the current head, and moves the head. */
static int audit_put(store *s, audit_rec *r, const unsigned char key[12], err *e)
{
    if (head_get(s, r->prev, e))
        return -1;
    wbuf w;
    audit_encode(&w, r);
    if (w.bad)
        return err_set(e, "audit record too large");
    MDB_val k = {12, (void *)key}, v = {w.len, w.data};
    char h[65];
    entry_hash(&k, &v, h);
    if (store_put(s, DB_AUDIT, key, 12, w.data, w.len, e))
        return -1;
    return store_put(s, DB_META, AUDIT_HEAD, sizeof AUDIT_HEAD - 1, h, 64, e);
}

/* Entries only ever go at the end, so the chain is in key order: a change
 * in the same second as the last is numbered after it, and a clock set
 * back is recorded at the time of the last entry. */
int store_audit_add(store *s, audit_rec *r, err *e)
{
    unsigned char key[12];
    if (last_key(s, key, e))
        return -1;
    int64_t last = (int64_t)be_get64(key);
    uint32_t seq = be_get32(key + 8);
    bool any = last || seq;
    if (any && r->time <= last) {
        r->time = last;
        r->seq = seq + 1;
    } else {
        r->seq = 0;
    }
    be_put64(key, (uint64_t)r->time);
    be_put32(key + 8, r->seq);
    return audit_put(s, r, key, e);
}

static int audit_decode(const MDB_val *k, const MDB_val *v, audit_rec *r)
{
    rbuf b;
    memset(r, 0, sizeof *r);
    unsigned version = k->mv_size == 12 ? rb_init(&b, v->mv_data, v->mv_size) : 0;
    if (version != AUDIT_V1 && version != AUDIT_V)
        return -1;
    r->time = (int64_t)be_get64(k->mv_data);
    r->seq = be_get32((const unsigned char *)k->mv_data + 8);
    rb_str(&b, r->practice, sizeof r->practice);
    rb_str(&b, r->user, sizeof r->user);
    rb_str(&b, r->field, sizeof r->field);
    rb_str(&b, r->old_value, sizeof r->old_value);
    rb_str(&b, r->new_value, sizeof r->new_value);
    if (version == AUDIT_V) {
        rb_str(&b, r->sha256, sizeof r->sha256);
        rb_str(&b, r->prev, sizeof r->prev);
    }
    return b.bad ? -1 : 0;
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
    if (audit_decode(k, v, &r))
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

/* ---- the chain ----------------------------------------------------------- */

struct chain {
    char prev[65];       /* hash of the entry before */
    store_problem_fn report;
    void *ctx;
    long entries;
};

/* Each entry must name the one before it; a damaged one is reported by
 * the record check and stops nothing here. */
static int chain_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct chain *ch = ctx;
    audit_rec r;
    ch->entries++;
    if (audit_decode(k, v, &r) || strcmp(r.prev, ch->prev) != 0)
        ch->report(k, "the audit chain is broken here: an entry before it was edited, "
                      "removed or moved, or this one was", ch->ctx);
    entry_hash(k, v, ch->prev);
    return 0;
}

int store_audit_verify(store *s, store_problem_fn report, void *ctx, err *e)
{
    struct chain ch = {"", report, ctx, 0};
    char head[65];
    MDB_cursor *c;
    MDB_val k, v;
    if (!s->present[DB_AUDIT] || head_get(s, head, e))
        return s->present[DB_AUDIT] ? -1 : 0;
    int rc = mdb_cursor_open(s->txn, s->dbi[DB_AUDIT], &c);
    if (rc)
        return store_lmdb_err(e, "audit", rc);
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        if (store_unseal(s, DB_AUDIT, &k, &v))
            chain_one(&k, &v, &ch);
        else
            entry_hash(&k, &v, ch.prev); /* reported by the record check */
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND)
        return store_lmdb_err(e, "audit", rc);
    if (strcmp(head, ch.prev) != 0) {
        MDB_val hk = {sizeof AUDIT_HEAD - 1, (void *)AUDIT_HEAD};
        report(&hk, ch.entries ? "the last audit entry is not the one recorded: entries at "
                                 "the end were removed or changed"
                               : "the audit trail is empty but changes were recorded",
               ctx);
    }
    return 0;
}

/* Re-adds every entry, chained, under its own key (the migration to
 * schema 3 and a restore from an older backup). */
int store_audit_rechain(store *s, err *e)
{
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(s->txn, s->dbi[DB_AUDIT], &c);
    if (rc)
        return store_lmdb_err(e, "audit", rc);
    long n = 0;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        n++;
    mdb_cursor_close(c);
    if (store_del(s, DB_META, AUDIT_HEAD, sizeof AUDIT_HEAD - 1, e))
        return -1;
    unsigned char key[12];
    audit_rec r;
    /* Walk by key: each put replaces the entry it reads. */
    memset(key, 0, sizeof key);
    for (long i = 0; i < n; i++) {
        MDB_cursor *cur;
        MDB_val kk = {12, key}, vv;
        if ((rc = mdb_cursor_open(s->txn, s->dbi[DB_AUDIT], &cur)))
            return store_lmdb_err(e, "audit", rc);
        rc = mdb_cursor_get(cur, &kk, &vv, i ? MDB_SET_RANGE : MDB_FIRST);
        if (rc == 0 && i && kk.mv_size == 12 && memcmp(kk.mv_data, key, 12) == 0)
            rc = mdb_cursor_get(cur, &kk, &vv, MDB_NEXT);
        bool ok = rc == 0 && store_unseal(s, DB_AUDIT, &kk, &vv) && audit_decode(&kk, &vv, &r) == 0;
        if (rc == 0)
            memcpy(key, kk.mv_data, 12);
        mdb_cursor_close(cur);
        if (!ok)
            return rc && rc != MDB_NOTFOUND ? store_lmdb_err(e, "audit", rc)
                                            : err_set(e, "audit: an entry is damaged");
        if (audit_put(s, &r, key, e))
            return -1;
    }
    return 0;
}
