#ifndef CATCHMENT_SHOW_JSON_H
#define CATCHMENT_SHOW_JSON_H

#include "core/card.h"

/* The practice card as JSON on stdout (documented in docs/json.md). */
void show_json(const card *c);

#endif
