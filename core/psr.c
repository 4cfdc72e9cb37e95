#include "core/psr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edit.h"
#include "util/text.h"

#define SEP '\x1f'

static const psr_kind kinds[] = {
    {"field", "NAME", 1, "VALUE", "a field of the procurement (as psr set)"},
    {"condition", "CONDITION", 2, "yes|no EVIDENCE",
     "a condition of the route, answered, with the values it rests on"},
    {"maker", "NAME", 1, "ROLE", "a decision-maker: a person, a job title or a committee"},
    {"criterion", "CRITERION", 2, "WEIGHT HOW",
     "a key criterion's weight (per cent) and how it was taken into account"},
    {"bidder", "BIDDER", 2, "NAME ADDRESS", "a bidder (provider), with its registered office"},
    {"question", "QUESTION", 5, "CRITERION WEIGHT MAX ROLE TEXT",
     "a question under a key criterion: weight (%), top score, who scores it"},
    {"answer", "QUESTION BIDDER", 1, "SUMMARY", "a summary of a bidder's answer"},
    {"evaluator", "LOGIN", 2, "ROLE NAME", "an evaluator (a login name) and their role"},
    {"conflict", "LOGIN BIDDER", 3, "DECLARATION MANAGEMENT EXCLUDED",
     "a declared conflict, how it was managed, and whether the evaluator is\n"
     "                  excluded from scoring that bidder (yes or no)"},
    {"moderation", "QUESTION BIDDER", 2, "SCORE RATIONALE",
     "the consensus score and why (once every evaluator has submitted)"},
    {"representation", "REF", 4, "DATE FROM SUMMARY RESPONSE",
     "a representation made during the standstill, and the response"},
    {NULL, NULL, 0, NULL, NULL},
};

static const char *const fields[] = {
    "title", "authority", "practices", "services", "cpv", "value", "term", "route",
    "route_why", "appraisal", "basic_selection", "provider", "reasons", "notice", "award",
    "commencement", "abandoned", NULL};

static const char *const roles[] = {"commissioner", "clinical", "finance",
                                    "patient-reference-group", NULL};

const psr_kind *psr_kinds(void) { return kinds; }
const char *const *psr_field_names(void) { return fields; }
const char *const *psr_roles(void) { return roles; }

const psr_kind *psr_kind_find(const char *kind)
{
    for (const psr_kind *k = kinds; k->kind; k++)
        if (strcmp(k->kind, kind) == 0)
            return k;
    return NULL;
}

static bool in_list(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

int psr_check_text(const char *what, const char *v, size_t max, err *e)
{
    return edit_check_text(what, v, max, e);
}

int psr_check_id(const char *what, const char *v, size_t max, err *e)
{
    size_t n = strlen(v);
    if (n == 0 || n >= max)
        return err_set(e, "%s: must be 1 to %zu characters", what, max - 1);
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return err_set(e, "%s: only letters, digits, '.', '_' and '-' are allowed", what);
    }
    return 0;
}

/* ---- reading ------------------------------------------------------------ */

static void split(psr_item *it)
{
    char *p = it->val;
    it->nf = 0;
    for (int i = 0; i < PSR_FIELDS; i++)
        it->f[i] = "";
    while (it->nf < PSR_FIELDS) {
        it->f[it->nf++] = p;
        char *q = strchr(p, SEP);
        if (!q)
            break;
        *q = '\0';
        p = q + 1;
    }
}

static int add_row(const psr_row *r, void *ctx)
{
    psr_proc *p = ctx;
    if (p->n == PSR_ROWS)
        return -1;
    psr_item *it = &p->row[p->n++];
    memcpy(it->kind, r->kind, sizeof it->kind);
    memcpy(it->key, r->key, sizeof it->key);
    memcpy(it->val, r->value, sizeof it->val);
    split(it);
    return 0;
}

int psr_load(store *s, const char *id, psr_proc *out, err *e)
{
    memset(out, 0, sizeof *out);
    if (psr_check_id("procurement", id, sizeof out->id, e) < 0)
        return -1;
    snprintf(out->id, sizeof out->id, "%s", id);
    out->row = calloc(PSR_ROWS, sizeof *out->row);
    if (!out->row)
        return err_set(e, "out of memory");
    if (store_read_begin(s, e) < 0)
        return -1;
    int rc = store_psr_each(s, id, NULL, add_row, out, e);
    store_read_end(s);
    if (rc < 0)
        return err_set(e, "procurement %s: cannot be read (more than %d rows, or damaged)", id,
                       PSR_ROWS);
    return psr_get(out, "field", "title") ? 1 : 0;
}

void psr_free(psr_proc *p)
{
    free(p->row);
    p->row = NULL;
    p->n = 0;
}

struct idlist {
    char (*ids)[CODE_MAX];
    int n, max;
};

static int add_id(const psr_row *r, void *ctx)
{
    struct idlist *l = ctx;
    if (strcmp(r->kind, "field") != 0 || strcmp(r->key, "title") != 0 || l->n == l->max)
        return 0;
    memcpy(l->ids[l->n++], r->proc, CODE_MAX);
    return 0;
}

int psr_ids(store *s, char (*ids)[CODE_MAX], int max, err *e)
{
    struct idlist l = {ids, 0, max};
    if (store_read_begin(s, e) < 0)
        return -1;
    int rc = store_psr_each(s, NULL, NULL, add_id, &l, e);
    store_read_end(s);
    return rc < 0 ? -1 : l.n;
}

const psr_item *psr_get(const psr_proc *p, const char *kind, const char *key)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->row[i].kind, kind) == 0 && strcmp(p->row[i].key, key) == 0)
            return &p->row[i];
    return NULL;
}

