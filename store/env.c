/* The LMDB environment: where it lives, opening it once, transactions,
 * and the generic key-value operations every record file uses. */
#include "store/internal.h"
#include "util/crc32c.h"
#include "util/safefile.h"

#include <errno.h>
#include <fcntl.h>
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

const char *store_db_name(int db) { return db >= 0 && db < DB_COUNT ? db_names[db] : "?"; }

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
    else if (xdg && *xdg == '/') /* the XDG spec: a relative path is ignored */
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
        s->sealed = true;
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
 * transaction that opens it: all of it, or (on any error) none.  The
 * seals come first, so the reindex of a schema 1 store reads sealed
 * values like any other. */
static int migrate(store *s, MDB_txn *txn, err *e)
{
    s->sealed = s->schema >= 3;
    if (s->read_only || s->schema >= STORE_SCHEMA_VERSION)
        return 0;
    s->txn = txn;
    s->writing = true;
    /* To 3: every record sealed with its CRC-32C and the audit trail
     * chained, first, so that what follows reads sealed values like any
     * other; then every practice located again with its 2011 LSOA (1 -> 2
     * and 2 -> 3), and the LSOA rows keyed by extract. */
    int rc = s->schema < 3 ? store_seal_all(s, e) : 0;
    s->sealed = true;
    if (rc == 0 && s->schema < 3)
        rc = store_audit_rechain(s, e);
    if (rc == 0 && s->schema < 3)
        rc = store_practice_reindex(s, e);
    if (rc == 0 && s->schema < 3)
        rc = store_lsoa_reg_rekey(s, e);
    /* To 4: contracts and capacity facts under their dates. */
    if (rc == 0 && s->schema < 4)
        rc = store_dated_rekey(s, e);
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

int store_meta_schema_put(store *s, err *e)
{
    unsigned char ver[4];
    be_put32(ver, STORE_SCHEMA_VERSION);
    return store_put(s, DB_META, STORE_MAGIC, sizeof STORE_MAGIC - 1, ver, 4, e);
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

/* Anyone on the server, not only the team, could rewrite it, or plant
 * and swap files in it (a sticky directory lets nobody replace another's
 * files, and what is planted is refused by the other checks). */
static int check_not_public(const char *path, const struct stat *st, err *e)
{
    if ((st->st_mode & S_IWOTH) && !(S_ISDIR(st->st_mode) && (st->st_mode & S_ISVTX)))
        return err_set(e, "%s: anyone on this server can write it; catchment opens a store "
                          "only the team can write (chmod o-w)", path);
    return 0;
}

/* The directory and its files, before LMDB opens them: never through a
 * symbolic link (a colleague could point lock.mdb at your files and have
 * LMDB overwrite them), only regular files, only files of this user or
 * of the directory's group, and no directory or data.mdb that anyone at
 * all may write.  (lock.mdb may be: the way to let readers outside the
 * group lock; check_lock_table guards what it can.) */
static int check_files(const char *dir, err *e)
{
    static const char *const names[] = {"data.mdb", "lock.mdb"};
    struct stat dst, st;
    bool exists;
    if (safefile_check(dir, true, (gid_t)-1, &dst, &exists, e) ||
        (exists && check_not_public(dir, &dst, e)))
        return -1;
    for (size_t i = 0; exists && i < sizeof names / sizeof *names; i++) {
        char path[4200];
        bool here;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (safefile_check(path, false, dst.st_gid, &st, &here, e) ||
            (here && i == 0 && check_not_public(path, &st, e)))
            return -1;
    }
    return 0;
}

/* LMDB sizes a new lock.mdb with ftruncate and maps it: on a full disk the
 * first touch of the map kills the process with SIGBUS.  The blocks are
 * reserved here first, so a full disk is an error.  The size is LMDB's own
 * (0.9, 64-bit: 64-byte reader slots after a 192-byte header with one
 * slot), so the reader table is as large as asked and no larger. */
static int reserve_lock(const char *dir, unsigned readers, err *e)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/lock.mdb", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0660);
    if (fd < 0)
        return errno == EACCES ? 0 : err_set(e, "%s: %s", path, strerror(errno));
    int rc = fstat(fd, &st) != 0 ? errno : 0;
    if (rc == 0 && st.st_size == 0)
        rc = posix_fallocate(fd, 0, (off_t)readers * 64 + 128);
    close(fd);
    return rc ? err_set(e, "%s: cannot make the lock file: %s", path, strerror(rc)) : 0;
}

/* lock.mdb is kept as it is while anyone has the store open, and anyone
 * who may write it can write its reader count: LMDB walks that many
 * slots, and past the end of the file the process dies (SIGBUS).  Read
 * once here; a count written after this is not caught. */
static int check_lock_table(store *s, err *e)
{
    MDB_envinfo info;
    if (mdb_env_info(s->env, &info) == 0 && info.me_numreaders > info.me_maxreaders)
        return err_set(e, "%s: lock.mdb is damaged (%u readers in a table of %u); "
                          "when nobody is using the store, remove lock.mdb",
                       s->dir, info.me_numreaders, info.me_maxreaders);
    return 0;
}

static int env_open(store *s, const store_opts *o, err *e)
{
    int rc = mdb_env_create(&s->env);
    if (rc)
        return store_lmdb_err(e, "mdb_env_create", rc);
    unsigned readers = o ? o->max_readers : 0;
    size_t map = o ? o->map_size : 0;
    mdb_env_set_maxdbs(s->env, DB_COUNT + 2);
    unsigned nreaders = readers && readers < 4096 ? readers : STORE_MAX_READERS;
    mdb_env_set_maxreaders(s->env, nreaders);
    mdb_env_set_mapsize(s->env, map ? map : STORE_MAP_DEFAULT);
    s->unlocked = s->read_only && lock_unwritable(s->dir);
    if (!s->unlocked && reserve_lock(s->dir, nreaders, e))
        return -1;
    unsigned flags = MDB_NOTLS | (s->read_only ? MDB_RDONLY : 0) |
                     (s->unlocked ? MDB_NOLOCK : 0);
    rc = mdb_env_open(s->env, s->dir, flags, 0660);
    if (rc == EACCES && !s->read_only)
        return err_set(e, "%s: permission denied", s->dir);
    if (rc)
        return store_lmdb_err(e, s->dir, rc);
    if (!s->unlocked && check_lock_table(s, e))
        return -1;
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
    if (check_files(dir, e)) {
        free(s);
        return -1;
    }
    if (!store_exists(dir)) {
        if (s->read_only) {
            free(s);
            return err_set(e, "%s: no store here (import some files first)", dir);
        }
        if (make_dirs(dir, e) || check_files(dir, e)) {
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
uint64_t store_commits(const store *s) { return s->commits; }
bool store_is_unlocked(const store *s) { return s->unlocked; }
int store_schema(const store *s) { return s->schema; }
const char *store_dir(const store *s) { return s->dir; }

uint64_t store_generation(store *s)
{
    MDB_envinfo info;
    return mdb_env_info(s->env, &info) == 0 ? (uint64_t)info.me_last_txnid : 0;
}

/* Begins a transaction; another process may have grown the map. */
int store_txn_begin(store *s, unsigned flags, MDB_txn **txn)
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
    rc = store_txn_begin(s, MDB_RDONLY, &s->txn);
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
    int rc = store_txn_begin(s, 0, &s->txn);
    if (rc) {
        s->txn = NULL;
        return store_lmdb_err(e, s->dir, rc);
    }
    s->writing = true;
    s->write_no++;
    s->snapshot_put = false;
    return 0;
}

int store_write_commit(store *s, err *e)
{
    if (!s->txn || !s->writing)
        return err_set(e, "internal: no write transaction");
    if (!s->snapshot_put && store_snapshot_drop(s, e)) {
        store_write_abort(s);
        return -1;
    }
    uint64_t before = store_generation(s);
    int rc = mdb_txn_commit(s->txn);
    s->txn = NULL;
    s->writing = false;
    if (rc == 0 && store_generation(s) != before)
        s->commits++;
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

static uint32_t seal_of(const MDB_val *k, const void *v, size_t vn)
{
    return crc32c(crc32c(0, k->mv_data, k->mv_size), v, vn);
}

bool store_unseal(const store *s, int db, const MDB_val *k, MDB_val *v)
{
    if (!s->sealed || db == DB_META)
        return true;
    if (v->mv_size < STORE_SEAL)
        return false;
    size_t n = v->mv_size - STORE_SEAL;
    unsigned char tail[STORE_SEAL];
    memcpy(tail, (const unsigned char *)v->mv_data + n, STORE_SEAL);
    if (be_get32(tail) != seal_of(k, v->mv_data, n))
        return false;
    v->mv_size = n;
    return true;
}

int store_put_raw(store *s, int db, const MDB_val *k, const MDB_val *v, err *e)
{
    if (!s->txn || !s->writing || !s->present[db])
        return err_set(e, "internal: write outside a write transaction");
    MDB_val key = *k, val = *v;
    int rc = mdb_put(s->txn, s->dbi[db], &key, &val, 0);
    if (rc == MDB_MAP_FULL)
        s->full = true;
    return rc ? store_lmdb_err(e, db_names[db], rc) : 0;
}

/* A per-practice key ("CODE" or "CODE\0...") names its practice: a
 * placeholder is made when the store has none, so no record ever refers
 * to nothing. */
static int practice_of_key(store *s, const void *k, size_t kn, err *e)
{
    char code[CODE_MAX];
    size_t cn = strnlen(k, kn);
    if (cn == 0 || cn >= CODE_MAX)
        return err_set(e, "internal: a per-practice key without its practice code");
    memcpy(code, k, cn);
    code[cn] = '\0';
    return store_practice_ensure(s, code, e) < 0 ? -1 : 0;
}

/* Reserves room for val under key.  A file in the store's order (an
 * extract by practice) fills a database at its end, where an append
 * (MDB_APPEND) skips the search for the key's place; a key that is not
 * the last is put as usual, and appending is tried again after more and
 * more puts while it misses (a file in another order, a database filled
 * already). */
static int put_value(store *s, int db, MDB_val *key, MDB_val *val)
{
    struct store_append *a = &s->append[db];
    if (a->in != s->write_no)
        a->in = s->write_no, a->skip = a->misses = 0;
    if (a->skip) {
        a->skip--;
        return mdb_put(s->txn, s->dbi[db], key, val, MDB_RESERVE);
    }
    int rc = mdb_put(s->txn, s->dbi[db], key, val, MDB_RESERVE | MDB_APPEND);
    if (rc != MDB_KEYEXIST) {
        a->misses = 0;
        return rc;
    }
    a->misses += a->misses < 12;
    a->skip = 1u << a->misses;
    return mdb_put(s->txn, s->dbi[db], key, val, MDB_RESERVE);
}

/* The value is written into the space LMDB reserves, then sealed. */
int store_put(store *s, int db, const void *k, size_t kn, const void *v, size_t vn, err *e)
{
    if (!s->txn || !s->writing || !s->present[db])
        return err_set(e, "internal: write outside a write transaction");
    if (STORE_PER_PRACTICE(db) && practice_of_key(s, k, kn, e))
        return -1;
    bool seal = s->sealed && db != DB_META;
    MDB_val key = {kn, (void *)k}, val = {vn + (seal ? STORE_SEAL : 0), NULL};
    int rc = put_value(s, db, &key, &val);
    if (rc == MDB_MAP_FULL)
        s->full = true;
    if (rc)
        return store_lmdb_err(e, db_names[db], rc);
    if (vn)
        memcpy(val.mv_data, v, vn);
    if (seal)
        be_put32((unsigned char *)val.mv_data + vn, seal_of(&key, v, vn));
    return 0;
}

void store_key_text(const void *k, size_t kn, char *out, size_t outsz)
{
    size_t n = kn < outsz - 1 ? kn : outsz - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = ((const unsigned char *)k)[i];
        out[i] = c >= 0x20 && c < 0x7F ? (char)c : '.';
    }
    out[n] = '\0';
}

static int damaged(err *e, int db, const MDB_val *k)
{
    char key[40];
    store_key_text(k->mv_data, k->mv_size, key, sizeof key);
    return err_set(e, "%s: %s: the record is damaged (its checksum does not match); "
                      "run catchment check, and restore from a backup",
                   db_names[db], key);
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
    if (rc)
        return store_lmdb_err(e, db_names[db], rc);
    return store_unseal(s, db, &key, v) ? 1 : damaged(e, db, &key);
}

int store_del(store *s, int db, const void *k, size_t kn, err *e)
{
    if (!s->present[db])
        return 0;
    MDB_val key = {kn, (void *)k};
    int rc = mdb_del(s->txn, s->dbi[db], &key, NULL);
    return rc && rc != MDB_NOTFOUND ? store_lmdb_err(e, db_names[db], rc) : 0;
}

/* A cursor on the last entry at most key: the first at least key, or
 * the one before it. */
static int cursor_upto(MDB_cursor *c, const void *key, size_t kn, MDB_val *k, MDB_val *v)
{
    *k = (MDB_val){kn, (void *)key};
    int rc = mdb_cursor_get(c, k, v, MDB_SET_RANGE);
    if (rc == MDB_NOTFOUND)
        return mdb_cursor_get(c, k, v, MDB_LAST);
    if (rc == 0 && (k->mv_size != kn || memcmp(k->mv_data, key, kn) != 0))
        return mdb_cursor_get(c, k, v, MDB_PREV);
    return rc;
}

/* A cursor on db in the open transaction: 1, or 0 when an older store
 * has no such database, or -1. */
static int cursor_open(store *s, int db, MDB_cursor **c, err *e)
{
    if (!s->txn)
        return err_set(e, "internal: read outside a transaction");
    if (!s->present[db])
        return 0;
    int rc = mdb_cursor_open(s->txn, s->dbi[db], c);
    return rc ? store_lmdb_err(e, db_names[db], rc) : 1;
}

int store_last_upto(store *s, int db, const void *prefix, size_t pn, const void *key,
                    size_t kn, MDB_val *k, MDB_val *v, err *e)
{
    MDB_cursor *c;
    int rc = cursor_open(s, db, &c, e);
    if (rc <= 0)
        return rc;
    rc = cursor_upto(c, key, kn, k, v);
    mdb_cursor_close(c);
    if (rc)
        return rc == MDB_NOTFOUND ? 0 : store_lmdb_err(e, db_names[db], rc);
    if (k->mv_size < pn || memcmp(k->mv_data, prefix, pn) != 0)
        return 0;
    return store_unseal(s, db, k, v) ? 1 : damaged(e, db, k);
}

int store_scan(store *s, int db, const void *prefix, size_t pn, store_scan_fn fn,
               void *ctx, err *e)
{
    MDB_cursor *c;
    int rc = cursor_open(s, db, &c, e);
    if (rc <= 0)
        return rc;
    MDB_val k = {pn, (void *)prefix}, v;
    int ret = 0;
    rc = mdb_cursor_get(c, &k, &v, pn ? MDB_SET_RANGE : MDB_FIRST);
    while (rc == 0) {
        if (pn && (k.mv_size < pn || memcmp(k.mv_data, prefix, pn) != 0))
            break;
        if (!store_unseal(s, db, &k, &v)) {
            mdb_cursor_close(c);
            return damaged(e, db, &k);
        }
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

/* Rewrites each value with its seal: the keys of one database first,
 * then the puts, so no cursor walks a database being changed. */
static int seal_db(store *s, int db, err *e)
{
    MDB_cursor *c;
    MDB_val k, v;
    int rc = mdb_cursor_open(s->txn, s->dbi[db], &c);
    if (rc)
        return store_lmdb_err(e, db_names[db], rc);
    size_t n = 0, cap = 0;
    unsigned char *keys = NULL;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (n + 2 + k.mv_size > cap) {
            size_t nc = cap ? cap * 2 : 65536;
            unsigned char *nk = realloc(keys, nc + k.mv_size + 2);
            if (!nk)
                break;
            keys = nk;
            cap = nc;
        }
        keys[n] = (unsigned char)(k.mv_size >> 8);
        keys[n + 1] = (unsigned char)k.mv_size;
        memcpy(keys + n + 2, k.mv_data, k.mv_size);
        n += 2 + k.mv_size;
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND) {
        free(keys);
        return rc == 0 ? err_set(e, "out of memory") : store_lmdb_err(e, db_names[db], rc);
    }
    static unsigned char val[WBUF_MAX + 1024];
    int ret = 0;
    for (size_t o = 0; ret == 0 && o < n; o += 2 + k.mv_size) {
        k.mv_size = (size_t)keys[o] << 8 | keys[o + 1];
        k.mv_data = keys + o + 2;
        rc = mdb_get(s->txn, s->dbi[db], &k, &v); /* as it is: not sealed yet */
        ret = rc ? store_lmdb_err(e, db_names[db], rc) : 0;
        if (ret == 0 && v.mv_size > sizeof val)
            ret = err_set(e, "%s: a record is too large to seal", db_names[db]);
        if (ret == 0) {
            memcpy(val, v.mv_data, v.mv_size);
            ret = store_put(s, db, k.mv_data, k.mv_size, val, v.mv_size, e);
        }
    }
    free(keys);
    return ret;
}

int store_seal_all(store *s, err *e)
{
    bool was = s->sealed;
    s->sealed = true;
    for (int db = 0; db < DB_COUNT; db++)
        if (db != DB_META && s->present[db] && seal_db(s, db, e)) {
            s->sealed = was;
            return -1;
        }
    return 0;
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
