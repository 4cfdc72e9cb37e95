/* The travel-time matrix: key FROM\0PRACTICE, value minutes and km. */
#include "store/internal.h"

#include <string.h>

enum { TRAVEL_V = 1 };

int store_travel_put(store *s, const travel_rec *r, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, r->from, r->to, strlen(r->to));
    wbuf w;
    wb_init(&w, TRAVEL_V);
    wb_f64(&w, r->minutes);
    wb_f64(&w, r->km);
    return kn ? store_put(s, DB_TRAVEL, key, kn, w.data, w.len, e)
              : err_set(e, "travel: key too long");
}

struct travel_scan {
    int (*fn)(const travel_rec *, void *);
    void *ctx;
};

static int travel_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct travel_scan *ts = ctx;
    travel_rec r;
    rbuf b;
    size_t fn = strnlen(k->mv_data, k->mv_size);
    memset(&r, 0, sizeof r);
    if (fn >= LSOA_MAX || k->mv_size - fn - 1 >= CODE_MAX)
        return -1;
    memcpy(r.from, k->mv_data, fn);
    memcpy(r.to, (const char *)k->mv_data + fn + 1, k->mv_size - fn - 1);
    if (rb_init(&b, v->mv_data, v->mv_size) != TRAVEL_V)
        return -1;
    r.minutes = rb_f64(&b);
    r.km = rb_f64(&b);
    return b.bad ? -1 : ts->fn(&r, ts->ctx);
}

int store_travel_each(store *s, const char *from, int (*fn)(const travel_rec *, void *),
                      void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, from, NULL, 0);
    struct travel_scan ts = {fn, ctx};
    return kn ? store_scan(s, DB_TRAVEL, key, kn, travel_one, &ts, e) : 0;
}
