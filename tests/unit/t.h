/* A very small test harness.  Each check prints "PASS: ..." or
 * "FAIL: file:line: ..."; tests/run.sh counts the lines.  A test program
 * exits non-zero when any check failed. */
#ifndef CATCHMENT_T_H
#define CATCHMENT_T_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int t_failed;

#define T_REPORT(ok, ...)                                                     \
    do {                                                                      \
        if (ok) {                                                             \
            printf("PASS: ");                                                 \
        } else {                                                              \
            t_failed = 1;                                                     \
            printf("FAIL: %s:%d: ", __FILE__, __LINE__);                      \
        }                                                                     \
        printf(__VA_ARGS__);                                                  \
        printf("\n");                                                         \
    } while (0)

#define CHECK(cond) T_REPORT((cond), "%s", #cond)

#define CHECK_INT(got, want)                                                  \
    do {                                                                      \
        long long g_ = (long long)(got), w_ = (long long)(want);              \
        T_REPORT(g_ == w_, "%s == %lld (got %lld)", #got, w_, g_);            \
    } while (0)

#define CHECK_STR(got, want)                                                  \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        T_REPORT(g_ && strcmp(g_, w_) == 0, "%s == \"%s\" (got \"%s\")", #got, \
                 w_, g_ ? g_ : "(null)");                                      \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                            \
    do {                                                                      \
        double g_ = (got), w_ = (want);                                       \
        T_REPORT(fabs(g_ - w_) <= (tol), "%s ~= %g (got %.9g)", #got, w_, g_); \
    } while (0)

#define T_DONE() return t_failed

#endif
