#include "util/crc32c.h"

#include <stdbool.h>
#include <string.h>

/* Slicing by 8: eight tables, eight bytes a step (the whole store is
 * checksummed by `check`, and every record read is verified). */
static uint32_t table[8][256];

static void build(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            table[t][i] = (table[t - 1][i] >> 8) ^ table[0][table[t - 1][i] & 0xFF];
}

uint32_t crc32c_portable(uint32_t crc, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (!table[0][1])
        build();
    crc = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        /* Little-endian words assembled by hand: no alignment, any host. */
        uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                             (uint32_t)p[3] << 24);
        uint32_t hi = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 |
                      (uint32_t)p[7] << 24;
        crc = table[7][lo & 0xFF] ^ table[6][lo >> 8 & 0xFF] ^ table[5][lo >> 16 & 0xFF] ^
              table[4][lo >> 24] ^ table[3][hi & 0xFF] ^ table[2][hi >> 8 & 0xFF] ^
              table[1][hi >> 16 & 0xFF] ^ table[0][hi >> 24];
    }
    while (n--)
        crc = table[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* The SSE 4.2 instruction computes the same polynomial eight bytes a
 * step, several times faster than the tables: what makes reading a large
 * sealed record (the snapshot: megabytes) cheap. */
__attribute__((target("sse4.2"))) static uint32_t crc32c_sse42(uint32_t crc, const void *data,
                                                              size_t n)
{
    const unsigned char *p = data;
    uint64_t c = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t w;
        memcpy(&w, p, 8); /* any alignment */
        c = __builtin_ia32_crc32di(c, w);
    }
    uint32_t c32 = (uint32_t)c;
    while (n--)
        c32 = __builtin_ia32_crc32qi(c32, *p++);
    return ~c32;
}

uint32_t crc32c(uint32_t crc, const void *data, size_t n)
{
    /* A load and a test of what the start-up code found (no state here,
     * so threads may call it freely). */
    return __builtin_cpu_supports("sse4.2") ? crc32c_sse42(crc, data, n)
                                            : crc32c_portable(crc, data, n);
}
#else
uint32_t crc32c(uint32_t crc, const void *data, size_t n) { return crc32c_portable(crc, data, n); }
#endif
