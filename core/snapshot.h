/* The store's snapshot: what most commands read, kept by the store in one
 * record and read in place from LMDB's map instead of decoded practice by
 * practice.  It holds the world as at the newest list-size extract (every
 * part: world_load), each practice's other names, the search index over
 * them (core/world_search.h) and every ICB's equality baseline.
 *
 * It is written after each command that changed the store (cli/cli.c,
 * the TUI on leaving) and removed by any write that does not write it
 * (store_snapshot_put), so a snapshot found is as new as the data; one
 * that is missing, older, made by a catchment with another layout, or as
 * at another date is not used, and the store is read directly (the same
 * answers, more slowly).  Setting CATCHMENT_NO_SNAPSHOT (to anything but
 * "" or "0") does that always, for tests and diagnosis. */
#ifndef CATCHMENT_SNAPSHOT_H
#define CATCHMENT_SNAPSHOT_H

#include "core/world.h"
#include "engine/search.h"

/* Loads w from the snapshot when there is a current one as at as_at (0:
 * the newest extract, or that date): 1 loaded, 0 not there (read the
 * store), -1 error.  With WORLD_VIEW in parts the practices are read in
 * place (w->v must not be changed; free the world before the store);
 * else they are copied.  Capacities are worked out again when cfg's rules
 * differ from those the snapshot was written with. */
int snapshot_world(world *w, store *s, const config *cfg, int parts, long as_at, err *e);

/* The other names and the search index of a world snapshot_world loaded
 * (w->snap not NULL). */
const char *snapshot_other_names(const struct snapshot *sn, int i);
const search_index *snapshot_search(const struct snapshot *sn);
void snapshot_close(struct snapshot *sn);

/* Writes the snapshot when the store has none current (after a command
 * that wrote).  0 also when it need not, or cannot (a read-only store). */
int snapshot_refresh(store *s, const config *cfg, err *e);

/* Why the snapshot was not used although there was one (damaged), once;
 * NULL when there is nothing to say. */
const char *snapshot_notice(void);

#endif
