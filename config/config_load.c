/* Finding and reading the file; the checks themselves are in ytree.c
 * (limits), config_schema.c and scenario_walk.c (meaning). */
#include "config/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/cwalk.h"
#include "config/ytree.h"
#include "util/safefile.h"

int config_home_file(const char *name, char *out, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int k;
    /* The XDG spec says a relative XDG_CONFIG_HOME is to be ignored. */
    if (xdg && xdg[0] == '/')
        k = snprintf(out, n, "%s/catchment/%s", xdg, name);
    else if (home && home[0])
        k = snprintf(out, n, "%s/.config/catchment/%s", home, name);
    else
        return -1;
    return k < 0 || (size_t)k >= n ? -1 : 0;
}

int config_default_path(char *out, size_t n)
{
    return config_home_file("config.yaml", out, n);
}

int config_parse(config *c, const char *text, size_t len, const char *name,
                 const config_hooks *h, err *e)
{
    cwalk w = {.file = name, .h = h, .e = e};
    ynode *root;
    config_init(c);
    if (len > CONFIG_MAX_BYTES)
        return err_at(e, name, 1, 0, "file is larger than 1 MiB");
    if (ytree_parse(text, len, name, &root, e) < 0)
        return -1;
    int rc = cwalk_config(&w, root, c);
    ytree_free(root);
    if (rc < 0)
        config_free(c);
    return rc;
}

/* Reads at most one byte past the limit, so a huge file (or a device that
 * never ends) costs no more than the limit to refuse. */
static int read_file(int fd, const char *path, char **out, size_t *len,
                     err *e)
{
    size_t cap = CONFIG_MAX_BYTES + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return err_at(e, path, 0, 0, "out of memory");
    while (n < cap) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            return err_at(e, path, 0, 0, "%s", strerror(errno));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > CONFIG_MAX_BYTES) {
        free(buf);
        return err_at(e, path, 1, 0, "file is larger than 1 MiB");
    }
    *out = buf, *len = n;
    return 0;
}

/* Opens path; 1 when it is missing and that is allowed. */
static int open_config(const char *path, bool must_exist, int *fd, err *e)
{
    struct stat st;
    *fd = safefile_open_read(path, false, e);
    if (*fd < 0)
        return errno == ENOENT && !must_exist ? 1 : -1;
    if (fstat(*fd, &st) < 0 || st.st_size > CONFIG_MAX_BYTES) {
        close(*fd);
        return err_at(e, path, 1, 0, "file is larger than 1 MiB");
    }
    return 0;
}

int config_read_path(const char *path, char **text, size_t *len, err *e)
{
    int fd;
    if (open_config(path, true, &fd, e) != 0)
        return -1;
    int rc = read_file(fd, path, text, len, e);
    close(fd);
    return rc;
}

int config_load(config *c, const char *path, const config_hooks *h, err *e)
{
    char def[4096];
    char *text = NULL;
    size_t len = 0;
    int fd;
    config_init(c);
    if (!path) {
        if (config_default_path(def, sizeof def) < 0)
            return 0; /* no home: nothing to find, the defaults apply */
        path = def;
    }
    if (strlen(path) >= sizeof c->path)
        return err_at(e, path, 0, 0, "path too long");
    int rc = open_config(path, path != def, &fd, e);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    rc = read_file(fd, path, &text, &len, e);
    close(fd);
    if (rc < 0)
        return -1;
    rc = config_parse(c, text, len, path, h, e);
    free(text);
    if (rc == 0)
        memcpy(c->path, path, strlen(path) + 1);
    return rc;
}
