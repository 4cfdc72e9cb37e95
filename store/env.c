/* The LMDB environment: where it lives, opening it once, transactions,
 * and the generic key-value operations every record file uses. */
#include "store/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sparse on disk: the map only reserves address space.  Grown on demand. */
#define STORE_MAP_DEFAULT ((size_t)8 << 30)
#define STORE_MAX_READERS 510

static const char *const db_names[DB_COUNT] = {
#define STORE_DB_NAME(id, name) name,
    STORE_DBS(STORE_DB_NAME)
#undef STORE_DB_NAME
};

static const char STORE_MAGIC[] = "catchment";

int store_lmdb_err(err *e, const char *what, int rc)
{
    if (rc == MDB_MAP_FULL)
        return err_set(e, "%s: the store is full (map size); it will be grown", what);
    if (rc == MDB_READERS_FULL)
        return err_set(e, "%s: too many readers at once; try again shortly", what);
    if (rc == EACCES)
        return err_set(e, "%s: permission denied", what);
    if (rc == MDB_INVALID)
        return err_set(e, "%s: not a catchment store (data.mdb is not an LMDB file)", what);
    if (rc == MDB_VERSION_MISMATCH)
        return err_set(e, "%s: the store was made by another version of LMDB", what);
    if (rc == MDB_CORRUPTED || rc == MDB_PAGE_NOTFOUND)
        return err_set(e, "%s: the store is damaged (%s); restore it from a backup", what,
                       mdb_strerror(rc));
    return err_set(e, "%s: %s", what, mdb_strerror(rc));
}

int store_default_dir(const char *dir, char *out, size_t outsz, err *e)
{
    const char *env = getenv("CATCHMENT_STORE");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (dir && *dir)
        n = snprintf(out, outsz, "%s", dir);
    else if (env && *env)
        n = snprintf(out, outsz, "%s", env);
    else if (xdg && *xdg)
        n = snprintf(out, outsz, "%s/catchment", xdg);
    else if (home && *home)
        n = snprintf(out, outsz, "%s/.local/share/catchment", home);
    else
        return err_set(e, "no store: give --store DIR or set CATCHMENT_STORE");
    if (n < 0 || (size_t)n >= outsz)
        return err_set(e, "store path too long");
    return 0;
}

/* mkdir -p with owner/group-only permissions. */
static int make_dirs(const char *path, err *e)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0770) != 0 && errno != EEXIST)
            return err_set(e, "%s: cannot create: %s", tmp, strerror(errno));
        *p = '/';
    }
    if (mkdir(tmp, 0770) != 0 && errno != EEXIST)
        return err_set(e, "%s: cannot create: %s", tmp, strerror(errno));
    return 0;
}

/* Checks (or, for a new store, writes) the magic and the schema version. */
static int check_meta(store *s, MDB_txn *txn, err *e)
{
    MDB_val k = {sizeof STORE_MAGIC - 1, (void *)STORE_MAGIC}, v;
    int rc = mdb_get(txn, s->dbi[DB_META], &k, &v);
    if (rc == MDB_NOTFOUND) {
        if (s->read_only)
            return err_set(e, "%s: not a catchment store (empty)", s->dir);
        unsigned char ver[4];
        be_put32(ver, STORE_SCHEMA_VERSION);
        v.mv_size = 4;
        v.mv_data = ver;
        rc = mdb_put(txn, s->dbi[DB_META], &k, &v, 0);
        s->schema = STORE_SCHEMA_VERSION;
        return rc ? store_lmdb_err(e, s->dir, rc) : 0;
    }
    if (rc)
        return store_lmdb_err(e, s->dir, rc);
    if (v.mv_size != 4)
        return err_set(e, "%s: not a catchment store (bad schema record)", s->dir);
    uint32_t have = be_get32(v.mv_data);
    if (have > STORE_SCHEMA_VERSION)
        return err_set(e, "%s: store schema %u is newer than this catchment "
                          "understands (%d); use a newer catchment",
                       s->dir, have, STORE_SCHEMA_VERSION);
    s->schema = (int)have;
    return 0;
}

