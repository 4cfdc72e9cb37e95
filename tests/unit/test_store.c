/* The store: records round-trip, scans are ordered, the schema guard. */
#include "tests/unit/t.h"
#include "store/store.h"
#include "util/crc32c.h"

#include <lmdb.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

static int count_reg(const lsoa_reg *r, void *ctx)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static void test_records(store *s)
{
    err e;
    practice p, q;
    practice_init(&p, "M86627");
    snprintf(p.name, sizeof p.name, "%s", "ALLESLEY PARK MEDICAL CENTRE");
    snprintf(p.postcode, sizeof p.postcode, "%s", "CV5 9PB");
    p.open_date = 19740401;
    p.gp = true;
    p.list_size = 6692;
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_practice_put(s, &p, &e) == 0);
    for (long m = 1; m <= 14; m++) {
        list_point pt = {20250000 + (m > 12 ? 10000 + (m - 12) * 100 : m * 100) + 1, 6000 + m};
        CHECK(store_list_put(s, "M86627", &pt, &e) == 0);
    }
    lsoa_reg r = {"M86627", "E01009522", 40, 20260401, true};
    CHECK(store_lsoa_reg_put(s, &r, &e) == 0);
    snprintf(r.lsoa, sizeof r.lsoa, "%s", "E01009523");
    CHECK(store_lsoa_reg_put(s, &r, &e) == 0);
    lsoa_reg other = {"M866270", "E01009522", 5, 20260401, false};
    CHECK(store_lsoa_reg_put(s, &other, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);

    CHECK(store_read_begin(s, &e) == 0);
    CHECK_INT(store_practice_get(s, "M86627", &q, &e), 1);
    CHECK_STR(q.name, "ALLESLEY PARK MEDICAL CENTRE");
    CHECK_INT(q.open_date, 19740401);
    CHECK_INT(q.list_size, 6692);
    CHECK(q.gp);
    CHECK_INT(store_practice_get(s, "NOPE", &q, &e), 0);
    list_point hist[12];
    CHECK_INT(store_list_history(s, "M86627", hist, 12, &e), 12);
    CHECK_INT(hist[11].date, 20260201); /* newest last */
    CHECK_INT(hist[0].patients, 6003);  /* the two oldest dropped */
    int n = 0;
    CHECK(store_lsoa_reg_each(s, "M86627", count_reg, &n, &e) == 0);
    CHECK_INT(n, 2); /* the prefix scan stops before M866270 */
    store_read_end(s);

    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_lsoa_reg_clear(s, "M86627", 0, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    n = 0;
    store_lsoa_reg_each(s, "M86627", count_reg, &n, &e);
    CHECK_INT(n, 0);
    n = 0;
    store_lsoa_reg_each(s, "M866270", count_reg, &n, &e);
    CHECK_INT(n, 1);
    store_read_end(s);
}

static void test_provenance(store *s)
{
    err e;
    provenance p = {0}, q;
    snprintf(p.file, sizeof p.file, "%s", "epraccur.csv");
    snprintf(p.sha256, sizeof p.sha256, "%064d", 7);
    p.rows_read = 214;
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_provenance_add(s, &p, &e) == 0);
    CHECK_INT(p.seq, 1);
    CHECK(store_write_commit(s, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK_INT(store_provenance_find(s, p.sha256, &q, &e), 1);
    CHECK_INT(q.rows_read, 214);
    CHECK_INT(q.seq, 1);
    CHECK_STR(q.file, "epraccur.csv");
    store_read_end(s);
}

/* A store written by a newer catchment must be refused. */
static void test_newer_schema(const char *dir)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 32);
    CHECK(mdb_env_open(env, dir, 0, 0660) == 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    mdb_dbi_open(txn, "meta", 0, &dbi);
    unsigned char v[4] = {0, 0, 0, 99};
    MDB_val k = {9, "catchment"}, val = {4, v};
    CHECK(mdb_put(txn, dbi, &k, &val, 0) == 0);
    mdb_txn_commit(txn);
    mdb_env_close(env);
    store *s;
    err e;
    CHECK(store_open(&s, dir, NULL, &e) == -1);
    CHECK(strstr(e.msg, "newer") != NULL);
}

/* A store made before a database existed: read-only it reads as empty,
 * a writable open adds the database. */
static void test_older_store(const char *dir)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 32);
    CHECK(mdb_env_open(env, dir, 0, 0660) == 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    CHECK(mdb_dbi_open(txn, "travel", 0, &dbi) == 0);
    CHECK(mdb_drop(txn, dbi, 1) == 0);
    mdb_txn_commit(txn);
    mdb_env_close(env);

    store *s;
    err e;
    store_opts ro = {.read_only = true};
    store_counts n;
    CHECK(store_open(&s, dir, &ro, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_count(s, &n, &e) == 0);
    CHECK_INT(n.travel, 0);
    CHECK_INT(n.practices, 2); /* M84001, and M86627 made a placeholder by its LSOA rows */
    store_read_end(s);
    store_close(s);
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    travel_rec t = {"E01009522", "M86627", 7.5, 3.1};
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_travel_put(s, &t, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    store_close(s);
}

/* Practices are located by the store, in whatever order things arrive. */
static void test_location(const char *dir)
{
    store *s;
    err e;
    practice p;
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    practice_init(&p, "M84001");
    snprintf(p.postcode, sizeof p.postcode, "%s", "CV11 5TW");
    postcode_rec pc = {"CV11 5TW", 52.518995, -1.467458, "E01031119", false, PC_ONSPD};
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_practice_put(s, &p, &e) == 0); /* before its postcode is known */
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK(isnan(p.lat));
    CHECK(store_postcode_put(s, &pc, &e) == 0); /* the postcode arrives */
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK_NEAR(p.lat, 52.518995, 1e-9);
    CHECK_STR(p.lsoa, "E01031119");
    p.lat = 1.0; /* a put at the same postcode: the caller's location is not taken */
    p.list_size = 5000;
    CHECK(store_practice_put(s, &p, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK_NEAR(p.lat, 52.518995, 1e-9);
    pc.lat = 52.6; /* the postcode is placed anew: the practice follows it ... */
    CHECK(store_postcode_put(s, &pc, &e) == 0);
    p.list_size = 5100; /* ... and stays there when put again */
    CHECK(store_practice_put(s, &p, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK_NEAR(p.lat, 52.6, 1e-9);
    CHECK_INT(p.list_size, 5100);
    pc.lat = 52.518995;
    snprintf(p.postcode, sizeof p.postcode, "%s", "CV99 9ZZ"); /* the practice moves */
    CHECK(store_practice_put(s, &p, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK(isnan(p.lat));
    pc.lat = 50.0; /* its old postcode changing no longer moves it */
    CHECK(store_postcode_put(s, &pc, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK(isnan(p.lat));
    CHECK(store_write_commit(s, &e) == 0);
    store_close(s);
}

static int reg_total(const lsoa_reg *r, void *ctx)
{
    long *got = ctx;
    got[0] += r->patients;
    got[1] = r->date;
    return 0;
}

static void print_problem(const char *db, const char *key, const char *what, void *ctx)
{
    (void)ctx;
    printf("  problem: %s: %s: %s\n", db, key, what);
}

/* Every entry of one database, copied out (LMDB's own memory changes as
 * it is written to). */
static struct entries {
    unsigned char keys[1 << 16], vals[1 << 20];
    size_t kn[4096], vn[4096], ko[4096], vo[4096];
    int n;
} ents;

static bool read_all(MDB_txn *txn, const char *name, MDB_dbi *db)
{
    MDB_cursor *c;
    MDB_val k, v;
    size_t ko = 0, vo = 0;
    ents.n = 0;
    if (mdb_dbi_open(txn, name, 0, db))
        return false;
    mdb_cursor_open(txn, *db, &c);
    for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && ents.n < 4096;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT), ents.n++) {
        int i = ents.n;
        memcpy(ents.keys + (ents.ko[i] = ko), k.mv_data, ents.kn[i] = k.mv_size);
        memcpy(ents.vals + (ents.vo[i] = vo), v.mv_data, ents.vn[i] = v.mv_size);
        ko += k.mv_size;
        vo += v.mv_size;
    }
    mdb_cursor_close(c);
    return true;
}

/* Takes the seals (schema 3's CRC-32C, the last 4 bytes) off every value
 * of one database, as a catchment before schema 3 wrote them. */
static void unseal_db(MDB_txn *txn, const char *name)
{
    MDB_dbi db;
    if (!read_all(txn, name, &db))
        return;
    for (int i = 0; i < ents.n; i++) {
        MDB_val kk = {ents.kn[i], ents.keys + ents.ko[i]};
        MDB_val vv = {ents.vn[i] - 4, ents.vals + ents.vo[i]};
        CHECK(mdb_put(txn, db, &kk, &vv, 0) == 0);
    }
}

/* A schema 1 store: practice records without a location, no seals.
 * Read-only it is read as it is; the first writable open migrates it, all
 * at once. */
static void test_migration(const char *dir)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi meta, prac;
    MDB_val k = {6, "M84001"}, v;
    unsigned char old[4096], one[4] = {0, 0, 0, 1};
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 32);
    mdb_env_set_mapsize(env, (size_t)8 << 30);
    CHECK(mdb_env_open(env, dir, 0, 0660) == 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    static const char *const dbs[] = {"practice", "list_size", "age_band", "practice_lsoa",
                                      "postcode", "lsoa", "indicator", "contract", "capacity",
                                      "note", "provenance", "provenance_sha", "audit", "travel",
                                      "practice_postcode"};
    for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++)
        unseal_db(txn, dbs[i]);
    mdb_dbi_open(txn, "meta", 0, &meta);
    mdb_dbi_open(txn, "practice", 0, &prac);
    CHECK(mdb_get(txn, prac, &k, &v) == 0);
    /* Version 3 is version 1 then lat, lon (8 bytes each), the LSOA and
     * the 2011 LSOA (both empty: a 4-byte length each). */
    size_t n1 = v.mv_size - 8 - 8 - 4 - 4;
    memcpy(old, v.mv_data, n1);
    old[0] = 1;
    MDB_val ov = {n1, old}, mk = {9, "catchment"}, mv = {4, one};
    CHECK(mdb_put(txn, prac, &k, &ov, 0) == 0);
    CHECK(mdb_put(txn, meta, &mk, &mv, 0) == 0);
    /* An LSOA row as schema 2 kept it: key CODE\0LSOA, the date only in
     * the value (version 1: patients, date as 8-byte big-endian, modelled). */
    MDB_dbi reg;
    unsigned char rv[18] = {1, 0, 0, 0, 0, 0, 0, 0, 77, 0, 0, 0, 0, 0x01, 0x35, 0x26, 0x31, 0};
    MDB_val rk = {16, "M84001\0E01031119"}, rvv = {18, rv};
    CHECK(mdb_dbi_open(txn, "practice_lsoa", MDB_CREATE, &reg) == 0);
    CHECK(mdb_put(txn, reg, &rk, &rvv, 0) == 0);
    mdb_txn_commit(txn);
    mdb_env_close(env);

    store *s;
    err e;
    practice p;
    store_opts ro = {.read_only = true};
    CHECK(store_open(&s, dir, &ro, &e) == 0);
    CHECK_INT(store_schema(s), 1);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK(isnan(p.lat)); /* a version 1 record reads, without a location */
    store_read_end(s);
    store_close(s);
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    CHECK_INT(store_schema(s), STORE_SCHEMA_VERSION);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_practice_get(s, "M84001", &p, &e) == 1);
    CHECK(isnan(p.lat)); /* its postcode CV99 9ZZ is unknown: still unlocated */
    CHECK_STR(p.postcode, "CV99 9ZZ");
    long got[2] = {0, 0};
    CHECK(store_lsoa_reg_each_at(s, "M84001", 20260401, reg_total, got, &e) == 0);
    CHECK_INT(got[0], 77); /* the row, under its new key, found by its date */
    CHECK_INT(got[1], 20260401);
    /* Every record sealed, the trail chained: the migrated store checks clean. */
    store_check_counts n = {0, 0, 0};
    CHECK(store_check(s, print_problem, NULL, &n, &e) == 0);
    CHECK_INT(n.problems, 0);
    CHECK(n.records > 0);
    store_read_end(s);
    store_close(s);
}

/* Moves every record of one database from its dated key (CODE\0 + 4
 * bytes) back to the key CODE alone, sealed again for that key: the
 * database as a schema 3 catchment kept it. */
static void undate_db(MDB_txn *txn, const char *name)
{
    MDB_dbi db;
    CHECK(read_all(txn, name, &db));
    CHECK(mdb_drop(txn, db, 0) == 0);
    for (int i = 0; i < ents.n; i++) {
        unsigned char *key = ents.keys + ents.ko[i], *val = ents.vals + ents.vo[i];
        size_t code = strnlen((const char *)key, ents.kn[i]), body = ents.vn[i] - 4;
        CHECK(ents.kn[i] == code + 5);
        uint32_t seal = crc32c(crc32c(0, key, code), val, body);
        unsigned char be[4] = {(unsigned char)(seal >> 24), (unsigned char)(seal >> 16),
                               (unsigned char)(seal >> 8), (unsigned char)seal};
        memcpy(val + body, be, 4);
        MDB_val kk = {code, key}, vv = {ents.vn[i], val};
        CHECK(mdb_put(txn, db, &kk, &vv, 0) == 0);
    }
}

/* A schema 3 store: one contract and one set of capacity facts per
 * practice under the key CODE.  The first writable open keeps each
 * under its date: the contract under its start, the capacity facts since
 * always (they applied on every date before). */
static void test_migration_3(void)
{
    char dir[] = "/tmp/catchment-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    store *s;
    err e;
    contract c = {.practice = "M86019", .type = "APMS", .start = 20170401, .end = 20270331};
    capacity_rec cap;
    capacity_init(&cap, "M86019");
    cap.capacity = 9000;
    cap.list_open = 0;
    cap.closed_from = 20260301;
    cap.from = 20260401; /* written at a date, moved to a key of the code alone below */
    snprintf(c.provider, sizeof c.provider, "%s", "Provider A");
    c.milestone[0] = MILESTONE_DONE;
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_contract_put(s, &c, &e) == 0);
    CHECK(store_capacity_put(s, &cap, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    store_close(s);

    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi meta;
    unsigned char three[4] = {0, 0, 0, 3};
    MDB_val mk = {9, "catchment"}, mv = {4, three};
    mdb_env_create(&env);
    mdb_env_set_maxdbs(env, 64);
    mdb_env_set_mapsize(env, (size_t)8 << 30);
    CHECK(mdb_env_open(env, dir, 0, 0660) == 0);
    mdb_txn_begin(env, NULL, 0, &txn);
    undate_db(txn, "contract");
    undate_db(txn, "capacity");
    mdb_dbi_open(txn, "meta", 0, &meta);
    CHECK(mdb_put(txn, meta, &mk, &mv, 0) == 0);
    CHECK(mdb_txn_commit(txn) == 0);
    mdb_env_close(env);

    store_opts ro = {.read_only = true};
    CHECK(store_open(&s, dir, &ro, &e) == 0);
    CHECK_INT(store_schema(s), 3); /* read-only: read as it is, not upgraded */
    /* Restored from, as a backup: the copy is brought up to date too. */
    char to[] = "/tmp/catchment-test-XXXXXX";
    store *r;
    contract got;
    CHECK(mkdtemp(to) != NULL);
    CHECK(store_open(&r, to, NULL, &e) == 0);
    CHECK(store_restore(r, s, NULL, &e) == 0);
    CHECK(store_read_begin(r, &e) == 0);
    CHECK_INT(store_contract_at(r, "M86019", 20210601, &got, &e), 1);
    CHECK_STR(got.provider, "Provider A");
    store_read_end(r);
    store_close(r);
    store_close(s);
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    CHECK_INT(store_schema(s), STORE_SCHEMA_VERSION);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK_INT(store_contract_at(s, "M86019", 20210601, &got, &e), 1);
    CHECK_STR(got.provider, "Provider A");
    CHECK_INT(got.start, 20170401);
    CHECK_INT(got.milestone[0], MILESTONE_DONE);
    CHECK_INT(store_contract_at(s, "M86019", 20160101, &got, &e), 0); /* before it started */
    capacity_rec k;
    CHECK_INT(store_capacity_at(s, "M86019", 20100101, &k, &e), 1); /* since always */
    CHECK_INT(k.capacity, 9000);
    CHECK_INT(k.from, 0);
    CHECK_INT(k.closed_from, 20260301);
    store_check_counts n = {0, 0, 0};
    CHECK(store_check(s, print_problem, NULL, &n, &e) == 0);
    CHECK_INT(n.problems, 0);
    store_read_end(s);

    /* After the upgrade a second contract, and a later figure, are kept
     * beside the first. */
    contract next = {.practice = "M86019", .type = "APMS", .start = 20270401, .end = 20320331};
    cap.capacity = 9500;
    cap.from = 20270401;
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_contract_put(s, &next, &e) == 0);
    CHECK(store_capacity_put(s, &cap, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK_INT(store_contract_at(s, "M86019", 20270331, &got, &e), 1);
    CHECK_INT(got.start, 20170401);
    CHECK_INT(store_contract_at(s, "M86019", 20270401, &got, &e), 1);
    CHECK_INT(got.start, 20270401);
    CHECK_INT(store_contract_at(s, "M86019", 20330101, &got, &e), 1);
    CHECK(store_contract_ended(&got, 20330101)); /* the newest started, ended */
    CHECK_INT(store_capacity_at(s, "M86019", 20270331, &k, &e), 1);
    CHECK_INT(k.capacity, 9000);
    CHECK_INT(store_capacity_at(s, "M86019", 0, &k, &e), 1);
    CHECK_INT(k.capacity, 9500);
    CHECK_INT(k.from, 20270401);
    store_read_end(s);
    store_close(s);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s %s", dir, to);
    CHECK(system(cmd) == 0);
}

/* The list as at a date: the newest point on or before it, found among
 * neighbours whose codes start the same (A1 beside A10 and A0). */
static void test_list_at(const char *dir)
{
    err e;
    list_point at;
    store *s;
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/list-at", dir);
    CHECK(store_open(&s, sub, NULL, &e) == 0);
    const char *codes[] = {"A0", "A1", "A10"};
    CHECK(store_write_begin(s, &e) == 0);
    for (int c = 0; c < 3; c++)
        for (long m = 2; m <= 10; m += 4) { /* 2025-02, -06, -10 */
            list_point pt = {20250001 + m * 100, 100 * c + m};
            CHECK(store_list_put(s, codes[c], &pt, &e) == 0);
        }
    CHECK(store_write_commit(s, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK_INT(store_list_at(s, "A1", 20250101, &at, &e), 0); /* before the first */
    CHECK_INT(at.patients, -1);
    CHECK_INT(store_list_at(s, "A1", 20250201, &at, &e), 1); /* on the first */
    CHECK_INT(at.date, 20250201);
    CHECK_INT(store_list_at(s, "A1", 20250715, &at, &e), 1); /* between */
    CHECK_INT(at.date, 20250601);
    CHECK_INT(at.patients, 106);
    CHECK_INT(store_list_at(s, "A1", 20991231, &at, &e), 1); /* after the last */
    CHECK_INT(at.date, 20251001);
    CHECK_INT(at.patients, 110);
    CHECK_INT(store_list_at(s, "A10", 20991231, &at, &e), 1); /* the last of all */
    CHECK_INT(at.patients, 210);
    CHECK_INT(store_list_at(s, "A0", 20250601, &at, &e), 1);
    CHECK_INT(at.patients, 6);
    CHECK_INT(store_list_at(s, "A", 20991231, &at, &e), 0);  /* a code with none */
    CHECK_INT(store_list_at(s, "A2", 20991231, &at, &e), 0); /* after every key */
    store_read_end(s);
    store_close(s);
}

int main(void)
{
    char dir[] = "/tmp/catchment-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    store *s;
    err e;
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    test_records(s);
    test_provenance(s);
    store_close(s);

    store_opts ro = {.read_only = true};
    CHECK(store_open(&s, dir, &ro, &e) == 0);
    CHECK(store_write_begin(s, &e) == -1);
    store_close(s);

    test_list_at(dir);
    test_older_store(dir);
    test_location(dir);
    test_migration(dir);
    test_migration_3();

    test_newer_schema(dir);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    T_DONE();
}
