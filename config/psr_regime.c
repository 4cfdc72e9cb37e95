/* Reading data/psr-regime.yaml (or a replacement) with the config's own
 * YAML limits and located messages. */
#include "config/psr_regime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/cwalk.h"
#include "config/ytree.h"
#include "util/text.h"

extern const unsigned char psr_regime_yaml[];
extern const size_t psr_regime_yaml_len;

const char *psr_regime_builtin(unsigned long *len)
{
    *len = (unsigned long)psr_regime_yaml_len;
    return (const char *)psr_regime_yaml;
}

/* Calls fn for each value of a mapping whose keys must be among valid. */
typedef int (*field_fn)(cwalk *w, const char *key, const ynode *v, void *out);

static int walk_map(cwalk *w, const ynode *m, const char *what, const char *const *valid,
                    field_fn fn, void *out)
{
    if (!m)
        return err_at(w->e, w->file, 1, 0, "%s is empty", what);
    if (m->kind != YNODE_MAP)
        return cwalk_fail(w, m, "%s must be a mapping", what);
    for (size_t i = 0; i < m->nkids; i += 2) {
        if (cwalk_key(w, m, i, what) < 0)
            return -1;
        const char *k = m->kids[i]->val;
        bool known = false;
        for (int j = 0; valid[j]; j++)
            known |= strcmp(valid[j], k) == 0;
        if (!known)
            return cwalk_unknown(w, m->kids[i], what, valid);
        if (fn(w, k, m->kids[i + 1], out) < 0)
            return -1;
    }
    return 0;
}

static int want_seq(cwalk *w, const ynode *n, const char *key, size_t max)
{
    if (n->kind != YNODE_SEQ)
        return cwalk_fail(w, n, "%s must be a list", key);
    if (n->nkids > max)
        return cwalk_fail(w, n, "%s has %zu entries (at most %zu)", key, n->nkids, max);
    return 0;
}

static int cond_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    psr_condition *c = out;
    char ans[8];
    if (strcmp(k, "id") == 0)
        return cwalk_string(w, v, k, sizeof c->id, c->id);
    if (strcmp(k, "question") == 0)
        return cwalk_string(w, v, k, sizeof c->question, c->question);
    if (cwalk_string(w, v, k, sizeof ans, ans) < 0)
        return -1;
    if (strcmp(ans, "yes") != 0 && strcmp(ans, "no") != 0)
        return cwalk_fail(w, v, "must_answer must be \"yes\" or \"no\"");
    c->must_be_yes = ans[0] == 'y';
    return 0;
}

static int route_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    static const char *const ck[] = {"id", "question", "must_answer", NULL};
    psr_route *r = out;
    if (strcmp(k, "id") == 0)
        return cwalk_string(w, v, k, sizeof r->id, r->id);
    if (strcmp(k, "name") == 0)
        return cwalk_string(w, v, k, sizeof r->name, r->name);
    if (strcmp(k, "reference") == 0)
        return cwalk_string(w, v, k, sizeof r->reference, r->reference);
    if (strcmp(k, "standstill") == 0)
        return cwalk_bool(w, v, k, &r->standstill);
    if (want_seq(w, v, k, PSR_CONDS) < 0)
        return -1;
    for (size_t i = 0; i < v->nkids; i++)
        if (walk_map(w, v->kids[i], "condition", ck, cond_field, &r->cond[r->ncond++]) < 0)
            return -1;
    return 0;
}

static int crit_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    psr_criterion *c = out;
    if (strcmp(k, "id") == 0)
        return cwalk_string(w, v, k, sizeof c->id, c->id);
    if (strcmp(k, "name") == 0)
        return cwalk_string(w, v, k, sizeof c->name, c->name);
    if (strcmp(k, "evidence") == 0)
        return cwalk_string(w, v, k, sizeof c->evidence, c->evidence);
    return cwalk_string(w, v, k, sizeof c->reference, c->reference);
}

