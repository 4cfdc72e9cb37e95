/* OS Code-Point Open: no header, one file per postcode area, ten columns.
 * Places are British National Grid eastings/northings, converted to
 * WGS84.  Older than ONSPD and without LSOAs, so it never replaces a
 * postcode ONSPD gave. */
#include "import/kinds.h"

#include <stdlib.h>
#include <string.h>

#include "engine/geo.h"
#include "util/text.h"

enum { F_POSTCODE, F_QUALITY, F_EAST, F_NORTH, F_COUNTRY, F_REGION_HA, F_HA,
       F_COUNTY, F_DISTRICT, F_WARD, F_COUNT };

static const char *const names[F_COUNT] = {
    "Postcode", "Positional_quality_indicator", "Eastings", "Northings", "Country_code",
    "NHS_regional_HA_code", "NHS_HA_code", "Admin_county_code", "Admin_district_code",
    "Admin_ward_code"};

static bool integer(const char *s)
{
    long v;
    return text_long(s, &v) == 0;
}

/* Ten fields, a postcode first, whole numbers in fields 2-4. */
static int detect(const csvr_row *row)
{
    char pc[POSTCODE_MAX];
    if (row->n != F_COUNT || text_postcode(row->f[F_POSTCODE], pc, sizeof pc))
        return 0;
    bool nums = integer(row->f[F_QUALITY]) && integer(row->f[F_EAST]) &&
                integer(row->f[F_NORTH]);
    return nums ? 90 : 0;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    postcode_rec p = {.source = PC_CODEPOINT};
    long quality, east, north;
    if (imp_need_fields(ic, row, F_COUNT, e) || imp_postcode(ic, row, F_POSTCODE, p.postcode, e) ||
        imp_long(ic, row, F_QUALITY, &quality, e))
        return -1;
    if (quality == 90) {
        imp_skip(ic, "postcodes with no coordinates (quality 90)");
        return 0;
    }
    if (imp_long(ic, row, F_EAST, &east, e) || imp_long(ic, row, F_NORTH, &north, e))
        return -1;
    if (geo_bng_to_wgs84((double)east, (double)north, &p.lat, &p.lon))
        return imp_fail(ic, row, F_EAST, e, "%ld, %ld is not on the National Grid", east,
                        north);
    int rc = imp_postcode_put(ic, &p, e);
    if (rc == 1)
        imp_keep(ic);
    return rc < 0 ? -1 : 0;
}

static int run(import_ctx *ic, err *e)
{
    imp_fixed(ic, names, F_COUNT);
    return imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_codepoint = {
    "codepoint", "OS Code-Point Open postcode file (no header, eastings/northings)",
    detect, run};
