#include "engine/geo.h"

#include <math.h>

#define DEG (M_PI / 180.0)

double geo_coslat(double lat)
{
    return cos(lat * DEG);
}

double geo_hav(double lat1, double lon1, double cos1, double lat2, double lon2,
               double cos2)
{
    double sp = sin((lat2 - lat1) * DEG / 2), sl = sin((lon2 - lon1) * DEG / 2);
    return sp * sp + cos1 * cos2 * (sl * sl);
}

double geo_hav_km(double h)
{
    if (h > 1.0)
        h = 1.0;
    return 2.0 * GEO_EARTH_KM * asin(sqrt(h));
}

double geo_km(double lat1, double lon1, double lat2, double lon2)
{
    return geo_hav_km(geo_hav(lat1, lon1, geo_coslat(lat1), lat2, lon2,
                              geo_coslat(lat2)));
}

/* Airy 1830 and the National Grid projection constants (OS guide,
 * "A guide to coordinate systems in Great Britain", annex C). */
static const double AIRY_A = 6377563.396, AIRY_B = 6356256.909;
static const double F0 = 0.9996012717, E0 = 400000.0, N0 = -100000.0;
static const double LAT0 = 49.0 * DEG, LON0 = -2.0 * DEG;

/* Meridional arc from LAT0 to lat on Airy, scaled by F0 (OS eq. C3). */
static double grid_arc(double lat)
{
    double n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B);
    double n2 = n * n, n3 = n2 * n;
    double d = lat - LAT0, s = lat + LAT0;
    return AIRY_B * F0 *
           ((1 + n + 1.25 * n2 + 1.25 * n3) * d -
            (3 * n + 3 * n2 + 2.625 * n3) * sin(d) * cos(s) +
            (1.875 * n2 + 1.875 * n3) * sin(2 * d) * cos(2 * s) -
            (35.0 / 24.0) * n3 * sin(3 * d) * cos(3 * s));
}

int geo_bng_to_osgb36(double easting, double northing, double *lat, double *lon)
{
    if (!(easting >= 0 && easting <= 800000 && northing >= 0 &&
          northing <= 1400000))
        return -1;
    double a = AIRY_A, b = AIRY_B;
    double e2 = 1 - (b * b) / (a * a);
    double phi = (northing - N0) / (a * F0) + LAT0;
    double m = grid_arc(phi);
    for (int i = 0; i < 100 && fabs(northing - N0 - m) >= 1e-5; i++) {
        phi += (northing - N0 - m) / (a * F0);
        m = grid_arc(phi);
    }
    double s = sin(phi), c = cos(phi), t = tan(phi);
    double nu = a * F0 / sqrt(1 - e2 * s * s);
    double rho = a * F0 * (1 - e2) / pow(1 - e2 * s * s, 1.5);
    double eta2 = nu / rho - 1;
    double t2 = t * t, t4 = t2 * t2, t6 = t4 * t2;
    double vii = t / (2 * rho * nu);
    double viii = t / (24 * rho * pow(nu, 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
    double ix = t / (720 * rho * pow(nu, 5)) * (61 + 90 * t2 + 45 * t4);
    double x = 1 / (c * nu);
    double xi = 1 / (c * 6 * pow(nu, 3)) * (nu / rho + 2 * t2);
    double xii = 1 / (c * 120 * pow(nu, 5)) * (5 + 28 * t2 + 24 * t4);
    double xiia = 1 / (c * 5040 * pow(nu, 7)) *
                  (61 + 662 * t2 + 1320 * t4 + 720 * t6);
    double de = easting - E0, de2 = de * de;
    double la = phi - vii * de2 + viii * de2 * de2 - ix * pow(de, 6);
    double lo = LON0 + x * de - xi * de2 * de + xii * pow(de, 5) - xiia * pow(de, 7);
    *lat = la / DEG;
    *lon = lo / DEG;
    return 0;
}

/* Geodetic (h = 0) to earth-centred cartesian on an ellipsoid a, b. */
static void geo_to_xyz(double lat, double lon, double a, double b, double xyz[3])
{
    double e2 = 1 - (b * b) / (a * a);
    double s = sin(lat), nu = a / sqrt(1 - e2 * s * s);
    xyz[0] = nu * cos(lat) * cos(lon);
    xyz[1] = nu * cos(lat) * sin(lon);
    xyz[2] = (1 - e2) * nu * s;
}

/* Cartesian back to geodetic on an ellipsoid a, b (iterating latitude). */
static void xyz_to_geo(const double xyz[3], double a, double b, double *lat,
                       double *lon)
{
    double e2 = 1 - (b * b) / (a * a);
    double p = sqrt(xyz[0] * xyz[0] + xyz[1] * xyz[1]);
    double phi = atan2(xyz[2], p * (1 - e2));
    for (int i = 0; i < 20; i++) {
        double s = sin(phi), nu = a / sqrt(1 - e2 * s * s);
        double next = atan2(xyz[2] + e2 * nu * s, p);
        if (fabs(next - phi) < 1e-13) {
            phi = next;
            break;
        }
        phi = next;
    }
    *lat = phi;
    *lon = atan2(xyz[1], xyz[0]);
}

/* OSGB36 -> WGS84: the inverse of the published WGS84 -> OSGB36
 * parameters (position-vector rotation, small-angle form). */
static void helmert_to_wgs84(const double in[3], double out[3])
{
    const double tx = 446.448, ty = -125.157, tz = 542.060;
    const double s = -20.4894e-6;
    const double as = DEG / 3600.0;
    const double rx = 0.1502 * as, ry = 0.2470 * as, rz = 0.8421 * as;
    out[0] = tx + in[0] * (1 + s) - in[1] * rz + in[2] * ry;
    out[1] = ty + in[0] * rz + in[1] * (1 + s) - in[2] * rx;
    out[2] = tz - in[0] * ry + in[1] * rx + in[2] * (1 + s);
}

int geo_bng_to_wgs84(double easting, double northing, double *lat, double *lon)
{
    double la, lo, a[3], w[3];
    if (geo_bng_to_osgb36(easting, northing, &la, &lo) < 0)
        return -1;
    geo_to_xyz(la * DEG, lo * DEG, AIRY_A, AIRY_B, a);
    helmert_to_wgs84(a, w);
    xyz_to_geo(w, 6378137.0, 6356752.3141, &la, &lo);
    *lat = la / DEG;
    *lon = lo / DEG;
    return 0;
}
