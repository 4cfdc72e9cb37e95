/* ONS Postcode Directory (ONSPD) and National Statistics Postcode Lookup
 * (NSPL): every UK postcode with its place and its LSOA.  About 2.6
 * million rows nationally; column names gain year suffixes over time
 * (lsoa11, lsoa21), so the LSOA column is found by prefix. */
#include "import/kinds.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/geo.h"

enum { F_PCDS, F_PCD, F_LAT, F_LON, F_EAST, F_NORTH, F_DOTERM, F_LSOA, F_LSOA11, F_COUNT };

static const char *const spec[F_LSOA] = {
    "?pcds", "?pcd|pcd2", "?lat", "?long", "?oseast1m", "?osnrth1m", "?doterm"};

static int detect(const csvr_row *row)
{
    bool pc = imp_find(row, "pcds") >= 0 || imp_find(row, "pcd") >= 0 ||
              imp_find(row, "pcd2") >= 0;
    bool place = imp_find(row, "lat") >= 0 || imp_find(row, "oseast1m") >= 0;
    return pc && place ? 95 : 0;
}

/* The newest LSOA column: lsoa21 beats lsoa11 beats lsoa01 (names
 * ending "nm" are names, not codes); and the 2011 one as well, kept
 * beside it so figures published on 2011 LSOAs join on their own codes. */
static void find_lsoa(import_ctx *ic, const csvr_row *hdr)
{
    long best = -1;
    ic->col[F_LSOA] = ic->col[F_LSOA11] = -1;
    ic->colname[F_LSOA] = "lsoa";
    ic->colname[F_LSOA11] = "lsoa11";
    for (int c = 0; c < hdr->n; c++) {
        const char *h = hdr->f[c];
        size_t n = strlen(h);
        if (strncasecmp(h, "lsoa", 4) != 0 || (n > 2 && strcasecmp(h + n - 2, "nm") == 0))
            continue;
        long year = strtol(h + 4, NULL, 10);
        if (year == 11) {
            ic->col[F_LSOA11] = c;
            imp_name_col(ic, F_LSOA11, h);
        }
        if (year > best) {
            best = year;
            ic->col[F_LSOA] = c;
            imp_name_col(ic, F_LSOA, h);
        }
    }
}

static int header(import_ctx *ic, err *e)
{
    csvr_row *hdr;
    int rc = csvr_next(ic->r, &hdr, e);
    if (rc <= 0)
        return rc < 0 ? -1 : err_at(e, csvr_name(ic->r), 1, 0, "the file holds no rows");
    if (imp_header(ic, hdr, spec, F_LSOA, e))
        return -1;
    if (ic->col[F_PCDS] < 0 && ic->col[F_PCD] < 0)
        return err_at(e, csvr_name(ic->r), 1, 0, "missing column pcds/pcd/pcd2 "
                      "(is this the right file?)");
    bool latlon = ic->col[F_LAT] >= 0 && ic->col[F_LON] >= 0;
    if (!latlon && (ic->col[F_EAST] < 0 || ic->col[F_NORTH] < 0))
        return err_at(e, csvr_name(ic->r), 1, 0, "missing columns lat/long "
                      "(or oseast1m/osnrth1m) (is this the right file?)");
    if (latlon)
        ic->col[F_EAST] = ic->col[F_NORTH] = -1;
    find_lsoa(ic, hdr);
    return 0;
}

/* Where the postcode is: 1 placed, 0 no grid reference, -1 error. */
static int place(import_ctx *ic, const csvr_row *row, postcode_rec *p, err *e)
{
    if (ic->col[F_EAST] >= 0) {
        double east, north;
        if (!*imp_str(ic, row, F_EAST) || !*imp_str(ic, row, F_NORTH))
            return 0;
        if (imp_double(ic, row, F_EAST, &east, e) || imp_double(ic, row, F_NORTH, &north, e))
            return -1;
        return geo_bng_to_wgs84(east, north, &p->lat, &p->lon) == 0;
    }
    if (!*imp_str(ic, row, F_LAT) || strcmp(imp_str(ic, row, F_LAT), "99.999999") == 0)
        return 0;
    return imp_latlon(ic, row, F_LAT, F_LON, &p->lat, &p->lon, e) ? -1 : 1;
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    (void)ctx;
    postcode_rec p = {.source = PC_ONSPD};
    int pc = ic->col[F_PCDS] >= 0 && *imp_str(ic, row, F_PCDS) ? F_PCDS : F_PCD;
    if (imp_postcode(ic, row, pc, p.postcode, e))
        return -1;
    int rc = place(ic, row, &p, e);
    if (rc <= 0) {
        if (rc == 0)
            imp_skip(ic, "postcodes with no grid reference");
        return rc;
    }
    if (ic->col[F_LSOA] >= 0 && *imp_str(ic, row, F_LSOA) &&
        imp_lsoa_code(ic, row, F_LSOA, p.lsoa, e))
        return -1;
    if (ic->col[F_LSOA11] >= 0 && *imp_str(ic, row, F_LSOA11) &&
        imp_lsoa_code(ic, row, F_LSOA11, p.lsoa11, e))
        return -1;
    p.terminated = *imp_str(ic, row, F_DOTERM) != '\0';
    if (store_postcode_put(ic->s, &p, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    return header(ic, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_onspd = {
    "onspd", "ONS Postcode Directory or NSPL (postcode, place, LSOA)", detect, run};
