/* A file the program writes for the user (a map, an allocation list):
 * written beside its final name under a private temporary name, then
 * renamed over it in one step, so a reader never sees half a file, a
 * failed write (a full disk) leaves the old file as it was, and a
 * symlink planted at the name is replaced, never written through.
 * The file is 0640 whatever the umask. */
#ifndef CATCHMENT_OUTFILE_H
#define CATCHMENT_OUTFILE_H

#include <stdio.h>

#include "util/err.h"

typedef struct outfile {
    FILE *fp;
    char path[4096], tmp[4200];
} outfile;

int outfile_open(outfile *o, const char *path, err *e);
/* Flushes, checks every write, and renames into place; on any failure
 * removes the temporary file and returns -1 with e set. */
int outfile_commit(outfile *o, err *e);
/* Gives up: the temporary file is removed, the old file kept. */
void outfile_abort(outfile *o);

#endif
