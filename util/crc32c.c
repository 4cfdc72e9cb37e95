#include "util/crc32c.h"

/* Bitwise table, built once: records are small, so speed matters little. */
static uint32_t table[256];

static void build(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[i] = c;
    }
}

uint32_t crc32c(uint32_t crc, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (!table[1])
        build();
    crc = ~crc;
    while (n--)
        crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
