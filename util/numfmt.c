/* printf's digits, exactly: a double is m * 2^k with m a 53-bit integer,
 * so v * 10^d = m * 5^d * 2^(k+d), an integer product and a shift, and
 * rounding to the nearest (the even one on an exact tie, as printf does)
 * looks at the bits shifted out.  Where that product does not fit 64 bits
 * (more than 4 decimals, or beyond about 9e18 / 10^d) printf itself is
 * asked: no such figure is written in bulk. */
#include "util/numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* u's decimal digits into out; returns their count. */
static size_t digits(char *out, uint64_t u)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[sizeof tmp - ++n] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    memcpy(out, tmp + sizeof tmp - n, n);
    return n;
}

size_t numfmt_int(char *out, long long v)
{
    size_t n = 0;
    uint64_t u = (uint64_t)v;
    if (v < 0) {
        out[n++] = '-';
        u = 0 - u; /* LLONG_MIN too */
    }
    return n + digits(out + n, u);
}

/* v (finite, not negative) times 10^d rounded to the nearest integer, ties
 * to even, into *q; false when that cannot be done in 64 bits. */
static int scaled_round(double v, int d, uint64_t *q)
{
    static const uint64_t pow5[] = {1, 5, 25, 125, 625};
    if (v == 0) {
        *q = 0;
        return 1;
    }
    int e;
    double f = frexp(v, &e);                          /* v = f * 2^e, f in [0.5, 1) */
    uint64_t p = (uint64_t)ldexp(f, 53) * pow5[d];   /* < 2^53 * 2^10 */
    int s = e - 53 + d;                               /* v * 10^d = p * 2^s */
    if (s >= 0) {
        if (s >= 63 || p >> (63 - s))
            return 0;
        *q = p << s;
        return 1;
    }
    int r = -s;
    if (r >= 64) { /* p < 2^63 <= half of 2^r: below one half */
        *q = 0;
        return 1;
    }
    uint64_t half = (uint64_t)1 << (r - 1), rem = p & ((half << 1) - 1);
    *q = p >> r;
    if (rem > half || (rem == half && (*q & 1)))
        (*q)++;
    return 1;
}

size_t numfmt_fixed(char *out, double v, int decimals)
{
    static const uint64_t pow10[] = {1, 10, 100, 1000, 10000};
    uint64_t q;
    if (decimals < 0 || decimals > 4 || !isfinite(v) || !scaled_round(fabs(v), decimals, &q)) {
        int n = snprintf(out, NUMFMT_MAX, "%.*f", decimals, v);
        return n < 0 ? 0 : (size_t)n < NUMFMT_MAX ? (size_t)n : NUMFMT_MAX - 1;
    }
    size_t n = 0;
    if (signbit(v))
        out[n++] = '-'; /* "-0.000" too, as printf writes it */
    n += digits(out + n, q / pow10[decimals]);
    if (decimals) {
        out[n++] = '.';
        uint64_t frac = q % pow10[decimals];
        for (int i = decimals; i-- > 0; frac /= 10)
            out[n + (size_t)i] = (char)('0' + frac % 10);
        n += (size_t)decimals;
    }
    return n;
}
