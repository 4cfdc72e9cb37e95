/* What the store knows about closures that already happened: the ODS
 * successor file (key OLD\0NEW) and the last back-test saved (key
 * "latest"). */
#include "store/internal.h"

#include <math.h>
#include <string.h>

enum { SUCC_V = 1, BACKTEST_V = 1 };

int store_successor_put(store *s, const successor *r, err *e)
{
    unsigned char key[64];
    size_t kn = store_key(key, sizeof key, r->old_code, r->new_code, strlen(r->new_code));
    wbuf w;
    wb_init(&w, SUCC_V);
    wb_str(&w, r->reason);
    wb_i64(&w, r->date);
    return kn ? store_put(s, DB_SUCC, key, kn, w.data, w.len, e)
              : err_set(e, "successor: key too long");
}

struct succ_scan {
    int (*fn)(const successor *, void *);
    void *ctx;
};

static int succ_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct succ_scan *ss = ctx;
    successor r;
    rbuf b;
    size_t on = strnlen(k->mv_data, k->mv_size);
    memset(&r, 0, sizeof r);
    if (on >= CODE_MAX || on == k->mv_size || k->mv_size - on - 1 >= CODE_MAX)
        return -1;
    memcpy(r.old_code, k->mv_data, on);
    memcpy(r.new_code, (const char *)k->mv_data + on + 1, k->mv_size - on - 1);
    if (rb_init(&b, v->mv_data, v->mv_size) != SUCC_V)
        return -1;
    rb_str(&b, r.reason, sizeof r.reason);
    r.date = (long)rb_i64(&b);
    return b.bad ? -1 : ss->fn(&r, ss->ctx);
}

int store_successor_each(store *s, int (*fn)(const successor *, void *), void *ctx, err *e)
{
    struct succ_scan ss = {fn, ctx};
    return store_scan(s, DB_SUCC, NULL, 0, succ_one, &ss, e);
}

static const char latest[] = "latest";

int store_backtest_put(store *s, const backtest_rec *r, err *e)
{
    wbuf w;
    wb_init(&w, BACKTEST_V);
    wb_i64(&w, r->from);
    wb_i64(&w, r->to);
    wb_i64(&w, r->dispersals);
    wb_i64(&w, r->transfers);
    wb_f64(&w, r->beta);
    for (int i = 0; i < BACKTEST_POLICIES; i++) {
        wb_f64(&w, r->share[i]);
        wb_f64(&w, r->rho[i]);
        wb_f64(&w, r->mae[i]);
    }
    wb_i64(&w, r->saved_at);
    wb_str(&w, r->user);
    return store_put(s, DB_BACKTEST, latest, sizeof latest - 1, w.data, w.len, e);
}

int store_backtest_get(store *s, backtest_rec *out, err *e)
{
    MDB_val v;
    rbuf b;
    memset(out, 0, sizeof *out);
    int rc = store_get(s, DB_BACKTEST, latest, sizeof latest - 1, &v, e);
    if (rc <= 0)
        return rc;
    if (rb_init(&b, v.mv_data, v.mv_size) != BACKTEST_V)
        return err_set(e, "backtest: a record of an unknown version");
    out->from = (long)rb_i64(&b);
    out->to = (long)rb_i64(&b);
    out->dispersals = (long)rb_i64(&b);
    out->transfers = (long)rb_i64(&b);
    out->beta = rb_f64(&b);
    for (int i = 0; i < BACKTEST_POLICIES; i++) {
        out->share[i] = rb_f64(&b);
        out->rho[i] = rb_f64(&b);
        out->mae[i] = rb_f64(&b);
    }
    out->saved_at = rb_i64(&b);
    rb_str(&b, out->user, sizeof out->user);
    return b.bad ? err_set(e, "backtest: a damaged record") : 1;
}
