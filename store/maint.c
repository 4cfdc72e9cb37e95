/* Looking after the store: an integrity check, a compact consistent copy,
 * and restoring from one in a single transaction (readers see the whole
 * old store or the whole restored one, never a mixture). */
#include "store/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/safefile.h"

static const char *const check_names[DB_COUNT] = {
#define STORE_DB_NAME(id, name) name,
    STORE_DBS(STORE_DB_NAME)
#undef STORE_DB_NAME
};

/* ---- integrity -------------------------------------------------------- */

struct checker {
    store *s;
    store_check_fn report;
    void *ctx;
    long problems;
    int db;
    long records;
    int snapshot;
};

static void problem(struct checker *c, const MDB_val *k, const char *what)
{
    char key[64];
    store_key_text(k->mv_data, k->mv_size, key, sizeof key);
    c->problems++;
    if (c->report)
        c->report(check_names[c->db], key, what, c->ctx);
}

/* For checks made elsewhere in the store (the audit chain). */
static void problem_cb(const MDB_val *k, const char *what, void *ctx)
{
    problem(ctx, k, what);
}

/* An index entry POSTCODE\0CODE names a practice at that postcode. */
static void check_postcode_index(struct checker *c, const MDB_val *k)
{
    size_t pn = strnlen(k->mv_data, k->mv_size);
    char code[CODE_MAX];
    practice p;
    err e;
    if (pn == k->mv_size || k->mv_size - pn - 1 >= CODE_MAX) {
        problem(c, k, "index key is malformed");
        return;
    }
    memcpy(code, (const char *)k->mv_data + pn + 1, k->mv_size - pn - 1);
    code[k->mv_size - pn - 1] = '\0';
    if (store_practice_get(c->s, code, &p, &e) != 1 || strlen(p.postcode) != pn ||
        memcmp(p.postcode, k->mv_data, pn) != 0)
        problem(c, k, "index entry names no practice at that postcode");
}

/* A practice with a postcode has its entry in the postcode index. */
static void check_practice_indexed(struct checker *c, const MDB_val *k)
{
    practice p;
    err e;
    char code[CODE_MAX];
    unsigned char key[64];
    MDB_val iv;
    if (k->mv_size == 0 || k->mv_size >= CODE_MAX) {
        problem(c, k, "practice key is malformed");
        return;
    }
    memcpy(code, k->mv_data, k->mv_size);
    code[k->mv_size] = '\0';
    if (store_practice_get(c->s, code, &p, &e) != 1) {
        problem(c, k, "the practice record cannot be read");
        return;
    }
    size_t kn = *p.postcode ? store_key(key, sizeof key, p.postcode, code, strlen(code)) : 0;
    if (kn && store_get(c->s, DB_PRACTICE_PC, key, kn, &iv, &e) != 1)
        problem(c, k, "the practice is missing from the postcode index");
}

/* Every SHA-256 index entry points at a provenance record. */
static void check_sha(struct checker *c, const MDB_val *k, const MDB_val *v)
{
    MDB_val pv;
    err e;
    if (v->mv_size != 4 || store_get(c->s, DB_PROV, v->mv_data, 4, &pv, &e) != 1)
        problem(c, k, "index entry points at no import record");
}

/* What one intact record says: its version, and what it refers to. */
static void check_entry(struct checker *c, const MDB_val *k, const MDB_val *v)
{
    const unsigned char *p = v->mv_data;
    if (c->db == DB_META)
        return;
    if (c->db == DB_PROVSHA) {
        check_sha(c, k, v);
        return;
    }
    if (c->db == DB_PRACTICE_PC) {
        check_postcode_index(c, k);
        return;
    }
    /* A snapshot older than the data (a backup's: a copy starts its
     * transaction ids again) is never used: no problem, but said. */
    if (c->db == DB_SNAPSHOT && v->mv_size > 0 && p[0] == 1)
        c->snapshot = store_snapshot_generation(v) == (uint64_t)mdb_txn_id(c->s->txn)
                          ? STORE_SNAPSHOT_CURRENT
                          : STORE_SNAPSHOT_OLDER;
    /* Practice records are at version 3, postcodes, LSOAs and audit
     * entries at 2; every other record at 1. */
    unsigned newest = c->db == DB_PRACTICE ? 3
                      : c->db == DB_POSTCODE || c->db == DB_LSOA || c->db == DB_AUDIT ? 2 : 1;
    if (v->mv_size == 0 || p[0] == 0 || p[0] > newest)
        problem(c, k, "value has an unknown version (damaged, or from a newer catchment)");
    /* Per-practice data must belong to a practice that exists.  (A store
     * from before schema 3 may hold some that do not: the upgrade, or a
     * restore, gives each its placeholder, so they are no problem.) */
    if (STORE_PER_PRACTICE(c->db) && c->s->sealed) {
        size_t cn = strnlen(k->mv_data, k->mv_size);
        MDB_val pv;
        err e;
        if (cn == 0 || cn >= CODE_MAX || store_get(c->s, DB_PRACTICE, k->mv_data, cn, &pv, &e) != 1)
            problem(c, k, "refers to a practice that is not in the store");
    }
    if (c->db == DB_PRACTICE)
        check_practice_indexed(c, k);
    if (c->db == DB_BOUNDARY && !store_boundary_key_ok(k))
        problem(c, k, "boundary key is malformed");
    if (c->db == DB_PROV && !store_provenance_indexed(c->s, k, v))
        problem(c, k, "the import is missing from its SHA-256 index");
}

/* Every record of one database: its seal first (a damaged record is
 * reported and not looked into further), then what it says. */
