/* Growing arrays that are kept side by side (latitudes and longitudes):
 * each is resized on its own, and a failure leaves it as it was. */
#ifndef CATCHMENT_GROW_H
#define CATCHMENT_GROW_H

#include <stddef.h>

/* Resizes the array whose pointer is at pp (a T **) to n elements of size
 * bytes: 0, or -1 when out of memory (the array unchanged). */
int grow_to(void *pp, size_t n, size_t size);

#endif
