#include "core/areas.h"

#include <math.h>
#include <string.h>

/* Sums over the areas linked to one code. */
struct linked {
    store *s;
    const char *code;
    int edition;
    double lat, lon;
    int nloc;
    long imd_sum;
    int nimd;
    err *e;
};

static int add_linked(const lsoa_link *l, void *ctx)
{
    struct linked *k = ctx;
    const char *other = strcmp(l->lsoa11, k->code) == 0 ? l->lsoa21 : l->lsoa11;
    lsoa_rec r;
    int rc = store_lsoa_get(k->s, other, &r, k->e);
    if (rc <= 0)
        return rc;
    if (isfinite(r.lat) && isfinite(r.lon)) {
        k->lat += r.lat;
        k->lon += r.lon;
        k->nloc++;
    }
    if (r.imd[k->edition] > 0) {
        k->imd_sum += r.imd[k->edition];
        k->nimd++;
    }
    return 0;
}

int areas_get(store *s, const char *code, int edition, area_info *out, err *e)
{
    lsoa_rec r;
    memset(out, 0, sizeof *out);
    out->lat = out->lon = NAN;
    int rc = store_lsoa_get(s, code, &r, e);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        out->lat = r.lat;
        out->lon = r.lon;
        out->imd = edition >= 0 && edition < IMD_EDITIONS ? r.imd[edition] : 0;
    }
    bool need_loc = !isfinite(out->lat), need_imd = out->imd == 0 && edition >= 0;
    if (!need_loc && !need_imd)
        return 0;
    struct linked k = {s, code, edition < 0 ? 0 : edition, 0, 0, 0, 0, 0, e};
    if (store_lsoa_link_each(s, code, add_linked, &k, e) < 0)
        return -1;
    if (need_loc && k.nloc) {
        out->lat = k.lat / k.nloc;
        out->lon = k.lon / k.nloc;
        out->lat_linked = true;
    }
    if (need_imd && k.nimd) {
        out->imd = (int)lround((double)k.imd_sum / k.nimd);
        out->imd_linked = true;
    }
    return 0;
}

int areas_imd_of(store *s, const char *lsoa11, const char *lsoa21, int edition, int *out,
                 err *e)
{
    const char *own = edition == IMD_2019 ? lsoa11 : lsoa21;
    const char *other = edition == IMD_2019 ? lsoa21 : lsoa11;
    area_info a = {0};
    *out = 0;
    if (edition < 0)
        return 0;
    if (*own && areas_get(s, own, edition, &a, e))
        return -1;
    if (!a.imd && *other && areas_get(s, other, edition, &a, e))
        return -1;
    *out = a.imd;
    return 0;
}

struct newest {
    int edition;
};

static int note_edition(const provenance *p, void *ctx)
{
    struct newest *n = ctx;
    int ed = strcmp(p->kind, "imd2025") == 0 ? IMD_2025 : strcmp(p->kind, "imd") == 0 ? IMD_2019 : -1;
    if (ed > n->edition)
        n->edition = ed;
    return 0;
}

int areas_edition(store *s, int configured, int *out, err *e)
{
    struct newest n = {-1};
    *out = configured == 2019 ? IMD_2019 : configured == 2025 ? IMD_2025 : -1;
    if (*out >= 0)
        return 0;
    if (store_provenance_each(s, note_edition, &n, e) < 0)
        return -1;
    *out = n.edition;
    return 0;
}

const char *areas_edition_name(int edition)
{
    return edition == IMD_2019   ? "IMD 2019 (English Indices of Deprivation 2019, on 2011 LSOAs)"
           : edition == IMD_2025 ? "IMD 2025 (English Indices of Deprivation 2025, on 2021 LSOAs)"
                                 : "none imported";
}

int areas_edition_year(int edition)
{
    return edition == IMD_2019 ? 2019 : edition == IMD_2025 ? 2025 : 0;
}
