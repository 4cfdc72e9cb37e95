/* Engagement survey responses: key CODE\0RESPONSE-ID. */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

enum { SURVEY_V = 1 };

static void encode(wbuf *w, const survey_resp *r)
{
    wb_init(w, SURVEY_V);
    wb_i64(w, r->date);
    wb_u8(w, (unsigned)r->channel);
    wb_str(w, r->district);
    wb_str(w, r->matters);
    wb_u8(w, (unsigned)r->impact);
    wb_f64(w, r->travel);
    wb_u8(w, (unsigned)r->travel_miles);
    wb_u8(w, (unsigned)r->nscales);
    for (int i = 0; i < r->nscales; i++) {
        wb_str(w, r->scale[i].name);
        wb_u8(w, (unsigned)r->scale[i].value);
    }
    wb_u8(w, (unsigned)r->ntexts);
    for (int i = 0; i < r->ntexts; i++) {
        wb_str(w, r->text[i].name);
        wb_str(w, r->text[i].text);
    }
    wb_u8(w, (unsigned)r->ngroups);
    for (int i = 0; i < r->ngroups; i++) {
        wb_str(w, r->group[i].name);
        wb_str(w, r->group[i].value);
    }
}

int store_survey_put(store *s, const survey_resp *r, err *e)
{
    unsigned char key[128];
    static wbuf w; /* 32 KiB */
    if (r->nscales > SURVEY_KEPT_SCALES || r->ntexts > SURVEY_KEPT_TEXTS ||
        r->ngroups > SURVEY_KEPT_GROUPS)
        return err_set(e, "survey response %s: too many answers", r->id);
    size_t kn = store_key(key, sizeof key, r->practice, r->id, strlen(r->id));
    encode(&w, r);
    if (!kn || w.bad)
        return err_set(e, "survey response %s: record too large", r->id);
    return store_put(s, DB_SURVEY, key, kn, w.data, w.len, e);
}

/* A count of entries, at most max. */
static int rb_count(rbuf *b, int max)
{
    int n = (int)rb_u8(b);
    if (n > max)
        b->bad = 1;
    return b->bad ? 0 : n;
}

static void decode_lists(rbuf *b, survey_resp *r)
{
    r->nscales = rb_count(b, SURVEY_KEPT_SCALES);
    for (int i = 0; i < r->nscales; i++) {
        rb_str(b, r->scale[i].name, sizeof r->scale[i].name);
        r->scale[i].value = (int)rb_u8(b);
    }
    r->ntexts = rb_count(b, SURVEY_KEPT_TEXTS);
    for (int i = 0; i < r->ntexts; i++) {
        rb_str(b, r->text[i].name, sizeof r->text[i].name);
        rb_str(b, r->text[i].text, sizeof r->text[i].text);
    }
    r->ngroups = rb_count(b, SURVEY_KEPT_GROUPS);
    for (int i = 0; i < r->ngroups; i++) {
        rb_str(b, r->group[i].name, sizeof r->group[i].name);
        rb_str(b, r->group[i].value, sizeof r->group[i].value);
    }
}

static int decode(const MDB_val *k, const MDB_val *v, survey_resp *r)
{
    rbuf b;
    memset(r, 0, sizeof *r);
    size_t cn = strnlen(k->mv_data, k->mv_size);
    if (cn == 0 || cn >= CODE_MAX || k->mv_size - cn - 1 >= SHORT_MAX)
        return -1;
    memcpy(r->practice, k->mv_data, cn);
    memcpy(r->id, (const char *)k->mv_data + cn + 1, k->mv_size - cn - 1);
    if (rb_init(&b, v->mv_data, v->mv_size) != SURVEY_V)
        return -1;
    r->date = (long)rb_i64(&b);
    r->channel = (int)rb_u8(&b);
    rb_str(&b, r->district, sizeof r->district);
    rb_str(&b, r->matters, sizeof r->matters);
    r->impact = (int)rb_u8(&b);
    r->travel = rb_f64(&b);
    r->travel_miles = (int)rb_u8(&b);
    decode_lists(&b, r);
    return b.bad ? -1 : 0;
}

struct survey_scan {
    int (*fn)(const survey_resp *, void *);
    void *ctx;
    survey_resp *r;
};

static int survey_one(const MDB_val *k, const MDB_val *v, void *ctx)
{
    struct survey_scan *ss = ctx;
    return decode(k, v, ss->r) ? -1 : ss->fn(ss->r, ss->ctx);
}

int store_survey_each(store *s, const char *code, int (*fn)(const survey_resp *, void *),
                      void *ctx, err *e)
{
    unsigned char key[64];
    size_t kn = code ? store_key(key, sizeof key, code, NULL, 0) : 0;
    struct survey_scan ss = {fn, ctx, malloc(sizeof(survey_resp))};
    if (!ss.r)
        return err_set(e, "survey: out of memory");
    int rc = code && !kn ? 0 : store_scan(s, DB_SURVEY, key, kn, survey_one, &ss, e);
    free(ss.r);
    return rc;
}
