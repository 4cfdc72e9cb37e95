#include "store/codec.h"

#include <string.h>

void be_put32(unsigned char *p, uint32_t v)
{
    for (int i = 3; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)v;
}

uint32_t be_get32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void be_put64(unsigned char *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (unsigned char)v;
}

uint64_t be_get64(const unsigned char *p)
{
    return (uint64_t)be_get32(p) << 32 | be_get32(p + 4);
}

static void wb_bytes(wbuf *w, const void *p, size_t n)
{
    if (w->bad || n > WBUF_MAX - w->len) {
        w->bad = 1;
        return;
    }
    memcpy(w->data + w->len, p, n);
    w->len += n;
}

void wb_init(wbuf *w, unsigned version)
{
    w->len = 0;
    w->bad = 0;
    wb_u8(w, version);
}

void wb_u8(wbuf *w, unsigned v)
{
    unsigned char b = (unsigned char)v;
    wb_bytes(w, &b, 1);
}

void wb_i64(wbuf *w, int64_t v)
{
    unsigned char b[8];
    be_put64(b, (uint64_t)v);
    wb_bytes(w, b, 8);
}

void wb_f64(wbuf *w, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, 8);
    unsigned char b[8];
    be_put64(b, bits);
    wb_bytes(w, b, 8);
}

void wb_str(wbuf *w, const char *s)
{
    size_t n = strlen(s);
    unsigned char b[4];
    be_put32(b, (uint32_t)n);
    wb_bytes(w, b, 4);
    wb_bytes(w, s, n);
}

unsigned rb_init(rbuf *r, const void *data, size_t len)
{
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->bad = 0;
    return rb_u8(r);
}

static const unsigned char *rb_take(rbuf *r, size_t n)
{
    if (r->bad || n > r->len - r->pos) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *p = r->data + r->pos;
    r->pos += n;
    return p;
}

unsigned rb_u8(rbuf *r)
{
    const unsigned char *p = rb_take(r, 1);
    return p ? *p : 0;
}

int64_t rb_i64(rbuf *r)
{
    const unsigned char *p = rb_take(r, 8);
    return p ? (int64_t)be_get64(p) : 0;
}

double rb_f64(rbuf *r)
{
    const unsigned char *p = rb_take(r, 8);
    double v = 0;
    if (p) {
        uint64_t bits = be_get64(p);
        memcpy(&v, &bits, 8);
    }
    return v;
}

void rb_str(rbuf *r, char *dst, size_t dstsz)
{
    dst[0] = '\0';
    const unsigned char *lp = rb_take(r, 4);
    if (!lp)
        return;
    uint32_t n = be_get32(lp);
    if (n >= dstsz) {
        r->bad = 1;
        return;
    }
    const unsigned char *p = rb_take(r, n);
    if (!p)
        return;
    memcpy(dst, p, n);
    dst[n] = '\0';
}
