/* Files catchment writes for people (backups, exports) and the files of a
 * store in a shared directory: never opened through a symbolic link, new
 * files only (or replaced by rename), and readable by the user and the
 * group at most whatever the umask. */
#ifndef CATCHMENT_SAFEFILE_H
#define CATCHMENT_SAFEFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "util/err.h"

/* The mode for a new file (0640 less the umask) or directory (0750 less). */
mode_t safefile_mode(bool dir);

/* lstat()s path: 0 when it is absent (*exists false) or a regular file
 * (or a directory when want_dir) owned by this user or, when group is not
 * (gid_t)-1, by that group; otherwise -1 with a message that says why. */
int safefile_check(const char *path, bool want_dir, gid_t group, struct stat *st,
                   bool *exists, err *e);

/* Opens path to read, only when it is a regular file (O_NOFOLLOW too
 * when nofollow): a FIFO planted in its place is refused at once, where
 * a plain open() would wait for a writer for ever.  Returns the
 * descriptor, or -1 with errno kept (ENOENT: absent) and a message. */
int safefile_open_read(const char *path, bool nofollow, err *e);

/* Makes dir (mode safefile_mode) unless it is there; *made says which.
 * A symbolic link or a non-directory in its place is refused. */
int safefile_mkdir(const char *dir, bool *made, err *e);

/* A file being written: to path itself (new, O_EXCL), or with replace to a
 * temporary beside it that safefile_close renames over path. */
typedef struct safefile {
    FILE *fp;
    char path[4200];
    char tmp[4220];
    bool replace;
} safefile;

int safefile_open(safefile *f, const char *path, bool replace, err *e);
/* Flushes, syncs and closes; on any failure (or !ok) removes what was
 * written and leaves path as it was.  Returns -1 with a message. */
int safefile_close(safefile *f, bool ok, err *e);

#endif
