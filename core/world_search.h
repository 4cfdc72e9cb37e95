/* The search index over a world's practices, as `search` has it: code,
 * name, postcode, phone, town (address line 4), every address line and
 * the names other files gave each practice.  Built here for the store's
 * snapshot and for `search` when there is no current snapshot, so the
 * two are the same index. */
#ifndef CATCHMENT_WORLD_SEARCH_H
#define CATCHMENT_WORLD_SEARCH_H

#include "core/world.h"
#include "engine/search.h"

/* Each practice's names other than its own, joined by "; " (NULL: none),
 * from the store's names (inside a read transaction).  *out gets w->n
 * strings; free them with world_other_names_free. */
int world_other_names(const world *w, store *s, char ***out, err *e);
void world_other_names_free(char **names, int n);

/* The index over w (other may be NULL); NULL when out of memory. */
search_index *world_search_build(const world *w, const char *const *other);

#endif
