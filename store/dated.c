/* Contracts and capacity facts: the commissioner's own records, each a
 * dated history taken as at a date like the published figures.
 *   contract: key CODE\0 + start (u32 BE; 0: start unknown)
 *   capacity: key CODE\0 + from (u32 BE; 0: since always)
 * Before schema 4 each practice had one record under the key CODE; the
 * upgrade (store_dated_rekey) moves each under its date. */
#include "store/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CONTRACT_V = 1, CAPACITY_V = 1 };

static size_t dated_key(unsigned char *key, size_t n, const char *code, long date)
{
    unsigned char d[4];
    be_put32(d, (uint32_t)(date > 0 ? date : 0));
    return store_key(key, n, code, d, 4);
}

/* The practice code and the date of a key; a key from before schema 4
 * (the code alone) has date 0. */
static int key_parts(const MDB_val *k, char *code, long *date)
{
    size_t cn = strnlen(k->mv_data, k->mv_size);
    if (cn == 0 || cn >= CODE_MAX || (cn != k->mv_size && k->mv_size != cn + 5))
        return -1;
    memcpy(code, k->mv_data, cn);
    code[cn] = '\0';
    *date = cn == k->mv_size ? 0 : (long)be_get32((const unsigned char *)k->mv_data + cn + 1);
    return 0;
}

/* ---- contracts ---- */

int store_contract_put(store *s, const contract *r, err *e)
{
    unsigned char key[64];
    size_t kn = dated_key(key, sizeof key, r->practice, r->start);
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
    if (w.bad || !kn)
        return err_set(e, "contract %s: record too large", r->practice);
    return store_put(s, DB_CONTRACT, key, kn, w.data, w.len, e);
}

int store_contract_del(store *s, const char *code, long start, err *e)
{
    unsigned char key[64];
    size_t kn = dated_key(key, sizeof key, code, start);
    return kn ? store_del(s, DB_CONTRACT, key, kn, e) : 0;
}

static int contract_decode(const MDB_val *k, const MDB_val *v, contract *r)
{
    rbuf b;
    long start;
    memset(r, 0, sizeof *r);
    if (key_parts(k, r->practice, &start) || rb_init(&b, v->mv_data, v->mv_size) != CONTRACT_V)
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

bool store_contract_ended(const contract *c, long date)
{
    return c->end > 0 && date > 0 && c->end < date;
}

bool store_contract_illustrative(const contract *c)
{
    return strstr(c->notes, "ILLUSTRATIVE") != NULL;
}

/* The contracts of one practice, oldest start first, read into one
 * choice: of those started on or before date (0: any), the newest in
 * force, else the newest started. */
struct contract_pick {
    long date;
    contract *out;
    bool found;
    char code[CODE_MAX];      /* the practice being read (each_at) */
    int (*fn)(const contract *, void *);
    void *ctx;
};

static void pick_one(struct contract_pick *p, const contract *c)
{
    if (p->date && c->start > p->date)
        return;
    /* A later start wins, unless it has ended and the one held has not. */
    if (p->found && store_contract_ended(c, p->date) && !store_contract_ended(p->out, p->date))
        return;
    *p->out = *c;
    p->found = true;
}

static int pick_scan(const MDB_val *k, const MDB_val *v, void *ctx)
{
    static contract c;
    if (contract_decode(k, v, &c))
        return -1;
    pick_one(ctx, &c);
    return 0;
}

int store_contract_at(store *s, const char *code, long date, contract *out, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct contract_pick p = {.date = date, .out = out};
    memset(out, 0, sizeof *out);
    if (!kn || store_scan(s, DB_CONTRACT, key, kn, pick_scan, &p, e) < 0)
        return kn ? -1 : 0;
    if (!p.found)
        memset(out, 0, sizeof *out);
    return p.found ? 1 : 0;
}

/* Each practice's pick, handed on when the scan reaches the next one. */
static int pick_flush(struct contract_pick *p)
{
    int rc = p->found ? p->fn(p->out, p->ctx) : 0;
    p->found = false;
    return rc;
}

static int each_at_scan(const MDB_val *k, const MDB_val *v, void *ctx)
{
    static contract c;
    struct contract_pick *p = ctx;
    if (contract_decode(k, v, &c))
        return -1;
    if (strcmp(c.practice, p->code) != 0) {
        int rc = pick_flush(p);
        if (rc)
            return rc;
        memcpy(p->code, c.practice, sizeof p->code);
    }
    pick_one(p, &c);
    return 0;
}

int store_contract_each_at(store *s, long date, int (*fn)(const contract *, void *), void *ctx,
                           err *e)
{
    static contract held;
    struct contract_pick p = {.date = date, .out = &held, .fn = fn, .ctx = ctx};
    int rc = store_scan(s, DB_CONTRACT, NULL, 0, each_at_scan, &p, e);
    return rc ? rc : pick_flush(&p);
}

struct contract_scan {
    int (*fn)(const contract *, void *);
    void *ctx;
};

static int contract_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct contract_scan *cs = ctx;
    static contract r;
    return contract_decode(k, v, &r) ? -1 : cs->fn(&r, cs->ctx);
}

int store_contract_each(store *s, const char *code, int (*fn)(const contract *, void *),
                        void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct contract_scan cs = {fn, ctx};
    return store_scan(s, DB_CONTRACT, key, kn, contract_scan_one, &cs, e);
}

/* ---- capacity facts ---- */

