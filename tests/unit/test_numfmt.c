/* Numbers as text without stdio: the same text as printf's "%lld" and
 * "%.*f", byte for byte, on the cases where they are easy to get wrong
 * (exact ties, negative zero, the largest magnitudes) and on a million
 * values at random. */
#include <float.h>
#include <limits.h>
#include <stdint.h>

#include "tests/unit/t.h"
#include "util/numfmt.h"

/* How many of the values differ from printf; the first is shown. */
static int fixed_differs(double v, int d)
{
    char want[NUMFMT_MAX], got[NUMFMT_MAX];
    snprintf(want, sizeof want, "%.*f", d, v);
    size_t n = numfmt_fixed(got, v, d);
    if (n == strlen(want) && memcmp(got, want, n) == 0)
        return 0;
    got[n < sizeof got ? n : sizeof got - 1] = '\0';
    printf("# %.17g %%.%df: printf \"%s\", numfmt \"%s\"\n", v, d, want, got);
    return 1;
}

static int int_differs(long long v)
{
    char want[32], got[NUMFMT_MAX];
    snprintf(want, sizeof want, "%lld", v);
    size_t n = numfmt_int(got, v);
    return n != strlen(want) || memcmp(got, want, n) != 0;
}

/* A 64-bit generator, so the test is the same on every run. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

int main(void)
{
    char buf[NUMFMT_MAX];
    CHECK_INT(numfmt_fixed(buf, 1.0625, 3), 5);
    CHECK(memcmp(buf, "1.062", 5) == 0); /* an exact tie goes to the even digit */
    numfmt_fixed(buf, 1.1875, 3);
    CHECK(memcmp(buf, "1.188", 5) == 0);
    CHECK_INT(numfmt_fixed(buf, -0.0, 3), 6);
    CHECK(memcmp(buf, "-0.000", 6) == 0);

    static const double edge[] = {0, 0.5, 1.5, 2.5, -0.5, 0.0005, 0.00049999999999999999,
                                  0.125, 0.375, 1e-300, 5e-324, -1e-7, 9.9995, 99.995,
                                  1e15, 1e16, 9007199254740993.0, 1e18, 9.3e18, 1e19, 1e300,
                                  DBL_MAX, -DBL_MAX, DBL_MIN, 123456.78949999999};
    int bad = 0;
    for (size_t i = 0; i < sizeof edge / sizeof *edge; i++)
        for (int d = 0; d <= 6; d++)
            bad += fixed_differs(edge[i], d) + fixed_differs(-edge[i], d);
    CHECK_INT(bad, 0);

    /* Values at random: any bit pattern that is a finite number, and
     * distances in km as the engine gives them. */
    uint64_t s = 88172645463325252u;
    bad = 0;
    for (int i = 0; i < 500000; i++) {
        uint64_t bits = next(&s);
        double v;
        memcpy(&v, &bits, sizeof v);
        if (isfinite(v))
            bad += fixed_differs(v, (int)(bits % 7));
        double km = (double)(next(&s) % 100000000) / (double)(1 + next(&s) % 100000);
        bad += fixed_differs(km, (int)(i % 5));
        bad += fixed_differs((double)(next(&s) % 200000) / 8.0 / 1000.0, 3); /* ties */
    }
    CHECK_INT(bad, 0);

    static const long long ints[] = {0, 1, -1, 9, 10, 99, 100, 12345, -9034, LLONG_MAX,
                                     LLONG_MIN, LLONG_MIN + 1, 1000000000000000000LL};
    bad = 0;
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        bad += int_differs(ints[i]);
    for (int i = 0; i < 100000; i++)
        bad += int_differs((long long)next(&s) >> (i % 64));
    CHECK_INT(bad, 0);
    T_DONE();
}
