/* CRC-32C (Castagnoli), the checksum every stored record carries. */
#ifndef CATCHMENT_CRC32C_H
#define CATCHMENT_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Continues crc over n bytes; start with 0.  Uses the processor's CRC32
 * instruction when it has one (x86-64 with SSE 4.2), else tables. */
uint32_t crc32c(uint32_t crc, const void *data, size_t n);

/* The same by tables alone, on any processor (the tests compare the two). */
uint32_t crc32c_portable(uint32_t crc, const void *data, size_t n);

#endif
