#include "util/crc32c.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <nmmintrin.h>
#define CRC32C_HW 1
#endif


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

static uint32_t crc32c_sw(uint32_t crc, const void *data, size_t n)
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

#ifdef CRC32C_HW
/* SSE4.2's CRC32 instruction is this very CRC: several times the tables'
 * speed, and every record written or read is sealed or checked with it. */
__attribute__((target("sse4.2"))) static uint32_t crc32c_hw(uint32_t crc, const void *data,
                                                           size_t n)
{
    const unsigned char *p = data;
    uint64_t c = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        c = _mm_crc32_u64(c, w);
    }
    uint32_t c32 = (uint32_t)c;
    while (n--)
        c32 = _mm_crc32_u8(c32, *p++);
    return ~c32;
}

static bool cpu_has_crc32(void)
{
    unsigned a, b, c, d;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_2);
}
#endif

static int use_hw = -1; /* -1: not asked yet */

void crc32c_portable(bool on) { use_hw = on ? 0 : -1; }

uint32_t crc32c(uint32_t crc, const void *data, size_t n)
{
#ifdef CRC32C_HW
    if (use_hw < 0)
        use_hw = cpu_has_crc32();
    if (use_hw)
        return crc32c_hw(crc, data, n);
#endif
    return crc32c_sw(crc, data, n);
}
