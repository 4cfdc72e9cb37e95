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

/* The ICB baselines worked out so far, kept with the world: reading one
 * walks every practice-by-LSOA row of the ICB, so each is read once per
 * world (a changed store loads a new world, and a new cache).  One
 * thread at a time. */
typedef struct eq_cache eq_cache;
eq_cache *equality_cache_new(void);
void equality_cache_free(eq_cache *c);

/* Inside a read transaction.  frac65/frac75 are per world practice (NAN
 * unknown) for the closing practices.  *as gets na shares (the caller
 * frees them); *base the baseline of icb, NULL when icb is "". */
int equality_read(const world *w, store *s, const disp_area *a, int na, const char *icb,
                  const double *frac65, const double *frac75, eq_shares **as,
                  const eq_baseline **base, err *e);

/* Every ICB's baseline read into the world's cache (inside a read
 * transaction), for the store's snapshot to keep (core/snapshot.c). */
int equality_cache_fill(const world *w, store *s, err *e);
/* The cache's entries, and one put back (a copy). */
int equality_cache_count(const eq_cache *c);
const eq_baseline *equality_cache_entry(const eq_cache *c, int i, const char **icb);
int equality_cache_add(eq_cache *c, const char *icb, const eq_baseline *b, err *e);

/* What each row rests on, for the reader: "Census 2021 TS045". */
const char *equality_source(int m);

#endif
