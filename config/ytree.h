/* A YAML document as a small tree, built from libyaml's event stream with
 * an explicit stack.  Building it enforces the limits that make a file
 * safe to read at all: one document, no anchors or aliases (no "billion
 * laughs"), standard tags only, nesting at most CONFIG_MAX_DEPTH.
 * Internal to config/. */
#ifndef CATCHMENT_YTREE_H
#define CATCHMENT_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

typedef enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } ynode_kind;

typedef struct ynode {
    ynode_kind kind;
    long line, col;        /* 1-based */
    bool quoted;           /* quoted or !!str scalar: always a string */
    char *val;             /* scalar text (NUL-terminated; may hold NULs) */
    size_t len;
    struct ynode **kids;   /* map: key, value, key, value ... */
    size_t nkids, cap;
} ynode;

/* Parses text[0..len) into *root (NULL when the stream holds no document
 * or only an empty one).  name is the file name used in messages. */
int ytree_parse(const char *text, size_t len, const char *name, ynode **root,
                err *e);

void ytree_free(ynode *n);

/* True for a plain scalar meaning null: "", "~", "null". */
bool ynode_is_null(const ynode *n);

#endif
