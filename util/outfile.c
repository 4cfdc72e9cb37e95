#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/safefile.h"

/* The descriptor a name stands for (/dev/stdout, /dev/fd/3, ...), or -1. */
static int named_fd(const char *path)
{
    static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        size_t n = strlen(dirs[i]);
        char *end;
        if (strncmp(path, dirs[i], n) != 0 || path[n] < '0' || path[n] > '9')
            continue;
        long fd = strtol(path + n, &end, 10);
        return *end || fd > INT_MAX ? -1 : (int)fd;
    }
    return -1;
}

/* A descriptor or a device node, opened as it is; 1 when path is neither. */
static int open_in_place(outfile *o, const char *path, err *e)
{
    struct stat st;
    int fd = named_fd(path);
    if (fd >= 0)
        fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    else if (lstat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
        fd = open(path, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
    else
        return 1;
    if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        return err_set(e, "%s: cannot write: %s", path, strerror(saved));
    }
    o->in_place = true;
    return 0;
}

int outfile_open(outfile *o, const char *path, err *e)
{
    memset(o, 0, sizeof *o);
    if (snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path)
        return err_set(e, "%s: path too long", path);
    int rc = open_in_place(o, path, e);
    if (rc <= 0)
        return rc;
    snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return err_set(e, "%s: cannot create: %s", path, strerror(errno));
    if (fchmod(fd, safefile_mode(false)) < 0 || !(o->fp = fdopen(fd, "w"))) {
        int saved = errno;
        close(fd);
        unlink(o->tmp);
        return err_set(e, "%s: cannot create: %s", path, strerror(saved));
    }
    return 0;
}

/* Written in place: everything must have gone out, but a pipe or a
 * terminal cannot be synced. */
static int commit_in_place(outfile *o, err *e)
{
    int bad = ferror(o->fp) || fflush(o->fp) != 0;
    int saved = errno;
    if (fclose(o->fp) != 0 && !bad)
        bad = 1, saved = errno;
    o->fp = NULL;
    return bad ? err_set(e, "%s: cannot write: %s", o->path, strerror(saved ? saved : EIO)) : 0;
}

int outfile_commit(outfile *o, err *e)
{
    if (o->in_place)
        return commit_in_place(o, e);
    int bad = ferror(o->fp) || fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0;
    int saved = errno;
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    o->fp = NULL;
    if (!bad && rename(o->tmp, o->path) == 0)
        return 0;
    if (!bad)
        saved = errno;
    unlink(o->tmp);
    return err_set(e, "%s: cannot write: %s", o->path, strerror(saved ? saved : EIO));
}

void outfile_abort(outfile *o)
{
    if (o->fp)
        fclose(o->fp);
    o->fp = NULL;
    if (!o->in_place)
        unlink(o->tmp);
}
