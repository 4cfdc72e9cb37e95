/* libFuzzer: the Provider Selection Regime file.  Whatever parses must
 * hold what the working-day arithmetic relies on: holidays strictly
 * ascending, counts within their arrays. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "config/psr_regime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    err e;
    psr_regime *r = psr_regime_parse((const char *)data, size, "fuzz.yaml", &e);
    if (!r)
        return 0;
    if (r->nhol < 1 || r->nhol > PSR_HOLIDAYS || r->nroutes > PSR_ROUTES ||
        r->ncrit > PSR_CRITERIA)
        abort();
    for (int i = 1; i < r->nhol; i++)
        if (r->hol_date[i] <= r->hol_date[i - 1])
            abort();
    psr_regime_free(r);
    return 0;
}
