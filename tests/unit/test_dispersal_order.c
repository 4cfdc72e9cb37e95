/* The published order of flows, and the choice policy's rounding, held
 * to plain methods: a quadratic merge and insertion sort for the order,
 * hand-worked largest remainders for the rounding. */
#include "tests/unit/disp_fixture.h"

#include <string.h>

/* The order of dispersal.h written plainly: by area, the unplaced flow
 * last, nearest first, ties by practice. */
static int before(const disp_flow *x, const disp_flow *y)
{
    if (x->area != y->area)
        return x->area < y->area;
    if ((x->to < 0) != (y->to < 0))
        return x->to >= 0;
    if (x->to >= 0 && x->km != y->km)
        return x->km < y->km;
    return x->to < y->to;
}

static int plain_order(disp_flow *f, int n)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        int j = 0;
        while (j < m && !(f[j].area == f[i].area && f[j].to == f[i].to))
            j++;
        if (j < m)
            f[j].patients += f[i].patients;
        else
            f[m++] = f[i];
    }
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0 && before(&f[j], &f[j - 1]); j--) {
            disp_flow t = f[j];
            f[j] = f[j - 1];
            f[j - 1] = t;
        }
    return m;
}

/* Random flows with repeated pairs, equal distances and unplaced rows,
 * in random order: the counting sort by area gives the plain answer. */
static void test_flows_order(void)
{
    int differ = 0, merged = 0;
    for (int k = 0; k < 500; k++) {
        disp_flow f[120] = {{0}}, g[120];
        int n = rnd_int(120), areas = 1 + rnd_int(12), to = 1 + rnd_int(8);
        for (int i = 0; i < n; i++) {
            int a = rnd_int(areas), p = rnd_int(to + 1) - 1;
            /* one distance per pair, and many pairs at the same one */
            double km = p < 0 ? NAN : (double)((a * 7 + p * 3) % 5) / 2;
            f[i] = (disp_flow){a, p, 1 + rnd_int(50), km};
        }
        memcpy(g, f, sizeof f);
        int m = n, mg = plain_order(g, n);
        CHECK(disp_flows_order(f, &m) == 0);
        merged += m < n;
        differ += m != mg || memcmp(f, g, (size_t)m * sizeof *f) != 0;
        /* flows already in order (as most policies give them) stay so */
        CHECK(disp_flows_order(f, &m) == 0);
        differ += m != mg || memcmp(f, g, (size_t)m * sizeof *f) != 0;
    }
    CHECK_INT(differ, 0);
    CHECK(merged > 100); /* the cases did repeat pairs */
}

/* Receivers at 1, 2, 3 and 4 km with equal lists, beta 2: weights 1,
 * 1/4, 1/9, 1/16 (sum 1.42361).  10 patients: quotas 7.0244, 1.7561,
 * 0.7805, 0.4390; 8 whole, the 2 left to the largest remainders (the
 * third, then the second): 7, 2, 1, 0. */
static void test_choice_remainders(void)
{
    disp_practice p[5] = {prac(0, 100, 0), prac(1, 1000, 2000), prac(2, 1000, 2000),
                          prac(3, 1000, 2000), prac(4, 1000, 2000)};
    p[0].can_receive = false;
    disp_area a[1] = {area("A", 0, 0, 10)};
    disp_rules r = rules(POLICY_CHOICE);
    disp_result res;
    err e;
    CHECK(dispersal_run(p, 5, a, 1, &r, &res, &e) == 0);
    CHECK_INT(sent(&res, 0, 1), 7);
    CHECK_INT(sent(&res, 0, 2), 2);
    CHECK_INT(sent(&res, 0, 3), 1);
    CHECK_INT(sent(&res, 0, 4), 0);
    disp_result_free(&res);

    /* Seven equal shares of 26 (beta 0, equal lists): 3 each and 5 left,
     * one each to the five nearest; at equal distances the lower index. */
    disp_practice q[8];
    q[0] = prac(0, 100, 0);
    q[0].can_receive = false;
    for (int i = 1; i < 8; i++)
        q[i] = prac(i <= 4 ? 1 : 2, 1000, 2000);
    a[0].patients = 26;
    r.choice_beta = 0;
    CHECK(dispersal_run(q, 8, a, 1, &r, &res, &e) == 0);
    for (int i = 1; i < 8; i++)
        CHECK_INT(sent(&res, 0, i), i <= 5 ? 4 : 3);
    disp_result_free(&res);
}

int main(void)
{
    test_flows_order();
    test_choice_remainders();
    T_DONE();
}
