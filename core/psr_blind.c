#include "core/psr_blind.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sha256.h"
#include "util/text.h"

const char *psr_login(void)
{
    static char name[SHORT_MAX];
    struct passwd *pw = getpwuid(getuid());
    if (!pw || !pw->pw_name || !*pw->pw_name || strlen(pw->pw_name) >= sizeof name)
        return NULL;
    snprintf(name, sizeof name, "%s", pw->pw_name);
    return name;
}

bool psr_may_see_all(const psr_proc *p, const char *viewer)
{
    if (psr_all_submitted(p))
        return true;
    return viewer && psr_get(p, "evaluator", viewer) && psr_has_submitted(p, viewer);
}

void psr_hide_unseen(psr_proc *p, const char *viewer)
{
    if (psr_may_see_all(p, viewer))
        return;
    size_t vn = viewer ? strlen(viewer) : 0;
    int k = 0;
    for (int i = 0; i < p->n; i++) {
        const psr_item *it = &p->row[i];
        bool own = viewer && strncmp(it->key, viewer, vn) == 0 && it->key[vn] == '/';
        if (strcmp(it->kind, "score") == 0 && !own)
            continue;
        if (k != i) {
            psr_item *dst = &p->row[k];
            *dst = *it;
            /* the fields point into the row's own text */
            for (int f = 0; f < PSR_FIELDS; f++)
                dst->f[f] = f < it->nf ? dst->val + (it->f[f] - it->val) : "";
        }
        k++;
    }
    p->n = k;
}

int psr_assigned(const psr_proc *p, const char *login, const char *q, const char *bid, err *e)
{
    char key[NAME_MAX];
    const psr_item *ev = psr_get(p, "evaluator", login);
    const psr_item *qu = psr_get(p, "question", q);
    if (!ev)
        return err_set(e, "%s is not an evaluator of procurement %s", login, p->id), 0;
    if (!qu)
        return err_set(e, "no question '%s' in procurement %s", q, p->id), 0;
    if (!psr_get(p, "bidder", bid))
        return err_set(e, "no bidder '%s' in procurement %s", bid, p->id), 0;
    if (strcmp(qu->f[3], ev->f[0]) != 0)
        return err_set(e, "question %s is scored by the %s role; %s is %s", q, qu->f[3], login,
                       ev->f[0]), 0;
    snprintf(key, sizeof key, "%s/%s", login, bid);
    const psr_item *c = psr_get(p, "conflict", key);
    if (c && strcmp(c->f[2], "yes") == 0)
        return err_set(e, "%s is excluded from scoring %s (declared conflict: %s)", login, bid,
                       c->f[0]), 0;
    return 1;
}

/* ---- the private file ------------------------------------------------------ */

/* Opens (making it, 0700) the user's drafts directory and checks it is
 * a real directory the real user owns that nobody else can enter. */
static int drafts_dir(err *e)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char path[4096];
    if (xdg && xdg[0] == '/')
        snprintf(path, sizeof path, "%s/catchment-drafts", xdg);
    else if (home && home[0] == '/')
        snprintf(path, sizeof path, "%s/.local/share/catchment-drafts", home);
    else
        return err_set(e, "no home directory for your score drafts (set HOME)");
    if (mkdir(path, 0700) != 0 && errno == ENOENT) {
        char parent[4096];
        snprintf(parent, sizeof parent, "%s", path);
        *strrchr(parent, '/') = '\0';
        char *q = parent + 1;
        while ((q = strchr(q, '/')) != NULL) {
            *q = '\0';
            mkdir(parent, 0700);
            *q++ = '/';
        }
        mkdir(parent, 0700);
        mkdir(path, 0700);
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 && (errno == ENOTDIR || errno == ELOOP))
        return err_set(e, "%s: must be a directory of yours that only you can open, not a "
                       "symbolic link", path);
    if (fd < 0)
        return err_set(e, "%s: %s", path, strerror(errno));
    if (fstat(fd, &st) < 0 || st.st_uid != getuid() || (st.st_mode & 077) != 0) {
        close(fd);
        return err_set(e, "%s: must be a directory of yours that only you can open "
                       "(chmod 700)", path);
    }
    return fd;
}

