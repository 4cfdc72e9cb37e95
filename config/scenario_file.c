/* The user's own scenarios file: what the screen and `scenario save`
 * write.  The config file a person writes is never rewritten, so its
 * comments and layout stay; this file is the program's, rewritten whole
 * under a lock after re-reading it, so sessions saving at once (or a hand
 * edit between two saves) lose nothing. */
#include "config/config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int config_scenarios_path(char *out, size_t n)
{
    return config_home_file("scenarios.yaml", out, n);
}

/* Only scenarios: anything else in the file would be silently ignored. */
static int only_scenarios(config *f, err *e)
{
    config bare = *f, defaults;
    bare.scenarios = NULL, bare.nscenarios = 0;
    config_init(&defaults);
    if (config_equal(&bare, &defaults))
        return 0;
    return err_at(e, f->path, 1, 1, "this file holds saved scenarios only "
                  "(`scenarios:`); put other settings in config.yaml");
}

int config_load_scenarios(config *c, const char *path, const config_hooks *h, err *e)
{
    struct stat st;
    config f;
    if (stat(path, &st) < 0 && errno == ENOENT)
        return 0;
    if (config_load(&f, path, h, e) < 0 || only_scenarios(&f, e) < 0) {
        config_free(&f);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < f.nscenarios; i++)
        rc = config_scenario_put(c, &f.scenarios[i], e);
    if (rc == 0 && !*c->warning)
        memcpy(c->warning, f.warning, sizeof c->warning);
    config_free(&f);
    return rc;
}

static int make_dir(const char *dir, err *e)
{
    if (mkdir(dir, 0700) < 0 && errno != EEXIST)
        return err_set(e, "%s: %s", dir, strerror(errno));
    return 0;
}

/* The directory of path, and its parent (~/.config may be missing too). */
static int make_dirs(const char *path, err *e)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = '\0';
    char *parent = strrchr(dir, '/');
    if (parent && parent != dir) {
        *parent = '\0';
        if (make_dir(dir, e) < 0)
            return -1;
        *parent = '/';
    }
    return make_dir(dir, e);
}

/* An exclusive lock on path.lock, held until the descriptor is closed. */
static int lock_file(const char *path, err *e)
{
    char lock[PATH_MAX + 8];
    if (snprintf(lock, sizeof lock, "%s.lock", path) >= (int)sizeof lock)
        return err_set(e, "%s: path too long", path);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return err_set(e, "%s: %s", lock, strerror(errno));
    while (flock(fd, LOCK_EX) < 0) {
        if (errno != EINTR) {
            int saved = errno;
            close(fd);
            return err_set(e, "%s: cannot lock: %s", lock, strerror(saved));
        }
    }
    return fd;
}

/* CONFIG_EXISTS when a different scenario of that name is in f or c;
 * one only in the file (another session's) is put in c, so the caller
 * knows of it when it asks the user. */
static int name_taken(const config *f, config *c, const config_scenario *s, err *e)
{
    const config_scenario *had = config_scenario_find(f, s->name);
    if (had && !config_scenario_find(c, s->name) && config_scenario_put(c, had, e) < 0)
        return -1;
    if (!had)
        had = config_scenario_find(c, s->name);
    return had && !config_scenario_equal(had, s) ? CONFIG_EXISTS : CONFIG_SAVED;
}

/* Under the lock: re-read, merge, write. */
static int merge_and_write(config *c, const config_scenario *s, const char *path,
                           bool replace, err *e)
{
    config f;
    char *text = NULL;
    config_init(&f);
    int rc = config_load_scenarios(&f, path, NULL, e);
    if (rc == 0 && !replace)
        rc = name_taken(&f, c, s, e);
    if (rc == CONFIG_SAVED)
        rc = config_scenario_put(&f, s, e) || config_emit_scenarios(&f, &text, e) ||
                     config_write_file(path, text, 0600, e)
                 ? -1
                 : CONFIG_SAVED;
    free(text);
    config_free(&f);
    if (rc == CONFIG_EXISTS)
        err_set(e, "a different scenario called '%s' is already saved or in the "
                   "config: choose another name, or replace it", s->name);
    return rc;
}

int config_scenario_save(config *c, const config_scenario *s, const char *path,
                         bool replace, err *e)
{
    if (make_dirs(path, e) < 0)
        return -1;
    int lock = lock_file(path, e);
    if (lock < 0)
        return -1;
    int rc = merge_and_write(c, s, path, replace, e);
    close(lock);
    if (rc == CONFIG_SAVED && config_scenario_put(c, s, e) < 0)
        return -1;
    return rc;
}
