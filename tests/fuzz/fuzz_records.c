/* libFuzzer: the record decoders.  The input is one raw key and value
 * put straight into one of the store's databases (inside a write
 * transaction that is then aborted), then everything that reads records
 * runs: gets, scans, the integrity check, the counts.  A damaged value
 * must give an error, never a crash or a read past its end.
 * Input: db byte, key length byte, key, value. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/catchment-fuzz-records.XXXXXX";
static store *s;

static void cleanup(void)
{
    char cmd[4300];
    store_close(s);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    err e;
    char path[4200];
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/store", dir);
    store_opts o = {.map_size = (size_t)1 << 28};
    if (store_open(&s, path, &o, &e))
        abort();
    /* One practice, so per-practice records have something to belong to. */
    practice p;
    practice_init(&p, "M84001");
    if (store_write_begin(s, &e) || store_practice_put(s, &p, &e) || store_write_commit(s, &e))
        abort();
    atexit(cleanup);
    return 0;
}

static int on_practice(const practice *p, void *ctx) { (void)p, (void)ctx; return 0; }
static int on_reg(const lsoa_reg *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_ind(const indicator *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_contract(const contract *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_cap(const capacity_rec *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_note(const note *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_prov(const provenance *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_audit(const audit_rec *r, void *ctx) { (void)r, (void)ctx; return 0; }
static int on_boundary(const boundary_rec *r, void *ctx) { (void)r, (void)ctx; return 0; }

static void read_all(const char *code)
{
    err e;
    practice p;
    list_point pts[24];
    age_profile a;
    postcode_rec pc;
    lsoa_rec l;
    contract c;
    capacity_rec cap;
    provenance pv;
    store_counts n;
    store_check_counts problems = {0, 0, 0};
    store_practice_get(s, code, &p, &e);
    store_practice_each(s, on_practice, NULL, &e);
    store_list_history(s, code, pts, 24, &e);
    store_age_latest(s, code, &a, &e);
    store_age_get(s, code, 20260401, &a, &e);
    store_lsoa_reg_each(s, code, on_reg, NULL, &e);
    store_postcode_get(s, code, &pc, &e);
    store_lsoa_get(s, code, &l, &e);
    store_indicator_each(s, code, on_ind, NULL, &e);
    store_contract_get(s, code, &c, &e);
    store_contract_each(s, on_contract, NULL, &e);
    store_capacity_get(s, code, &cap, &e);
    store_capacity_each(s, on_cap, NULL, &e);
    store_note_each(s, code, on_note, NULL, &e);
    store_note_each(s, NULL, on_note, NULL, &e);
    store_provenance_find(s, code, &pv, &e);
    store_provenance_each(s, on_prov, NULL, &e);
    store_audit_each(s, NULL, on_audit, NULL, &e);
    store_audit_each(s, code, on_audit, NULL, &e);
    store_boundary_each(s, on_boundary, NULL, &e);
    store_count(s, &n, &e);
    store_check(s, NULL, NULL, &problems, &e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    int db = data[0] % DB_COUNT;
    if (db == DB_META) /* the schema record is checked at open, not here */
        return 0;
    size_t kn = data[1];
    if (kn == 0 || kn > 200 || size < 2 + kn)
        return 0;
    const uint8_t *key = data + 2, *val = data + 2 + kn;
    size_t vn = size - 2 - kn;
    /* The key's code part, for the per-practice lookups. */
    char code[CODE_MAX];
    size_t cn = strnlen((const char *)key, kn < CODE_MAX - 1 ? kn : CODE_MAX - 1);
    memcpy(code, key, cn);
    code[cn] = '\0';
    err e;
    if (store_write_begin(s, &e))
        abort();
    MDB_val k = {kn, (void *)key}, v = {vn, (void *)val};
    if (mdb_put(s->txn, s->dbi[db], &k, &v, 0) == 0)
        read_all(cn ? code : "M84001");
    store_write_abort(s);
    return 0;
}
