/* Looking after the store: an integrity check, a compact consistent copy,
 * and restoring from one in a single transaction (readers see the whole
 * old store or the whole restored one, never a mixture). */
#include "store/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
};

static void problem(struct checker *c, const MDB_val *k, const char *what)
{
    char key[64];
    size_t n = k->mv_size < sizeof key - 1 ? k->mv_size : sizeof key - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = ((const unsigned char *)k->mv_data)[i];
        key[i] = ch >= 0x20 && ch < 0x7F ? (char)ch : '.';
    }
    key[n] = '\0';
    c->problems++;
    if (c->report)
        c->report(check_names[c->db], key, what, c->ctx);
}

/* An index entry POSTCODE\0CODE names a practice at that postcode. */
static int check_postcode_index(struct checker *c, const MDB_val *k)
{
    size_t pn = strnlen(k->mv_data, k->mv_size);
    char code[CODE_MAX];
    practice p;
    err e;
    if (pn == k->mv_size || k->mv_size - pn - 1 >= CODE_MAX) {
        problem(c, k, "index key is malformed");
        return 0;
    }
    memcpy(code, (const char *)k->mv_data + pn + 1, k->mv_size - pn - 1);
    code[k->mv_size - pn - 1] = '\0';
    if (store_practice_get(c->s, code, &p, &e) != 1 || strlen(p.postcode) != pn ||
        memcmp(p.postcode, k->mv_data, pn) != 0)
        problem(c, k, "index entry names no practice at that postcode");
    return 0;
}

/* Each value starts with the version byte this catchment writes. */
static int check_entry(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct checker *c = ctx;
    const unsigned char *p = v->mv_data;
    if (c->db == DB_META || c->db == DB_PROVSHA)
        return 0;
    if (c->db == DB_PRACTICE_PC)
        return check_postcode_index(c, k);
    /* Practice records are at version 2; every other record at 1. */
    unsigned newest = c->db == DB_PRACTICE ? 2 : 1;
    if (v->mv_size == 0 || p[0] == 0 || p[0] > newest)
        problem(c, k, "value has an unknown version (damaged, or from a newer catchment)");
    /* Per-practice data must belong to a practice that exists. */
    if (c->db == DB_LIST || c->db == DB_AGE || c->db == DB_LSOAREG || c->db == DB_INDICATOR ||
        c->db == DB_NOTE || c->db == DB_CONTRACT || c->db == DB_CAPACITY || c->db == DB_NAME ||
        c->db == DB_EVIDENCE || c->db == DB_BRANCH || c->db == DB_PCN_MEMBER) {
        size_t cn = strnlen(k->mv_data, k->mv_size);
        MDB_val pv;
        err e;
        if (cn == 0 || cn >= CODE_MAX || store_get(c->s, DB_PRACTICE, k->mv_data, cn, &pv, &e) != 1)
            problem(c, k, "refers to a practice that is not in the store");
    }
    return 0;
}

/* Every SHA-256 index entry points at a provenance record and back. */
static int check_sha(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct checker *c = ctx;
    MDB_val pv;
    err e;
    if (v->mv_size != 4 || store_get(c->s, DB_PROV, v->mv_data, 4, &pv, &e) != 1)
        problem(c, k, "index entry points at no import record");
    return 0;
}

int store_check(store *s, store_check_fn report, void *ctx, long *problems, err *e)
{
    struct checker c = {s, report, ctx, 0, 0};
    for (c.db = 0; c.db < DB_COUNT; c.db++)
        if (store_scan(s, c.db, NULL, 0, check_entry, &c, e) < 0)
            return -1;
    c.db = DB_PROVSHA;
    if (store_scan(s, DB_PROVSHA, NULL, 0, check_sha, &c, e) < 0)
        return -1;
    MDB_stat a, b;
    mdb_stat(s->txn, s->dbi[DB_PROV], &a);
    mdb_stat(s->txn, s->dbi[DB_PROVSHA], &b);
    if (a.ms_entries != b.ms_entries) {
        MDB_val k = {10, "provenance"};
        problem(&c, &k, "imports and their SHA-256 index differ in number");
    }
    *problems = c.problems;
    return 0;
}

/* ---- backup and restore ------------------------------------------------ */

int store_backup(store *s, const char *dir, err *e)
{
    if (mkdir(dir, 0770) != 0 && errno != EEXIST)
        return err_set(e, "%s: cannot create: %s", dir, strerror(errno));
    char path[4200];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    struct stat st;
    if (stat(path, &st) == 0)
        return err_set(e, "%s: already holds a store; choose an empty directory", dir);
    int rc = mdb_env_copy2(s->env, dir, MDB_CP_COMPACT);
    return rc ? store_lmdb_err(e, dir, rc) : 0;
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
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
        if (store_put(dst, db, k.mv_data, k.mv_size, v.mv_data, v.mv_size, e)) {
            mdb_cursor_close(c);
            return -1;
        }
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : store_lmdb_err(e, check_names[db], rc);
}

int store_restore(store *s, store *from, err *e)
{
    if (store_read_begin(from, e))
        return -1;
    int rc = store_write_begin(s, e);
    for (int db = 0; rc == 0 && db < DB_COUNT; db++)
        rc = copy_db(s, from, db, e);
    if (rc == 0)
        rc = store_write_commit(s, e);
    else
        store_write_abort(s);
    store_read_end(from);
    return rc;
}
