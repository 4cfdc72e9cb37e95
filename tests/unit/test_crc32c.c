/* CRC-32C, the checksum of every stored record: the standard check value
 * and that it can be continued over pieces. */
#include "tests/unit/t.h"
#include "util/crc32c.h"

int main(void)
{
    CHECK_INT(crc32c(0, "123456789", 9), 0xE3069283u);
    CHECK_INT(crc32c(crc32c(0, "1234", 4), "56789", 5), 0xE3069283u);
    CHECK_INT(crc32c(0, "", 0), 0);
    T_DONE();
}
