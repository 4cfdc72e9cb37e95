/* Value encoding: a version byte, then fields in a fixed order.  Integers
 * are big-endian, doubles are their IEEE bits big-endian, strings are a
 * 32-bit length then bytes.  Decoding never trusts the input: a short or
 * malformed value sets `bad` instead of reading past the end. */
#ifndef CATCHMENT_CODEC_H
#define CATCHMENT_CODEC_H

#include <stddef.h>
#include <stdint.h>

enum { WBUF_MAX = 32768 };

typedef struct wbuf {
    unsigned char data[WBUF_MAX];
    size_t len;
    int bad; /* set when a value did not fit */
} wbuf;

typedef struct rbuf {
    const unsigned char *data;
    size_t len, pos;
    int bad;
} rbuf;

void wb_init(wbuf *w, unsigned version);
void wb_u8(wbuf *w, unsigned v);
void wb_i64(wbuf *w, int64_t v);
void wb_f64(wbuf *w, double v);
void wb_str(wbuf *w, const char *s);

/* Starts reading; returns the version byte (0 and bad when empty). */
unsigned rb_init(rbuf *r, const void *data, size_t len);
unsigned rb_u8(rbuf *r);
int64_t rb_i64(rbuf *r);
double rb_f64(rbuf *r);
/* Copies into dst (always terminated); a too-long string sets bad. */
void rb_str(rbuf *r, char *dst, size_t dstsz);

void be_put32(unsigned char *p, uint32_t v);
uint32_t be_get32(const unsigned char *p);
void be_put64(unsigned char *p, uint64_t v);
uint64_t be_get64(const unsigned char *p);

#endif
