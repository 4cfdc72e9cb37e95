/* Import provenance (which files made the store what it is) and counts. */
#include "store/internal.h"

#include <string.h>

enum { PROV_V = 1 };

static void prov_encode(wbuf *w, const provenance *p)
{
    wb_init(w, PROV_V);
    wb_str(w, p->file);
    wb_str(w, p->kind);
    wb_str(w, p->sha256);
    wb_i64(w, p->rows_read);
    wb_i64(w, p->rows_kept);
    wb_i64(w, p->rows_skipped);
    wb_str(w, p->skipped_why);
    wb_i64(w, p->extract_date);
    wb_i64(w, p->imported_at);
    wb_str(w, p->user);
    wb_u8(w, p->modelled);
    wb_u8(w, p->illustrative); /* trailing: older records lack it */
}

static int prov_decode(const MDB_val *v, provenance *p)
{
    rbuf r;
    if (rb_init(&r, v->mv_data, v->mv_size) != PROV_V)
        return -1;
    rb_str(&r, p->file, sizeof p->file);
    rb_str(&r, p->kind, sizeof p->kind);
    rb_str(&r, p->sha256, sizeof p->sha256);
    p->rows_read = (long)rb_i64(&r);
    p->rows_kept = (long)rb_i64(&r);
    p->rows_skipped = (long)rb_i64(&r);
    rb_str(&r, p->skipped_why, sizeof p->skipped_why);
    p->extract_date = (long)rb_i64(&r);
    p->imported_at = rb_i64(&r);
    rb_str(&r, p->user, sizeof p->user);
    p->modelled = rb_u8(&r);
    p->illustrative = r.pos < r.len && rb_u8(&r) == 1;
    return r.bad ? -1 : 0;
}

int store_provenance_find(store *s, const char *sha256, provenance *out, err *e)
{
    MDB_val v;
    int rc = store_get(s, DB_PROVSHA, sha256, strlen(sha256), &v, e);
    if (rc <= 0)
        return rc;
    if (v.mv_size != 4)
        return err_set(e, "provenance index is damaged");
    unsigned char seq[4];
    memcpy(seq, v.mv_data, 4);
    rc = store_get(s, DB_PROV, seq, 4, &v, e);
    if (rc <= 0)
        return rc < 0 ? rc : err_set(e, "provenance index points at nothing");
    memset(out, 0, sizeof *out);
    if (prov_decode(&v, out))
        return err_set(e, "provenance record is damaged");
    out->seq = be_get32(seq);
    return 1;
}

bool store_provenance_indexed(store *s, const MDB_val *k, const MDB_val *v)
{
    provenance p;
    MDB_val iv;
    err e;
    memset(&p, 0, sizeof p);
    return k->mv_size == 4 && prov_decode(v, &p) == 0 &&
           store_get(s, DB_PROVSHA, p.sha256, strlen(p.sha256), &iv, &e) == 1 &&
           iv.mv_size == 4 && memcmp(iv.mv_data, k->mv_data, 4) == 0;
}

static int prov_last(const MDB_val *k, const MDB_val *v, void *ctx)
{
    (void)v;
    if (k->mv_size != 4)
        return -1;
    *(uint32_t *)ctx = be_get32(k->mv_data);
    return 0;
}

int store_provenance_add(store *s, provenance *p, err *e)
{
    uint32_t last = 0;
    /* Imports are few (hundreds): a scan for the last number is cheap. */
    if (store_scan(s, DB_PROV, NULL, 0, prov_last, &last, e) < 0)
        return -1;
    p->seq = last + 1;
    unsigned char key[4];
    be_put32(key, p->seq);
    wbuf w;
    prov_encode(&w, p);
    if (w.bad)
        return err_set(e, "provenance record too large");
    if (store_put(s, DB_PROV, key, 4, w.data, w.len, e))
        return -1;
    return store_put(s, DB_PROVSHA, p->sha256, strlen(p->sha256), key, 4, e);
}

struct prov_scan {
    int (*fn)(const provenance *, void *);
    void *ctx;
};

static int prov_scan_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct prov_scan *ps = ctx;
    provenance p;
    memset(&p, 0, sizeof p);
    if (k->mv_size != 4 || prov_decode(v, &p))
        return -1;
    p.seq = be_get32(k->mv_data);
    return ps->fn(&p, ps->ctx);
}

int store_provenance_each(store *s, int (*fn)(const provenance *, void *), void *ctx, err *e)
{
    struct prov_scan ps = {fn, ctx};
    return store_scan(s, DB_PROV, NULL, 0, prov_scan_one, &ps, e);
}

static long db_entries(store *s, int db)
{
    MDB_stat st;
    if (!s->present[db])
        return 0;
    return mdb_stat(s->txn, s->dbi[db], &st) ? -1 : (long)st.ms_entries;
}

int store_count(store *s, store_counts *c, err *e)
{
    if (!s->txn)
        return err_set(e, "internal: count outside a transaction");
    c->practices = db_entries(s, DB_PRACTICE);
    c->list_points = db_entries(s, DB_LIST);
    c->age_profiles = db_entries(s, DB_AGE);
    c->lsoa_regs = db_entries(s, DB_LSOAREG);
    c->postcodes = db_entries(s, DB_POSTCODE);
    c->lsoas = db_entries(s, DB_LSOA);
    c->indicators = db_entries(s, DB_INDICATOR);
    c->contracts = db_entries(s, DB_CONTRACT);
    c->capacities = db_entries(s, DB_CAPACITY);
    c->notes = db_entries(s, DB_NOTE);
    c->imports = db_entries(s, DB_PROV);
    c->audit = db_entries(s, DB_AUDIT);
    c->travel = db_entries(s, DB_TRAVEL);
    c->lsoa_links = db_entries(s, DB_LSOA_LINK);
    c->evidence = db_entries(s, DB_EVIDENCE);
    c->area_facts = db_entries(s, DB_AREA_FACT);
    c->branches = db_entries(s, DB_BRANCH);
    c->pcn_members = db_entries(s, DB_PCN_MEMBER);
    c->boundaries = store_boundary_count(s);
    return 0;
}
