/* Writing the file so that a crash or a full disk never leaves a torn
 * one: a temporary file beside it, fsync, rename over, fsync the
 * directory.  The previous file is kept as FILE.bak. */
#include "config/config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        s += w, n -= (size_t)w;
    }
    return 0;
}

/* The directory part of path ("." when there is none). */
static void dir_of(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, n, ".");
    else if (slash == path)
        snprintf(out, n, "/");
    else
        snprintf(out, n, "%.*s", (int)(slash - path), path);
}

static int sync_dir(const char *path)
{
    char dir[PATH_MAX];
    dir_of(path, dir, sizeof dir);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Copies path to path.bak; a hard link costs nothing and the rename that
 * follows leaves the old contents under the .bak name.  Some file systems
 * have no links, so fall back to copying. */
static int keep_backup(const char *path, err *e)
{
    char bak[PATH_MAX], buf[8192];
    if (snprintf(bak, sizeof bak, "%s.bak", path) >= (int)sizeof bak)
        return err_set(e, "%s: path too long", path);
    if (unlink(bak) < 0 && errno != ENOENT)
        return err_set(e, "%s: %s", bak, strerror(errno));
    if (link(path, bak) == 0)
        return 0;
    int in = open(path, O_RDONLY | O_CLOEXEC);
    int out = in < 0 ? -1 : open(bak, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    ssize_t r = 0;
    while (out >= 0 && (r = read(in, buf, sizeof buf)) > 0)
        if (write_all(out, buf, (size_t)r) < 0)
            r = -1;
    int bad = in < 0 || out < 0 || r < 0;
    int saved = errno;
    if (in >= 0)
        close(in);
    if (out >= 0 && close(out) < 0)
        bad = 1;
    if (bad)
        return err_set(e, "%s: cannot keep a backup: %s", bak, strerror(saved));
    return 0;
}

/* Opens a new temporary file beside path: mode less the umask, or the
 * mode of the file it will replace. */
static int open_temp(const char *path, const struct stat *old, int mode, char *tmp,
                     size_t n, err *e)
{
    for (int tries = 0; tries < 100; tries++) {
        snprintf(tmp, n, "%s.tmp.%ld.%d", path, (long)getpid(), tries);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            return err_set(e, "%s: %s", tmp, strerror(errno));
        if (old && fchmod(fd, old->st_mode & 07777) < 0) {
            int saved = errno;
            close(fd);
            unlink(tmp);
            return err_set(e, "%s: %s", tmp, strerror(saved));
        }
        return fd;
    }
    return err_set(e, "%s: cannot make a temporary file", path);
}

static int write_temp(const char *path, const struct stat *old, int mode,
                      const char *text, char *tmp, size_t n, err *e)
{
    int fd = open_temp(path, old, mode, tmp, n, e);
    if (fd < 0)
        return -1;
    int bad = write_all(fd, text, strlen(text)) < 0 || fsync(fd) < 0;
    int saved = errno;
    if (close(fd) < 0 && !bad)
        bad = 1, saved = errno;
    if (bad) {
        unlink(tmp);
        return err_set(e, "%s: %s", tmp, strerror(saved));
    }
    return 0;
}

static int replace_file(const char *path, const char *text, int mode, bool backup,
                        err *e)
{
    char real[PATH_MAX], tmp[PATH_MAX + 64];
    struct stat st, *old = NULL;
    /* Write through a symbolic link rather than replace it. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, real))
        path = real;
    if (strlen(path) >= PATH_MAX)
        return err_set(e, "%s: path too long", path);
    if (stat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode))
            return err_set(e, "%s: not a regular file", path);
        old = &st;
    }
    if (write_temp(path, old, mode, text, tmp, sizeof tmp, e) < 0)
        return -1;
    if (backup && old && keep_backup(path, e) < 0) {
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) < 0) {
        int saved = errno;
        unlink(tmp);
        return err_set(e, "%s: %s", path, strerror(saved));
    }
    if (sync_dir(path) < 0)
        return err_set(e, "%s: saved, but syncing its directory failed: %s",
                       path, strerror(errno));
    return 0;
}

int config_write_file(const char *path, const char *text, int mode, err *e)
{
    return replace_file(path, text, mode, false, e);
}

int config_save(const config *c, const char *path, err *e)
{
    char *text;
    if (config_emit(c, &text, e) < 0)
        return -1;
    int rc = replace_file(path, text, 0660, true, e);
    free(text);
    return rc;
}
