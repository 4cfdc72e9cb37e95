/* Every kind of file catchment imports; each is defined in its own file. */
#ifndef CATCHMENT_KINDS_H
#define CATCHMENT_KINDS_H

#include "import/importer.h"

extern const import_kind kind_epraccur;
extern const import_kind kind_list_size;
extern const import_kind kind_pcn_map;
extern const import_kind kind_quin_age;
extern const import_kind kind_lsoa_all;
extern const import_kind kind_onspd;
extern const import_kind kind_codepoint;
extern const import_kind kind_ukpostcodes;
extern const import_kind kind_lsoa_centroids;
extern const import_kind kind_imd;
extern const import_kind kind_imd2025;
extern const import_kind kind_lsoa_lookup;
extern const import_kind kind_fingertips;
extern const import_kind kind_contracts;
extern const import_kind kind_capacity;
extern const import_kind kind_travel;
extern const import_kind kind_survey;
extern const import_kind kind_succ;
extern const import_kind kind_gp_workforce;
extern const import_kind kind_gp_payments;
extern const import_kind kind_gpps;
extern const import_kind kind_census_ts045;
extern const import_kind kind_census_ts021;
extern const import_kind kind_census_ts038;
extern const import_kind kind_census_ts007a;
extern const import_kind kind_ruc;
extern const import_kind kind_appointments;
extern const import_kind kind_qof;
extern const import_kind kind_ebranchs;
extern const import_kind kind_pcn_partners;
extern const import_kind kind_boundaries;

/* NULL-terminated, in the order detection tries them. */
extern const import_kind *const import_kinds[];

#endif
