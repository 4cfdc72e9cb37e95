#include "engine/nearby.h"

#include "engine/geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define KM_PER_DEG (GEO_EARTH_KM * M_PI / 180.0)
#define MAX_CELLS 4000000L

struct nearby {
    int n;             /* points given */
    int count;         /* points indexed */
    double *lat, *lon; /* copies, n each */
    double *cosl;      /* cos of each latitude */
    double lat0, lon0; /* south-west corner of the grid */
    double dlat, dlon; /* cell size in degrees */
    int nx, ny;
    int *start;        /* nx*ny + 1 offsets into idx */
    int *idx;          /* point indices, by cell, ascending */
};

static int known(double la, double lo)
{
    return isfinite(la) && isfinite(lo) && fabs(la) <= 90 && fabs(lo) <= 180;
}

static int cell_of(const nearby *nb, double la, double lo)
{
    int y = (int)((la - nb->lat0) / nb->dlat);
    int x = (int)((lo - nb->lon0) / nb->dlon);
    if (y >= nb->ny)
        y = nb->ny - 1;
    if (x >= nb->nx)
        x = nb->nx - 1;
    return y * nb->nx + x;
}

/* Sizes the grid over the points' bounding box; cells grow when the box
 * would need too many (points spread over the whole world). */
static void grid_size(nearby *nb, double cell_km)
{
    double la1 = 90, la2 = -90, lo1 = 180, lo2 = -180;
    for (int i = 0; i < nb->n; i++) {
        if (!known(nb->lat[i], nb->lon[i]))
            continue;
        la1 = fmin(la1, nb->lat[i]);
        la2 = fmax(la2, nb->lat[i]);
        lo1 = fmin(lo1, nb->lon[i]);
        lo2 = fmax(lo2, nb->lon[i]);
    }
    if (nb->count == 0)
        la1 = la2 = lo1 = lo2 = 0;
    double c = cos((la1 + la2) / 2 * M_PI / 180.0);
    nb->dlat = cell_km / KM_PER_DEG;
    nb->dlon = cell_km / (KM_PER_DEG * fmax(c, 0.05));
    for (;;) {
        double nx = floor((lo2 - lo1) / nb->dlon) + 1;
        double ny = floor((la2 - la1) / nb->dlat) + 1;
        if (nx * ny <= MAX_CELLS) {
            nb->nx = (int)nx;
            nb->ny = (int)ny;
            break;
        }
        nb->dlat *= 2;
        nb->dlon *= 2;
    }
    nb->lat0 = la1;
    nb->lon0 = lo1;
}

/* Counting sort of the points into cells: indices stay ascending. */
static int grid_fill(nearby *nb)
{
    long cells = (long)nb->nx * nb->ny;
    nb->start = calloc((size_t)cells + 1, sizeof *nb->start);
    nb->idx = malloc(((size_t)nb->count + 1) * sizeof *nb->idx);
    if (!nb->start || !nb->idx)
        return -1;
    for (int i = 0; i < nb->n; i++)
        if (known(nb->lat[i], nb->lon[i]))
            nb->start[cell_of(nb, nb->lat[i], nb->lon[i]) + 1]++;
    for (long c = 0; c < cells; c++)
        nb->start[c + 1] += nb->start[c];
    int *fill = malloc((size_t)cells * sizeof *fill);
    if (!fill)
        return -1;
    for (long c = 0; c < cells; c++)
        fill[c] = nb->start[c];
    for (int i = 0; i < nb->n; i++)
        if (known(nb->lat[i], nb->lon[i]))
            nb->idx[fill[cell_of(nb, nb->lat[i], nb->lon[i])]++] = i;
    free(fill);
    return 0;
}

nearby *nearby_build(const double *lat, const double *lon, int n, double cell_km)
{
    nearby *nb = calloc(1, sizeof *nb);
    if (!nb)
        return NULL;
    nb->n = n > 0 ? n : 0;
    nb->lat = malloc(((size_t)nb->n + 1) * sizeof *nb->lat);
    nb->lon = malloc(((size_t)nb->n + 1) * sizeof *nb->lon);
    nb->cosl = malloc(((size_t)nb->n + 1) * sizeof *nb->cosl);
    if (!nb->lat || !nb->lon || !nb->cosl) {
        nearby_free(nb);
        return NULL;
    }
    for (int i = 0; i < nb->n; i++) {
        nb->lat[i] = lat[i];
        nb->lon[i] = lon[i];
        nb->cosl[i] = geo_coslat(lat[i]);
        nb->count += known(lat[i], lon[i]);
    }
    grid_size(nb, cell_km > 0 ? cell_km : 2.0);
    if (grid_fill(nb) < 0) {
        nearby_free(nb);
        return NULL;
    }
    return nb;
}

void nearby_free(nearby *nb)
{
    if (!nb)
        return;
    free(nb->lat);
    free(nb->lon);
    free(nb->cosl);
    free(nb->start);
    free(nb->idx);
    free(nb);
}

int nearby_count(const nearby *nb)
{
    return nb->count;
}

static int hit_less(const nearby_hit *x, const nearby_hit *y)
{
    return x->km < y->km || (x->km == y->km && x->index < y->index);
}

/* Quicksort by (km, index), insertion sort for short runs: the order is
 * total, so the result does not depend on the algorithm. */
