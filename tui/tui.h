/* The terminal interface: what cli/ needs to open it.  This header does
 * not include <curses.h>; only the tui/ sources do. */
#ifndef CATCHMENT_TUI_H
#define CATCHMENT_TUI_H

#include <stdbool.h>

#include "core/session.h"

/* Runs the interface until the user quits; returns an exit status.
 * With CATCHMENT_SCRIPT=FILE set, keys come from FILE (see docs/tui.md). */
int tui_main(session *c);

/* True when name is an action the keys: map of the config may bind. */
bool tui_valid_action(const char *name);
/* True for a key string the config's keys: may name ("x", "<F5>", ...). */
bool tui_valid_key(const char *key);

#endif
