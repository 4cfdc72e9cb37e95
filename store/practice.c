/* Practices, their list-size history and their age profiles. */
#include "store/internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Practice records: 1 without a location, 2 with one, 3 with its 2011
 * LSOA too. */
enum { PRACTICE_V = 3, LIST_V = 1, AGE_V = 1 };

void practice_init(practice *p, const char *code)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    p->list_size = -1;
    p->lat = p->lon = NAN;
}

static void practice_encode(wbuf *w, const practice *p)
{
    wb_init(w, PRACTICE_V);
    wb_str(w, p->name);
    for (int i = 0; i < 5; i++)
        wb_str(w, p->addr[i]);
    wb_str(w, p->postcode);
    wb_str(w, p->phone);
    wb_str(w, p->status);
    wb_str(w, p->subtype);
    wb_str(w, p->role);
    wb_str(w, p->region);
    wb_str(w, p->icb);
    wb_str(w, p->sub_icb);
    wb_str(w, p->sub_icb_name);
    wb_str(w, p->icb_name);
    wb_str(w, p->pcn_code);
    wb_str(w, p->pcn_name);
    wb_str(w, p->parent);
    wb_i64(w, p->open_date);
    wb_i64(w, p->close_date);
    wb_u8(w, (unsigned)p->gp | (unsigned)p->in_register << 1);
    wb_i64(w, p->list_size);
    wb_i64(w, p->list_date);
    wb_f64(w, p->lat);
    wb_f64(w, p->lon);
    wb_str(w, p->lsoa);
    wb_str(w, p->lsoa11);
}

static int practice_decode(const MDB_val *k, const MDB_val *v, practice *p)
{
    rbuf r;
    char code[CODE_MAX];
    if (k->mv_size >= sizeof code)
        return -1;
    memcpy(code, k->mv_data, k->mv_size);
    code[k->mv_size] = '\0';
    practice_init(p, code);
    unsigned version = rb_init(&r, v->mv_data, v->mv_size);
    if (version < 1 || version > PRACTICE_V)
        return -1;
    rb_str(&r, p->name, sizeof p->name);
    for (int i = 0; i < 5; i++)
        rb_str(&r, p->addr[i], sizeof p->addr[i]);
    rb_str(&r, p->postcode, sizeof p->postcode);
    rb_str(&r, p->phone, sizeof p->phone);
    rb_str(&r, p->status, sizeof p->status);
    rb_str(&r, p->subtype, sizeof p->subtype);
    rb_str(&r, p->role, sizeof p->role);
    rb_str(&r, p->region, sizeof p->region);
    rb_str(&r, p->icb, sizeof p->icb);
    rb_str(&r, p->sub_icb, sizeof p->sub_icb);
    rb_str(&r, p->sub_icb_name, sizeof p->sub_icb_name);
    rb_str(&r, p->icb_name, sizeof p->icb_name);
    rb_str(&r, p->pcn_code, sizeof p->pcn_code);
    rb_str(&r, p->pcn_name, sizeof p->pcn_name);
    rb_str(&r, p->parent, sizeof p->parent);
    p->open_date = (long)rb_i64(&r);
    p->close_date = (long)rb_i64(&r);
    unsigned flags = rb_u8(&r);
    p->gp = flags & 1;
    p->in_register = flags >> 1 & 1;
    p->list_size = (long)rb_i64(&r);
    p->list_date = (long)rb_i64(&r);
    if (version >= 2) {
        p->lat = rb_f64(&r);
        p->lon = rb_f64(&r);
        rb_str(&r, p->lsoa, sizeof p->lsoa);
    }
    if (version >= 3)
        rb_str(&r, p->lsoa11, sizeof p->lsoa11);
    return r.bad ? -1 : 0;
}

/* Remembers that code is in the store in this write (see below). */
static void known(store *s, const char *code, size_t cn)
{
    if (s->writing && cn < CODE_MAX) {
        memcpy(s->known_practice, code, cn + 1);
        s->known_in = s->write_no;
    }
}

int store_practice_get(store *s, const char *code, practice *out, err *e)
{
    MDB_val v;
    size_t cn = strlen(code);
    int rc = store_get(s, DB_PRACTICE, code, cn, &v, e);
    if (rc <= 0)
        return rc;
    known(s, code, cn); /* a row read, then its practice's records put */
    MDB_val k = {cn, (void *)code};
    if (practice_decode(&k, &v, out))
        return err_set(e, "practice %s: the record is damaged", code);
    return 1;
}

