#include "engine/geo.h"
#include "engine/nearby.h"
#include "tests/unit/t.h"

#include <stdlib.h>

#define N 3000

static unsigned long rng = 12345;

static double rnd(void)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

/* Every indexed point within r, by brute force, compared hit by hit. */
static int agrees(const nearby *nb, const double *la, const double *lo,
                  double qa, double qo, double r)
{
    nearby_hit *h = NULL;
    int cap = 0, n = nearby_within(nb, qa, qo, r, &h, &cap), want = 0, ok = 1;
    for (int i = 0; i < N; i++)
        if (!isnan(la[i]) && geo_km(qa, qo, la[i], lo[i]) <= r)
            want++;
    ok = n == want;
    for (int k = 0; ok && k < n; k++) {
        int i = h[k].index;
        ok = !isnan(la[i]) && geo_km(qa, qo, la[i], lo[i]) <= r;
        if (ok && k > 0)
            ok = h[k - 1].km < h[k].km ||
                 (h[k - 1].km == h[k].km && h[k - 1].index < i);
    }
    free(h);
    return ok;
}

int main(void)
{
    static double la[N], lo[N];
    for (int i = 0; i < N; i++) {
        la[i] = 50.0 + 5.0 * rnd();
        lo[i] = -5.0 + 6.0 * rnd();
        if (i % 97 == 0)
            la[i] = NAN;
    }
    la[10] = la[11] = 52.4; /* two practices in one building */
    lo[10] = lo[11] = -1.5;
    nearby *nb = nearby_build(la, lo, N, 2.0);
    CHECK(nb != NULL);
    CHECK_INT(nearby_count(nb), N - (N + 96) / 97);

    int bad = 0;
    for (int q = 0; q < 300; q++) {
        double r = q % 3 == 0 ? 3.0 : q % 3 == 1 ? 8.0 : 40.0;
        if (!agrees(nb, la, lo, 49.8 + 5.4 * rnd(), -5.2 + 6.4 * rnd(), r))
            bad++;
    }
    CHECK_INT(bad, 0);

    nearby_hit *h = NULL;
    int cap = 0;
    int n = nearby_within(nb, 52.4, -1.5, 0.0, &h, &cap);
    CHECK_INT(n, 2);
    CHECK(n == 2 && h[0].index == 10 && h[1].index == 11);
    CHECK_INT(nearby_within(nb, NAN, -1.5, 5.0, &h, &cap), 0);
    CHECK_INT(nearby_within(nb, 52.4, -1.5, -1.0, &h, &cap), 0);

    n = nearby_nearest(nb, 52.4, -1.5, 5, &h, &cap);
    CHECK_INT(n, 5);
    CHECK(n == 5 && h[0].index == 10 && h[4].km >= h[3].km);
    /* The fifth nearest: nobody else lies closer. */
    int closer = 0;
    for (int i = 0; i < N; i++)
        closer += !isnan(la[i]) && geo_km(52.4, -1.5, la[i], lo[i]) < h[4].km;
    CHECK_INT(closer, 4);
    CHECK_INT(nearby_nearest(nb, 52.4, -1.5, 1000000, &h, &cap), nearby_count(nb));
    free(h);
    nearby_free(nb);

    /* A dense town where many stand at the same few places (equal
     * distances, ties by index), asked for fewer and more hits than the
     * counting sort takes (1,024): the same order as brute force. */
    for (int i = 0; i < N; i++) {
        la[i] = 52.0 + 0.1 * rnd();
        lo[i] = -1.5 + 0.1 * rnd();
        if (i % 3 == 0)
            la[i] = 52.05, lo[i] = -1.45 + 0.001 * (i % 4);
    }
    nb = nearby_build(la, lo, N, 2.0);
    h = NULL;
    cap = 0;
    bad = 0;
    for (int q = 0; q < 60; q++) {
        double r = q % 2 ? 1.0 + 2 * rnd() : 4.0 + 4 * rnd();
        bad += !agrees(nb, la, lo, q % 5 ? 52.0 + 0.1 * rnd() : 52.05,
                       q % 5 ? -1.5 + 0.1 * rnd() : -1.45, r);
    }
    CHECK_INT(bad, 0);
    n = nearby_within(nb, 52.05, -1.45, 8.0, &h, &cap);
    CHECK(n > 1024); /* the fallback sort was tried too */
    free(h);
    nearby_free(nb);

    /* Nothing known, or nothing at all. */
    double nl[2] = {NAN, NAN};
    nb = nearby_build(nl, nl, 2, 0);
    h = NULL;
    cap = 0;
    CHECK_INT(nearby_count(nb), 0);
    CHECK_INT(nearby_within(nb, 52, -1, 100, &h, &cap), 0);
    nearby_free(nb);
    nb = nearby_build(NULL, NULL, 0, 0);
    CHECK_INT(nearby_nearest(nb, 52, -1, 3, &h, &cap), 0);
    nearby_free(nb);

    /* Points spread over the world: the grid coarsens, answers stay exact. */
    static double wl[N], wo[N];
    for (int i = 0; i < N; i++) {
        wl[i] = -89.0 + 178.0 * rnd();
        wo[i] = -179.0 + 358.0 * rnd();
    }
    nb = nearby_build(wl, wo, N, 0.5);
    bad = 0;
    for (int q = 0; q < 50; q++) {
        /* Circles that stay clear of the 180th meridian. */
        double qa = -60 + 120 * rnd(), qo = -150 + 300 * rnd(), r = 1500;
        int m = nearby_within(nb, qa, qo, r, &h, &cap), want = 0;
        for (int i = 0; i < N; i++)
            want += geo_km(qa, qo, wl[i], wo[i]) <= r;
        bad += m != want;
    }
    CHECK_INT(bad, 0);
    free(h);
    nearby_free(nb);
    T_DONE();
}
