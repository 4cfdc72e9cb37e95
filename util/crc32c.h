/* CRC-32C (Castagnoli), the checksum every stored record carries. */
#ifndef CATCHMENT_CRC32C_H
#define CATCHMENT_CRC32C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Continues crc over n bytes; start with 0. */
uint32_t crc32c(uint32_t crc, const void *data, size_t n);

/* For tests: true forces the portable code even where the CPU has the
 * CRC32 instruction; false goes back to using it when it has. */
void crc32c_portable(bool on);

#endif