/* Only whether the key is there: reading it whole (and its seal) is
 * the business of whoever reads the record.  The practice seen last in
 * this write (ensured or read) is remembered, as a file's rows for one
 * practice come together. */
int store_practice_ensure(store *s, const char *code, err *e)
{
    if (s->writing && s->known_in == s->write_no && strcmp(s->known_practice, code) == 0)
        return 0;
    size_t cn = strlen(code);
    MDB_val k = {cn, (void *)code}, v;
    int rc = cn && cn < 512 ? mdb_get(s->txn, s->dbi[DB_PRACTICE], &k, &v) : EINVAL;
    if (rc && rc != MDB_NOTFOUND)
        return store_lmdb_err(e, "practice", rc);
    if (rc == MDB_NOTFOUND) {
        practice p;
        practice_init(&p, code);
        if (store_practice_put(s, &p, e))
            return -1;
    }
    known(s, code, cn);
    return rc == MDB_NOTFOUND ? 1 : 0;
}

/* The postcode index: key POSTCODE\0CODE, an empty value. */
static int index_postcode(store *s, const char *old_pc, const practice *p, err *e)
{
    unsigned char key[64];
    size_t kn;
    if (strcmp(old_pc, p->postcode) == 0 && *old_pc)
        return 0;
    if (*old_pc && (kn = store_key(key, sizeof key, old_pc, p->code, strlen(p->code))) &&
        store_del(s, DB_PRACTICE_PC, key, kn, e))
        return -1;
    if (!*p->postcode)
        return 0;
    kn = store_key(key, sizeof key, p->postcode, p->code, strlen(p->code));
    return kn ? store_put(s, DB_PRACTICE_PC, key, kn, "", 0, e) : 0;
}

static int practice_write(store *s, const practice *p, err *e)
{
    wbuf w;
    practice_encode(&w, p);
    if (w.bad || !*p->code)
        return err_set(e, "practice %s: record too large", p->code);
    return store_put(s, DB_PRACTICE, p->code, strlen(p->code), w.data, w.len, e);
}

/* Writes a practice, located from the stored postcode whatever the
 * caller had.  Unless told to look it up (a postcode put, a migration),
 * a practice whose postcode is the one stored keeps the location stored
 * with it: every postcode put relocates the practices there, so it is
 * what the lookup would give (and the lookup, in a table of 1.7 million
 * postcodes, was a fifth of importing a month's list sizes). */
static int practice_put(store *s, const practice *in, bool locate, err *e)
{
    practice p = *in, old;
    postcode_rec pc;
    int rc = store_practice_get(s, p.code, &old, e);
    if (rc < 0 || (rc > 0 ? index_postcode(s, old.postcode, &p, e)
                          : index_postcode(s, "", &p, e)))
        return -1;
    if (!locate && rc > 0 && strcmp(old.postcode, p.postcode) == 0) {
        p.lat = old.lat;
        p.lon = old.lon;
        memcpy(p.lsoa, old.lsoa, sizeof p.lsoa);
        memcpy(p.lsoa11, old.lsoa11, sizeof p.lsoa11);
        return practice_write(s, &p, e);
    }
    p.lat = p.lon = NAN;
    p.lsoa[0] = p.lsoa11[0] = '\0';
    rc = *p.postcode ? store_postcode_get(s, p.postcode, &pc, e) : 0;
    if (rc < 0)
        return -1;
    if (rc > 0) {
        p.lat = pc.lat;
        p.lon = pc.lon;
        memcpy(p.lsoa, pc.lsoa, sizeof p.lsoa);
        memcpy(p.lsoa11, pc.lsoa11, sizeof p.lsoa11);
    }
    return practice_write(s, &p, e);
}

int store_practice_put(store *s, const practice *p, err *e)
{
    return practice_put(s, p, false, e);
}

struct relocate {
    store *s;
    err *e;
};

