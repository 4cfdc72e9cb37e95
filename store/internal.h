/* Shared by the store's own files only. */
#ifndef CATCHMENT_STORE_INTERNAL_H
#define CATCHMENT_STORE_INTERNAL_H

#include <lmdb.h>

#include "store/codec.h"
#include "store/store.h"

/* The named databases, opened once at start-up.  A new one: its values
 * go through store_put/store_get/store_scan, which seal and verify them
 * (check verifies every record of every database listed here); if its
 * keys start with a practice code, add it to STORE_PER_PRACTICE; if its
 * records reach version 2, say so in check_entry (store/maint.c). */
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
    X(DB_LSOA_LINK, "lsoa_link")                                             \
    X(DB_PSR, "psr")                                                         \
    X(DB_SURVEY, "survey")                                                   \
    X(DB_APPRAISAL, "appraisal")                                             \
    X(DB_SUCC, "successor")                                                  \
    X(DB_BACKTEST, "backtest")                                               \
    X(DB_EVIDENCE, "evidence")                                               \
    X(DB_AREA_FACT, "area_fact")                                             \
    X(DB_BRANCH, "branch")                                                   \
    X(DB_PCN_MEMBER, "pcn_member")                                           \
    X(DB_BOUNDARY, "boundary")                                               \
    X(DB_SNAPSHOT, "snapshot")

#define STORE_DB_ENUM(id, name) id,
enum store_db { STORE_DBS(STORE_DB_ENUM) DB_COUNT };
#undef STORE_DB_ENUM

/* The databases whose keys start with a practice code ("CODE\0..."): a
 * put makes sure the practice exists (a placeholder until the register
 * names it), and check insists on it.  A new per-practice database is
 * added here. */
#define STORE_PER_PRACTICE(db)                                                \
    ((db) == DB_LIST || (db) == DB_AGE || (db) == DB_LSOAREG ||              \
     (db) == DB_INDICATOR || (db) == DB_NOTE || (db) == DB_CONTRACT ||       \
     (db) == DB_CAPACITY || (db) == DB_NAME || (db) == DB_SURVEY ||            \
     (db) == DB_APPRAISAL || (db) == DB_EVIDENCE || (db) == DB_BRANCH ||     \
     (db) == DB_PCN_MEMBER)

/* How putting at a database's end goes, in one write transaction. */
struct store_append {
    uint64_t in;     /* the write transaction this is of */
    uint32_t skip;   /* puts left before trying again */
    uint32_t misses; /* tries in a row that were not at the end */
};

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
    bool sealed;            /* schema 3+: every value ends in its CRC-32C */
    uint64_t write_no;      /* counts write transactions begun */
    uint64_t commits;       /* ... and committed with a change */
    bool snapshot_put;      /* this write transaction wrote the snapshot */
    uint64_t known_in;      /* ... and the one in which known_practice exists */
    char known_practice[CODE_MAX]; /* (rows of one practice come together) */
    struct store_append append[DB_COUNT]; /* putting at a database's end */
    char dir[4096];
};

/* The snapshot record's key, and its removal by any write that does not
 * put it (store/snapshot.c): a snapshot is only ever as new as the data. */
extern const char store_snapshot_key[];
int store_snapshot_drop(store *s, err *e);
/* A snapshot record's generation; 0 when it is too short to have one. */
uint64_t store_snapshot_generation(const MDB_val *v);

/* mdb_txn_begin, after a map grown by another process. */
int store_txn_begin(store *s, unsigned flags, MDB_txn **txn);

/* Builds the error for an LMDB return code. */
int store_lmdb_err(err *e, const char *what, int rc);

/* Every value but the schema record ends in 4 bytes: the CRC-32C (big
 * endian) of the key and the value before it.  store_put adds it,
 * store_get and store_scan check and remove it (a mismatch is an error:
 * "the record is damaged"), so a new record kind gets it for free. */
enum { STORE_SEAL = 4 };
/* 1 when v (with its seal) is intact, and then v->mv_size excludes it. */
bool store_unseal(const store *s, int db, const MDB_val *k, MDB_val *v);
/* Adds the seals to every value of every database (the migration to
 * schema 3, in the caller's write transaction). */
int store_seal_all(store *s, err *e);
/* A raw put (the value already sealed, as restore copies it). */
int store_put_raw(store *s, int db, const MDB_val *k, const MDB_val *v, err *e);

/* Key-value access inside the open transaction. */
int store_put(store *s, int db, const void *k, size_t kn, const void *v, size_t vn, err *e);
/* 1 found (sets *v, *vn), 0 absent, -1 error. */
int store_get(store *s, int db, const void *k, size_t kn, MDB_val *v, err *e);
int store_del(store *s, int db, const void *k, size_t kn, err *e);

/* Calls fn(key, value, ctx) for every entry whose key starts with prefix,
 * in key order; fn returns non-zero to stop (and that value is returned,
 * unless it is -1 which means error). */
/* The name of database db, as LMDB's catalog holds it. */
const char *store_db_name(int db);

typedef int (*store_scan_fn)(const MDB_val *k, const MDB_val *v, void *ctx);

/* The last entry whose key is at most key and starts with prefix, found
 * by one seek: 1 found (*k, *v as store_get gives them, valid in the
 * transaction), 0 none, -1 an error or a damaged record. */
int store_last_upto(store *s, int db, const void *prefix, size_t pn, const void *key,
                    size_t kn, MDB_val *k, MDB_val *v, err *e);
int store_scan(store *s, int db, const void *prefix, size_t pn, store_scan_fn fn,
               void *ctx, err *e);

/* Puts every practice again, so each is located and indexed by postcode:
 * the migration from schema 1 (in the caller's write transaction). */
int store_practice_reindex(store *s, err *e);
/* Schema 2 -> 3: the practice x LSOA rows under keys with their date. */
int store_lsoa_reg_rekey(store *s, err *e);
/* Schema 3 -> 4: each contract under its start, each practice's capacity
 * facts under date 0 (since always). */
int store_dated_rekey(store *s, err *e);

/* Relocates the practices at a postcode that was just stored. */
int store_practice_relocate(store *s, const char *postcode, err *e);

/* An import record (key, unsealed value) whose SHA-256 index entry
 * points back at it. */
bool store_provenance_indexed(store *s, const MDB_val *k, const MDB_val *v);

/* A key as text for messages: bytes outside printable ASCII as '.'. */
void store_key_text(const void *k, size_t kn, char *out, size_t outsz);

/* A boundary outline's key is well formed (check). */
bool store_boundary_key_ok(const MDB_val *k);
/* Outlines stored (their first chunks), -1 when they cannot be read. */
long store_boundary_count(store *s);

/* Writes this catchment's schema version into meta. */
int store_meta_schema_put(store *s, err *e);

/* A problem found by a check: the key it is about and what is wrong. */
typedef void (*store_problem_fn)(const MDB_val *k, const char *what, void *ctx);
/* Follows the audit trail's hash chain to the head kept in meta. */
int store_audit_verify(store *s, store_problem_fn report, void *ctx, err *e);
/* Chains every entry again (schema 3 migration; an older backup restored). */
int store_audit_rechain(store *s, err *e);

/* "CODE\0" + suffix: the composite keys of per-practice databases. */
size_t store_key(unsigned char *out, size_t outsz, const char *code,
                 const void *suffix, size_t sn);

#endif