void capacity_init(capacity_rec *c, const char *code)
{
    memset(c, 0, sizeof *c);
    snprintf(c->practice, sizeof c->practice, "%s", code);
    c->capacity = -1;
    c->gp_fte = NAN;
    c->list_open = -1;
    c->from = -1;
}

int store_capacity_put(store *s, const capacity_rec *r, err *e)
{
    unsigned char key[64];
    size_t kn = dated_key(key, sizeof key, r->practice, r->from);
    wbuf w;
    wb_init(&w, CAPACITY_V);
    wb_i64(&w, r->capacity);
    wb_f64(&w, r->gp_fte);
    wb_i64(&w, r->list_open);
    wb_i64(&w, r->closed_from);
    wb_i64(&w, r->closed_to);
    wb_u8(&w, r->capacity_set); /* trailing: older records lack it */
    wb_u8(&w, r->illustrative); /* trailing too */
    if (!kn)
        return err_set(e, "capacity %s: key too long", r->practice);
    return store_put(s, DB_CAPACITY, key, kn, w.data, w.len, e);
}

static int capacity_decode(const MDB_val *k, const MDB_val *v, capacity_rec *out)
{
    rbuf b;
    char code[CODE_MAX];
    long from;
    if (key_parts(k, code, &from))
        return -1;
    capacity_init(out, code);
    out->from = from;
    if (rb_init(&b, v->mv_data, v->mv_size) != CAPACITY_V)
        return -1;
    out->capacity = (long)rb_i64(&b);
    out->gp_fte = rb_f64(&b);
    out->list_open = (int)rb_i64(&b);
    out->closed_from = (long)rb_i64(&b);
    out->closed_to = (long)rb_i64(&b);
    out->capacity_set = b.pos < b.len && rb_u8(&b) == 1;
    out->illustrative = b.pos < b.len && rb_u8(&b) == 1;
    return b.bad ? -1 : 0;
}

struct capacity_pick {
    long date;
    capacity_rec at, newest;
    bool found_at, found;
};

static int capacity_pick_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct capacity_pick *p = ctx;
    capacity_rec r;
    if (capacity_decode(k, v, &r))
        return -1;
    if (!p->date || r.from <= p->date) {
        p->at = r;
        p->found_at = true;
    }
    p->newest = r;
    p->found = true;
    return 0;
}

int store_capacity_at(store *s, const char *code, long date, capacity_rec *out, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct capacity_pick p = {.date = date};
    capacity_init(out, code);
    if (!kn || store_scan(s, DB_CAPACITY, key, kn, capacity_pick_one, &p, e) < 0)
        return kn ? -1 : 0;
    if (p.found_at)
        *out = p.at;
    /* A formal list closure carries its own dates: the newest record's. */
    if (p.found) {
        out->list_open = p.newest.list_open;
        out->closed_from = p.newest.closed_from;
        out->closed_to = p.newest.closed_to;
    }
    return p.found_at ? 1 : 0;
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

int store_capacity_each(store *s, const char *code, int (*fn)(const capacity_rec *, void *),
                        void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct capacity_scan cs = {fn, ctx};
    return store_scan(s, DB_CAPACITY, key, kn, capacity_scan_one, &cs, e);
}

/* ---- schema 3 -> 4 ---- */

/* The keys of one database that are a practice code alone. */
struct old_keys {
    char (*code)[CODE_MAX];
    size_t n, cap;
};

static int old_key(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct old_keys *ok = ctx;
    (void)v;
    if (memchr(k->mv_data, '\0', k->mv_size) || k->mv_size >= CODE_MAX)
        return 0;
    if (ok->n == ok->cap) {
        size_t nc = ok->cap ? ok->cap * 2 : 256;
        void *a = realloc(ok->code, nc * sizeof *ok->code);
        if (!a)
            return -1;
        ok->code = a;
        ok->cap = nc;
    }
    memcpy(ok->code[ok->n], k->mv_data, k->mv_size);
    ok->code[ok->n++][k->mv_size] = '\0';
    return 0;
}

/* One practice's record under its old key, read, removed and put again
 * under its dated key: a contract under its start, capacity facts from
 * 0 (since always: the figures applied on every date before). */
static int rekey_one(store *s, int db, const char *code, err *e)
{
    static contract c;
    capacity_rec cap;
    MDB_val v, k = {strlen(code), (void *)code};
    int rc = store_get(s, db, code, strlen(code), &v, e);
    if (rc <= 0)
        return rc;
    if (db == DB_CONTRACT ? contract_decode(&k, &v, &c) : capacity_decode(&k, &v, &cap))
        return err_set(e, "%s %s: damaged; restore it from a backup", store_db_name(db), code);
    if (store_del(s, db, code, strlen(code), e))
        return -1;
    return db == DB_CONTRACT ? store_contract_put(s, &c, e) : store_capacity_put(s, &cap, e);
}

int store_dated_rekey(store *s, err *e)
{
    static const int dbs[] = {DB_CONTRACT, DB_CAPACITY};
    int rc = 0;
    for (size_t d = 0; rc == 0 && d < sizeof dbs / sizeof *dbs; d++) {
        struct old_keys ok = {0};
        rc = store_scan(s, dbs[d], NULL, 0, old_key, &ok, e) < 0 ? -1 : 0;
        for (size_t i = 0; rc == 0 && i < ok.n; i++)
            rc = rekey_one(s, dbs[d], ok.code[i], e) < 0 ? -1 : 0;
        free(ok.code);
    }
    return rc;
}
