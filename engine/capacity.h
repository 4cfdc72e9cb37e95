/* A practice's capacity (how many patients it can hold) and where the
 * figure came from.  Pure arithmetic. */
#ifndef CATCHMENT_CAPACITY_H
#define CATCHMENT_CAPACITY_H

#include <stdbool.h>

typedef enum {
    CAP_SCENARIO,         /* set by the user in the scenario */
    CAP_IMPORTED,         /* an imported capacity figure */
    CAP_GP_FTE,           /* GP FTE x patients per GP FTE */
    CAP_DEFAULT_HEADROOM, /* list + default headroom % */
    CAP_SET               /* a capacity figure a person typed (catchment set) */
} cap_source;

typedef struct {
    double patients_per_gp_fte;  /* <= 0: never derive from FTE */
    double default_headroom_pct; /* e.g. 5 means list x 1.05 */
    double growth_pct;           /* applied to every list first; 0 none */
} cap_rules;

typedef struct {
    long list;         /* after growth */
    long capacity;
    long headroom;     /* capacity - list, never negative */
    cap_source source;
} cap_result;

/* "scenario", "imported", "gp-fte", "default-headroom", "set". */
const char *capacity_source_name(cap_source s);

/* list x (1 + growth_pct/100), rounded to the nearest whole patient;
 * never below 0. */
long capacity_grow(long list, double growth_pct);

/* The capacity of one practice.  list is before growth; scenario and
 * imported are -1 when absent; gp_fte is NAN when unknown.  Precedence:
 * scenario, imported, round(FTE x patients_per_gp_fte), and last
 * floor(grown list x (1 + default_headroom_pct/100)). */
cap_result capacity_of(long list, long scenario, long imported, double gp_fte,
                       const cap_rules *r);

/* The source of a stored capacity figure: CAP_SET when a person typed it,
 * else s as it is. */
cap_source capacity_fact_source(cap_source s, bool set_by_person);

#endif
