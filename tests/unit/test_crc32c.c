/* CRC-32C, the checksum of every stored record: the standard check value
 * and that it can be continued over pieces. */
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
    /* The CPU's instruction (where there is one) and the tables agree, at
     * every length and alignment. */
    long differ = 0;
    for (size_t at = 0; at < 8; at++)
        for (size_t n = 0; at + n <= sizeof buf; n += n < 80 ? 1 : 37) {
            uint32_t hw = crc32c(7, buf + at, n);
            crc32c_portable(true);
            uint32_t sw = crc32c(7, buf + at, n);
            crc32c_portable(false);
            differ += hw != sw;
        }
    CHECK_INT(differ, 0);
    crc32c_portable(true);
    CHECK_INT(crc32c(0, "123456789", 9), 0xE3069283u);
    crc32c_portable(false);
    T_DONE();
}