/* An older store opened for writing is brought up to date in the same
 * transaction that opens it: all of it, or (on any error) none. */
static int migrate(store *s, MDB_txn *txn, err *e)
{
    if (s->read_only || s->schema >= STORE_SCHEMA_VERSION)
        return 0;
    s->txn = txn;
    s->writing = true;
    int rc = store_practice_reindex(s, e); /* 1 -> 2: locate every practice */
    s->txn = NULL;
    s->writing = false;
    if (rc)
        return -1;
    unsigned char ver[4];
    be_put32(ver, STORE_SCHEMA_VERSION);
    MDB_val k = {sizeof STORE_MAGIC - 1, (void *)STORE_MAGIC}, v = {4, ver};
    rc = mdb_put(txn, s->dbi[DB_META], &k, &v, 0);
    if (rc)
        return store_lmdb_err(e, s->dir, rc);
    s->schema = STORE_SCHEMA_VERSION;
    return 0;
}

/* Opens every named database once, in one committed transaction. */
static int open_dbs(store *s, err *e)
{
    MDB_txn *txn;
    unsigned flags = s->read_only ? 0 : MDB_CREATE;
    int rc = mdb_txn_begin(s->env, NULL, s->read_only ? MDB_RDONLY : 0, &txn);
    if (rc)
        return store_lmdb_err(e, s->dir, rc);
    for (int i = 0; i < DB_COUNT; i++) {
        rc = mdb_dbi_open(txn, db_names[i], flags, &s->dbi[i]);
        if (rc == MDB_NOTFOUND && i == DB_META) {
            mdb_txn_abort(txn);
            return err_set(e, "%s: not a catchment store", s->dir);
        }
        /* A database added since this store was made reads as empty until
         * a writable open creates it. */
        s->present[i] = rc == 0;
        if (rc == MDB_NOTFOUND)
            continue;
        if (rc) {
            mdb_txn_abort(txn);
            return store_lmdb_err(e, s->dir, rc);
        }
    }
    if (check_meta(s, txn, e) || migrate(s, txn, e)) {
        mdb_txn_abort(txn);
        return -1;
    }
    rc = mdb_txn_commit(txn);
    return rc ? store_lmdb_err(e, s->dir, rc) : 0;
}

static bool store_exists(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    return access(path, F_OK) == 0;
}

/* A user without write access to an existing store gets a read-only one. */
static bool must_read_only(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    return access(path, W_OK) != 0;
}

/* A size from the environment ("64M", "1G", "300000"); 0 when unset or
 * unreadable.  Tests use these to make a full map or reader table cheap. */
/* Readers need to write lock.mdb (their slot in the reader table).  When
 * they cannot, the store can still be read without the table: see
 * store_is_unlocked() for what that costs. */
static bool lock_unwritable(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/lock.mdb", dir);
    if (access(path, F_OK) == 0)
        return access(path, W_OK) != 0;
    return access(dir, W_OK) != 0;
}

static int env_open(store *s, const store_opts *o, err *e)
{
    int rc = mdb_env_create(&s->env);
    if (rc)
        return store_lmdb_err(e, "mdb_env_create", rc);
    unsigned readers = o ? o->max_readers : 0;
    size_t map = o ? o->map_size : 0;
    mdb_env_set_maxdbs(s->env, DB_COUNT + 2);
    mdb_env_set_maxreaders(s->env, readers && readers < 4096 ? readers : STORE_MAX_READERS);
    mdb_env_set_mapsize(s->env, map ? map : STORE_MAP_DEFAULT);
    s->unlocked = s->read_only && lock_unwritable(s->dir);
    unsigned flags = MDB_NOTLS | (s->read_only ? MDB_RDONLY : 0) |
                     (s->unlocked ? MDB_NOLOCK : 0);
    rc = mdb_env_open(s->env, s->dir, flags, 0660);
    if (rc == EACCES && !s->read_only)
        return err_set(e, "%s: permission denied", s->dir);
    if (rc)
        return store_lmdb_err(e, s->dir, rc);
    int dead = 0;
    if (!s->unlocked)
        mdb_reader_check(s->env, &dead); /* clears slots of killed processes */
    return 0;
}

