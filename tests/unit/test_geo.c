#include "engine/geo.h"
#include "tests/unit/t.h"

static double dms(double d, double m, double s)
{
    return d + m / 60.0 + s / 3600.0;
}

int main(void)
{
    double lat = 0, lon = 0;

    /* One degree along a meridian and along the equator. */
    CHECK_NEAR(geo_km(52, -1, 53, -1), 111.19508, 1e-4);
    CHECK_NEAR(geo_km(0, 10, 0, 11), 111.19508, 1e-4);
    CHECK_NEAR(geo_km(52.4, -1.5, 52.4, -1.5), 0.0, 1e-12);
    CHECK_NEAR(geo_km(52.4, -1.5, 51.5, 0.1), geo_km(51.5, 0.1, 52.4, -1.5), 1e-12);
    /* Antipodes: half the circumference. */
    CHECK_NEAR(geo_km(0, 0, 0, 180), 3.14159265358979 * 6371.0088, 1e-6);
    CHECK(isnan(geo_km(NAN, 0, 1, 1)));

    /* OS guide, annex C worked example (OSGB36). */
    CHECK(geo_bng_to_osgb36(651409.903, 313177.270, &lat, &lon) == 0);
    CHECK_NEAR(lat, dms(52, 39, 27.2531), 2e-8);
    CHECK_NEAR(lon, dms(1, 43, 4.5177), 2e-8);

    /* The same point in WGS84: 52 39' 28.72" N, 1 42' 57.79" E. */
    CHECK(geo_bng_to_wgs84(651409.903, 313177.270, &lat, &lon) == 0);
    CHECK(geo_km(lat, lon, dms(52, 39, 28.72), dms(1, 42, 57.79)) < 0.005);

    /* CV1 1DD, Coventry: Code-Point E 433297 N 278969 lies in the city
     * centre, about 52.408 N 1.51 W (the three-decimal figure is a rough
     * one: the conversion itself is pinned by the OS example above). */
    CHECK(geo_bng_to_wgs84(433297, 278969, &lat, &lon) == 0);
    CHECK_NEAR(lat, 52.40772, 0.00002);
    CHECK_NEAR(lon, -1.51196, 0.00003);
    CHECK(geo_km(lat, lon, 52.408, -1.510) < 0.2);

    /* The central meridian (E 400000) is 2 W; 100 km up it is near 49.9 N. */
    CHECK(geo_bng_to_osgb36(400000, 0, &lat, &lon) == 0);
    CHECK_NEAR(lon, -2.0, 1e-12);
    CHECK_NEAR(lat, 49.0 + 100.0 / 111.2, 0.01);

    CHECK(geo_bng_to_wgs84(-1, 100, &lat, &lon) == -1);
    CHECK(geo_bng_to_wgs84(800001, 100, &lat, &lon) == -1);
    CHECK(geo_bng_to_wgs84(100, 1400001, &lat, &lon) == -1);
    CHECK(geo_bng_to_wgs84(NAN, 100, &lat, &lon) == -1);
    CHECK(geo_bng_to_wgs84(100, -0.5, &lat, &lon) == -1);
    T_DONE();
}
