#include "util/sha256.h"
#include "util/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define SHA256_HW 1
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, int n) { return x >> n | x << (32 - n); }

static void compress_one(sha256 *c, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ w[i - 15] >> 3;
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ w[i - 2] >> 10;
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    /* The eight working words rotate one place each round: named
     * variables, so the compiler keeps them in registers. */
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4],
             f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + S1 + ch + K[i] + w[i];
        uint32_t S0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
        uint32_t maj = (a & b) ^ (a & cc) ^ (b & cc);
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = cc;
        cc = b;
        b = a;
        a = t1 + S0 + maj;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
    c->h[5] += f;
    c->h[6] += g;
    c->h[7] += h;
}

#ifdef SHA256_HW
/* The same rounds on the SHA extensions (most x86-64 CPUs since 2017):
 * about six times as fast, and hashing each imported file was a fifth of
 * the import.  The state is kept as the instructions want it: ABEF and
 * CDGH, each word in a 32-bit lane; four rounds a step. */
#define SHA_ROUNDS(m, k)                                                          \
    do {                                                                          \
        __m128i wk_ = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&K[k]));  \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk_);                            \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk_, 0x0E));   \
    } while (0)
/* The next four words of the schedule into w4 (which held the four before
 * w3, w2, w1: W[t-16] + s0(W[t-15]) + W[t-7] + s1(W[t-2])). */
#define SHA_NEXT(w4, w3, w2, w1)                                                  \
    w4 = _mm_sha256msg2_epu32(                                                    \
        _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3), _mm_alignr_epi8(w1, w2, 4)), w1)

__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_hw(sha256 *c, const unsigned char *p, size_t blocks)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&c->h[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&c->h[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    for (; blocks; blocks--, p += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), bswap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), bswap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), bswap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), bswap);
        SHA_ROUNDS(w0, 0);
        SHA_ROUNDS(w1, 4);
        SHA_ROUNDS(w2, 8);
        SHA_ROUNDS(w3, 12);
        for (int k = 16; k < 64; k += 16) {
            SHA_NEXT(w0, w1, w2, w3);
            SHA_ROUNDS(w0, k);
            SHA_NEXT(w1, w2, w3, w0);
            SHA_ROUNDS(w1, k + 4);
            SHA_NEXT(w2, w3, w0, w1);
            SHA_ROUNDS(w2, k + 8);
            SHA_NEXT(w3, w0, w1, w2);
            SHA_ROUNDS(w3, k + 12);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&c->h[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&c->h[4], _mm_alignr_epi8(dchg, feba, 8));
}

static bool cpu_has_sha(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
        return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}
#endif

static int use_hw = -1; /* -1: not asked yet */

void sha256_portable(bool on) { use_hw = on ? 0 : -1; }

static void compress(sha256 *c, const unsigned char *p, size_t blocks)
{
#ifdef SHA256_HW
    if (use_hw < 0)
        use_hw = cpu_has_sha();
    if (use_hw) {
        compress_hw(c, p, blocks);
        return;
    }
#endif
    for (; blocks; blocks--, p += 64)
        compress_one(c, p);
}

void sha256_init(sha256 *c)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, h0, sizeof h0);
    c->bytes = 0;
    c->used = 0;
}

void sha256_add(sha256 *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->bytes += n;
    while (n) {
        if (c->used == 0 && n >= 64) { /* whole blocks straight from the input */
            size_t k = n / 64 * 64;
            compress(c, p, k / 64);
            p += k;
            n -= k;
            continue;
        }
        size_t k = 64 - c->used < n ? 64 - c->used : n;
        memcpy(c->block + c->used, p, k);
        c->used += k;
        p += k;
        n -= k;
        if (c->used == 64) {
            compress(c, c->block, 1);
            c->used = 0;
        }
    }
}

void sha256_hex(sha256 *c, char out[65])
{
    uint64_t bits = c->bytes * 8;
    unsigned char pad = 0x80, zero = 0, len[8];
    sha256_add(c, &pad, 1);
    while (c->used != 56)
        sha256_add(c, &zero, 1);
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_add(c, len, 8);
    for (int i = 0; i < 8; i++)
        snprintf(out + 8 * i, 9, "%08x", c->h[i]);
}

int sha256_file(const char *path, char out[65], err *e)
{
    int fd = safefile_open_read(path, true, e);
    if (fd < 0)
        return -1;
    unsigned char buf[1 << 14];
    sha256 c;
    ssize_t n;
    sha256_init(&c);
    while ((n = read(fd, buf, sizeof buf)) > 0)
        sha256_add(&c, buf, (size_t)n);
    int why = n < 0 ? errno : 0;
    close(fd);
    if (why)
        return err_set(e, "%s: %s", path, strerror(why));
    sha256_hex(&c, out);
    return 0;
}
