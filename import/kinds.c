#include "import/kinds.h"

const import_kind *const import_kinds[] = {
    &kind_epraccur,   &kind_list_size,      &kind_pcn_map, &kind_quin_age,
    &kind_lsoa_all,   &kind_onspd,          &kind_codepoint, &kind_ukpostcodes,
    &kind_lsoa_centroids, &kind_imd,        &kind_imd2025,
    &kind_lsoa_lookup, &kind_fingertips, &kind_contracts,
    &kind_capacity,   &kind_travel,        &kind_survey, &kind_succ,
    &kind_gp_workforce, &kind_gp_payments, &kind_gpps,
    &kind_census_ts045, &kind_census_ts021, &kind_census_ts038, &kind_census_ts007a,
    &kind_ruc,        &kind_appointments, &kind_qof,
    &kind_ebranchs,   &kind_pcn_partners, &kind_boundaries, NULL,
};
