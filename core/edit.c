#include "core/edit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"
#include "util/who.h"

static const char *const fields[] = {
    "capacity", "gp_fte", "list_open", "closed_from", "closed_to", "contract.type",
    "contract.start", "contract.end", "contract.provider", "contract.extension",
    "contract.notes", NULL};

const char *const *edit_fields(void) { return fields; }

static int check_text(const char *what, const char *v, size_t max, err *e)
{
    size_t n = strlen(v);
    if (n >= max)
        return err_set(e, "%s: %zu bytes is too long (at most %zu)", what, n, max - 1);
    if (!text_utf8_valid(v, n))
        return err_set(e, "%s: not valid UTF-8", what);
    if (text_has_control(v, n))
        return err_set(e, "%s: holds a control character", what);
    return 0;
}

static int audit(store *s, const char *code, const char *field, const char *old,
                 const char *new_value, int64_t now, err *e)
{
    audit_rec a = {.time = now};
    snprintf(a.practice, sizeof a.practice, "%s", code);
    snprintf(a.user, sizeof a.user, "%s", who_am_i());
    snprintf(a.field, sizeof a.field, "%s", field);
    text_copy(a.old_value, sizeof a.old_value, old);
    text_copy(a.new_value, sizeof a.new_value, new_value);
    return store_audit_add(s, &a, e);
}

/* Runs fn inside one write transaction for an existing practice. */
static int in_write(store *s, const char *code, int (*fn)(store *, void *, err *), void *ctx,
                    err *e)
{
    practice p;
    if (store_write_begin(s, e))
        return -1;
    int rc = store_practice_get(s, code, &p, e);
    if (rc == 0)
        rc = err_set(e, "no practice '%s' in the store", code);
    if (rc > 0)
        rc = fn(s, ctx, e);
    if (rc < 0) {
        store_write_abort(s);
        return -1;
    }
    return store_write_commit(s, e);
}

static int put_note(store *s, void *ctx, err *e)
{
    const note *n = ctx;
    if (store_note_put(s, n, e))
        return -1;
    return audit(s, n->practice, "note", "", n->text, n->time, e);
}

int edit_note(store *s, const char *code, const char *text, int64_t now, err *e)
{
    static note n; /* 4 KiB of text */
    if (check_text("note", text, sizeof n.text, e))
        return -1;
    if (!*text)
        return err_set(e, "note: empty");
    memset(&n, 0, sizeof n);
    snprintf(n.practice, sizeof n.practice, "%s", code);
    snprintf(n.user, sizeof n.user, "%s", who_am_i());
    n.time = now;
    memcpy(n.text, text, strlen(text) + 1);
    return in_write(s, code, put_note, &n, e);
}

struct set_edit {
    const char *code, *field, *value;
    int64_t now;
};

static bool is_unknown(const char *v)
{
    return !*v || strcasecmp(v, "unknown") == 0;
}

/* The old value as the audit shows it: "unknown" when there was none. */
static void old_number(char *old, bool known, const char *fmt, double v)
{
    if (known)
        snprintf(old, NAME_MAX, fmt, v);
    else
        snprintf(old, NAME_MAX, "unknown");
}

