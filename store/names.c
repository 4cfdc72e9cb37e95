/* Every name a file has given a practice: key CODE\0NAME, value the
 * file's extract date and kind.  The register's name is the current one;
 * the others are former names (a PCN map from before a rename) that
 * people still use. */
#include "store/internal.h"

#include <string.h>

enum { NAME_V = 1 };

int store_name_put(store *s, const name_rec *r, err *e)
{
    unsigned char key[CODE_MAX + NAME_MAX];
    size_t kn = store_key(key, sizeof key, r->practice, r->name, strlen(r->name));
    if (!kn || !*r->name)
        return err_set(e, "name of %s: too long or empty", r->practice);
    wbuf w;
    wb_init(&w, NAME_V);
    wb_i64(&w, r->date);
    wb_str(&w, r->source);
    return store_put(s, DB_NAME, key, kn, w.data, w.len, e);
}

struct name_scan {
    int (*fn)(const name_rec *, void *);
    void *ctx;
};

static int name_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct name_scan *ns = ctx;
    name_rec r;
    rbuf b;
    memset(&r, 0, sizeof r);
    size_t cn = strnlen(k->mv_data, k->mv_size);
    if (cn >= CODE_MAX || cn == k->mv_size || k->mv_size - cn - 1 >= NAME_MAX ||
        rb_init(&b, v->mv_data, v->mv_size) != NAME_V)
        return -1;
    memcpy(r.practice, k->mv_data, cn);
    memcpy(r.name, (const char *)k->mv_data + cn + 1, k->mv_size - cn - 1);
    r.date = (long)rb_i64(&b);
    rb_str(&b, r.source, sizeof r.source);
    return b.bad ? -1 : ns->fn(&r, ns->ctx);
}

int store_name_each(store *s, const char *code, int (*fn)(const name_rec *, void *),
                    void *ctx, err *e)
{
    unsigned char key[CODE_MAX + 1];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct name_scan ns = {fn, ctx};
    if (code && !kn)
        return 0;
    return store_scan(s, DB_NAME, key, kn, name_one, &ns, e);
}
