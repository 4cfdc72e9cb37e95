/* Options appraisal entries: key CODE\0OPTION\0FIELD. */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

enum { APPRAISAL_V = 1 };

static size_t appraisal_key(unsigned char *key, size_t sz, const char *code, const char *option,
                            const char *field)
{
    char suffix[2 * SHORT_MAX];
    size_t on = strlen(option), fn = strlen(field);
    if (on >= SHORT_MAX || fn >= SHORT_MAX || !on || !fn)
        return 0;
    memcpy(suffix, option, on + 1);
    memcpy(suffix + on + 1, field, fn);
    return store_key(key, sz, code, suffix, on + 1 + fn);
}

int store_appraisal_put(store *s, const appraisal_rec *r, err *e)
{
    unsigned char key[128];
    static wbuf w;
    size_t kn = appraisal_key(key, sizeof key, r->practice, r->option, r->field);
    wb_init(&w, APPRAISAL_V);
    wb_u8(&w, (unsigned)r->score);
    wb_str(&w, r->value);
    wb_str(&w, r->text);
    wb_str(&w, r->user);
    wb_i64(&w, r->time);
    if (!kn || w.bad)
        return err_set(e, "appraisal %s %s %s: record too large", r->practice, r->option, r->field);
    return store_put(s, DB_APPRAISAL, key, kn, w.data, w.len, e);
}

/* key CODE\0OPTION\0FIELD into r's names. */
static int split_key(const MDB_val *k, appraisal_rec *r)
{
    const char *p = k->mv_data, *end = p + k->mv_size;
    char *dst[3] = {r->practice, r->option, r->field};
    size_t max[3] = {CODE_MAX, SHORT_MAX, SHORT_MAX};
    for (int i = 0; i < 3; i++) {
        size_t n = strnlen(p, (size_t)(end - p));
        if (n == 0 || n >= max[i] || (i < 2 && p + n == end))
            return -1;
        memcpy(dst[i], p, n);
        dst[i][n] = '\0';
        p += n + 1;
    }
    return p - 1 == end ? 0 : -1;
}

static int decode(const MDB_val *k, const MDB_val *v, appraisal_rec *r)
{
    rbuf b;
    memset(r, 0, sizeof *r);
    if (split_key(k, r) || rb_init(&b, v->mv_data, v->mv_size) != APPRAISAL_V)
        return -1;
    r->score = (int)rb_u8(&b);
    rb_str(&b, r->value, sizeof r->value);
    rb_str(&b, r->text, sizeof r->text);
    rb_str(&b, r->user, sizeof r->user);
    r->time = rb_i64(&b);
    return b.bad ? -1 : 0;
}

int store_appraisal_get(store *s, const char *code, const char *option, const char *field,
                        appraisal_rec *out, err *e)
{
    unsigned char key[128];
    MDB_val k, v;
    size_t kn = appraisal_key(key, sizeof key, code, option, field);
    if (!kn)
        return 0;
    int rc = store_get(s, DB_APPRAISAL, key, kn, &v, e);
    if (rc <= 0)
        return rc;
    k.mv_data = key, k.mv_size = kn;
    return decode(&k, &v, out) ? err_set(e, "appraisal %s: damaged", code) : 1;
}

struct appraisal_scan {
    int (*fn)(const appraisal_rec *, void *);
    void *ctx;
    appraisal_rec *r;
};

static int appraisal_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct appraisal_scan *as = ctx;
    return decode(k, v, as->r) ? -1 : as->fn(as->r, as->ctx);
}

int store_appraisal_each(store *s, const char *code, int (*fn)(const appraisal_rec *, void *),
                         void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct appraisal_scan as = {fn, ctx, malloc(sizeof(appraisal_rec))};
    if (!as.r)
        return err_set(e, "appraisal: out of memory");
    int rc = code && !kn ? 0 : store_scan(s, DB_APPRAISAL, key, kn, appraisal_one, &as, e);
    free(as.r);
    return rc;
}
