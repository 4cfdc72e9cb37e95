/* The audit trail's hash chain against someone who can write data.mdb
 * and re-seals what they change (the CRC-32C is no secret): an entry
 * edited, removed or moved still breaks the chain, and check says so.
 * Also: a clock set back never puts an entry before the last one, and
 * an older store's trail is chained when it is migrated. */
#include "tests/unit/t.h"
#include "store/internal.h"

#include <stdlib.h>
#include <unistd.h>

static char base[] = "/tmp/catchment-chain.XXXXXX";

static void found(const char *db, const char *key, const char *what, void *ctx)
{
    (void)db, (void)key;
    if (strstr(what, "audit chain") || strstr(what, "last audit entry"))
        ++*(int *)ctx;
}

/* A store with one practice and n changes, one second apart. */
static store *trail(const char *name, int n)
{
    char dir[4200];
    store *s;
    err e;
    practice p;
    snprintf(dir, sizeof dir, "%s/%s", base, name);
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    CHECK(store_write_begin(s, &e) == 0);
    practice_init(&p, "M84001");
    CHECK(store_practice_put(s, &p, &e) == 0);
    for (int i = 0; i < n; i++) {
        audit_rec a = {.time = 1700000000 + i};
        strcpy(a.practice, "M84001");
        strcpy(a.user, "alice");
        strcpy(a.field, "capacity");
        snprintf(a.new_value, sizeof a.new_value, "%d", 1000 + i);
        CHECK(store_audit_add(s, &a, &e) == 0);
    }
    CHECK(store_write_commit(s, &e) == 0);
    return s;
}

/* How many chain problems check reports. */
static int chain_problems(store *s)
{
    err e;
    int n = 0;
    store_check_counts c = {0, 0, 0};
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_check(s, found, &n, &c, &e) == 0);
    store_read_end(s);
    return n;
}

/* The key of entry i (0-based) and its value, unsealed. */
static void entry(store *s, int i, unsigned char key[12], unsigned char *val, size_t *vn)
{
    MDB_cursor *c;
    MDB_val k, v;
    mdb_cursor_open(s->txn, s->dbi[DB_AUDIT], &c);
    mdb_cursor_get(c, &k, &v, MDB_FIRST);
    for (int j = 0; j < i; j++)
        mdb_cursor_get(c, &k, &v, MDB_NEXT);
    memcpy(key, k.mv_data, 12);
    *vn = v.mv_size - STORE_SEAL;
    memcpy(val, v.mv_data, *vn);
    mdb_cursor_close(c);
}

/* "1001" becomes "9001", re-sealed. */
static void edit_one(store *s, err *e)
{
    unsigned char key[12], val[1024];
    size_t vn;
    entry(s, 1, key, val, &vn);
    unsigned char *digit = memchr(val, '1', vn);
    CHECK(digit != NULL);
    if (digit)
        *digit = '9';
    CHECK(store_put(s, DB_AUDIT, key, 12, val, vn, e) == 0);
}

static void remove_one(store *s, err *e)
{
    unsigned char key[12], val[1024];
    size_t vn;
    entry(s, 2, key, val, &vn);
    CHECK(store_del(s, DB_AUDIT, key, 12, e) == 0);
}

/* Two entries' values swapped, each re-sealed under the other's key. */
static void move_two(store *s, err *e)
{
    unsigned char k1[12], v1[1024], k2[12], v2[1024];
    size_t n1, n2;
    entry(s, 1, k1, v1, &n1);
    entry(s, 2, k2, v2, &n2);
    CHECK(store_put(s, DB_AUDIT, k1, 12, v2, n2, e) == 0);
    CHECK(store_put(s, DB_AUDIT, k2, 12, v1, n1, e) == 0);
}

/* A clean trail of four, changed by fn in one write: check sees it. */
static void tamper(const char *name, void (*fn)(store *, err *))
{
    store *s = trail(name, 4);
    err e;
    CHECK_INT(chain_problems(s), 0);
    CHECK(store_write_begin(s, &e) == 0);
    fn(s, &e);
    CHECK(store_write_commit(s, &e) == 0);
    T_REPORT(chain_problems(s) > 0, "%s: check finds the chain broken", name);
    store_close(s);
}

static int keep_times(const audit_rec *r, void *ctx)
{
    int64_t *t = ctx;
    t[t[0] + 1] = r->time;
    t[0]++;
    return 0;
}

/* A change stamped before the last entry goes after it, at its time. */
static void test_clock_back(void)
{
    store *s = trail("clock", 2);
    err e;
    audit_rec a = {.time = 1600000000};
    int64_t t[8] = {0};
    strcpy(a.practice, "M84001");
    strcpy(a.user, "alice");
    strcpy(a.field, "note");
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_audit_add(s, &a, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_audit_each(s, NULL, keep_times, t, &e) == 0);
    store_read_end(s);
    CHECK_INT(t[0], 3);
    CHECK_INT(t[3], 1700000001);
    CHECK_INT(chain_problems(s), 0);
    store_close(s);
}

int main(void)
{
    CHECK(mkdtemp(base) != NULL);
    tamper("an entry edited", edit_one);
    tamper("an entry removed", remove_one);
    tamper("two entries moved", move_two);
    test_clock_back();
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
    CHECK(system(cmd) == 0);
    T_DONE();
}
