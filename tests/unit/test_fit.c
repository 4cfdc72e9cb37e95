/* The back-test's figures on cases worked out by hand. */
#include "engine/fit.h"
#include "tests/unit/t.h"

static void test_share(void)
{
    long m[4] = {10, 0, 5, 0}, o[4] = {30, 10, -5, 60};
    /* Positive excess 30 + 10 + 60 = 100; the model sent patients to the
     * first (30) and third (negative: not counted). */
    CHECK_NEAR(fit_share(m, o, 4), 0.30, 1e-12);
    long none[2] = {-1, 0};
    CHECK(isnan(fit_share(m, none, 2)));
}

static void test_spearman(void)
{
    long a[5] = {1, 2, 3, 4, 5}, b[5] = {10, 20, 30, 40, 50}, c[5] = {5, 4, 3, 2, 1};
    CHECK_NEAR(fit_spearman(a, b, 5), 1.0, 1e-12);
    CHECK_NEAR(fit_spearman(a, c, 5), -1.0, 1e-12);
    /* d = (0, 0, 1, -1, 0): rho = 1 - 6 x 2 / (5 x 24) = 0.9 */
    long d[5] = {1, 2, 4, 3, 5};
    CHECK_NEAR(fit_spearman(a, d, 5), 0.9, 1e-12);
    long flat[5] = {7, 7, 7, 7, 7};
    CHECK(isnan(fit_spearman(a, flat, 5)));
    CHECK(isnan(fit_spearman(a, b, 2)));
    /* Ties share their rank: (1, 2.5, 2.5, 4) against (1, 2, 3, 4). */
    long t[4] = {1, 2, 2, 3}, u[4] = {1, 2, 3, 4};
    CHECK_NEAR(fit_spearman(t, u, 4), 4.5 / sqrt(4.5 * 5.0), 1e-12);
}

static void test_mae(void)
{
    long m[4] = {100, 0, 50, 10}, o[4] = {80, 90, 40, 5};
    /* The two biggest observed: index 1 (90, error 90) and 0 (80, error 20). */
    CHECK_NEAR(fit_mae_top(m, o, 4, 2), 55.0, 1e-12);
    CHECK_NEAR(fit_mae_top(m, o, 4, 10), (20 + 90 + 10 + 5) / 4.0, 1e-12);
    CHECK(isnan(fit_mae_top(m, o, 0, 10)));
    CHECK_NEAR(fit_abs_error(m, o, 4), 125.0, 1e-12);
}

int main(void)
{
    test_share();
    test_spearman();
    test_mae();
    T_DONE();
}
