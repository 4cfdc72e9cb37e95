/* The equality impact pack's inputs from the store: for each area of a
 * what-if and each area where the ICB's registered patients live, the
 * share of residents in each group (Census 2021 tables, the rural-urban
 * classification, the IMD decile; the practice's own age profile before
 * the Census for 65+ and 75+). */
#ifndef CATCHMENT_CORE_EQUALITY_H
#define CATCHMENT_CORE_EQUALITY_H

#include "core/world.h"
#include "engine/dispersal.h"
#include "engine/equality.h"

/* Inside a read transaction.  frac65/frac75 are per world practice (NAN
 * unknown) for the closing practices.  *as gets na shares, *base the
 * ICB's areas (*nb of them); the caller frees both. */
int equality_read(const world *w, store *s, const disp_area *a, int na, const char *icb,
                  const double *frac65, const double *frac75, eq_shares **as, eq_base **base,
                  int *nb, err *e);

/* What each row rests on, for the reader: "Census 2021 TS045". */
const char *equality_source(int m);

#endif
