#include "core/edit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/clock.h"
#include "util/text.h"
#include "util/who.h"

static const char *const fields[] = {
    "capacity", "gp_fte", "list_open", "closed_from", "closed_to", "contract.type",
    "contract.start", "contract.end", "contract.provider", "contract.extension",
    "contract.notes", NULL};

const char *const *edit_fields(void) { return fields; }

int edit_check_text(const char *what, const char *v, size_t max, err *e)
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

int edit_audit(store *s, const char *code, const char *field, const char *old,
               const char *new_value, int64_t now, err *e)
{
    audit_rec a = {.time = now};
    const char *who;
    if (who_writer(&who, e))
        return -1;
    snprintf(a.practice, sizeof a.practice, "%s", code);
    snprintf(a.user, sizeof a.user, "%s", who);
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
    return edit_audit(s, n->practice, "note", "", n->text, n->time, e);
}

int edit_note(store *s, const char *code, const char *text, int64_t now, err *e)
{
    static note n; /* 4 KiB of text */
    const char *who;
    if (who_writer(&who, e) || edit_check_text("note", text, sizeof n.text, e))
        return -1;
    if (!*text)
        return err_set(e, "note: empty");
    memset(&n, 0, sizeof n);
    snprintf(n.practice, sizeof n.practice, "%s", code);
    snprintf(n.user, sizeof n.user, "%s", who);
    n.time = now;
    memcpy(n.text, text, strlen(text) + 1);
    return in_write(s, code, put_note, &n, e);
}

struct set_edit {
    const char *code, *field, *value;
    long date;                /* the date it applies from (0: today) */
    int64_t now;
    edit_change *out;
};

/* The day a set takes effect: the one asked for, else today. */
static long set_date(const struct set_edit *se)
{
    return se->date > 0 ? se->date : clock_today();
}

/* A list's status and closure dates are the newest record's (they carry
 * their own dates); the figures are dated by the record they are in. */
static bool closure_field(const char *f)
{
    return strcmp(f, "list_open") == 0 || strcmp(f, "closed_from") == 0 ||
           strcmp(f, "closed_to") == 0;
}

static bool is_unknown(const char *v)
{
    return !*v || strcasecmp(v, "unknown") == 0;
}

/* A capacity fact as the audit shows it: "unknown" when there is none. */
static void capacity_text(const capacity_rec *c, const char *f, char *out)
{
    if (strcmp(f, "capacity") == 0 && c->capacity >= 0)
        snprintf(out, NAME_MAX, "%ld", c->capacity);
    else if (strcmp(f, "gp_fte") == 0 && !isnan(c->gp_fte))
        snprintf(out, NAME_MAX, "%g", c->gp_fte);
    else if (strcmp(f, "list_open") == 0 && c->list_open >= 0)
        snprintf(out, NAME_MAX, "%s", c->list_open ? "yes" : "no");
    else if (strcmp(f, "closed_from") == 0 || strcmp(f, "closed_to") == 0)
        text_date_iso(f[7] == 'f' ? c->closed_from : c->closed_to, out, NAME_MAX);
    else
        snprintf(out, NAME_MAX, "unknown");
}

/* A capacity fact from text. */
static int set_capacity_field(capacity_rec *c, const struct set_edit *se, err *e)
{
    const char *f = se->field, *v = se->value;
    long n;
    double d;
    if (strcmp(f, "capacity") == 0) {
        if (!is_unknown(v) && (text_long(v, &n) || n < 0 || n > 1000000))
            return err_set(e, "capacity: '%s' is not a number of patients (0..1000000)", v);
        c->capacity = is_unknown(v) ? -1 : n;
        c->capacity_set = c->capacity >= 0; /* typed by a person, not imported */
        if (isnan(c->gp_fte)) /* nothing made-up is left in the record */
            c->illustrative = false;
    } else if (strcmp(f, "gp_fte") == 0) {
        if (!is_unknown(v) && (text_double(v, &d) || d < 0 || d > 500))
            return err_set(e, "gp_fte: '%s' is not a number of full-time GPs (0..500)", v);
        c->gp_fte = is_unknown(v) ? NAN : d;
        /* A person's figure is not the file's made-up one; a made-up
         * capacity beside it still is. */
        if (c->capacity < 0 || c->capacity_set)
            c->illustrative = false;
    } else if (strcmp(f, "list_open") == 0) {
        bool yes = !strcasecmp(v, "yes") || !strcasecmp(v, "open");
        bool no = !strcasecmp(v, "no") || !strcasecmp(v, "closed");
        if (!yes && !no && !is_unknown(v))
            return err_set(e, "list_open: '%s' is not yes, no or unknown", v);
        c->list_open = yes ? 1 : no ? 0 : -1;
    } else {
        long *slot = strcmp(f, "closed_from") == 0 ? &c->closed_from : &c->closed_to;
        long dt = text_date(v);
        if (dt < 0 && !is_unknown(v))
            return err_set(e, "%s: '%s' is not a date (YYYY-MM-DD)", f, v);
        *slot = dt < 0 ? 0 : dt;
    }
    return 0;
}

