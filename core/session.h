/* A session: the store and the config one run of the program works on,
 * shared by the command line and the terminal interface.  Errors come
 * back as values (an err); printing them is the caller's business. */
#ifndef CATCHMENT_SESSION_H
#define CATCHMENT_SESSION_H

#include <stdbool.h>

#include "config/config.h"
#include "store/store.h"
#include "util/err.h"

typedef struct session {
    const char *store_arg;   /* --store DIR */
    const char *config_arg;  /* --config FILE */
    bool read_only;          /* --read-only, or ui.read_only in the config */
    bool read_only_config;   /* ... and it was the config */
    bool config_seen;        /* ui.read_only looked up */
    bool no_color;           /* --no-color or NO_COLOR */
    long as_at;              /* --as-at YYYY-MM-DD as YYYYMMDD; 0: the default
                                (the newest list-size extract in the store) */
    store *s;                /* opened on first use */
    /* Which names the config's keys: map may bind (the TUI's actions);
     * set by whoever starts the session, so core/ need not know them. */
    bool (*valid_action)(const char *name);
    bool (*valid_key)(const char *key);   /* ... and which keys it can read */
    /* Set once, the first time a store opens without locking: a notice
     * for the user, not an error.  The caller prints it and clears it. */
    const char *notice;
} session;

/* The store, opened on first use.  Writers get a writable one or an
 * error saying why it is read-only; readers get a clear message when
 * there is no store yet.  Returns NULL with *e set on failure. */
store *session_store(session *ss, bool write, err *e);

/* Reopens the store writable when the user may write, else keeps it
 * read-only; *why (may be NULL) names the reason it is read-only. */
store *session_store_best(session *ss, const char **why, err *e);

/* The config: --config FILE, else the default path, else built-in
 * defaults; then the user's saved scenarios (config_scenarios_path), which
 * replace any of the same name.  Practice codes in scenarios are checked
 * against the store when there is one: a scenario naming a code the store
 * lacks is kept with a message (config_scenario.missing, config.warning)
 * and fails only when it is run. */
int session_config(session *ss, config *out, err *e);

/* How to open a store: read_only, and the sizes the environment asks
 * for ($CATCHMENT_MAP_SIZE, $CATCHMENT_MAX_READERS: a number with an
 * optional K, M or G; anything else is ignored). */
store_opts session_store_opts(bool read_only);

/* After a command that wrote to the store: writes the store's snapshot
 * again (core/snapshot.h), so the next commands read it in place. */
int session_snapshot(session *ss, err *e);

void session_close(session *ss);

#endif