/* A store cut short (a copy that ran out of disk, a partial transfer):
 * LMDB would map pages past the end of the file, and the first read of
 * one kills the process with SIGBUS.  Refused at open instead. */
static int check_length(store *s, err *e)
{
    char path[4200];
    struct stat st;
    MDB_envinfo info;
    MDB_stat ms;
    snprintf(path, sizeof path, "%s/data.mdb", s->dir);
    /* The last page first, then the size: a writer only ever grows it. */
    if (mdb_env_info(s->env, &info) || mdb_env_stat(s->env, &ms) || stat(path, &st) != 0)
        return 0;
    unsigned long long need = ((unsigned long long)info.me_last_pgno + 1) * ms.ms_psize;
    if ((unsigned long long)st.st_size < need)
        return err_set(e, "%s: data.mdb is cut short (%lld bytes where the store needs %llu); "
                          "restore it from a backup", s->dir, (long long)st.st_size, need);
    return 0;
}

/* An empty data.mdb is never one catchment wrote (LMDB writes its header
 * at once): a store lost, not a new one. */
static int check_empty(const char *dir, err *e)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    if (stat(path, &st) == 0 && st.st_size == 0)
        return err_set(e, "%s: data.mdb is empty; restore it from a backup, or remove "
                          "it to start a new store", dir);
    return 0;
}

int store_open(store **out, const char *dir, const store_opts *o, err *e)
{
    store *s = calloc(1, sizeof *s);
    if (!s)
        return err_set(e, "out of memory");
    snprintf(s->dir, sizeof s->dir, "%s", dir);
    s->read_only = o && o->read_only;
    if (!store_exists(dir)) {
        if (s->read_only) {
            free(s);
            return err_set(e, "%s: no store here (import some files first)", dir);
        }
        if (make_dirs(dir, e)) {
            free(s);
            return -1;
        }
    } else if (check_empty(dir, e)) {
        free(s);
        return -1;
    } else if (!s->read_only && must_read_only(dir)) {
        s->read_only = true;
    }
    if (env_open(s, o, e) || check_length(s, e) || open_dbs(s, e)) {
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->txn)
        mdb_txn_abort(s->txn);
    if (s->idle_read)
        mdb_txn_abort(s->idle_read);
    if (s->env)
        mdb_env_close(s->env);
    free(s);
}

bool store_is_read_only(const store *s) { return s->read_only; }
bool store_is_unlocked(const store *s) { return s->unlocked; }
int store_schema(const store *s) { return s->schema; }
const char *store_dir(const store *s) { return s->dir; }

uint64_t store_generation(store *s)
{
    MDB_envinfo info;
    return mdb_env_info(s->env, &info) == 0 ? (uint64_t)info.me_last_txnid : 0;
}

/* Begins a transaction; another process may have grown the map. */
static int txn_begin(store *s, unsigned flags, MDB_txn **txn)
{
    int rc = mdb_txn_begin(s->env, NULL, flags, txn);
    if (rc == MDB_MAP_RESIZED) {
        mdb_env_set_mapsize(s->env, 0);
        rc = mdb_txn_begin(s->env, NULL, flags, txn);
    }
    return rc;
}

int store_read_begin(store *s, err *e)
{
    if (s->txn)
        return err_set(e, "internal: a transaction is already open");
    int rc;
    if (s->idle_read) {
        rc = mdb_txn_renew(s->idle_read);
        if (rc == 0) {
            s->txn = s->idle_read;
            s->idle_read = NULL;
            return 0;
        }
        mdb_txn_abort(s->idle_read);
        s->idle_read = NULL;
    }
    rc = txn_begin(s, MDB_RDONLY, &s->txn);
    if (rc) {
        s->txn = NULL;
        return store_lmdb_err(e, s->dir, rc);
    }
    s->writing = false;
    return 0;
}

void store_read_end(store *s)
{
    if (!s->txn || s->writing)
        return;
    mdb_txn_reset(s->txn);
    s->idle_read = s->txn;
    s->txn = NULL;
}

