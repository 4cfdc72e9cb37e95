/* What each kind of procurement row must satisfy before it is written:
 * the regime's routes, conditions and criteria, and the record's own
 * bidders, questions and evaluators. */
#include "core/psr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static int yes_no(const char *what, const char *v, err *e)
{
    if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
        return err_set(e, "%s: answer yes or no, not '%s'", what, v);
    return 0;
}

static int whole(const char *what, const char *v, long lo, long hi, long *out, err *e)
{
    if (text_long(v, out) < 0 || *out < lo || *out > hi)
        return err_set(e, "%s: '%s' is not a whole number from %ld to %ld", what, v, lo, hi);
    return 0;
}

static int need(const psr_proc *p, const char *kind, const char *key, err *e)
{
    if (!psr_get(p, kind, key))
        return err_set(e, "no %s '%s' in procurement %s (add it first)", kind, key, p->id);
    return 0;
}

bool psr_has_submitted(const psr_proc *p, const char *login)
{
    return psr_get(p, "submitted", login) != NULL;
}

bool psr_all_submitted(const psr_proc *p)
{
    int ev = 0, sub = 0;
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->row[i].kind, "evaluator") == 0) {
            ev++;
            sub += psr_has_submitted(p, p->row[i].key);
        }
    return ev > 0 && sub == ev;
}

static int check_field(const psr_regime *rg, const psr_proc *p, char **a, err *e)
{
    long v;
    if (!psr_in_list(psr_field_names(), a[0]))
        return err_set(e, "unknown field '%s' (see catchment psr --help)", a[0]);
    if (strcmp(a[0], "route") == 0 && !psr_route_find(rg, a[1]))
        return err_set(e, "route: '%s' is not a route of the regime (A, B, C, MSP, COMP)", a[1]);
    if (strcmp(a[0], "value") == 0)
        return whole("value (pounds)", a[1], 0, 100000000000L, &v, e);
    if (strcmp(a[0], "provider") == 0)
        return need(p, "bidder", a[1], e);
    if (strcmp(a[0], "notice") == 0 || strcmp(a[0], "award") == 0 ||
        strcmp(a[0], "commencement") == 0 || strcmp(a[0], "abandoned") == 0) {
        if (text_date(a[1]) <= 0)
            return err_set(e, "%s: '%s' is not a date (YYYY-MM-DD)", a[0], a[1]);
    }
    return 0;
}

static int check_condition(const psr_regime *rg, const psr_proc *p, char **a, err *e)
{
    const psr_route *r = psr_route_find(rg, psr_field(p, "route"));
    if (!r)
        return err_set(e, "set the route first (psr set %s route ...)", p->id);
    for (int i = 0; i < r->ncond; i++)
        if (strcmp(r->cond[i].id, a[0]) == 0)
            return yes_no(a[0], a[1], e);
    return err_set(e, "'%s' is not a condition of %s", a[0], r->name);
}

static int check_question(const psr_regime *rg, char **a, err *e)
{
    long v;
    if (!psr_criterion_find(rg, a[1]))
        return err_set(e, "'%s' is not a key criterion (quality, value, integration, access, "
                       "social)", a[1]);
    if (whole("weight", a[2], 1, 100, &v, e) < 0 || whole("top score", a[3], 1, 10, &v, e) < 0)
        return -1;
    if (!psr_in_list(psr_roles(), a[4]))
        return err_set(e, "role '%s' is not one of commissioner, clinical, finance, "
                       "patient-reference-group", a[4]);
    return 0;
}

static int check_moderation(const psr_proc *p, char **a, err *e)
{
    long v;
    const psr_item *q = psr_get(p, "question", a[0]);
    if (!q)
        return need(p, "question", a[0], e);
    if (need(p, "bidder", a[1], e) < 0)
        return -1;
    if (!psr_all_submitted(p))
        return err_set(e, "moderation opens when every evaluator has submitted their scores");
    return whole("consensus score", a[2], 0, strtol(q->f[2], NULL, 10), &v, e);
}

int psr_check_row(const psr_regime *rg, const psr_proc *p, const char *kind, char **a, err *e)
{
    long v;
    if (strcmp(kind, "field") == 0)
        return check_field(rg, p, a, e);
    if (strcmp(kind, "condition") == 0)
        return check_condition(rg, p, a, e);
    if (strcmp(kind, "criterion") == 0) {
        if (!psr_criterion_find(rg, a[0]))
            return err_set(e, "'%s' is not a key criterion of the regime", a[0]);
        return whole("weight", a[1], 0, 100, &v, e);
    }
    if (strcmp(kind, "question") == 0)
        return check_question(rg, a, e);
    if (strcmp(kind, "answer") == 0)
        return need(p, "question", a[0], e) < 0 ? -1 : need(p, "bidder", a[1], e);
    if (strcmp(kind, "evaluator") == 0 && !psr_in_list(psr_roles(), a[1]))
        return err_set(e, "role '%s' is not one of commissioner, clinical, finance, "
                       "patient-reference-group", a[1]);
    if (strcmp(kind, "conflict") == 0)
        return need(p, "evaluator", a[0], e) < 0 || need(p, "bidder", a[1], e) < 0
                   ? -1
                   : yes_no("excluded", a[4], e);
    if (strcmp(kind, "moderation") == 0)
        return check_moderation(p, a, e);
    if (strcmp(kind, "representation") == 0 && text_date(a[1]) <= 0)
        return err_set(e, "representation: '%s' is not a date (YYYY-MM-DD)", a[1]);
    return 0;
}