static int relocate_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct relocate *rl = ctx;
    const char *key = k->mv_data;
    size_t pn = strnlen(key, k->mv_size);
    char code[CODE_MAX];
    practice p;
    (void)v;
    if (k->mv_size - pn - 1 >= CODE_MAX)
        return -1;
    memcpy(code, key + pn + 1, k->mv_size - pn - 1);
    code[k->mv_size - pn - 1] = '\0';
    int rc = store_practice_get(rl->s, code, &p, rl->e);
    return rc < 0 ? -1 : rc == 0 ? 0 : practice_put(rl->s, &p, true, rl->e) ? -1 : 0;
}

int store_practice_relocate(store *s, const char *postcode, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, postcode, NULL, 0);
    struct relocate rl = {s, e};
    return kn ? (store_scan(s, DB_PRACTICE_PC, key, kn, relocate_one, &rl, e) < 0 ? -1 : 0) : 0;
}

struct codes {
    char (*v)[CODE_MAX];
    int n, cap;
};

static int collect_code(const practice *p, void *ctx)
{
    struct codes *c = ctx;
    if (c->n == c->cap) {
        int nc = c->cap ? c->cap * 2 : 1024;
        char(*v)[CODE_MAX] = realloc(c->v, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        c->v = v;
        c->cap = nc;
    }
    memcpy(c->v[c->n++], p->code, CODE_MAX);
    return 0;
}

/* The codes first, then the puts: no cursor walks a database it changes. */
int store_practice_reindex(store *s, err *e)
{
    struct codes c = {NULL, 0, 0};
    int rc = store_practice_each(s, collect_code, &c, e) < 0 ? -1 : 0;
    for (int i = 0; rc == 0 && i < c.n; i++) {
        practice p;
        rc = store_practice_get(s, c.v[i], &p, e) < 0 || practice_put(s, &p, true, e) ? -1 : 0;
    }
    free(c.v);
    return rc;
}

struct practice_scan {
    int (*fn)(const practice *, void *);
    void *ctx;
};

static int practice_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct practice_scan *ps = ctx;
    practice p;
    if (practice_decode(k, v, &p))
        return -1;
    return ps->fn(&p, ps->ctx);
}

int store_practice_each(store *s, int (*fn)(const practice *, void *), void *ctx, err *e)
{
    struct practice_scan ps = {fn, ctx};
    return store_scan(s, DB_PRACTICE, NULL, 0, practice_scan_one, &ps, e);
}

/* ---- list-size history: key CODE\0 + date (u32 BE) ---- */

int store_list_put(store *s, const char *code, const list_point *pt, err *e)
{
    unsigned char key[64], date[4];
    be_put32(date, (uint32_t)pt->date);
    size_t kn = store_key(key, sizeof key, code, date, 4);
    wbuf w;
    wb_init(&w, LIST_V);
    wb_i64(&w, pt->patients);
    return store_put(s, DB_LIST, key, kn, w.data, w.len, e);
}

struct list_scan {
    list_point *out;
    int max, n;
};

static int list_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct list_scan *ls = ctx;
    rbuf r;
    if (k->mv_size < 5 || rb_init(&r, v->mv_data, v->mv_size) != LIST_V)
        return -1;
    long patients = (long)rb_i64(&r);
    if (r.bad)
        return -1;
    /* Keep the newest max points: shift when full. */
    if (ls->n == ls->max) {
        memmove(ls->out, ls->out + 1, (size_t)(ls->max - 1) * sizeof *ls->out);
        ls->n--;
    }
    ls->out[ls->n].date = (long)be_get32((const unsigned char *)k->mv_data + k->mv_size - 4);
    ls->out[ls->n].patients = patients;
    ls->n++;
    return 0;
}

int store_list_history(store *s, const char *code, list_point *out, int max, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    struct list_scan ls = {out, max, 0};
    if (max <= 0 || !kn)
        return 0;
    if (store_scan(s, DB_LIST, key, kn, list_scan_one, &ls, e) < 0)
        return -1;
    return ls.n;
}

/* Keys CODE\0 + date (u32 BE) come oldest first: the last one on or before
 * the date is the newest then, found by one seek.  1 found (k, v set,
 * valid in the transaction), 0 none. */
struct dated_at {
    MDB_val k, v;
};

