#include "import/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sha256.h"

struct source {
    char name[1024];
    int fd;
    bool own_fd;            /* not standard input */
    int spool;              /* copy of a non-seekable input, or -1 */
    long long spooled;      /* bytes in the spool */
    long long pos, size, max;
    sha256 sum;
};

/* An unlinked file in $TMPDIR (else /tmp) only this process can see. */
static int spool_open(err *e)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/catchment-import.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fd < 0)
        return err_set(e, "%s: cannot make a temporary copy: %s", path, strerror(errno));
    unlink(path);
    return fd;
}

static int open_fd(source *s, const char *path, err *e)
{
    if (strcmp(path, "-") == 0) {
        snprintf(s->name, sizeof s->name, "standard input");
        s->fd = 0;
        return 0;
    }
    snprintf(s->name, sizeof s->name, "%s", path);
    s->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0)
        return err_set(e, "%s: %s", path, strerror(errno));
    s->own_fd = true;
    return 0;
}

/* "4 GiB", "1 MiB", "100 KiB" or bytes. */
static void size_words(long long n, char *out, size_t outsz)
{
    static const char *const unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < 4 && n >= 1024 && n % 1024 == 0)
        n /= 1024, u++;
    snprintf(out, outsz, "%lld %s", n, unit[u]);
}

static int too_big(const source *s, err *e)
{
    char words[32];
    size_words(s->max, words, sizeof words);
    return err_set(e, "%s: more than %s: refused (a bigger file needs a larger --max-size)",
                   s->name, words);
}

/* A regular file is read as it is; anything else is kept in a spool. */
static int classify(source *s, err *e)
{
    struct stat st;
    if (fstat(s->fd, &st) < 0)
        return err_set(e, "%s: %s", s->name, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return err_set(e, "%s: is a directory", s->name);
    if (S_ISREG(st.st_mode)) {
        s->size = st.st_size;
        return s->size > s->max ? too_big(s, e) : 0;
    }
    s->spool = spool_open(e);
    return s->spool < 0 ? -1 : 0;
}

int source_open(source **out, const char *path, long long max, err *e)
{
    source *s = calloc(1, sizeof *s);
    if (!s)
        return err_set(e, "out of memory");
    s->fd = s->spool = -1;
    s->max = max;
    sha256_init(&s->sum);
    if (open_fd(s, path, e) || classify(s, e)) {
        source_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

void source_close(source *s)
{
    if (!s)
        return;
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    if (s->spool >= 0)
        close(s->spool);
    free(s);
}

static long read_some(int fd, void *buf, size_t n, long long at)
{
    for (;;) {
        ssize_t k = at >= 0 ? pread(fd, buf, n, (off_t)at) : read(fd, buf, n);
        if (k >= 0 || errno != EINTR)
            return (long)k;
    }
}

static int spool_add(source *s, const void *buf, size_t n, err *e)
{
    for (size_t done = 0; done < n;) {
        ssize_t w = pwrite(s->spool, (const char *)buf + done, n - done,
                           (off_t)(s->spooled + (long long)done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return err_set(e, "%s: cannot keep a temporary copy: %s", s->name, strerror(errno));
        done += (size_t)w;
    }
    s->spooled += (long long)n;
    return 0;
}


long source_read(source *s, void *buf, size_t n, err *e)
{
    if (s->max - s->pos < (long long)n)
        n = (size_t)(s->max - s->pos + 1); /* one byte over says "too big" */
    bool replay = s->spool >= 0 && s->pos < s->spooled;
    if (replay && s->spooled - s->pos < (long long)n)
        n = (size_t)(s->spooled - s->pos);
    long k = replay ? read_some(s->spool, buf, n, s->pos) : read_some(s->fd, buf, n, -1);
    if (k < 0)
        return err_set(e, "%s: %s", s->name, strerror(errno));
    if (!replay && s->spool >= 0 && spool_add(s, buf, (size_t)k, e))
        return -1;
    s->pos += k;
    if (s->pos > s->max)
        return too_big(s, e);
    sha256_add(&s->sum, buf, (size_t)k);
    return k;
}

int source_rewind(source *s, err *e)
{
    if (s->spool < 0 && lseek(s->fd, 0, SEEK_SET) < 0)
        return err_set(e, "%s: %s", s->name, strerror(errno));
    s->pos = 0;
    sha256_init(&s->sum);
    return 0;
}

int source_finish(source *s, char out[65], err *e)
{
    static char buf[1 << 16];
    long k;
    while ((k = source_read(s, buf, sizeof buf, e)) > 0)
        ;
    if (k < 0)
        return -1;
    sha256_hex(&s->sum, out);
    return 0;
}

bool source_is_file(const source *s) { return s->spool < 0; }
long long source_done(const source *s) { return s->pos; }
long long source_size(const source *s) { return s->size; }
const char *source_name(const source *s) { return s->name; }
