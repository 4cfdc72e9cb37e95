/* OSGB36 grid to WGS84: the inverse transverse Mercator projection on the
 * Airy 1830 ellipsoid (Ordnance Survey, "A guide to coordinate systems in
 * Great Britain", annex C), then a Helmert shift between the datums done
 * on earth-centred cartesian coordinates. */
#include "import/bng.h"

#include <math.h>

#define DEG (M_PI / 180.0)
#define SEC (DEG / 3600.0)

static const double AIRY_A = 6377563.396, AIRY_B = 6356256.909;
static const double GRS80_A = 6378137.0, GRS80_B = 6356752.3141;
static const double F0 = 0.9996012717, E0 = 400000.0, N0 = -100000.0;

/* Meridional arc from the true origin to latitude phi (metres). */
static double meridian_arc(double phi, double phi0)
{
    double n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B), n2 = n * n, n3 = n2 * n;
    double d = phi - phi0, s = phi + phi0;
    return AIRY_B * F0 *
           ((1 + n + 1.25 * n2 + 1.25 * n3) * d -
            (3 * n + 3 * n2 + 2.625 * n3) * sin(d) * cos(s) +
            (1.875 * n2 + 1.875 * n3) * sin(2 * d) * cos(2 * s) -
            (35.0 / 24.0) * n3 * sin(3 * d) * cos(3 * s));
}

/* Grid to OSGB36 latitude/longitude (radians). */
static void grid_to_osgb36(double e, double nn, double *phi_out, double *lam_out)
{
    double a = AIRY_A, e2 = 1 - (AIRY_B * AIRY_B) / (a * a);
    double phi0 = 49 * DEG, lam0 = -2 * DEG, phi = phi0, m = 0;
    do {
        phi += (nn - N0 - m) / (a * F0);
        m = meridian_arc(phi, phi0);
    } while (fabs(nn - N0 - m) >= 0.00001);
    double sp = sin(phi), cp = cos(phi), t = tan(phi), t2 = t * t, t4 = t2 * t2;
    double nu = a * F0 / sqrt(1 - e2 * sp * sp);
    double rho = a * F0 * (1 - e2) / pow(1 - e2 * sp * sp, 1.5);
    double eta2 = nu / rho - 1, sec = 1 / cp;
    double nu3 = nu * nu * nu, nu5 = nu3 * nu * nu, nu7 = nu5 * nu * nu;
    double vii = t / (2 * rho * nu);
    double viii = t / (24 * rho * nu3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
    double ix = t / (720 * rho * nu5) * (61 + 90 * t2 + 45 * t4);
    double x = sec / nu, xi = sec / (6 * nu3) * (nu / rho + 2 * t2);
    double xii = sec / (120 * nu5) * (5 + 28 * t2 + 24 * t4);
    double xiia = sec / (5040 * nu7) * (61 + 662 * t2 + 1320 * t4 + 720 * t4 * t2);
    double d = e - E0, d2 = d * d, d3 = d2 * d, d4 = d2 * d2, d5 = d4 * d, d6 = d3 * d3;
    *phi_out = phi - vii * d2 + viii * d4 - ix * d6;
    *lam_out = lam0 + x * d - xi * d3 + xii * d5 - xiia * d5 * d2;
}

/* Latitude/longitude on an ellipsoid to earth-centred x, y, z (height 0). */
static void to_cartesian(double a, double b, double phi, double lam, double xyz[3])
{
    double e2 = 1 - (b * b) / (a * a), sp = sin(phi);
    double nu = a / sqrt(1 - e2 * sp * sp);
    xyz[0] = nu * cos(phi) * cos(lam);
    xyz[1] = nu * cos(phi) * sin(lam);
    xyz[2] = nu * (1 - e2) * sp;
}

/* Back from cartesian, by iteration on the latitude. */
static void from_cartesian(double a, double b, const double xyz[3], double *phi,
                           double *lam)
{
    double e2 = 1 - (b * b) / (a * a), p = hypot(xyz[0], xyz[1]);
    double f = atan2(xyz[2], p * (1 - e2)), prev;
    do {
        prev = f;
        double nu = a / sqrt(1 - e2 * sin(f) * sin(f));
        f = atan2(xyz[2] + e2 * nu * sin(f), p);
    } while (fabs(f - prev) > 1e-12);
    *phi = f;
    *lam = atan2(xyz[1], xyz[0]);
}

/* OSGB36 -> WGS84 seven-parameter Helmert transformation. */
static void helmert(const double in[3], double out[3])
{
    double tx = 446.448, ty = -125.157, tz = 542.060, s = 1 - 20.4894e-6;
    double rx = 0.1502 * SEC, ry = 0.2470 * SEC, rz = 0.8421 * SEC;
    out[0] = tx + s * in[0] - rz * in[1] + ry * in[2];
    out[1] = ty + rz * in[0] + s * in[1] - rx * in[2];
    out[2] = tz - ry * in[0] + rx * in[1] + s * in[2];
}

int bng_to_wgs84(double easting, double northing, double *lat, double *lon)
{
    if (!(easting >= 0 && easting <= 700000 && northing >= 0 && northing <= 1300000))
        return -1;
    double phi, lam, a[3], b[3];
    grid_to_osgb36(easting, northing, &phi, &lam);
    to_cartesian(AIRY_A, AIRY_B, phi, lam, a);
    helmert(a, b);
    from_cartesian(GRS80_A, GRS80_B, b, &phi, &lam);
    *lat = phi / DEG;
    *lon = lam / DEG;
    return 0;
}
