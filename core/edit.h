/* Changes a person makes: notes, capacity facts, list status, contract
 * fields.  Each is one write transaction that also appends to the audit
 * trail (who, when, old value, new value). */
#ifndef CATCHMENT_EDIT_H
#define CATCHMENT_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Adds a dated note by the current user. */
int edit_note(store *s, const char *code, const char *text, int64_t now, err *e);

/* Sets one field from text.  Fields: capacity, gp_fte, list_open,
 * closed_from, closed_to, contract.type, contract.start, contract.end,
 * contract.provider, contract.extension, contract.notes.  "unknown" (or
 * an empty value) clears a number or a date. */
int edit_set(store *s, const char *code, const char *field, const char *value, int64_t now,
             err *e);

/* Text a person typed: valid UTF-8, no control characters, shorter than
 * max bytes; else -1 with "what: why". */
int edit_check_text(const char *what, const char *v, size_t max, err *e);

/* Appends who (the login), when, the field and old -> new to the audit
 * trail, inside the caller's write transaction. */
int edit_audit(store *s, const char *code, const char *field, const char *old,
               const char *new_value, int64_t now, err *e);

/* What a set did: the old and new values as the audit trail shows them,
 * and whether anything changed (setting the value already there writes
 * nothing and leaves no audit row). */
typedef struct edit_change {
    char old_value[NAME_MAX], new_value[NAME_MAX];
    bool changed;
} edit_change;

/* edit_set, telling what it did (out may be NULL).  It also knows the
 * contract milestones: milestone.options_appraisal, .engagement,
 * .procurement, .award and .mobilisation take done, waived or open. */
int edit_set_change(store *s, const char *code, const char *field, const char *value,
                    int64_t now, edit_change *out, err *e);

/* edit_set_change on a date (YYYYMMDD; 0: today): a capacity or GP FTE
 * figure applies from it (until a later record's date), a contract field
 * changes the contract in force on it (store_contract_at).  A list's
 * status and closure dates, dated themselves, go into the newest record. */
int edit_set_from(store *s, const char *code, const char *field, const char *value, long date,
                  int64_t now, edit_change *out, err *e);

/* Runs fn inside one write transaction for a practice that must exist
 * (all or nothing), for changes edit_set does not know. */
int edit_write(store *s, const char *code, int (*fn)(store *, void *, err *), void *ctx, err *e);

/* "open", "done", "waived" (enum milestone_state). */
const char *edit_milestone_state(int state);

/* The field names edit_set knows, NULL-terminated. */
const char *const *edit_fields(void);

#endif
