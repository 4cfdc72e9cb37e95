/* Distances on the Earth and British National Grid conversion.
 * Pure arithmetic: no I/O, no allocation. */
#ifndef CATCHMENT_GEO_H
#define CATCHMENT_GEO_H

/* Mean Earth radius (IUGG), km. */
#define GEO_EARTH_KM 6371.0088

/* Great-circle distance in km between two WGS84 points in degrees
 * (haversine on a sphere of radius GEO_EARTH_KM).  NAN in, NAN out. */
double geo_km(double lat1, double lon1, double lat2, double lon2);

/* The haversine term of two points given with the cosines of their
 * latitudes (so an index can keep them): h = sin^2(dlat/2) +
 * cos1 cos2 sin^2(dlon/2).  geo_km is geo_hav_km(geo_hav(...)), so the two
 * give identical distances. */
double geo_hav(double lat1, double lon1, double cos1, double lat2, double lon2,
               double cos2);
double geo_hav_km(double h);

/* cos of a latitude in degrees, as geo_hav wants it. */
double geo_coslat(double lat);

/* British National Grid easting/northing (metres) to OSGB36 latitude and
 * longitude in degrees (Airy 1830, inverse transverse Mercator).
 * Returns -1 when the input is off the grid (negative, E > 800000,
 * N > 1400000, or not a number). */
int geo_bng_to_osgb36(double easting, double northing, double *lat, double *lon);

/* As geo_bng_to_osgb36, then a 7-parameter Helmert shift OSGB36 -> WGS84
 * (good to about 5 m). */
int geo_bng_to_wgs84(double easting, double northing, double *lat, double *lon);

#endif
