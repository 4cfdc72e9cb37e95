/* Each place's practices within reach, asked of the index once and kept
 * for many runs (dispersal.h, disp_reach_build).  A table of 2^k slots
 * keyed by the place finds them again. */
#include "engine/disp_work.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct disp_reach {
    double km;
    double *lat, *lon; /* by place */
    int *start;        /* places + 1 offsets into hits */
    nearby_hit *hits;  /* each place's, as nearby_within gave them */
    int places, nhits, cap_hits;
    place_tab tab;     /* slot: place index, -1 empty */
};

/* The slot of (lat, lon): the place there, or an empty one. */
static int *reach_slot(const disp_reach *r, double lat, double lon)
{
    size_t s = place_hash(lat, lon) & r->tab.mask;
    while (r->tab.slot[s] >= 0 &&
           !(r->lat[r->tab.slot[s]] == lat && r->lon[r->tab.slot[s]] == lon))
        s = (s + 1) & r->tab.mask;
    return &r->tab.slot[s];
}

/* Adds the place (lat, lon) and its hits. */
static int add_place(disp_reach *r, const nearby *ix, double lat, double lon, nearby_hit **h,
                     int *hcap)
{
    int n = nearby_within(ix, lat, lon, r->km, h, hcap);
    if (n < 0)
        return -1;
    if (r->nhits + n > r->cap_hits) {
        int nc = r->cap_hits ? r->cap_hits : 4096;
        while (nc < r->nhits + n)
            nc *= 2;
        nearby_hit *v = realloc(r->hits, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        r->hits = v;
        r->cap_hits = nc;
    }
    if (n > 0)
        memcpy(r->hits + r->nhits, *h, (size_t)n * sizeof **h);
    r->lat[r->places] = lat;
    r->lon[r->places] = lon;
    r->nhits += n;
    r->start[++r->places] = r->nhits;
    return 0;
}

disp_reach *disp_reach_build(const nearby *ix, const disp_area *a, int na, double km)
{
    disp_reach *r = calloc(1, sizeof *r);
    if (!r || !ix || na < 0)
        return free(r), NULL;
    r->km = km;
    r->lat = malloc(((size_t)na + 1) * sizeof *r->lat);
    r->lon = malloc(((size_t)na + 1) * sizeof *r->lon);
    r->start = calloc((size_t)na + 2, sizeof *r->start);
    nearby_hit *h = NULL;
    int hcap = 0, rc = !r->lat || !r->lon || !r->start || place_tab_init(&r->tab, na) < 0;
    for (int i = 0; i < na && rc == 0; i++) {
        if (!(isfinite(a[i].lat) && isfinite(a[i].lon)))
            continue;
        int *slot = reach_slot(r, a[i].lat, a[i].lon);
        if (*slot < 0) {
            *slot = r->places;
            rc = add_place(r, ix, a[i].lat, a[i].lon, &h, &hcap);
        }
    }
    free(h);
    if (rc) {
        disp_reach_free(r);
        return NULL;
    }
    return r;
}

void disp_reach_free(disp_reach *r)
{
    if (!r)
        return;
    free(r->lat);
    free(r->lon);
    free(r->start);
    free(r->hits);
    free(r->tab.slot);
    free(r);
}

int reach_find(const disp_reach *r, double lat, double lon, double km, const nearby_hit **hits)
{
    if (!r || km != r->km || !(isfinite(lat) && isfinite(lon)))
        return -1;
    int p = *reach_slot(r, lat, lon);
    if (p < 0)
        return -1;
    *hits = r->hits + r->start[p];
    return r->start[p + 1] - r->start[p];
}
