/* Neighbour search over points (practices): build once, then ask for
 * every point within R km of a place, nearest first.  A uniform grid of
 * cells in degrees; each query reads only the cells its circle can touch.
 * Meant for one country: a circle is not wrapped across the 180th meridian. */
#ifndef CATCHMENT_NEARBY_H
#define CATCHMENT_NEARBY_H

typedef struct nearby nearby;

typedef struct {
    int index;  /* position in the arrays given to nearby_build */
    double km;  /* great-circle distance (geo_km) */
} nearby_hit;

/* Indexes n points (WGS84 degrees).  Points with NAN or out-of-range
 * coordinates are left out and never returned.  cell_km <= 0 picks 2 km.
 * The arrays are copied.  Returns NULL when out of memory. */
nearby *nearby_build(const double *lat, const double *lon, int n, double cell_km);

void nearby_free(nearby *nb);

/* Number of points indexed (with a known location). */
int nearby_count(const nearby *nb);

/* Every point within r_km of (lat, lon), sorted by distance, ties by index.
 * *hits (capacity *cap) is grown with realloc as needed and may be reused
 * between calls; the caller frees it.  Returns the number of hits, or -1
 * when out of memory.  A NAN place finds nothing. */
int nearby_within(const nearby *nb, double lat, double lon, double r_km,
                  nearby_hit **hits, int *cap);

/* The k nearest points to (lat, lon), sorted as above (fewer when fewer
 * are indexed).  Same buffer contract and return as nearby_within. */
int nearby_nearest(const nearby *nb, double lat, double lon, int k,
                   nearby_hit **hits, int *cap);

#endif