static int dated_at(store *s, int db, const char *code, long date, struct dated_at *da, err *e)
{
    unsigned char key[64], d[4];
    be_put32(d, (uint32_t)(date > 0 ? date : 0));
    size_t pn = store_key(key, sizeof key, code, NULL, 0);
    size_t kn = store_key(key, sizeof key, code, d, 4);
    if (!pn || !kn)
        return 0;
    int rc = store_last_upto(s, db, key, pn, key, kn, &da->k, &da->v, e);
    if (rc > 0 && da->k.mv_size != kn)
        return err_set(e, "%s: a key of %s is malformed", store_db_name(db), code);
    return rc;
}

int store_list_at(store *s, const char *code, long date, list_point *out, err *e)
{
    struct dated_at da;
    struct list_scan one = {out, 1, 0};
    out->date = 0;
    out->patients = -1;
    int rc = dated_at(s, DB_LIST, code, date, &da, e);
    if (rc <= 0)
        return rc;
    return list_scan_one(&da.k, &da.v, &one) ? err_set(e, "list size of %s is damaged", code) : 1;
}

struct list_span {
    long earliest, newest;
};

static int list_span_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct list_span *sp = ctx;
    (void)v;
    if (k->mv_size < 5)
        return -1;
    long d = (long)be_get32((const unsigned char *)k->mv_data + k->mv_size - 4);
    if (!sp->earliest || d < sp->earliest)
        sp->earliest = d;
    if (d > sp->newest)
        sp->newest = d;
    return 0;
}

int store_list_span(store *s, long *earliest, long *newest, err *e)
{
    struct list_span sp = {0, 0};
    int rc = store_scan(s, DB_LIST, NULL, 0, list_span_one, &sp, e) < 0 ? -1 : 0;
    *earliest = sp.earliest;
    *newest = sp.newest;
    return rc;
}

/* ---- age profiles: key CODE\0 + date ---- */

int store_age_put(store *s, const char *code, const age_profile *a, err *e)
{
    unsigned char key[64], date[4];
    be_put32(date, (uint32_t)a->date);
    size_t kn = store_key(key, sizeof key, code, date, 4);
    wbuf w;
    wb_init(&w, AGE_V);
    for (int i = 0; i < AGE_BANDS; i++) {
        wb_i64(&w, a->all[i]);
        wb_i64(&w, a->male[i]);
        wb_i64(&w, a->female[i]);
    }
    return store_put(s, DB_AGE, key, kn, w.data, w.len, e);
}

static int age_decode(const MDB_val *k, const MDB_val *v, age_profile *a)
{
    rbuf r;
    if (k->mv_size < 5 || rb_init(&r, v->mv_data, v->mv_size) != AGE_V)
        return -1;
    a->date = (long)be_get32((const unsigned char *)k->mv_data + k->mv_size - 4);
    for (int i = 0; i < AGE_BANDS; i++) {
        a->all[i] = (long)rb_i64(&r);
        a->male[i] = (long)rb_i64(&r);
        a->female[i] = (long)rb_i64(&r);
    }
    return r.bad ? -1 : 0;
}

int store_age_get(store *s, const char *code, long date, age_profile *out, err *e)
{
    unsigned char key[64], d[4];
    be_put32(d, (uint32_t)date);
    size_t kn = store_key(key, sizeof key, code, d, 4);
    MDB_val v;
    int rc = store_get(s, DB_AGE, key, kn, &v, e);
    if (rc <= 0)
        return rc;
    MDB_val k = {kn, key};
    return age_decode(&k, &v, out) ? err_set(e, "age profile of %s is damaged", code) : 1;
}

static int age_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    return age_decode(k, v, ctx) ? -1 : 0; /* the last one wins: the newest */
}

int store_age_latest(store *s, const char *code, age_profile *out, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, code, NULL, 0);
    out->date = 0;
    if (store_scan(s, DB_AGE, key, kn, age_scan_one, out, e) < 0)
        return -1;
    return out->date ? 1 : 0;
}

int store_age_at(store *s, const char *code, long date, age_profile *out, err *e)
{
    struct dated_at da;
    out->date = 0;
    int rc = dated_at(s, DB_AGE, code, date, &da, e);
    if (rc <= 0)
        return rc;
    return age_decode(&da.k, &da.v, out) ? err_set(e, "age profile of %s is damaged", code) : 1;
}
