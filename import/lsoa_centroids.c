/* ONS LSOA population-weighted centroids (2011 or 2021 LSOAs): where each
 * LSOA's people live on average.  X/Y are longitude/latitude in most releases and grid
 * metres in some; explicit lat/long columns win when present.  Merged
 * into the LSOA record, keeping its deprivation fields. */
#include "import/kinds.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "engine/geo.h"

enum { F_CODE, F_NAME, F_X, F_Y, F_LAT, F_LON, F_COUNT };

static const char *const spec[F_COUNT] = {
    "LSOA11CD|LSOA21CD|LSOA01CD", "?LSOA11NM|LSOA21NM|LSOA01NM", "?X", "?Y",
    "?lat|latitude", "?long|longitude"};

static int detect(const csvr_row *row)
{
    bool code = imp_find(row, "LSOA11CD") >= 0 || imp_find(row, "LSOA21CD") >= 0;
    bool xy = imp_find(row, "X") >= 0 && imp_find(row, "Y") >= 0;
    bool ll = (imp_find(row, "lat") >= 0 || imp_find(row, "latitude") >= 0) &&
              (imp_find(row, "long") >= 0 || imp_find(row, "longitude") >= 0);
    return code && (xy || ll) ? 90 : 0;
}

static int header(import_ctx *ic, err *e)
{
    if (imp_read_header(ic, spec, F_COUNT, e))
        return -1;
    if (ic->col[F_LAT] >= 0 && ic->col[F_LON] >= 0)
        return 0;
    if (ic->col[F_X] >= 0 && ic->col[F_Y] >= 0) {
        ic->col[F_LAT] = ic->col[F_Y], ic->colname[F_LAT] = ic->colname[F_Y];
        ic->col[F_LON] = ic->col[F_X], ic->colname[F_LON] = ic->colname[F_X];
        return 0;
    }
    return err_at(e, csvr_name(ic->r), 1, 0,
                  "missing columns X/Y (or lat/long) (is this the right file?)");
}

/* Degrees, or grid metres when the numbers are too big to be degrees. */
static int place(import_ctx *ic, const csvr_row *row, lsoa_rec *l, err *e)
{
    double x, y;
    if (imp_double(ic, row, F_LON, &x, e) || imp_double(ic, row, F_LAT, &y, e))
        return -1;
    if (fabs(x) > 1000 || fabs(y) > 1000) {
        if (geo_bng_to_wgs84(x, y, &l->lat, &l->lon))
            return imp_fail(ic, row, F_LON, e, "%g, %g is not on the National Grid", x, y);
    } else if (imp_latlon(ic, row, F_LAT, F_LON, &l->lat, &l->lon, e)) {
        return -1;
    }
    /* Swapped columns put England in the Indian Ocean: say so. */
    if (l->lat < 49 || l->lat > 61 || l->lon < -9 || l->lon > 3)
        return imp_fail(ic, row, F_LAT, e, "%.5f, %.5f is not in Great Britain "
                        "(latitude and longitude swapped?)", l->lat, l->lon);
    return 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    char code[LSOA_MAX];
    lsoa_rec l;
    if (imp_lsoa_code(ic, row, F_CODE, code, e) ||
        imp_lsoa(ic, code, &l, e) || place(ic, row, &l, e))
        return -1;
    /* One centroid per code: an unchanged code's 2011 and 2021 centroids
     * are of the same area, and the last file imported wins. */
    l.vintages |= strncasecmp(ic->colname[F_CODE], "LSOA21", 6) == 0   ? LSOA_2021
                  : strncasecmp(ic->colname[F_CODE], "LSOA11", 6) == 0 ? LSOA_2011
                                                                       : 0;
    if (ic->col[F_NAME] >= 0 && imp_text(ic, row, F_NAME, l.name, sizeof l.name, e))
        return -1;
    if (store_lsoa_put(ic->s, &l, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return header(ic, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_lsoa_centroids = {
    "lsoa-centroids", "ONS LSOA population-weighted centroids (LSOA11CD/LSOA21CD, X/Y)",
    detect, run};