static int check_db(struct checker *c, err *e)
{
    MDB_cursor *cur;
    MDB_val k, v;
    if (!c->s->present[c->db])
        return 0;
    int rc = mdb_cursor_open(c->s->txn, c->s->dbi[c->db], &cur);
    if (rc)
        return store_lmdb_err(e, check_names[c->db], rc);
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        c->records++;
        if (!store_unseal(c->s, c->db, &k, &v))
            problem(c, &k, "the checksum does not match: the record is damaged");
        else
            check_entry(c, &k, &v);
    }
    mdb_cursor_close(cur);
    return rc == MDB_NOTFOUND ? 0 : store_lmdb_err(e, check_names[c->db], rc);
}

/* LMDB's catalog: every named database is one catchment knows.  A flipped
 * bit in a name hides a database (it reads as empty) and shows another. */
static void check_catalog(struct checker *c)
{
    MDB_dbi cat;
    MDB_cursor *cur;
    MDB_val k, v;
    if (mdb_dbi_open(c->s->txn, NULL, 0, &cat) || mdb_cursor_open(c->s->txn, cat, &cur))
        return;
    for (int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        bool known = false;
        for (int i = 0; i < DB_COUNT && !known; i++)
            known = strlen(store_db_name(i)) == k.mv_size &&
                    memcmp(store_db_name(i), k.mv_data, k.mv_size) == 0;
        c->db = DB_META;
        if (!known)
            problem(c, &k, "a database catchment does not know (a damaged name?)");
    }
    mdb_cursor_close(cur);
}

int store_check(store *s, store_check_fn report, void *ctx, store_check_counts *out, err *e)
{
    struct checker c = {s, report, ctx, 0, 0, 0, STORE_SNAPSHOT_NONE};
    check_catalog(&c);
    for (c.db = 0; c.db < DB_COUNT; c.db++)
        if (check_db(&c, e))
            return -1;
    MDB_stat a = {0}, b = {0};
    if (s->present[DB_PROV])
        mdb_stat(s->txn, s->dbi[DB_PROV], &a);
    if (s->present[DB_PROVSHA])
        mdb_stat(s->txn, s->dbi[DB_PROVSHA], &b);
    if (a.ms_entries != b.ms_entries) {
        MDB_val k = {10, "provenance"};
        c.db = DB_PROV;
        problem(&c, &k, "imports and their SHA-256 index differ in number");
    }
    c.db = DB_AUDIT;
    if (store_audit_verify(s, problem_cb, &c, e))
        return -1;
    out->records += c.records;
    out->problems += c.problems;
    out->snapshot = c.snapshot;
    return 0;
}

/* ---- backup and restore ------------------------------------------------ */

/* data.mdb is created new (O_EXCL: never through a planted link), 0640 at
 * most; a copy that fails (a full disk) is removed with the directory it
 * made, so a failed backup leaves nothing behind. */
int store_backup(store *s, const char *dir, err *e)
{
    bool made;
    if (safefile_mkdir(dir, &made, e))
        return -1;
    char path[4200];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  safefile_mode(false));
    if (fd < 0) {
        int why = errno;
        if (made)
            rmdir(dir);
        if (why == EEXIST)
            return err_set(e, "%s: already holds a store; choose an empty directory", dir);
        return err_set(e, "%s: %s", path, strerror(why));
    }
    int rc = mdb_env_copyfd2(s->env, fd, MDB_CP_COMPACT);
    if (rc == 0 && fsync(fd) != 0)
        rc = errno;
    if (close(fd) != 0 && rc == 0)
        rc = errno;
    if (rc == 0)
        return 0;
    unlink(path);
    if (made)
        rmdir(dir);
    return store_lmdb_err(e, dir, rc);
}

static int copy_db(store *dst, store *src, int db, err *e)
{
    int rc = mdb_drop(dst->txn, dst->dbi[db], 0);
    if (rc)
        return store_lmdb_err(e, check_names[db], rc);
    if (!src->present[db])
        return 0; /* a backup made before this database existed */
    MDB_cursor *c;
    if ((rc = mdb_cursor_open(src->txn, src->dbi[db], &c)))
        return store_lmdb_err(e, check_names[db], rc);
    MDB_val k, v;
    /* A backup from before schema 3 has no seals: they are added here. */
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        if (src->sealed ? store_put_raw(dst, db, &k, &v, e)
                        : store_put(dst, db, k.mv_data, k.mv_size, v.mv_data, v.mv_size, e)) {
            mdb_cursor_close(c);
            return -1;
        }
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : store_lmdb_err(e, check_names[db], rc);
}

/* After the copy: the restored store is at this catchment's schema
 * (an older backup's records were sealed as they were copied; its
 * practices are located and its trail chained here), and the restore is
 * the trail's last entry. */
static int after_copy(store *s, const store *from, audit_rec *entry, err *e)
{
    if (store_meta_schema_put(s, e))
        return -1;
    if (from->schema < 2 && store_practice_reindex(s, e))
        return -1;
    if (from->schema < 3 && store_audit_rechain(s, e))
        return -1;
    return entry ? store_audit_add(s, entry, e) : 0;
}

int store_restore(store *s, store *from, audit_rec *entry, err *e)
{
    if (store_read_begin(from, e))
        return -1;
    int rc = store_write_begin(s, e);
    for (int db = 0; rc == 0 && db < DB_COUNT; db++)
        rc = copy_db(s, from, db, e);
    if (rc == 0)
        rc = after_copy(s, from, entry, e);
    if (rc == 0)
        rc = store_write_commit(s, e);
    else
        store_write_abort(s);
    store_read_end(from);
    return rc;
}
