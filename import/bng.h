/* British National Grid (OSGB36 eastings/northings in metres) to WGS84
 * latitude/longitude, as Code-Point Open and some centroid files need. */
#ifndef CATCHMENT_BNG_H
#define CATCHMENT_BNG_H

/* Converts; 0, or -1 when the point is off the grid (not a number, or
 * outside 0..700000 E, 0..1300000 N).  Good to a few metres: the
 * seven-parameter Helmert shift, not OSTN15. */
int bng_to_wgs84(double easting, double northing, double *lat, double *lon);

#endif
