/* The snapshot record: one value under one key of the snapshot database,
 * written by core/snapshot.c and read in place from LMDB's map.
 *
 *   byte 0      version (1)
 *   bytes 1-7   zero
 *   bytes 8-15  generation: the id of the write transaction that put it
 *               (big endian)
 *   bytes 16-   what core/snapshot.c wrote, then the seal (store_put)
 *
 * A snapshot is current when its generation is the id of the last
 * committed write.  Every write that does not put the snapshot also
 * removes it (store_write_commit), so even a store copied or restored,
 * whose transaction ids start again, never keeps one older than its
 * data; the generation catches writes by a catchment from before
 * snapshots, which does not know to remove it. */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

const char store_snapshot_key[] = "world";
enum { SNAP_V = 1, SNAP_HEAD = 16 };

struct store_view {
    MDB_txn *txn;
};

uint64_t store_snapshot_generation(const MDB_val *v)
{
    return v->mv_size >= SNAP_HEAD ? be_get64((const unsigned char *)v->mv_data + 8) : 0;
}

int store_snapshot_drop(store *s, err *e)
{
    return store_del(s, DB_SNAPSHOT, store_snapshot_key, sizeof store_snapshot_key - 1, e);
}

int store_snapshot_put(store *s, const void *data, size_t n, err *e)
{
    if (!s->txn || !s->writing || !s->present[DB_SNAPSHOT])
        return err_set(e, "internal: write outside a write transaction");
    unsigned char *v = malloc(n + SNAP_HEAD);
    if (!v)
        return err_set(e, "out of memory");
    memset(v, 0, SNAP_HEAD);
    v[0] = SNAP_V;
    be_put64(v + 8, (uint64_t)mdb_txn_id(s->txn));
    memcpy(v + SNAP_HEAD, data, n);
    int rc = store_put(s, DB_SNAPSHOT, store_snapshot_key, sizeof store_snapshot_key - 1, v,
                       n + SNAP_HEAD, e);
    free(v);
    if (rc == 0)
        s->snapshot_put = true;
    return rc;
}

void store_view_close(store_view *v)
{
    if (!v)
        return;
    mdb_txn_abort(v->txn);
    free(v);
}

int store_snapshot_view(store *s, store_view **out, const void **data, size_t *n, err *e)
{
    MDB_val k = {sizeof store_snapshot_key - 1, (void *)store_snapshot_key}, v;
    *out = NULL;
    if (!s->present[DB_SNAPSHOT])
        return 0;
    store_view *view = calloc(1, sizeof *view);
    if (!view)
        return err_set(e, "out of memory");
    /* A transaction of its own (MDB_NOTLS allows several at once): the
     * data stays where it is in the map until it ends, whatever others
     * write meanwhile. */
    int rc = store_txn_begin(s, MDB_RDONLY, &view->txn);
    if (rc) {
        free(view);
        return store_lmdb_err(e, s->dir, rc);
    }
    rc = mdb_get(view->txn, s->dbi[DB_SNAPSHOT], &k, &v);
    int found = rc == 0;
    if (rc && rc != MDB_NOTFOUND) {
        store_view_close(view);
        return store_lmdb_err(e, "snapshot", rc);
    }
    if (found && (!store_unseal(s, DB_SNAPSHOT, &k, &v) || v.mv_size < SNAP_HEAD ||
                  ((const unsigned char *)v.mv_data)[0] != SNAP_V)) {
        store_view_close(view);
        return err_set(e, "the store's snapshot is damaged");
    }
    if (!found || store_snapshot_generation(&v) != (uint64_t)mdb_txn_id(view->txn)) {
        store_view_close(view);
        return 0; /* none, or older than the data: never used */
    }
    *data = (const unsigned char *)v.mv_data + SNAP_HEAD;
    *n = v.mv_size - SNAP_HEAD;
    *out = view;
    return 1;
}