const char *psr_field(const psr_proc *p, const char *name)
{
    const psr_item *it = psr_get(p, "field", name);
    return it ? it->f[0] : "";
}

int psr_each(const psr_proc *p, const char *kind, int (*fn)(const psr_item *, void *), void *ctx)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->row[i].kind, kind) == 0) {
            int rc = fn(&p->row[i], ctx);
            if (rc)
                return rc;
        }
    return 0;
}

int psr_count(const psr_proc *p, const char *kind)
{
    int n = 0;
    for (int i = 0; i < p->n; i++)
        n += strcmp(p->row[i].kind, kind) == 0;
    return n;
}

/* ---- writing -------------------------------------------------------------- */

static void join(char *out, size_t n, char **argv, int argc, char sep)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < argc && used < n; i++)
        used += (size_t)snprintf(out + used, n - used, "%s%s", i ? (char[]){sep, 0} : "",
                                 argv[i]);
}

static void shown(char *out, size_t n, const char *val)
{
    char tmp[TEXT_MAX];
    snprintf(tmp, sizeof tmp, "%s", val);
    for (char *q = tmp; *q; q++)
        if (*q == SEP)
            *q = '|';
    text_copy(out, n, tmp);
}

int psr_write(store *s, const char *id, const psr_row *rows, int n, const char *what,
              const char *audit_new, int64_t now, err *e)
{
    char field[SHORT_MAX];
    snprintf(field, sizeof field, "psr.%.30s", what);
    if (store_write_begin(s, e) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        if (store_psr_put(s, &rows[i], e) < 0) {
            store_write_abort(s);
            return -1;
        }
    }
    if (edit_audit(s, id, field, "", audit_new, now, e) < 0) {
        store_write_abort(s);
        return -1;
    }
    return store_write_commit(s, e);
}

int psr_create(store *s, const char *id, const char *title, int64_t now, err *e)
{
    static psr_row r;
    psr_proc p;
    if (psr_check_id("procurement", id, CODE_MAX, e) < 0 ||
        psr_check_text("title", title, TEXT_MAX, e) < 0)
        return -1;
    if (!*title)
        return err_set(e, "title: empty");
    int rc = psr_load(s, id, &p, e);
    psr_free(&p);
    if (rc != 0)
        return rc < 0 ? -1 : err_set(e, "procurement %s already exists", id);
    memset(&r, 0, sizeof r);
    snprintf(r.proc, sizeof r.proc, "%s", id);
    snprintf(r.kind, sizeof r.kind, "field");
    snprintf(r.key, sizeof r.key, "title");
    snprintf(r.value, sizeof r.value, "%s", title);
    return psr_write(s, id, &r, 1, "new", title, now, e);
}

/* The edit itself: build the row and audit old -> new. */
static int put_row(store *s, const psr_proc *p, const psr_kind *k, char **argv, int argc,
                   int nkey, int64_t now, err *e)
{
    static psr_row r;
    char audit_new[TEXT_MAX / 2];
    memset(&r, 0, sizeof r);
    snprintf(r.proc, sizeof r.proc, "%s", p->id);
    snprintf(r.kind, sizeof r.kind, "%s", k->kind);
    join(r.key, sizeof r.key, argv, nkey, '/');
    join(r.value, sizeof r.value, argv + nkey, argc - nkey, SEP);
    const psr_item *old = psr_get(p, k->kind, r.key);
    char was[NAME_MAX] = "";
    if (old) {
        char tmp[TEXT_MAX];
        join(tmp, sizeof tmp, (char **)old->f, old->nf, SEP);
        shown(was, sizeof was, tmp);
    }
    char now_s[NAME_MAX];
    shown(now_s, sizeof now_s, r.value);
    snprintf(audit_new, sizeof audit_new, "%s: %s%s%s", r.key, was, *was ? " -> " : "", now_s);
    return psr_write(s, p->id, &r, 1, k->kind, audit_new, now, e);
}

int psr_edit(store *s, const psr_regime *rg, const char *id, const char *kind, int argc,
             char **argv, int64_t now, err *e)
{
    const psr_kind *k = psr_kind_find(kind);
    if (!k)
        return err_set(e, "unknown kind '%s'", kind);
    int nkey = 1;
    for (const char *q = k->key; *q; q++)
        nkey += *q == ' ';
    if (argc != nkey + k->nf)
        return err_set(e, "%s needs %s %s (%d arguments, got %d)", kind, k->key, k->fields,
                       nkey + k->nf, argc);
    for (int i = 0; i < argc; i++)
        if (psr_check_text(kind, argv[i], i < nkey ? 60 : TEXT_MAX / 2, e) < 0)
            return -1;
    /* Keys that other rows refer to are ids; a decision-maker is named. */
    for (int i = 0; i < nkey; i++) {
        if (strcmp(kind, "maker") != 0 && psr_check_id(kind, argv[i], 60, e) < 0)
            return -1;
        if (!*argv[i] || strchr(argv[i], '/'))
            return err_set(e, "%s: a name, without '/'", kind);
    }
    psr_proc p;
    int rc = psr_load(s, id, &p, e);
    if (rc == 0)
        rc = err_set(e, "no procurement '%s' (psr new makes one)", id);
    if (rc > 0)
        rc = psr_check_row(rg, &p, kind, argv, e);
    if (rc >= 0)
        rc = put_row(s, &p, k, argv, argc, nkey, now, e);
    psr_free(&p);
    return rc < 0 ? -1 : 0;
}

bool psr_in_list(const char *const *list, const char *s) { return in_list(list, s); }