static void draft_name(const char *proc, char *out, size_t n)
{
    snprintf(out, n, "%s.scores", proc);
}

static int parse_line(psr_draft *d, char *line, err *e)
{
    char *f[4];
    int nf = 0;
    for (char *p = line; nf < 4; nf++) {
        f[nf] = p;
        char *t = strchr(p, '\t');
        if (!t) {
            nf++;
            break;
        }
        *t = '\0';
        p = t + 1;
    }
    if (nf != 4 || d->n == PSR_DRAFT_MAX)
        return err_set(e, "your draft of %s is damaged (delete it and score again)", d->proc);
    psr_draft_score *s = &d->s[d->n++];
    snprintf(s->q, sizeof s->q, "%s", f[0]);
    snprintf(s->bid, sizeof s->bid, "%s", f[1]);
    s->score = strtol(f[2], NULL, 10);
    snprintf(s->comment, sizeof s->comment, "%s", f[3]);
    return 0;
}

int psr_draft_load(const char *proc, psr_draft *d, err *e)
{
    char name[64], line[PSR_COMMENT_MAX + 256];
    memset(d, 0, sizeof *d);
    snprintf(d->proc, sizeof d->proc, "%s", proc);
    int dfd = drafts_dir(e);
    if (dfd < 0)
        return -1;
    draft_name(proc, name, sizeof name);
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    close(dfd);
    if (fd < 0)
        return errno == ENOENT ? 0 : err_set(e, "%s: %s", name, strerror(errno));
    struct stat st;
    FILE *fp = fdopen(fd, "r");
    if (!fp || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != getuid()) {
        fp ? fclose(fp) : close(fd);
        return err_set(e, "%s: not a file of yours", name);
    }
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        rc = parse_line(d, line, e);
    }
    fclose(fp);
    return rc;
}

/* Temp file, fsync, rename: the draft is whole or as it was. */
static int draft_save(const psr_draft *d, err *e)
{
    char name[64], tmp[80];
    int dfd = drafts_dir(e);
    if (dfd < 0)
        return -1;
    draft_name(d->proc, name, sizeof name);
    snprintf(tmp, sizeof tmp, "%s.tmp", name);
    unlinkat(dfd, tmp, 0);
    int fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    FILE *fp = fd < 0 ? NULL : fdopen(fd, "w");
    if (!fp) {
        if (fd >= 0)
            close(fd);
        close(dfd);
        return err_set(e, "%s: %s", tmp, strerror(errno));
    }
    for (int i = 0; i < d->n; i++)
        fprintf(fp, "%s\t%s\t%ld\t%s\n", d->s[i].q, d->s[i].bid, d->s[i].score,
                d->s[i].comment);
    bool ok = fflush(fp) == 0 && fsync(fd) == 0;
    ok &= fclose(fp) == 0;
    ok = ok && renameat(dfd, tmp, dfd, name) == 0;
    if (!ok)
        unlinkat(dfd, tmp, 0);
    close(dfd);
    return ok ? 0 : err_set(e, "%s: cannot save your draft (%s)", name, strerror(errno));
}

const psr_draft_score *psr_draft_find(const psr_draft *d, const char *q, const char *bid)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->s[i].q, q) == 0 && strcmp(d->s[i].bid, bid) == 0)
            return &d->s[i];
    return NULL;
}

