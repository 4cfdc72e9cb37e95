#include "core/session.h"

#include "core/snapshot.h"

#include <stdio.h>
#include <stdlib.h>

/* A size from the environment: "64M", "2"; 0 when unset or not one. */
static size_t env_size(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return 0;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    int shift = *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : 0;
    if ((shift && end[1]) || (!shift && *end) || n == 0 || n > (1ULL << 40) >> shift)
        return 0;
    return (size_t)(n << shift);
}

store_opts session_store_opts(bool read_only)
{
    size_t readers = env_size("CATCHMENT_MAX_READERS");
    return (store_opts){
        .read_only = read_only,
        .map_size = env_size("CATCHMENT_MAP_SIZE"),
        .max_readers = readers < 4096 ? (unsigned)readers : 0,
    };
}

/* ui.read_only: true in the config makes every session read-only, as
 * --read-only does.  A config that does not load is reported by the
 * commands that use it; here it simply sets nothing. */
static void config_read_only(session *ss)
{
    if (ss->read_only || ss->config_seen)
        return;
    ss->config_seen = true;
    config cfg;
    err e;
    if (config_load(&cfg, ss->config_arg, NULL, &e) == 0 && cfg.ui.read_only)
        ss->read_only = ss->read_only_config = true;
    config_free(&cfg);
}

static const char *read_only_why(const session *ss)
{
    if (ss->read_only_config)
        return " (ui.read_only in the config)";
    return ss->read_only ? " (--read-only)" : " for you (no write permission)";
}

/* Noted once: this reader holds no slot in the reader table. */
static store *unlocked_note(session *ss)
{
    static bool said;
    static char text[4200];
    if (store_is_unlocked(ss->s) && !said) {
        said = true;
        snprintf(text, sizeof text,
                 "%s: read-only, without locking (lock.mdb is not writable for you; see "
                 "\"Sharing a store with a team\" in the user guide)",
                 store_dir(ss->s));
        ss->notice = text;
    }
    return ss->s;
}

store *session_store(session *ss, bool write, err *e)
{
    char dir[4096];
    config_read_only(ss);
    if (ss->s && write && store_is_read_only(ss->s) && !ss->read_only) {
        store_close(ss->s); /* opened read-only to check the config's codes */
        ss->s = NULL;
    }
    if (ss->s) {
        if (write && store_is_read_only(ss->s)) {
            err_set(e, "%s: the store is read-only%s", store_dir(ss->s), read_only_why(ss));
            return NULL;
        }
        return unlocked_note(ss);
    }
    if (store_default_dir(ss->store_arg, dir, sizeof dir, e))
        return NULL;
    store_opts o = session_store_opts(ss->read_only || !write);
    if (store_open(&ss->s, dir, &o, e))
        return NULL;
    if (write && store_is_read_only(ss->s)) {
        err_set(e, "%s: the store is read-only%s", dir, read_only_why(ss));
        return NULL;
    }
    return unlocked_note(ss);
}

store *session_store_best(session *ss, const char **why, err *e)
{
    const char *reason = NULL;
    if (!session_store(ss, false, e))
        return NULL;
    if (ss->read_only)
        reason = ss->read_only_config ? "ui.read_only in the config" : "--read-only";
    if (!reason) {
        char dir[4096];
        store_opts o = session_store_opts(false);
        snprintf(dir, sizeof dir, "%s", store_dir(ss->s));
        store_close(ss->s);
        ss->s = NULL;
        if (store_open(&ss->s, dir, &o, e) && !session_store(ss, false, e))
            return NULL;
        if (store_is_read_only(ss->s))
            reason = "no write permission on the store";
    }
    if (why)
        *why = reason;
    return ss->s;
}

static bool practice_known(const char *code, void *ctx)
{
    practice p;
    err e;
    return store_practice_get(ctx, code, &p, &e) > 0;
}

int session_config(session *ss, config *out, err *e)
{
    char dir[4096];
    err ignored;
    config_hooks hooks = {.valid_action = ss->valid_action, .valid_key = ss->valid_key,
                          .code_exists = practice_known};
    const config_hooks actions_only = {.valid_action = ss->valid_action,
                                       .valid_key = ss->valid_key};
    /* Codes are checked only when a store exists to check them against. */
    if (!ss->s && store_default_dir(ss->store_arg, dir, sizeof dir, &ignored) == 0) {
        store_opts o = session_store_opts(true);
        if (store_open(&ss->s, dir, &o, &ignored))
            ss->s = NULL;
    }
    bool reading = ss->s && store_read_begin(ss->s, &ignored) == 0;
    hooks.ctx = reading ? ss->s : NULL;
    const config_hooks *h = reading ? &hooks : &actions_only;
    char saved[4096];
    int rc = config_load(out, ss->config_arg, h, e);
    if (rc == 0 && config_scenarios_path(saved, sizeof saved) == 0)
        rc = config_load_scenarios(out, saved, h, e);
    if (reading)
        store_read_end(ss->s);
    return rc;
}

int session_snapshot(session *ss, err *e)
{
    config cfg;
    err ignored;
    if (!ss->s || store_commits(ss->s) == 0)
        return 0;
    if (session_config(ss, &cfg, &ignored))
        return 0; /* no rules to work with: the store is read directly until a change */
    int rc = snapshot_refresh(ss->s, &cfg, e);
    config_free(&cfg);
    return rc;
}

void session_close(session *ss)
{
    store_close(ss->s);
    ss->s = NULL;
}
