/* Area figures joined on their own LSOA vintage.  IMD 2019 is published
 * on 2011 LSOAs and IMD 2025 on 2021 LSOAs; registrations by area come on
 * either; a code unchanged in 2021 is the same code in both.  A figure
 * missing for a code is taken through the ONS 2011 <-> 2021 lookup:
 *   - IMD decile: the rounded mean of the deciles of the linked areas
 *     (a split 2011 area's 2021 parts each get the parent's decile; a
 *     2021 area merged from several 2011 areas gets their mean);
 *   - centroid: the mean of the linked areas' centroids.
 * Each needs an open read transaction. */
#ifndef CATCHMENT_AREAS_H
#define CATCHMENT_AREAS_H

#include <stdbool.h>

#include "store/store.h"

typedef struct area_info {
    double lat, lon;     /* NAN when neither the code nor its links have one */
    int imd;             /* decile in the edition asked for, 0 unknown */
    bool lat_linked;     /* taken through the lookup */
    bool imd_linked;
} area_info;

/* The place and the IMD decile (edition: enum imd_edition) of one code. */
int areas_get(store *s, const char *code, int edition, area_info *out, err *e);

/* The IMD decile of a place given by both its codes (2011 and 2021, either
 * may be empty): each edition on its own vintage first. */
int areas_imd_of(store *s, const char *lsoa11, const char *lsoa21, int edition, int *out,
                 err *e);

/* The edition in use: the configured one (2019 or 2025), else (0) the
 * newest imported; *out is -1 when no IMD file has been imported. */
int areas_edition(store *s, int configured, int *out, err *e);

/* "IMD 2019 (on 2011 LSOAs)" / "IMD 2025 (on 2021 LSOAs)". */
const char *areas_edition_name(int edition);

/* 2019 / 2025 for an edition, 0 for none. */
int areas_edition_year(int edition);

#endif