/* A capacity fact: old and new values as text for the audit. */
static int set_capacity_field(capacity_rec *c, const struct set_edit *se, char *old, err *e)
{
    const char *f = se->field, *v = se->value;
    long n;
    double d;
    if (strcmp(f, "capacity") == 0) {
        old_number(old, c->capacity >= 0, "%.0f", (double)c->capacity);
        if (!is_unknown(v) && (text_long(v, &n) || n < 0 || n > 1000000))
            return err_set(e, "capacity: '%s' is not a number of patients (0..1000000)", v);
        c->capacity = is_unknown(v) ? -1 : n;
    } else if (strcmp(f, "gp_fte") == 0) {
        old_number(old, !isnan(c->gp_fte), "%g", c->gp_fte);
        if (!is_unknown(v) && (text_double(v, &d) || d < 0 || d > 500))
            return err_set(e, "gp_fte: '%s' is not a number of full-time GPs (0..500)", v);
        c->gp_fte = is_unknown(v) ? NAN : d;
    } else if (strcmp(f, "list_open") == 0) {
        snprintf(old, NAME_MAX, "%s", c->list_open < 0 ? "unknown" : c->list_open ? "yes" : "no");
        bool yes = !strcasecmp(v, "yes") || !strcasecmp(v, "open");
        bool no = !strcasecmp(v, "no") || !strcasecmp(v, "closed");
        if (!yes && !no && !is_unknown(v))
            return err_set(e, "list_open: '%s' is not yes, no or unknown", v);
        c->list_open = yes ? 1 : no ? 0 : -1;
    } else {
        long *slot = strcmp(f, "closed_from") == 0 ? &c->closed_from : &c->closed_to;
        text_date_iso(*slot, old, NAME_MAX);
        long dt = text_date(v);
        if (dt < 0 && !is_unknown(v))
            return err_set(e, "%s: '%s' is not a date (YYYY-MM-DD)", f, v);
        *slot = dt < 0 ? 0 : dt;
    }
    return 0;
}

static int set_contract_field(contract *c, const struct set_edit *se, char *old, err *e)
{
    const char *f = se->field + strlen("contract."), *v = se->value;
    if (strcmp(f, "start") == 0 || strcmp(f, "end") == 0) {
        long *slot = f[0] == 's' ? &c->start : &c->end;
        long dt = text_date(v);
        text_date_iso(*slot, old, NAME_MAX);
        if (dt < 0 && !is_unknown(v))
            return err_set(e, "contract.%s: '%s' is not a date (YYYY-MM-DD)", f, v);
        *slot = dt < 0 ? 0 : dt;
        if (c->start && c->end && c->end < c->start)
            return err_set(e, "contract.%s: the contract would end before it starts", f);
        return 0;
    }
    if (strcmp(f, "type") == 0 && strcmp(v, "GMS") && strcmp(v, "PMS") && strcmp(v, "APMS"))
        return err_set(e, "contract.type: '%s' is not GMS, PMS or APMS", v);
    char *dst = strcmp(f, "type") == 0       ? c->type
                : strcmp(f, "provider") == 0 ? c->provider
                : strcmp(f, "extension") == 0 ? c->extension
                                              : c->notes;
    size_t max = strcmp(f, "type") == 0 ? sizeof c->type
                 : strcmp(f, "notes") == 0 ? sizeof c->notes
                                           : sizeof c->provider;
    if (check_text(se->field, v, max, e))
        return -1;
    text_copy(old, NAME_MAX, dst);
    memcpy(dst, v, strlen(v) + 1);
    return 0;
}

static int put_field(store *s, void *ctx, err *e)
{
    const struct set_edit *se = ctx;
    char old[NAME_MAX] = "";
    int rc;
    if (strncmp(se->field, "contract.", 9) == 0) {
        static contract c;
        if ((rc = store_contract_get(s, se->code, &c, e)) < 0)
            return -1;
        if (rc == 0) {
            memset(&c, 0, sizeof c);
            snprintf(c.practice, sizeof c.practice, "%s", se->code);
        }
        rc = set_contract_field(&c, se, old, e) || store_contract_put(s, &c, e);
    } else {
        capacity_rec c;
        capacity_init(&c, se->code);
        if (store_capacity_get(s, se->code, &c, e) < 0)
            return -1;
        rc = set_capacity_field(&c, se, old, e) || store_capacity_put(s, &c, e);
    }
    return rc ? -1 : audit(s, se->code, se->field, old, se->value, se->now, e);
}

int edit_set(store *s, const char *code, const char *field, const char *value, int64_t now,
             err *e)
{
    bool known = false;
    for (int i = 0; fields[i]; i++)
        known |= strcmp(fields[i], field) == 0;
    if (!known)
        return err_set(e, "unknown field '%s' (capacity, gp_fte, list_open, closed_from, "
                          "closed_to, contract.type/start/end/provider/extension/notes)", field);
    if (check_text(field, value, TEXT_MAX, e))
        return -1;
    struct set_edit se = {.code = code, .field = field, .value = value, .now = now};
    return in_write(s, code, put_field, &se, e);
}
