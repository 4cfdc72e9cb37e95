#include "util/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

mode_t safefile_mode(bool dir)
{
    mode_t um = umask(0);
    umask(um);
    return (dir ? 0777 : 0666) & ~(um | 027);
}

int safefile_check(const char *path, bool want_dir, gid_t group, struct stat *st,
                   bool *exists, err *e)
{
    *exists = false;
    if (lstat(path, st) != 0) {
        if (errno == ENOENT)
            return 0;
        return err_set(e, "%s: %s", path, strerror(errno));
    }
    *exists = true;
    if (S_ISLNK(st->st_mode))
        return err_set(e, "%s: is a symbolic link; catchment does not open store files "
                          "through links (give the real path, or remove the link)", path);
    if (want_dir ? !S_ISDIR(st->st_mode) : !S_ISREG(st->st_mode))
        return err_set(e, "%s: not a regular %s", path, want_dir ? "directory" : "file");
    if (group != (gid_t)-1 && st->st_uid != geteuid() && st->st_gid != group)
        return err_set(e, "%s: belongs to neither you nor the store's group; not opened",
                       path);
    return 0;
}

int safefile_open_read(const char *path, bool nofollow, err *e)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
    if (fd < 0) {
        int why = errno;
        err_set(e, "%s: %s", path, strerror(why));
        errno = why;
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
        close(fd);
        err_set(e, "%s: not a regular file", path);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

int safefile_mkdir(const char *dir, bool *made, err *e)
{
    struct stat st;
    bool exists;
    *made = false;
    if (mkdir(dir, safefile_mode(true)) == 0) {
        *made = true;
        return 0;
    }
    if (errno != EEXIST)
        return err_set(e, "%s: cannot create: %s", dir, strerror(errno));
    return safefile_check(dir, true, (gid_t)-1, &st, &exists, e);
}

int safefile_open(safefile *f, const char *path, bool replace, err *e)
{
    int fd;
    memset(f, 0, sizeof *f);
    f->replace = replace;
    snprintf(f->path, sizeof f->path, "%s", path);
    if (replace) {
        snprintf(f->tmp, sizeof f->tmp, "%s.XXXXXX", path);
        fd = mkstemp(f->tmp);
        if (fd >= 0 && fchmod(fd, safefile_mode(false)) != 0) {
            close(fd);
            unlink(f->tmp);
            fd = -1;
        }
    } else {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  safefile_mode(false));
        if (fd < 0 && errno == EEXIST)
            return err_set(e, "%s: already exists (--force replaces it)", path);
    }
    if (fd < 0)
        return err_set(e, "%s: %s", replace ? f->tmp : path, strerror(errno));
    if (!(f->fp = fdopen(fd, "w"))) {
        close(fd);
        unlink(replace ? f->tmp : path);
        return err_set(e, "%s: %s", path, strerror(errno));
    }
    return 0;
}

int safefile_close(safefile *f, bool ok, err *e)
{
    const char *written = f->replace ? f->tmp : f->path;
    int bad = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0 ? errno : 0;
    if (fclose(f->fp) != 0 && !bad)
        bad = errno ? errno : EIO;
    f->fp = NULL;
    if (!bad && ok && (!f->replace || rename(f->tmp, f->path) == 0))
        return 0;
    if (!bad && ok)
        bad = errno;
    unlink(written);
    if (!ok)
        return -1;
    return err_set(e, "%s: %s", f->path, strerror(bad ? bad : EIO));
}
