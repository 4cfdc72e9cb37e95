/* Shared by the store's own files only. */
#ifndef CATCHMENT_STORE_INTERNAL_H
#define CATCHMENT_STORE_INTERNAL_H

#include <lmdb.h>

#include "store/codec.h"
#include "store/store.h"

/* The named databases, opened once at start-up. */
#define STORE_DBS(X)                                                         \
    X(DB_META, "meta")                                                       \
    X(DB_PRACTICE, "practice")                                               \
    X(DB_LIST, "list_size")                                                  \
    X(DB_AGE, "age_band")                                                    \
    X(DB_LSOAREG, "practice_lsoa")                                           \
    X(DB_POSTCODE, "postcode")                                               \
    X(DB_LSOA, "lsoa")                                                       \
    X(DB_INDICATOR, "indicator")                                             \
    X(DB_CONTRACT, "contract")                                               \
    X(DB_CAPACITY, "capacity")                                               \
    X(DB_NOTE, "note")                                                       \
    X(DB_PROV, "provenance")                                                 \
    X(DB_PROVSHA, "provenance_sha")                                          \
    X(DB_AUDIT, "audit")                                                     \
    X(DB_TRAVEL, "travel")                                                   \
    X(DB_PRACTICE_PC, "practice_postcode")                                   \
    X(DB_NAME, "practice_name")                                              \
    X(DB_PSR, "psr")                                                         \
    X(DB_EVIDENCE, "evidence")                                               \
    X(DB_AREA_FACT, "area_fact")                                             \
    X(DB_BRANCH, "branch")                                                   \
    X(DB_PCN_MEMBER, "pcn_member")

#define STORE_DB_ENUM(id, name) id,
enum store_db { STORE_DBS(STORE_DB_ENUM) DB_COUNT };
#undef STORE_DB_ENUM

struct store {
    MDB_env *env;
    MDB_txn *txn;       /* the open transaction, or NULL */
    MDB_txn *idle_read; /* a reset read transaction kept for renewal */
    bool writing;
    bool read_only;
    bool unlocked;      /* read-only without the reader table (MDB_NOLOCK) */
    bool full;          /* a put hit MDB_MAP_FULL: grow and redo */
    MDB_dbi dbi[DB_COUNT];
    bool present[DB_COUNT]; /* false: an older store, opened read-only */
    int schema;             /* after any migration at open */
    char dir[4096];
};

/* Builds the error for an LMDB return code. */
int store_lmdb_err(err *e, const char *what, int rc);

/* Key-value access inside the open transaction. */
int store_put(store *s, int db, const void *k, size_t kn, const void *v, size_t vn, err *e);
/* 1 found (sets *v, *vn), 0 absent, -1 error. */
int store_get(store *s, int db, const void *k, size_t kn, MDB_val *v, err *e);
int store_del(store *s, int db, const void *k, size_t kn, err *e);

/* Calls fn(key, value, ctx) for every entry whose key starts with prefix,
 * in key order; fn returns non-zero to stop (and that value is returned,
 * unless it is -1 which means error). */
typedef int (*store_scan_fn)(const MDB_val *k, const MDB_val *v, void *ctx);
int store_scan(store *s, int db, const void *prefix, size_t pn, store_scan_fn fn,
               void *ctx, err *e);

/* Puts every practice again, so each is located and indexed by postcode:
 * the migration from schema 1 (in the caller's write transaction). */
int store_practice_reindex(store *s, err *e);

/* Relocates the practices at a postcode that was just stored. */
int store_practice_relocate(store *s, const char *postcode, err *e);

/* "CODE\0" + suffix: the composite keys of per-practice databases. */
size_t store_key(unsigned char *out, size_t outsz, const char *code,
                 const void *suffix, size_t sn);

#endif