static int hol_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    psr_holiday *h = out;
    char s[PSR_ID];
    if (strcmp(k, "title") == 0)
        return cwalk_string(w, v, k, sizeof h->title, h->title);
    if (cwalk_string(w, v, k, sizeof s, s) < 0)
        return -1;
    if (strcmp(k, "source") == 0) {
        if (strcmp(s, "gov.uk") != 0 && strcmp(s, "projected") != 0)
            return cwalk_fail(w, v, "source must be gov.uk or projected");
        h->projected = s[0] == 'p';
        return 0;
    }
    h->date = text_date(s);
    if (h->date <= 0 || strlen(s) != 10)
        return cwalk_fail(w, v, "date must be YYYY-MM-DD, not '%s'", s);
    return 0;
}

static int list_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    psr_list *l = out;
    if (strcmp(k, "reference") == 0)
        return cwalk_string(w, v, k, sizeof l->reference, l->reference);
    if (want_seq(w, v, k, PSR_ITEMS) < 0)
        return -1;
    for (size_t i = 0; i < v->nkids; i++)
        if (cwalk_string(w, v->kids[i], k, PSR_LINE, l->item[l->n++]) < 0)
            return -1;
    return 0;
}

static int notice_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    static const char *const lk[] = {"reference", "content", NULL};
    static const char *const ak[] = {"reference", NULL};
    psr_regime *r = out;
    if (strcmp(k, "intention_to_award") == 0)
        return walk_map(w, v, k, lk, list_field, &r->notice);
    if (strcmp(k, "record") == 0)
        return walk_map(w, v, k, lk, list_field, &r->record);
    psr_list tmp = {.n = 0};
    if (walk_map(w, v, k, ak, list_field, &tmp) < 0)
        return -1;
    memcpy(r->annual_ref, tmp.reference, sizeof r->annual_ref);
    return 0;
}

static int standstill_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    psr_regime *r = out;
    if (strcmp(k, "working_days") == 0)
        return cwalk_int(w, v, k, 1, 60, &r->standstill_days);
    if (strcmp(k, "starts") == 0)
        return cwalk_string(w, v, k, sizeof r->standstill_starts, r->standstill_starts);
    if (strcmp(k, "reference") == 0)
        return cwalk_string(w, v, k, sizeof r->standstill_ref, r->standstill_ref);
    return cwalk_string(w, v, k, sizeof r->workday_ref, r->workday_ref);
}

static int each_item(cwalk *w, const ynode *v, const char *key, size_t max,
                     const char *const *valid, field_fn fn, void *base, size_t size, int *n)
{
    if (want_seq(w, v, key, max) < 0)
        return -1;
    for (size_t i = 0; i < v->nkids; i++)
        if (walk_map(w, v->kids[i], key, valid, fn, (char *)base + size * (*n)++) < 0)
            return -1;
    return 0;
}

/* Holidays strictly ascending, so a mistyped or repeated date is caught
 * at its own line. */
static int check_holidays(cwalk *w, const ynode *seq, psr_regime *r)
{
    for (int i = 0; i < r->nhol; i++) {
        if (i > 0 && r->hol[i].date <= r->hol[i - 1].date)
            return cwalk_fail(w, seq->kids[i], "bank_holidays: %ld is not after %ld (keep "
                              "them in date order, each once)", r->hol[i].date,
                              r->hol[i - 1].date);
        r->hol_date[i] = r->hol[i].date;
    }
    return 0;
}