int psr_draft_set(const psr_proc *p, psr_draft *d, const char *q, const char *bid, long score,
                  const char *comment, err *e)
{
    const char *me = psr_login();
    if (!me)
        return err_set(e, "your user id has no login name: scoring needs one");
    if (psr_has_submitted(p, me))
        return err_set(e, "you have submitted your scores for %s: they are final", p->id);
    if (!psr_assigned(p, me, q, bid, e))
        return -1;
    long top = strtol(psr_get(p, "question", q)->f[2], NULL, 10);
    if (score < 0 || score > top)
        return err_set(e, "score %ld is outside 0 to %ld for question %s", score, top, q);
    if (psr_check_text("comment", comment, PSR_COMMENT_MAX, e) < 0)
        return -1;
    psr_draft_score *s = (psr_draft_score *)psr_draft_find(d, q, bid);
    if (!s) {
        if (d->n == PSR_DRAFT_MAX)
            return err_set(e, "too many scores");
        s = &d->s[d->n++];
        snprintf(s->q, sizeof s->q, "%s", q);
        snprintf(s->bid, sizeof s->bid, "%s", bid);
    }
    s->score = score;
    snprintf(s->comment, sizeof s->comment, "%s", comment);
    return draft_save(d, e);
}

/* ---- submitting --------------------------------------------------------------- */

/* Every assigned question and bidder scored: the rows to write. */
static int submit_rows(const psr_proc *p, const psr_draft *d, const char *me, psr_row *rows,
                       int *n, sha256 *h, err *e)
{
    err why;
    *n = 0;
    for (int i = 0; i < p->n; i++) {
        const psr_item *q = &p->row[i];
        if (strcmp(q->kind, "question") != 0)
            continue;
        for (int j = 0; j < p->n; j++) {
            const psr_item *b = &p->row[j];
            if (strcmp(b->kind, "bidder") != 0 || !psr_assigned(p, me, q->key, b->key, &why))
                continue;
            const psr_draft_score *s = psr_draft_find(d, q->key, b->key);
            if (!s)
                return err_set(e, "question %s for bidder %s is not scored yet", q->key, b->key);
            if (*n == PSR_DRAFT_MAX)
                return err_set(e, "too many scores");
            psr_row *r = &rows[(*n)++];
            memset(r, 0, sizeof *r);
            snprintf(r->proc, sizeof r->proc, "%s", p->id);
            snprintf(r->kind, sizeof r->kind, "score");
            snprintf(r->key, sizeof r->key, "%.40s/%.58s/%.58s", me, q->key, b->key);
            snprintf(r->value, sizeof r->value, "%ld\x1f%s", s->score, s->comment);
            sha256_add(h, r->key, strlen(r->key) + 1);
            sha256_add(h, r->value, strlen(r->value) + 1);
        }
    }
    return *n ? 0 : err_set(e, "you have nothing to score in %s", p->id);
}

int psr_submit(store *s, const psr_proc *p, const psr_draft *d, int64_t now, err *e)
{
    static psr_row rows[PSR_DRAFT_MAX + 1];
    const char *me = psr_login();
    char hex[65], what[NAME_MAX], name[64];
    sha256 h;
    int n;
    if (!me)
        return err_set(e, "your user id has no login name: submitting needs one");
    if (!psr_get(p, "evaluator", me))
        return err_set(e, "%s is not an evaluator of procurement %s", me, p->id);
    if (psr_has_submitted(p, me))
        return err_set(e, "you have already submitted your scores for %s", p->id);
    sha256_init(&h);
    if (submit_rows(p, d, me, rows, &n, &h, e) < 0)
        return -1;
    sha256_hex(&h, hex);
    psr_row *r = &rows[n];
    memset(r, 0, sizeof *r);
    snprintf(r->proc, sizeof r->proc, "%s", p->id);
    snprintf(r->kind, sizeof r->kind, "submitted");
    snprintf(r->key, sizeof r->key, "%s", me);
    snprintf(r->value, sizeof r->value, "%lld\x1f%d\x1f%s", (long long)now, n, hex);
    snprintf(what, sizeof what, "%s: %d scores submitted, sha256 %.16s", me, n, hex);
    if (psr_write(s, p->id, rows, n + 1, "submit", what, now, e) < 0)
        return -1;
    int dfd = drafts_dir(e);
    if (dfd >= 0) {
        draft_name(p->id, name, sizeof name);
        unlinkat(dfd, name, 0);
        close(dfd);
    }
    return 0;
}
