#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int outfile_open(outfile *o, const char *path, err *e)
{
    memset(o, 0, sizeof *o);
    if (snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path)
        return err_set(e, "%s: path too long", path);
    snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return err_set(e, "%s: cannot create: %s", path, strerror(errno));
    if (fchmod(fd, 0640) < 0 || !(o->fp = fdopen(fd, "w"))) {
        int saved = errno;
        close(fd);
        unlink(o->tmp);
        return err_set(e, "%s: cannot create: %s", path, strerror(saved));
    }
    return 0;
}

int outfile_commit(outfile *o, err *e)
{
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
    unlink(o->tmp);
}
