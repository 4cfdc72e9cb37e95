/* The practices as the queries, the what-ifs and the TUI see them: each
 * with its location (from its postcode), its capacity facts and its
 * effective capacity under the rules, plus a neighbour index.  Loaded
 * from the store in one short read transaction. */
#ifndef CATCHMENT_WORLD_H
#define CATCHMENT_WORLD_H

#include <stdbool.h>

#include "config/config.h"
#include "core/asat.h"
#include "engine/capacity.h"
#include "engine/nearby.h"
#include "store/store.h"

typedef struct world_practice {
    practice p;               /* list_size, list_date: as at the world's date */
    double lat, lon;          /* NAN when the postcode is not located */
    char lsoa[LSOA_MAX];      /* the postcode's LSOA, "" unknown */
    capacity_rec facts;       /* capacity facts as at the facts date (may be
                               * all unknown); gp_fte from the GP workforce
                               * file when none was recorded by hand */
    long fte_date;            /* the workforce month of facts.gp_fte; 0 when
                               * recorded by hand or unknown */
    cap_result cap;           /* effective capacity and its source */
    bool open;                /* open on the world's date (asat_open) */
    bool list_closed;         /* the list is formally closed to new patients on it */
    long list_year_ago;       /* list size about 12 months before, -1 unknown */
    char contract_type[SHORT_MAX]; /* recorded, else from the payments file */
    double appts;             /* appointments in the newest month; NAN unknown */
    long appt_date;           /* that month, YYYYMM01; 0 unknown */
    long contract_start;      /* the contract as at the facts date: 0 unknown */
    long contract_end;        /* 0 none known */
    bool contract_ended;      /* it ended before the facts date, none since */
    unsigned char contract_milestone[CONTRACT_MILESTONES]; /* enum milestone_state */
    bool contract_illustrative; /* its notes say ILLUSTRATIVE: made up (the demo's) */
} world_practice;

typedef struct world {
    world_practice *v;        /* sorted by code */
    struct eq_cache *eq_cache; /* ICB baselines of the equality pack (core/equality.h) */
    int n;
    nearby *near;             /* over v's locations */
    cap_rules rules;
    bool closed_lists_receive;
    asat at;                  /* the date every figure is taken as at */
    struct snapshot *snap;    /* v is read in place from the store's snapshot
                               * (WORLD_VIEW), which this holds; else NULL */
} world;

/* Loads the world as at a date (YYYYMMDD; 0: the newest extract). */
int world_load_at(world *w, store *s, const config *cfg, long as_at, err *e);
/* As at the newest extract. */
int world_load(world *w, store *s, const config *cfg, err *e);

/* What else world_load_parts reads: each list's size a year ago (the
 * trend), and the contracts.  Without them list_year_ago is -1 (unknown)
 * and there is no contract; a command that shows neither starts quicker
 * (they are most of the load: 60 list sizes per practice). */
enum { WORLD_TRENDS = 1, WORLD_CONTRACTS = 2, WORLD_ALL = 3 };
/* With WORLD_VIEW the practices may be read in place from the store's
 * snapshot (core/snapshot.h): a command that only reads them, and frees
 * the world before the store closes.  From the snapshot every part is
 * there, whatever was asked. */
enum { WORLD_VIEW = 4 };

/* world_load reads every part. */
int world_load_parts(world *w, store *s, const config *cfg, int parts, err *e);
/* Some parts, as at a date (0: the newest extract).  The list as at the
 * date is always read: it is what every figure rests on. */
int world_load_parts_at(world *w, store *s, const config *cfg, int parts, long as_at, err *e);
void world_free(world *w);

/* Builds w->near over the practices' locations (after filling w->v). */
int world_index(world *w, err *e);

/* Index of a practice by code (case-insensitive), -1 when absent. */
int world_find(const world *w, const char *code);

/* The list size of the history point within a month of a year before
 * latest (the nearest such), or -1 when the history has none. */
long world_year_ago(const list_point *h, int n, long latest);
/* The same point's index, -1 when there is none. */
int world_year_ago_index(const list_point *h, int n, long latest);


/* Fills facts->gp_fte from the newest published GP workforce figure
 * (dated on or before asat; 0 the newest) when no GP FTE was recorded by
 * hand, and sets *date to its month (0 when not used).  Inside a read. */
int world_published_fte(store *s, const char *code, long asat, capacity_rec *facts,
                        long *date, err *e);

/* Where a GP FTE figure came from: "gp-workforce" (dated), "recorded"
 * (by hand or the capacity file), or NULL when it is unknown. */
const char *world_fte_source(double gp_fte, long fte_date);
/* The same for people: "gp-workforce 2025-10-01", "recorded", "-", and
 * "recorded ILLUSTRATIVE" when it is the made-up figure of a file so
 * labelled. */
const char *world_fte_label(const capacity_rec *facts, long fte_date, char *buf, size_t n);
/* Whether the GP FTE is a file's made-up (ILLUSTRATIVE) figure, not the
 * published workforce's nor a person's. */
bool world_fte_illustrative(const capacity_rec *facts, long fte_date);

/* Whether a capacity from src rests on a file's ILLUSTRATIVE figure: its
 * capacity, or its GP FTE (not the published workforce's). */
bool world_capacity_illustrative(const capacity_rec *facts, long fte_date, cap_source src);
/* The source for people: "imported", "gp-fte ILLUSTRATIVE", ... */
const char *world_capacity_label(const capacity_rec *facts, long fte_date, cap_source src,
                                 char *buf, size_t n);

/* The list to new patients on the world's date: "open", "closed" (a
 * formal closure in force), "unknown", or "practice closed" when the
 * practice itself is. */
const char *world_list_state(const world_practice *wp);

/* The same for people, with " ILLUSTRATIVE" when it rests on a file's
 * made-up list status: "closed ILLUSTRATIVE". */
const char *world_list_label(const world_practice *wp, char *buf, size_t n);
/* Whether the list status rests on a file's made-up (ILLUSTRATIVE) one. */
bool world_list_illustrative(const world_practice *wp);

/* The town: the last address line of 2..4 that is filled in. */
const char *world_town(const practice *p);

/* In words, on a date: "open", "not yet open", "closed", "dormant",
 * "proposed" or "unknown". */
const char *world_status(const practice *p, long date);

/* Whether a practice can take patients under the rules. */
bool world_can_receive(const world *w, int i);

/* Capacity and headroom mean something: open on the date, with a list
 * size (the lists, the neighbours and the practice list give "-"
 * otherwise). */
bool world_capacity_known(const world_practice *wp);

/* The capacity of one practice under the rules (used by `show`). */
cap_result world_capacity(const practice *p, const capacity_rec *facts,
                          const cap_rules *rules);

/* Rules for capacity from the config. */
cap_rules world_rules(const config *cfg);

#endif
