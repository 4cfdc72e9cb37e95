/* The open-ended parts of the file: the scenarios list and the keys map.
 * Internal to config/. */
#ifndef CATCHMENT_SCENARIO_WALK_H
#define CATCHMENT_SCENARIO_WALK_H

#include "config/cwalk.h"

int scenario_walk_all(cwalk *w, const ynode *n, config *c);
int scenario_walk_keys(cwalk *w, const ynode *n, config *c);

/* True for 1..64 characters of [a-z0-9._-]. */
bool scenario_name_ok(const char *name);

#endif
