/* What a board paper picks out of a what-if: the receiving practices
 * that matter (over or near capacity, or among those that gain most) and
 * one line for the rest.  The CLI prints it; nothing here prints. */
#ifndef CATCHMENT_PAPER_H
#define CATCHMENT_PAPER_H

#include <stdbool.h>

#include "core/whatif.h"

enum {
    PAPER_TOP = 10,      /* the receivers that gain most are always shown */
    PAPER_NEAR_PCT = 98  /* a list at this share of capacity or more is "near" */
};

typedef struct paper_receivers {
    int *rows;            /* indexes into wf->im.receivers, largest gain first */
    int n;
    int others;           /* receivers not in rows */
    long others_under;    /* each of them gains fewer than this (1, 2, 5 x 10^k) */
    int over, near;       /* receivers over, and near but not over, capacity after */
} paper_receivers;

/* Picks the receivers that matter; -1 when out of memory. */
int paper_pick(const whatif *wf, paper_receivers *out);
void paper_free(paper_receivers *pr);

/* "over capacity", "already over", "full", "near capacity" or "" for a
 * receiver after the move. */
const char *paper_capacity_note(const impact_receiver *r);

/* The smallest of 1, 2, 5, 10, 20, 50, ... above v: a round bound. */
long paper_round_above(long v);

#endif