/* milestone.NAME: the contract's milestones, in the order of
 * contracts.milestones in the config. */
static const char *const milestone_fields[CONTRACT_MILESTONES] = {
    "milestone.options_appraisal", "milestone.engagement", "milestone.procurement",
    "milestone.award", "milestone.mobilisation"};
static const char *const milestone_states[] = {"open", "done", "waived"};

static int milestone_index(const char *field)
{
    for (int i = 0; i < CONTRACT_MILESTONES; i++)
        if (strcmp(field, milestone_fields[i]) == 0)
            return i;
    return -1;
}

const char *edit_milestone_state(int state)
{
    return state >= 0 && state <= MILESTONE_WAIVED ? milestone_states[state] : "open";
}

/* A contract field as the audit shows it. */
static void contract_text(const contract *c, const char *field, char *out)
{
    const char *f = field + strlen("contract.");
    int m = milestone_index(field);
    if (m >= 0)
        snprintf(out, NAME_MAX, "%s", edit_milestone_state(c->milestone[m]));
    else if (strcmp(f, "start") == 0 || strcmp(f, "end") == 0)
        text_date_iso(f[0] == 's' ? c->start : c->end, out, NAME_MAX);
    else
        text_copy(out, NAME_MAX, strcmp(f, "type") == 0       ? c->type
                                 : strcmp(f, "provider") == 0 ? c->provider
                                 : strcmp(f, "extension") == 0 ? c->extension
                                                               : c->notes);
}

static int set_milestone(contract *c, int m, const char *v, err *e)
{
    if (!c->end)
        return err_set(e, "%s: %s has no contract end date to count milestones back from "
                          "(set contract.end first)", milestone_fields[m], c->practice);
    for (int k = 0; k <= MILESTONE_WAIVED; k++)
        if (strcasecmp(v, milestone_states[k]) == 0 || (k == 0 && is_unknown(v))) {
            c->milestone[m] = (unsigned char)k;
            return 0;
        }
    return err_set(e, "%s: '%s' is not done, waived or open", milestone_fields[m], v);
}

