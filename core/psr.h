/* A procurement under the Provider Selection Regime: the decision record
 * one contract decision keeps (route, conditions, decision-makers, key
 * criteria and weights), the bid evaluation (bidders, questions,
 * evaluators, conflicts, submitted scores, moderation), representations
 * and the award.  Rows of the store's "psr" database, each change one
 * write transaction with its audit record.  Scores being drafted are
 * not here: they live in each evaluator's private file (core/psr_blind.h)
 * until submitted. */
#ifndef CATCHMENT_PSR_H
#define CATCHMENT_PSR_H

#include <stdint.h>

#include "config/psr_regime.h"
#include "store/store.h"

enum { PSR_FIELDS = 6, PSR_ROWS = 512 };

/* One row, split into its fields. */
typedef struct psr_item {
    char kind[SHORT_MAX];
    char key[NAME_MAX];
    char val[TEXT_MAX];
    const char *f[PSR_FIELDS];  /* point into val; "" past the last */
    int nf;
} psr_item;

typedef struct psr_proc {
    char id[CODE_MAX];
    int n;
    psr_item *row;              /* n of them, in kind then key order */
} psr_proc;

/* What each kind of row holds; `catchment psr --help` lists them. */
typedef struct psr_kind {
    const char *kind;           /* "bidder" */
    const char *key;            /* what names a row: "BIDDER" */
    int nf;                     /* fields after the key */
    const char *fields;         /* "NAME ADDRESS" */
    const char *help;
} psr_kind;
const psr_kind *psr_kinds(void);
const psr_kind *psr_kind_find(const char *kind);

/* The procurement's own fields (kind "field"), NULL-terminated. */
const char *const *psr_field_names(void);

/* The roles an evaluator may have. */
const char *const *psr_roles(void);

/* Reads everything of procurement id (own transaction).  0 absent. */
int psr_load(store *s, const char *id, psr_proc *out, err *e);
void psr_free(psr_proc *p);
/* Every procurement id, for the annual summary (own transaction). */
int psr_ids(store *s, char (*ids)[CODE_MAX], int max, err *e);

const psr_item *psr_get(const psr_proc *p, const char *kind, const char *key);
/* A field of the procurement ("" unknown). */
const char *psr_field(const psr_proc *p, const char *name);
/* Calls fn for each row of a kind. */
int psr_each(const psr_proc *p, const char *kind, int (*fn)(const psr_item *, void *), void *ctx);
int psr_count(const psr_proc *p, const char *kind);

/* A new procurement (the id: letters, digits, '-', '.', at most 15). */
int psr_create(store *s, const char *id, const char *title, int64_t now, err *e);

/* Adds or replaces a row of an editable kind from text arguments (key,
 * then the kind's fields), each checked against the regime and the rest
 * of the record; one write with its audit record. */
int psr_edit(store *s, const psr_regime *rg, const char *id, const char *kind, int argc,
             char **argv, int64_t now, err *e);

/* Writes rows and one audit record in one transaction (for submit). */
int psr_write(store *s, const char *id, const psr_row *rows, int n, const char *what,
              const char *audit_new, int64_t now, err *e);

/* Checks one user-supplied text: UTF-8, no controls, fits max. */
int psr_check_text(const char *what, const char *v, size_t max, err *e);
/* Ids and logins: letters, digits, '.', '_', '-'; 1..max-1 bytes. */
int psr_check_id(const char *what, const char *v, size_t max, err *e);

/* Within core/psr*.c: a row's arguments (key, then fields) checked
 * against the regime and the rest of the record. */
int psr_check_row(const psr_regime *rg, const psr_proc *p, const char *kind, char **argv,
                  err *e);
bool psr_in_list(const char *const *list, const char *s);
/* Every evaluator has submitted (and there is at least one). */
bool psr_all_submitted(const psr_proc *p);
/* Whether login has submitted their scores. */
bool psr_has_submitted(const psr_proc *p, const char *login);

#endif
