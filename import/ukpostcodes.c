/* ukpostcodes.csv (id,postcode,latitude,longitude): a plain list of
 * postcodes with WGS84 places.  Never replaces a postcode ONSPD gave. */
#include "import/kinds.h"

#include <math.h>
#include <string.h>

enum { F_POSTCODE, F_LAT, F_LON, F_COUNT };

static const char *const spec[F_COUNT] = {"postcode", "latitude|lat", "longitude|long|lng"};

static int detect(const csvr_row *row)
{
    bool ok = imp_find(row, "postcode") >= 0 && imp_find(row, "latitude") >= 0 &&
              imp_find(row, "longitude") >= 0;
    return ok ? 80 : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    postcode_rec p = {.source = PC_UKPOSTCODES};
    if (imp_postcode(ic, row, F_POSTCODE, p.postcode, e))
        return -1;
    if (!*imp_str(ic, row, F_LAT) || !*imp_str(ic, row, F_LON)) {
        imp_skip(ic, "postcodes with no coordinates");
        return 0;
    }
    if (imp_double(ic, row, F_LAT, &p.lat, e) || imp_double(ic, row, F_LON, &p.lon, e))
        return -1;
    /* The published file marks a postcode with no place as 99.999999, 0. */
    if (fabs(p.lat - 99.999999) < 1e-6 || (p.lat == 0 && p.lon == 0)) {
        imp_skip(ic, "postcodes with no coordinates");
        return 0;
    }
    if (imp_latlon(ic, row, F_LAT, F_LON, &p.lat, &p.lon, e))
        return -1;
    int rc = imp_postcode_put(ic, &p, e);
    if (rc == 1)
        imp_keep(ic);
    return rc < 0 ? -1 : 0;
}

static int run(import_ctx *ic, err *e)
{
    return imp_read_header(ic, spec, F_COUNT, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_ukpostcodes = {
    "ukpostcodes", "ukpostcodes.csv (id,postcode,latitude,longitude)", detect, run};
