#include "util/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow_to(void *pp, size_t n, size_t size)
{
    void *old, *p;
    memcpy(&old, pp, sizeof old);
    if (size && n > SIZE_MAX / size)
        return -1;
    p = realloc(old, n * size);
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    return 0;
}