static int top_field(cwalk *w, const char *k, const ynode *v, void *out)
{
    static const char *const rk[] = {"id", "name", "reference", "standstill", "conditions", NULL};
    static const char *const ck[] = {"id", "name", "reference", "evidence", NULL};
    static const char *const hk[] = {"date", "title", "source", NULL};
    static const char *const sk[] = {"working_days", "starts", "reference",
                                     "working_day_reference", NULL};
    static const char *const nk[] = {"intention_to_award", "record", "annual_summary", NULL};
    psr_regime *r = out;
    if (strcmp(k, "regulations") == 0)
        return cwalk_string(w, v, k, sizeof r->regulations, r->regulations);
    if (strcmp(k, "guidance") == 0)
        return cwalk_string(w, v, k, sizeof r->guidance, r->guidance);
    if (strcmp(k, "key_criteria") == 0)
        return each_item(w, v, k, PSR_CRITERIA, ck, crit_field, r->crit, sizeof r->crit[0],
                         &r->ncrit);
    if (strcmp(k, "routes") == 0)
        return each_item(w, v, k, PSR_ROUTES, rk, route_field, r->route, sizeof r->route[0],
                         &r->nroutes);
    if (strcmp(k, "bank_holidays") == 0)
        return each_item(w, v, k, PSR_HOLIDAYS, hk, hol_field, r->hol, sizeof r->hol[0],
                         &r->nhol) < 0 ? -1 : check_holidays(w, v, r);
    if (strcmp(k, "standstill") == 0)
        return walk_map(w, v, k, sk, standstill_field, r);
    if (strcmp(k, "notices") == 0)
        return walk_map(w, v, k, nk, notice_field, r);
    return cwalk_int(w, v, k, 0, 24, &r->mobilisation_months);
}

static int parse_into(psr_regime *r, const char *text, size_t len, const char *name, err *e)
{
    static const char *const tk[] = {"regulations", "guidance", "key_criteria", "routes",
                                     "standstill", "mobilisation_months", "notices",
                                     "bank_holidays", NULL};
    cwalk w = {.file = name, .e = e};
    ynode *root;
    if (len > CONFIG_MAX_BYTES)
        return err_at(e, name, 1, 0, "file is larger than 1 MiB");
    if (ytree_parse(text, len, name, &root, e) < 0)
        return -1;
    int rc = walk_map(&w, root, "the regime", tk, top_field, r);
    if (rc == 0 && (r->nroutes == 0 || r->ncrit == 0 || r->standstill_days == 0 || r->nhol == 0))
        rc = cwalk_fail(&w, root, "the regime needs routes, key_criteria, standstill and "
                        "bank_holidays");
    ytree_free(root);
    return rc;
}

psr_regime *psr_regime_load(const char *path, err *e)
{
    psr_regime *r = calloc(1, sizeof *r);
    char *text = NULL;
    size_t len = 0;
    int rc;
    if (!r)
        return err_set(e, "out of memory"), NULL;
    if (!path) {
        snprintf(r->source, sizeof r->source, "built in (data/psr-regime.yaml)");
        rc = parse_into(r, (const char *)psr_regime_yaml, psr_regime_yaml_len, "psr-regime.yaml", e);
    } else {
        text_copy(r->source, sizeof r->source, path);
        rc = config_read_path(path, &text, &len, e);
        if (rc == 0)
            rc = parse_into(r, text, len, path, e);
        free(text);
    }
    if (rc < 0) {
        free(r);
        return NULL;
    }
    return r;
}

psr_regime *psr_regime_parse(const char *text, size_t len, const char *name, err *e)
{
    psr_regime *r = calloc(1, sizeof *r);
    if (!r)
        return err_set(e, "out of memory"), NULL;
    text_copy(r->source, sizeof r->source, name);
    if (parse_into(r, text, len, name, e) < 0) {
        free(r);
        return NULL;
    }
    return r;
}

void psr_regime_free(psr_regime *r) { free(r); }

const psr_route *psr_route_find(const psr_regime *r, const char *id)
{
    for (int i = 0; i < r->nroutes; i++)
        if (strcmp(r->route[i].id, id) == 0)
            return &r->route[i];
    return NULL;
}

const psr_criterion *psr_criterion_find(const psr_regime *r, const char *id)
{
    for (int i = 0; i < r->ncrit; i++)
        if (strcmp(r->crit[i].id, id) == 0)
            return &r->crit[i];
    return NULL;
}

const psr_holiday *psr_holiday_find(const psr_regime *r, long ymd)
{
    for (int i = 0; i < r->nhol; i++)
        if (r->hol[i].date == ymd)
            return &r->hol[i];
    return NULL;
}