static void hits_sort(nearby_hit *h, int n)
{
    while (n > 16) {
        nearby_hit pivot = h[n / 2], t;
        int i = 0, j = n - 1;
        while (i <= j) {
            while (hit_less(&h[i], &pivot))
                i++;
            while (hit_less(&pivot, &h[j]))
                j--;
            if (i <= j) {
                t = h[i], h[i] = h[j], h[j] = t;
                i++, j--;
            }
        }
        if (j + 1 < n - i) { /* recurse on the smaller side */
            hits_sort(h, j + 1);
            h += i, n -= i;
        } else {
            hits_sort(h + i, n - i);
            n = j + 1;
        }
    }
    for (int i = 1; i < n; i++) {
        nearby_hit v = h[i];
        int j = i;
        for (; j > 0 && hit_less(&v, &h[j - 1]); j--)
            h[j] = h[j - 1];
        h[j] = v;
    }
}

/* The hits within r_km put in order by a counting sort into n buckets of
 * equal width (km x n / r_km rounded down: never smaller for a longer
 * distance, so the buckets keep the order), each bucket then in order by
 * insertion: a few hits each.  A third of the time hits_sort took. */
#define BUCKET_MAX 1024
static void hits_bucket_sort(nearby_hit *h, int n, double r_km)
{
    int start[BUCKET_MAX + 1] = {0};
    nearby_hit t[BUCKET_MAX];
    double scale = r_km > 0 ? (double)n / r_km : 0;
    for (int i = 0; i < n; i++) {
        int b = (int)(h[i].km * scale);
        start[(b < n ? b : n - 1) + 1]++;
    }
    for (int b = 1; b <= n; b++)
        start[b] += start[b - 1];
    for (int i = 0; i < n; i++) {
        int b = (int)(h[i].km * scale);
        t[start[b < n ? b : n - 1]++] = h[i];
    }
    /* start[b] now ends bucket b: sort each run by insertion */
    for (int b = 0, lo = 0; b < n; lo = start[b++])
        for (int i = lo + 1; i < start[b]; i++) {
            nearby_hit v = t[i];
            int j = i;
            for (; j > lo && hit_less(&v, &t[j - 1]); j--)
                t[j] = t[j - 1];
            t[j] = v;
        }
    memcpy(h, t, (size_t)n * sizeof *h);
}

static int hit_push(nearby_hit **hits, int *cap, int n, int index, double km)
{
    if (n == *cap) {
        int nc = *cap ? *cap * 2 : 64;
        nearby_hit *h = realloc(*hits, (size_t)nc * sizeof *h);
        if (!h)
            return -1;
        *hits = h;
        *cap = nc;
    }
    (*hits)[n].index = index;
    (*hits)[n].km = km;
    return 0;
}

/* Cell range [x1,x2] x [y1,y2] that holds every point within r_km: the
 * latitude band is exact on the sphere, and so is the widest longitude
 * reach, asin(sin(r/R) / cos(lat)). */
static void query_box(const nearby *nb, double lat, double lon, double r_km,
                      int box[4])
{
    double a = r_km / GEO_EARTH_KM, dl = a * 180.0 / M_PI;
    double la1 = lat - dl, la2 = lat + dl, dlo = 360;
    if (la1 > -90 && la2 < 90 && a < M_PI / 2) {
        double s = sin(a) / cos(lat * M_PI / 180.0);
        if (s < 1)
            dlo = asin(s) * 180.0 / M_PI * 1.000001 + 1e-9;
    }
    double lo1 = lon - dlo, lo2 = lon + dlo;
    if (dlo >= 180) /* wraps: take every column */
        lo1 = -1e9, lo2 = 1e9;
    box[0] = (int)fmax(0, floor((lo1 - nb->lon0) / nb->dlon));
    box[1] = (int)fmin(nb->nx - 1, floor((lo2 - nb->lon0) / nb->dlon));
    box[2] = (int)fmax(0, floor((la1 - nb->lat0) / nb->dlat));
    box[3] = (int)fmin(nb->ny - 1, floor((la2 - nb->lat0) / nb->dlat));
}

int nearby_within(const nearby *nb, double lat, double lon, double r_km,
                  nearby_hit **hits, int *cap)
{
    int n = 0, box[4];
    if (!known(lat, lon) || !(r_km >= 0) || nb->count == 0)
        return 0;
    query_box(nb, lat, lon, fmin(r_km, GEO_EARTH_KM * M_PI), box);
    double qc = geo_coslat(lat), s = sin(fmin(r_km / GEO_EARTH_KM, M_PI) / 2);
    double hmax = s * s * (1 + 1e-9) + 1e-15; /* generous: km decides */
    for (int y = box[2]; y <= box[3]; y++)
        for (int x = box[0]; x <= box[1]; x++) {
            int c = y * nb->nx + x;
            for (int k = nb->start[c]; k < nb->start[c + 1]; k++) {
                int i = nb->idx[k];
                double h = geo_hav(lat, lon, qc, nb->lat[i], nb->lon[i], nb->cosl[i]);
                if (h > hmax)
                    continue;
                double km = geo_hav_km(h);
                if (km <= r_km && hit_push(hits, cap, n++, i, km) < 0)
                    return -1;
            }
        }
    if (n > BUCKET_MAX)
        hits_sort(*hits, n);
    else if (n > 1)
        hits_bucket_sort(*hits, n, r_km);
    return n;
}

/* Widens the radius until k points are inside, then trims. */
int nearby_nearest(const nearby *nb, double lat, double lon, int k,
                   nearby_hit **hits, int *cap)
{
    if (k <= 0 || !known(lat, lon) || nb->count == 0)
        return 0;
    if (k > nb->count)
        k = nb->count;
    double r = fmin(nb->dlat, nb->dlon) * KM_PER_DEG;
    for (;;) {
        int n = nearby_within(nb, lat, lon, r, hits, cap);
        if (n < 0)
            return -1;
        if (n >= k || r >= GEO_EARTH_KM * M_PI)
            return n < k ? n : k;
        r *= 2;
    }
}
