/* What an import changes in facts a person entered (contracts, capacity)
 * goes into the audit trail like a `set`: one entry per field changed,
 * with the old and new values, who imported, when, and the file's
 * SHA-256. */
#include "import/importer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

/* One audit entry for field of code, if the value changed. */
static int change(import_ctx *ic, const char *code, const char *field, const char *old,
                  const char *new_value, err *e)
{
    if (strcmp(old, new_value) == 0)
        return 0;
    audit_rec a = {.time = ic->prov->imported_at};
    snprintf(a.practice, sizeof a.practice, "%s", code);
    snprintf(a.user, sizeof a.user, "%s", ic->prov->user);
    snprintf(a.field, sizeof a.field, "%s", field);
    text_copy(a.old_value, sizeof a.old_value, old);
    text_copy(a.new_value, sizeof a.new_value, new_value);
    memcpy(a.sha256, ic->prov->sha256, sizeof a.sha256);
    return store_audit_add(ic->s, &a, e);
}

static int change_date(import_ctx *ic, const char *code, const char *field, long old, long nw,
                       err *e)
{
    char a[16], b[16];
    text_date_iso(old, a, sizeof a);
    text_date_iso(nw, b, sizeof b);
    return change(ic, code, field, a, b, e);
}

int imp_contract_changes(import_ctx *ic, const contract *old, const contract *c, err *e)
{
    const char *p = c->practice;
    return change(ic, p, "contract.type", old->type, c->type, e) ||
           change_date(ic, p, "contract.start", old->start, c->start, e) ||
           change_date(ic, p, "contract.end", old->end, c->end, e) ||
           change(ic, p, "contract.extension", old->extension, c->extension, e) ||
           change(ic, p, "contract.provider", old->provider, c->provider, e) ||
           change(ic, p, "contract.notes", old->notes, c->notes, e)
               ? -1
               : 0;
}

/* Numbers as `set` shows them: "unknown" for none. */
static void number(char *out, size_t n, bool known, const char *fmt, double v)
{
    if (known)
        snprintf(out, n, fmt, v);
    else
        snprintf(out, n, "unknown");
}

static const char *yes_no(int v) { return v < 0 ? "unknown" : v ? "yes" : "no"; }

int imp_capacity_changes(import_ctx *ic, const capacity_rec *old, const capacity_rec *c,
                         err *e)
{
    char a[32], b[32], f[32], g[32];
    const char *p = c->practice;
    number(a, sizeof a, old->capacity >= 0, "%.0f", (double)old->capacity);
    number(b, sizeof b, c->capacity >= 0, "%.0f", (double)c->capacity);
    number(f, sizeof f, !isnan(old->gp_fte), "%g", old->gp_fte);
    number(g, sizeof g, !isnan(c->gp_fte), "%g", c->gp_fte);
    return change(ic, p, "capacity", a, b, e) || change(ic, p, "gp_fte", f, g, e) ||
                   change(ic, p, "list_open", yes_no(old->list_open), yes_no(c->list_open), e) ||
                   change_date(ic, p, "closed_from", old->closed_from, c->closed_from, e) ||
                   change_date(ic, p, "closed_to", old->closed_to, c->closed_to, e)
               ? -1
               : 0;
}
