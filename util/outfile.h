/* A file the program writes for the user (a map, an allocation list):
 * written beside its final name under a private temporary name, then
 * renamed over it in one step, so a reader never sees half a file, a
 * failed write (a full disk) leaves the old file as it was, and a
 * symlink or FIFO planted at the name is replaced, never written through.
 * The file is 0640 less the umask (0600 under umask 077).
 *
 * Two kinds of name are written in place instead, as a shell would: a
 * descriptor already open (/dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N, which `>(...)` gives), and a device node such as
 * /dev/null, /dev/full or a terminal (only root can make one, so none is
 * planted; replacing it would break the system). */
#ifndef CATCHMENT_OUTFILE_H
#define CATCHMENT_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "util/err.h"

typedef struct outfile {
    FILE *fp;
    char path[4096], tmp[4200];
    bool in_place; /* a descriptor or a device: no temporary, no rename */
} outfile;

int outfile_open(outfile *o, const char *path, err *e);
/* Flushes, checks every write, and renames into place; on any failure
 * removes the temporary file and returns -1 with e set. */
int outfile_commit(outfile *o, err *e);
/* Gives up: the temporary file is removed, the old file kept. */
void outfile_abort(outfile *o);

#endif
