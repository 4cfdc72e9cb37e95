/* CRC-32C, the checksum of every stored record: the standard check value,
 * that it can be continued over pieces, and that the processor's own
 * instruction agrees with the tables. */
#include "tests/unit/t.h"
#include "util/crc32c.h"

int main(void)
{
    CHECK_INT(crc32c(0, "123456789", 9), 0xE3069283u);
    CHECK_INT(crc32c(crc32c(0, "1234", 4), "56789", 5), 0xE3069283u);
    CHECK_INT(crc32c(0, "", 0), 0);
    /* Eight bytes at a time gives what one byte at a time gives. */
    unsigned char buf[1000];
    uint32_t one = 0;
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 2654435761u >> 13);
    for (size_t i = 0; i < sizeof buf; i++)
        one = crc32c(one, buf + i, 1);
    CHECK_INT(crc32c(0, buf, sizeof buf), one);
    CHECK_INT(crc32c(crc32c(0, buf, 3), buf + 3, sizeof buf - 3), one);
    /* The processor's instruction, where there is one, gives what the
     * tables give: at every alignment and length, and continued. */
    CHECK_INT(crc32c_portable(0, "123456789", 9), 0xE3069283u);
    int differ = 0;
    for (size_t at = 0; at < 16; at++)
        for (size_t n = 0; at + n <= sizeof buf; n += 1 + n / 3)
            differ += crc32c(7, buf + at, n) != crc32c_portable(7, buf + at, n);
    CHECK_INT(differ, 0);
    T_DONE();
}
