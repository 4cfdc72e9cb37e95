/* Options appraisal entries: checked, stored and audited in one write. */
#include "core/appraisal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/edit.h"
#include "util/clock.h"
#include "util/text.h"
#include "util/who.h"

static const char *const options[APPRAISAL_OPTIONS][2] = {
    {"reprocure", "Re-procure the contract"},
    {"direct-award", "Direct award to the current provider"},
    {"merge", "Merge with another practice"},
    {"disperse", "Close the practice and disperse its list"},
    {"caretaker", "Caretaker arrangement"}};

static const char *const factors[APPRAISAL_FACTORS][2] = {
    {"finance", "Finance"},
    {"performance", "Performance"},
    {"sustainability", "Sustainability"},
    {"size", "Practice size"},
    {"provision", "Other local provision"},
    {"need", "Local patient need"}};

const char *appraisal_option_name(int i) { return options[i][0]; }
const char *appraisal_option_title(int i) { return options[i][1]; }
const char *appraisal_factor_name(int i) { return factors[i][0]; }
const char *appraisal_factor_title(int i) { return factors[i][1]; }

int appraisal_option_find(const char *name)
{
    for (int i = 0; i < APPRAISAL_OPTIONS; i++)
        if (strcmp(name, options[i][0]) == 0)
            return i;
    return -1;
}

int appraisal_factor_find(const char *name)
{
    for (int i = 0; i < APPRAISAL_FACTORS; i++)
        if (strcmp(name, factors[i][0]) == 0)
            return i;
    return -1;
}

const char *appraisal_rag(int score)
{
    return score <= 0 ? "-" : score <= 2 ? "R" : score == 3 ? "A" : "G";
}

static int load_one(const appraisal_rec *r, void *ctx)
{
    appraisal *ap = ctx;
    int o = appraisal_option_find(r->option), f = appraisal_factor_find(r->field);
    if (o >= 0 && f >= 0)
        ap->score[o][f] = *r;
    else if (o >= 0 && strcmp(r->field, "detail") == 0)
        ap->detail[o] = *r;
    else if (strcmp(r->option, "decision") == 0 && strcmp(r->field, "recommend") == 0)
        ap->recommend = *r;
    else if (strcmp(r->option, "decision") == 0 && strcmp(r->field, "approve") == 0)
        ap->approve = *r;
    return 0;
}

int appraisal_load(store *s, const char *code, appraisal *out, err *e)
{
    memset(out, 0, sizeof *out);
    snprintf(out->practice, sizeof out->practice, "%s", code);
    return store_appraisal_each(s, code, load_one, out, e) < 0 ? -1 : 0;
}

double appraisal_total(const appraisal *ap, int option, const double *weights, int *scored)
{
    double sum = 0, wsum = 0;
    *scored = 0;
    for (int f = 0; f < APPRAISAL_FACTORS; f++) {
        int sc = ap->score[option][f].score;
        if (sc <= 0)
            continue;
        (*scored)++;
        sum += weights[f] * sc;
        wsum += weights[f];
    }
    return wsum > 0 ? sum / wsum : NAN;
}

/* ---- writing ---- */

/* "4 G: the rationale" or "merge with M86010: the note", as the trail keeps it. */
static void shown(const appraisal_rec *r, char *out, size_t n)
{
    static char all[NAME_MAX + TEXT_MAX + 16];
    if (!r->time)
        all[0] = '\0';
    else if (r->score)
        snprintf(all, sizeof all, "%d %s: %s", r->score, appraisal_rag(r->score), r->text);
    else
        snprintf(all, sizeof all, "%s%s%s", r->value, *r->text ? ": " : "", r->text);
    text_copy(out, n, all);
}

static int put_entry(store *s, void *ctx, err *e)
{
    const appraisal_rec *r = ctx;
    static appraisal_rec old;
    char field[2 * SHORT_MAX + 16], was[NAME_MAX], now[NAME_MAX];
    int rc = store_appraisal_get(s, r->practice, r->option, r->field, &old, e);
    if (rc < 0)
        return -1;
    if (rc == 0)
        memset(&old, 0, sizeof old);
    shown(&old, was, sizeof was);
    shown(r, now, sizeof now);
    snprintf(field, sizeof field, "appraisal.%s.%s", r->option, r->field);
    return store_appraisal_put(s, r, e) ? -1
                                        : edit_audit(s, r->practice, field, was, now, r->time, e);
}

static int write_entry(store *s, const char *code, const char *option, const char *field,
                       int score, const char *value, const char *text, int64_t now, err *e)
{
    static appraisal_rec r;
    if (edit_check_text("rationale", text, sizeof r.text, e) ||
        edit_check_text("value", value, sizeof r.value, e))
        return -1;
    memset(&r, 0, sizeof r);
    snprintf(r.practice, sizeof r.practice, "%s", code);
    snprintf(r.option, sizeof r.option, "%s", option);
    snprintf(r.field, sizeof r.field, "%s", field);
    snprintf(r.value, sizeof r.value, "%s", value);
    snprintf(r.text, sizeof r.text, "%s", text);
    snprintf(r.user, sizeof r.user, "%s", who_am_i());
    r.score = score;
    r.time = now;
    return edit_write(s, code, put_entry, &r, e);
}

int appraisal_set_score(store *s, const char *code, int option, int factor, int score,
                        const char *rationale, int64_t now, err *e)
{
    if (score < 1 || score > APPRAISAL_SCORE_MAX)
        return err_set(e, "a score is 1 (worst) to %d (best)", APPRAISAL_SCORE_MAX);
    if (!*rationale)
        return err_set(e, "a score needs its rationale");
    return write_entry(s, code, options[option][0], factors[factor][0], score, "", rationale,
                       now, e);
}

int appraisal_set_detail(store *s, const char *code, int option, const char *value,
                         const char *remark, int64_t now, err *e)
{
    return write_entry(s, code, options[option][0], "detail", 0, value, remark, now, e);
}

int appraisal_recommend(store *s, const char *code, int option, const char *rationale,
                        int64_t now, err *e)
{
    if (!*rationale)
        return err_set(e, "a recommendation needs its rationale");
    return write_entry(s, code, "decision", "recommend", 0, options[option][0], rationale, now,
                       e);
}

int appraisal_approve(store *s, const char *code, const char *remark, int64_t now,
                      bool *milestone, err *e)
{
    static appraisal_rec rec;
    contract c;
    *milestone = false;
    if (store_read_begin(s, e))
        return -1;
    int rc = store_appraisal_get(s, code, "decision", "recommend", &rec, e);
    int has_contract = rc >= 0 ? store_contract_at(s, code, clock_today(), &c, e) : -1;
    store_read_end(s);
    if (rc < 0 || has_contract < 0)
        return -1;
    if (rc == 0)
        return err_set(e, "%s: nothing to approve (record a recommendation first)", code);
    if (write_entry(s, code, "decision", "approve", 0, rec.value, remark, now, e))
        return -1;
    if (has_contract > 0 && c.end && c.milestone[0] == MILESTONE_OPEN) {
        if (edit_set(s, code, "milestone.options_appraisal", "done", now, e))
            return -1;
        *milestone = true;
    }
    return 0;
}