static int set_contract_field(contract *c, const struct set_edit *se, err *e)
{
    const char *f = se->field + strlen("contract."), *v = se->value;
    int m = milestone_index(se->field);
    if (m >= 0)
        return set_milestone(c, m, v, e);
    if (strcmp(f, "start") == 0 || strcmp(f, "end") == 0) {
        long *slot = f[0] == 's' ? &c->start : &c->end;
        long dt = text_date(v);
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
    if (edit_check_text(se->field, v, max, e))
        return -1;
    memcpy(dst, v, strlen(v) + 1);
    return 0;
}

static int start_taken(const contract *c, void *ctx)
{
    return c->start == *(const long *)ctx;
}

/* Writes the contract; a new start moves it to its new key, unless
 * another contract of the practice starts that day. */
static int put_contract(store *s, const contract *c, long old_start, bool had, err *e)
{
    char d[16];
    if (had && c->start != old_start) {
        long want = c->start;
        int rc = store_contract_each(s, c->practice, start_taken, &want, e);
        if (rc)
            return rc < 0 ? -1 : err_set(e, "contract.start: %s already has a contract "
                                            "starting %s", c->practice,
                                         text_date_or_dash(want, d, sizeof d));
        if (store_contract_del(s, c->practice, old_start, e))
            return -1;
    }
    return store_contract_put(s, c, e);
}

/* The contract in force on the set's date (core/asat.h), or a new one. */
static int set_contract(store *s, const struct set_edit *se, edit_change *ch, err *e)
{
    static contract c;
    int rc = store_contract_at(s, se->code, set_date(se), &c, e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        snprintf(c.practice, sizeof c.practice, "%s", se->code);
    long old_start = c.start;
    contract_text(&c, se->field, ch->old_value);
    if (set_contract_field(&c, se, e))
        return -1;
    contract_text(&c, se->field, ch->new_value);
    ch->changed = strcmp(ch->old_value, ch->new_value) != 0;
    return ch->changed ? put_contract(s, &c, old_start, rc > 0, e) : 0;
}

/* A figure goes into the record from the set's date (made from the one
 * in force then); a list status into the newest record. */
static int set_capacity(store *s, const struct set_edit *se, edit_change *ch, err *e)
{
    capacity_rec c;
    bool closure = closure_field(se->field);
    long from = set_date(se);
    if (store_capacity_at(s, se->code, closure ? 0 : from, &c, e) < 0)
        return -1;
    if (!closure || c.from < 0)
        c.from = from;
    capacity_text(&c, se->field, ch->old_value);
    bool was_set = c.capacity_set;
    if (set_capacity_field(&c, se, e))
        return -1;
    capacity_text(&c, se->field, ch->new_value);
    /* The same figure, now vouched for by a person, is a change too. */
    ch->changed = strcmp(ch->old_value, ch->new_value) != 0 || was_set != c.capacity_set;
    if (!closure && se->date > 0) { /* the date it applies from, in the history */
        size_t n = strlen(ch->new_value);
        snprintf(ch->new_value + n, sizeof ch->new_value - n, " from ");
        text_date_iso(from, ch->new_value + n + 6, sizeof ch->new_value - n - 6);
    }
    return ch->changed ? store_capacity_put(s, &c, e) : 0;
}

/* Reads the record, changes the field, and writes it with an audit row,
 * unless the value is the one already there: then nothing is written. */
static int put_field(store *s, void *ctx, err *e)
{
    const struct set_edit *se = ctx;
    edit_change *ch = se->out;
    int rc = strncmp(se->field, "contract.", 9) == 0 || milestone_index(se->field) >= 0
                 ? set_contract(s, se, ch, e)
                 : set_capacity(s, se, ch, e);
    if (rc || !ch->changed)
        return rc ? -1 : 0;
    return edit_audit(s, se->code, se->field, ch->old_value, ch->new_value, se->now, e);
}

int edit_set_change(store *s, const char *code, const char *field, const char *value,
                    int64_t now, edit_change *out, err *e)
{
    return edit_set_from(s, code, field, value, 0, now, out, e);
}

int edit_set_from(store *s, const char *code, const char *field, const char *value, long date,
                  int64_t now, edit_change *out, err *e)
{
    bool known = milestone_index(field) >= 0;
    for (int i = 0; fields[i]; i++)
        known |= strcmp(fields[i], field) == 0;
    if (!known)
        return err_set(e, "unknown field '%s' (capacity, gp_fte, list_open, closed_from, "
                          "closed_to, contract.type/start/end/provider/extension/notes, "
                          "milestone.options_appraisal/engagement/procurement/award/"
                          "mobilisation)", field);
    if (edit_check_text(field, value, TEXT_MAX, e))
        return -1;
    edit_change mine;
    struct set_edit se = {code, field, value, date, now, out ? out : &mine};
    memset(se.out, 0, sizeof *se.out);
    return in_write(s, code, put_field, &se, e);
}

int edit_set(store *s, const char *code, const char *field, const char *value, int64_t now,
             err *e)
{
    return edit_set_change(s, code, field, value, now, NULL, e);
}

int edit_write(store *s, const char *code, int (*fn)(store *, void *, err *), void *ctx, err *e)
{
    return in_write(s, code, fn, ctx, e);
}
