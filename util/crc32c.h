/* CRC-32C (Castagnoli), the checksum every stored record carries. */
#ifndef CATCHMENT_CRC32C_H
#define CATCHMENT_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Continues crc over n bytes; start with 0. */
uint32_t crc32c(uint32_t crc, const void *data, size_t n);

#endif