int store_write_begin(store *s, err *e)
{
    if (s->read_only)
        return err_set(e, "%s: the store is open read-only", s->dir);
    if (s->txn)
        return err_set(e, "internal: a transaction is already open");
    int rc = txn_begin(s, 0, &s->txn);
    if (rc) {
        s->txn = NULL;
        return store_lmdb_err(e, s->dir, rc);
    }
    s->writing = true;
    return 0;
}

int store_write_commit(store *s, err *e)
{
    if (!s->txn || !s->writing)
        return err_set(e, "internal: no write transaction");
    int rc = mdb_txn_commit(s->txn);
    s->txn = NULL;
    s->writing = false;
    return rc ? store_lmdb_err(e, "commit", rc) : 0;
}

void store_write_abort(store *s)
{
    if (s->txn && s->writing) {
        mdb_txn_abort(s->txn);
        s->txn = NULL;
        s->writing = false;
    }
}

int store_grow(store *s, err *e)
{
    MDB_envinfo info;
    mdb_env_info(s->env, &info);
    s->full = false;
    int rc = mdb_env_set_mapsize(s->env, info.me_mapsize * 2);
    return rc ? store_lmdb_err(e, "growing the store", rc) : 0;
}

int store_put(store *s, int db, const void *k, size_t kn, const void *v, size_t vn, err *e)
{
    if (!s->txn || !s->writing || !s->present[db])
        return err_set(e, "internal: write outside a write transaction");
    MDB_val key = {kn, (void *)k}, val = {vn, (void *)v};
    int rc = mdb_put(s->txn, s->dbi[db], &key, &val, 0);
    if (rc == MDB_MAP_FULL)
        s->full = true;
    return rc ? store_lmdb_err(e, db_names[db], rc) : 0;
}

int store_get(store *s, int db, const void *k, size_t kn, MDB_val *v, err *e)
{
    if (!s->txn)
        return err_set(e, "internal: read outside a transaction");
    if (kn == 0 || kn > 511 || !s->present[db])
        return 0;
    MDB_val key = {kn, (void *)k};
    int rc = mdb_get(s->txn, s->dbi[db], &key, v);
    if (rc == MDB_NOTFOUND)
        return 0;
    return rc ? store_lmdb_err(e, db_names[db], rc) : 1;
}

int store_del(store *s, int db, const void *k, size_t kn, err *e)
{
    if (!s->present[db])
        return 0;
    MDB_val key = {kn, (void *)k};
    int rc = mdb_del(s->txn, s->dbi[db], &key, NULL);
    return rc && rc != MDB_NOTFOUND ? store_lmdb_err(e, db_names[db], rc) : 0;
}

int store_scan(store *s, int db, const void *prefix, size_t pn, store_scan_fn fn,
               void *ctx, err *e)
{
    if (!s->txn)
        return err_set(e, "internal: read outside a transaction");
    if (!s->present[db])
        return 0;
    MDB_cursor *c;
    int rc = mdb_cursor_open(s->txn, s->dbi[db], &c);
    if (rc)
        return store_lmdb_err(e, db_names[db], rc);
    MDB_val k = {pn, (void *)prefix}, v;
    int ret = 0;
    rc = mdb_cursor_get(c, &k, &v, pn ? MDB_SET_RANGE : MDB_FIRST);
    while (rc == 0) {
        if (pn && (k.mv_size < pn || memcmp(k.mv_data, prefix, pn) != 0))
            break;
        ret = fn(&k, &v, ctx);
        if (ret)
            break;
        rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND)
        return store_lmdb_err(e, db_names[db], rc);
    if (ret == -1)
        return err_set(e, "%s: a record is damaged", db_names[db]);
    return ret;
}

size_t store_key(unsigned char *out, size_t outsz, const char *code,
                 const void *suffix, size_t sn)
{
    size_t cn = strlen(code);
    if (cn + 1 + sn > outsz)
        return 0;
    memcpy(out, code, cn);
    out[cn] = '\0';
    if (sn)
        memcpy(out + cn + 1, suffix, sn);
    return cn + 1 + sn;
}

bool store_was_full(const store *s) { return s->full; }
