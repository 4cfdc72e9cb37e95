#include "engine/fit.h"

#include <math.h>
#include <stdlib.h>

double fit_share(const long *modelled, const long *observed, int n)
{
    double all = 0, hit = 0;
    for (int i = 0; i < n; i++) {
        if (observed[i] <= 0)
            continue;
        all += (double)observed[i];
        if (modelled[i] > 0)
            hit += (double)observed[i];
    }
    return all > 0 ? hit / all : NAN;
}

typedef struct {
    long v;
    int i;
} vi;

static int vi_cmp(const void *x, const void *y)
{
    const vi *a = x, *b = y;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* Average ranks (1-based) of v; -1 out of memory. */
static int ranks(const long *v, int n, double *r)
{
    vi *s = malloc((size_t)n * sizeof *s);
    if (!s)
        return -1;
    for (int i = 0; i < n; i++)
        s[i] = (vi){v[i], i};
    qsort(s, (size_t)n, sizeof *s, vi_cmp);
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && s[j].v == s[i].v)
            j++;
        for (int k = i; k < j; k++)
            r[s[k].i] = (i + 1 + j) / 2.0;
        i = j;
    }
    free(s);
    return 0;
}

/* Pearson's correlation of two arrays; NAN when either is constant. */
static double pearson(const double *x, const double *y, int n)
{
    double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; i++)
        mx += x[i] / n, my += y[i] / n;
    for (int i = 0; i < n; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

double fit_spearman(const long *modelled, const long *observed, int n)
{
    if (n < 3)
        return NAN;
    double *a = malloc((size_t)n * sizeof *a), *b = malloc((size_t)n * sizeof *b);
    double rho = NAN;
    if (a && b && ranks(modelled, n, a) == 0 && ranks(observed, n, b) == 0)
        rho = pearson(a, b, n);
    free(a);
    free(b);
    return rho;
}

double fit_mae_top(const long *modelled, const long *observed, int n, int k)
{
    if (n <= 0 || k <= 0)
        return NAN;
    vi *s = malloc((size_t)n * sizeof *s);
    if (!s)
        return NAN;
    for (int i = 0; i < n; i++)
        s[i] = (vi){-observed[i], i}; /* biggest first, ties by index */
    qsort(s, (size_t)n, sizeof *s, vi_cmp);
    int m = k < n ? k : n;
    double sum = 0;
    for (int j = 0; j < m; j++)
        sum += fabs((double)modelled[s[j].i] - (double)observed[s[j].i]);
    free(s);
    return sum / m;
}

double fit_abs_error(const long *modelled, const long *observed, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += fabs((double)modelled[i] - (double)observed[i]);
    return sum;
}
