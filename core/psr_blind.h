/* Blind scoring.  An evaluator's scores are drafted in their own private
 * file (0600, in a 0700 directory of their own data directory, opened
 * without following symbolic links, refused unless the real user owns
 * it), so another login can neither read nor change them.  `submit`
 * writes them into the shared store in one audited write, after which
 * they are final.  Others' scores are shown to an evaluator only once
 * they have submitted their own, and to anyone else once every evaluator
 * has.  Who is who is the real user id's password entry, never $USER.
 *
 * What this does not protect against: a member of the store's group can
 * read the store's file with raw LMDB tools and see submitted scores
 * before moderation; root can read anything.  The audit trail records
 * that scores were submitted and their SHA-256, never the scores. */
#ifndef CATCHMENT_PSR_BLIND_H
#define CATCHMENT_PSR_BLIND_H

#include <stdbool.h>
#include <stdint.h>

#include "core/psr.h"

enum { PSR_DRAFT_MAX = 512, PSR_COMMENT_MAX = 1024 };

typedef struct psr_draft_score {
    char q[64], bid[64];
    long score;
    char comment[PSR_COMMENT_MAX];
} psr_draft_score;

typedef struct psr_draft {
    char proc[CODE_MAX];
    int n;
    psr_draft_score s[PSR_DRAFT_MAX];
} psr_draft;

/* The login of the real user id, from the password database; NULL when
 * it has none (scoring is then refused). */
const char *psr_login(void);

/* Drops from p the scores viewer may not see yet (call right after
 * psr_load, before anything shows p). */
void psr_hide_unseen(psr_proc *p, const char *viewer);
bool psr_may_see_all(const psr_proc *p, const char *viewer);

/* 1 when login scores question q for bidder bid; 0 with e saying why
 * not (not an evaluator, another role's question, a conflict). */
int psr_assigned(const psr_proc *p, const char *login, const char *q, const char *bid, err *e);

/* Reads the user's draft of procurement proc (empty when none). */
int psr_draft_load(const char *proc, psr_draft *d, err *e);
/* Sets one draft score (checked against the record) and saves the file. */
int psr_draft_set(const psr_proc *p, psr_draft *d, const char *q, const char *bid, long score,
                  const char *comment, err *e);
const psr_draft_score *psr_draft_find(const psr_draft *d, const char *q, const char *bid);

/* Writes the user's scores into the store, final and audited: every
 * assigned question and bidder must be scored. */
int psr_submit(store *s, const psr_proc *p, const psr_draft *d, int64_t now, err *e);

#endif
