/* The practice card: everything `catchment show` knows about one practice,
 * laid out for a glance.  Two columns on a wide terminal.  `a` adds a
 * note, `y` copies a one-line summary to the user's clipboard. */
#include "tui/internal.h"

#include "core/areas.h"

#include "util/clock.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/card.h"
#include "core/edit.h"
#include "core/world.h"
#include "engine/milestones.h"
#include "util/text.h"

typedef struct cview {
    char code[CODE_MAX];
    card *c;
    bool found;
    tlines tl;
} cview;

enum { CARD_WIDE = 150 };

static void card_identity(app *a, const card *c, tlines *t)
{
    char addr[1024] = "";
    const practice *p = &c->p;
    for (int i = 0; i < 5; i++)
        if (*p->addr[i])
            snprintf(addr + strlen(addr), sizeof addr - strlen(addr), "%s, ", p->addr[i]);
    bool marked = plan_closing(&a->plan, p->code);
    char d[16];
    tl_add(t, COL_SECTION, -1, "%s  %s", p->code, *p->name ? p->name : "(not in the ODS register)");
    char d1[16], d2[16], when[64] = "";
    text_date_or_dash(c->at.date, d2, sizeof d2);
    if (!c->open && p->close_date > 0 && p->close_date <= c->at.date)
        snprintf(when, sizeof when, ", CLOSED on %s", text_date_or_dash(p->close_date, d1, sizeof d1));
    else if (!c->open)
        snprintf(when, sizeof when, ", not open on %s", d2);
    else if (p->close_date > 0)
        snprintf(when, sizeof when, ", open on %s (closes %s)", d2,
                 text_date_or_dash(p->close_date, d1, sizeof d1));
    tl_add(t, marked ? COL_MARK : !c->open ? COL_WARN : COL_NORMAL, -1, "%s%s%s",
           *p->status ? p->status : "status unknown", when,
           marked ? "  MARKED TO CLOSE (what-if)" : "");
    for (int i = 0; i < c->nnames; i++) /* former names live on in people's memories */
        tl_add(t, COL_NORMAL, -1, "Also known as %s (%s%s%s)", c->names[i].name, c->names[i].source,
               c->names[i].date ? ", " : "", c->names[i].date ? text_date_or_dash(c->names[i].date, d, sizeof d) : "");
    tl_add(t, COL_NORMAL, -1, "%s%s", addr, p->postcode);
    tl_add(t, COL_NORMAL, -1, "Phone %s", *p->phone ? p->phone : "-");
    tl_add(t, COL_NORMAL, -1, "PCN %s %s", *p->pcn_code ? p->pcn_code : "-", p->pcn_name);
    tl_add(t, COL_NORMAL, -1, "Sub-ICB %s %s", *p->sub_icb ? p->sub_icb : "-", p->sub_icb_name);
    char dec[16] = "-";
    if (c->imd > 0) /* unknown is "-", never 0 */
        snprintf(dec, sizeof dec, "%d", c->imd);
    if (*c->pc.postcode)
        tl_add(t, COL_NORMAL, -1, "LSOA %s, IMD %d decile %s", *c->pc.lsoa ? c->pc.lsoa : "-",
               areas_edition_year(c->imd_edition), dec);
    else
        tl_add(t, COL_DIM, -1, "Location unknown (import a postcode file)");
}

/* One point of the history as a figure: "10,647 (2021-01-01, +22.4%)". */
static const char *point_text(const list_point *pt, const list_point *latest, char *out,
                              size_t n)
{
    char num[32], d[16];
    double pct = card_change_pct(pt, latest);
    if (!pt->date)
        snprintf(out, n, "-");
    else if (isnan(pct) || pt->date == latest->date)
        snprintf(out, n, "%s (%s)", text_thousands(pt->patients, num, sizeof num),
                 text_date_or_dash(pt->date, d, sizeof d));
    else
        snprintf(out, n, "%s (%s, %+.1f%% to latest)", text_thousands(pt->patients, num, sizeof num),
                 text_date_or_dash(pt->date, d, sizeof d), pct);
    return out;
}

/* The history as numbers beside the sparkline. */
static void card_history_numbers(const card *c, tlines *t)
{
    char a1[96], a2[96];
    tl_add(t, COL_NORMAL, -1, "Earliest %s", point_text(&c->first, &c->latest, a1, sizeof a1));
    tl_add(t, COL_NORMAL, -1, "Year before %s", point_text(&c->year_ago, &c->latest, a2, sizeof a2));
}

static void card_list(app *a, const card *c, tlines *t, int width)
{
    char n1[32], n2[32], d[16], d2[16], spark[1024];
    tl_rule(t, "List size");
    if (c->p.list_size < 0) {
        tl_add(t, COL_DIM, -1, "unknown (import gp-reg-pat-prac-all files)");
        return;
    }
    bool stale = asat_stale(c->p.list_date, c->at.date);
    tl_add(t, stale ? COL_WARN : COL_NORMAL, -1, "%s patients on %s%s%s",
           text_thousands(c->p.list_size, n1, sizeof n1),
           text_date_or_dash(c->p.list_date, d, sizeof d), stale ? "*" : "",
           c->open ? "" : " (its last list)");
    if (c->change_12m != LONG_MIN)
        tl_add(t, COL_NORMAL, -1, "%s%s over 12 months (%+.1f%%)", c->change_12m > 0 ? "+" : "",
               text_thousands(c->change_12m, n2, sizeof n2),
               100.0 * (double)c->change_12m / (double)(c->p.list_size - c->change_12m));
    card_history_numbers(c, t);
    int room = width - 32, first = c->nhist > room ? c->nhist - room : 0;
    long vals[CARD_HISTORY];
    for (int i = first; i < c->nhist; i++)
        vals[i - first] = c->hist[i].patients;
    if (c->nhist - first >= 2) {
        draw_sparkline(a, vals, c->nhist - first, spark, sizeof spark);
        tl_add(t, COL_NORMAL, -1, "%s  %s to %s", spark, text_date_or_dash(c->hist[first].date, d, sizeof d),
               text_date_or_dash(c->hist[c->nhist - 1].date, d2, sizeof d2));
    }
}

/* Without a list size the headroom is unknown, and so is a capacity
 * taken from the list (default headroom): never shown as 0.  unit goes
 * after a number ("4,311 patients (default-headroom)"). */

static const char *headroom_text(const card *c, char *out, size_t n)
{
    if (card_headroom_known(c))
        return text_thousands(c->cap.headroom, out, n);
    snprintf(out, n, "unknown");
    return out;
}

static void card_capacity(const card *c, tlines *t)
{
    char n1[96], n2[32];
    tl_rule(t, "Capacity");
    if (!c->open) {
        tl_add(t, COL_DIM, -1, "- (not open on the as-at date), headroom -");
        return;
    }
    tl_add(t, c->cap.headroom > 0 ? COL_NORMAL : COL_WARN, -1, "%s, headroom %s",
           card_capacity_text(c, " patients", n1, sizeof n1), headroom_text(c, n2, sizeof n2));
    if (c->facts.capacity >= 0 && c->facts.from > 0)
        tl_add(t, COL_NORMAL, -1, "Capacity recorded from %s",
               text_date_or_dash(c->facts.from, n1, sizeof n1));
    if (!isnan(c->facts.gp_fte)) {
        char from[40];
        tl_add(t, COL_NORMAL, -1, "GP FTE %.1f (%s)", c->facts.gp_fte,
               world_fte_label(&c->facts, c->fte_date, from, sizeof from));
    }
    tl_add(t, c->facts.list_open == 0 ? COL_WARN : COL_NORMAL, -1, "List %s%s",
           c->facts.list_open == 0 ? "closed to new patients"
           : c->facts.list_open == 1 ? "open" : "status unknown",
           c->facts.list_open >= 0 && c->facts.illustrative ? " (ILLUSTRATIVE)" : "");
}

static void card_contract(app *a, const card *c, tlines *t, int width)
{
    char d1[16], d2[16], d3[16];
    tl_rule(t, "Contract");
    if (!*c->con.practice) {
        tl_add(t, COL_DIM, -1, "none recorded");
        return;
    }
    /* The contract in force on the date, or the newest that had started. */
    bool ended = store_contract_ended(&c->con, c->at.facts);
    tl_add(t, ended ? COL_WARN : COL_NORMAL, -1, "%s%s%s, %s%s%s%s", *c->con.type ? c->con.type : "contract",
           c->con.start ? " from " : "", c->con.start ? text_date_or_dash(c->con.start, d1, sizeof d1) : "",
           !c->con.end ? "open-ended" : ended ? "ended " : "ends ",
           c->con.end ? text_date_or_dash(c->con.end, d2, sizeof d2) : "",
           *c->con.extension ? ", extension " : "", c->con.extension);
    if (*c->con.provider)
        tl_add(t, COL_NORMAL, -1, "Provider %s", c->con.provider);
    if (c->con.end && !ended) {
        long months[MILESTONES] = {a->cfg.milestones.options_appraisal, a->cfg.milestones.engagement,
                                   a->cfg.milestones.procurement, a->cfg.milestones.award,
                                   a->cfg.milestones.mobilisation};
        long dates[MILESTONES];
        milestones_for(c->con.end, months, dates);
        int k = milestone_next_open(dates, c->con.milestone, c->at.facts), overdue = 0;
        char days[32], late[32] = "";
        for (int i = 0; i < MILESTONES; i++)
            overdue += milestone_overdue(dates[i], c->con.milestone[i], c->at.facts);
        if (overdue)
            snprintf(late, sizeof late, "; %d overdue", overdue);
        if (k < MILESTONES)
            tl_add(t, overdue ? COL_WARN : COL_NORMAL, -1, "Next: %s on %s (in %s)%s", milestone_name(k),
                   text_date_or_dash(dates[k], d3, sizeof d3),
                   text_count(milestone_days_between(c->at.facts, dates[k]), "day", "days", days, sizeof days),
                   late);
        else
            tl_add(t, overdue ? COL_OVER : COL_NORMAL, -1, "No milestone left before the end%s", late);
    }
    if (*c->con.notes)
        tl_wrap(t, COL_NORMAL, width, "", c->con.notes);
}

static void card_notes(const card *c, tlines *t, int width)
{
    char when[32], head[128];
    tl_rule(t, "Notes");
    if (c->nnotes == 0)
        tl_add(t, COL_DIM, -1, "none yet (a adds one)");
    for (int i = 0; i < c->nnotes; i++) {
        time_t tt = (time_t)c->notes[i].time;
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        snprintf(head, sizeof head, "%s %s: ", when, c->notes[i].user);
        tl_wrap(t, COL_NORMAL, width, "", head);
        t->v[t->n - 1].h[0].color = COL_HEADER;
        tl_wrap(t, COL_NORMAL, width, "  ", c->notes[i].text);
    }
}

static void card_age(const card *c, tlines *t)
{
    char line[512] = "";
    long total = 0;
    if (!c->age.date)
        return;
    tl_rule(t, "Age profile");
    for (int g = 0; g < AGE_GROUPS; g++)
        total += c->age_groups[g];
    for (int g = 0; g < AGE_GROUPS && total > 0; g++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s %.0f%%", g ? "  " : "",
                 card_age_group_name(g), 100.0 * (double)c->age_groups[g] / (double)total);
    tl_add(t, COL_NORMAL, -1, "%s", line);
    tl_add(t, COL_NORMAL, -1, "Aged 65+ %.1f%%, 75+ %.1f%%", 100 * card_share_65(c),
           100 * card_share_75(c));
}

/* The published headline figures, each with its period and source, and
 * the branch sites (ODS). */
static void card_evidence_lines(const card *c, tlines *t)
{
    const evidence *month;
    const list_point *lp;
    char v[64];
    double per = card_appts_per_1000(c, &month, &lp);
    if (!c->nev && !c->nbranches)
        return;
    tl_rule(t, "Published evidence");
    if (month) {
        if (isnan(per))
            snprintf(v, sizeof v, "-");
        else
            snprintf(v, sizeof v, "%.0f", per);
        tl_add(t, COL_NORMAL, -1, "Appointments per 1,000 patients %s (%s)", v, month->period);
    }
    for (int m = 0; card_headlines[m]; m++) {
        const evidence *ev = card_evidence(c, card_headlines[m]);
        if (ev)
            tl_add(t, COL_NORMAL, -1, "%s %s (%s, %s)", card_measure_label(ev->measure),
                   card_evidence_value(ev, v, sizeof v), ev->period, ev->source);
    }
    for (int i = 0; i < c->nbranches; i++)
        if (!c->branches[i].close_date)
            tl_add(t, COL_NORMAL, -1, "Branch %s %s %s", c->branches[i].code,
                   c->branches[i].name, c->branches[i].postcode);
}

static void card_indicators(const card *c, tlines *t)
{
    if (c->nind == 0)
        return;
    tl_rule(t, "Indicators");
    for (int i = 0; i < c->nind; i++) {
        const indicator *in = &c->ind[i];
        char label[256];
        card_indicator_label(in, label, sizeof label);
        if (isnan(in->value))
            tl_add(t, COL_NORMAL, -1, "%s: -", label);
        else
            tl_add(t, COL_NORMAL, -1, "%s: %.1f", label, in->value);
    }
}

/* The lines for this width: one column, or two side by side. */
static void card_build(app *a, cview *cv, int width)
{
    tl_free(&cv->tl);
    if (!cv->found) {
        tl_add(&cv->tl, COL_WARN, -1, "%s: no such practice in the store", cv->code);
        return;
    }
    bool wide = width >= CARD_WIDE;
    int colw = wide ? width / 2 - 1 : width;
    tlines right = {0};
    tlines *r = wide ? &right : &cv->tl;
    card_identity(a, cv->c, &cv->tl);
    card_list(a, cv->c, &cv->tl, colw);
    card_capacity(cv->c, &cv->tl);
    card_contract(a, cv->c, &cv->tl, colw);
    card_notes(cv->c, r, colw);
    card_age(cv->c, r);
    card_evidence_lines(cv->c, r);
    card_indicators(cv->c, r);
    if (wide)
        tl_merge(&cv->tl, &right, width / 2);
}

static int cv_load(app *a, cview *cv)
{
    err e;
    /* The world's date, asked for or the default (so the contract and
     * capacity are today's when no date was asked for). */
    int rc = card_load_at(cv->c, a->s, cv->code, &a->w.rules, a->w.at.given ? a->w.at.date : 0,
                          (int)a->cfg.rules.imd_edition, &e);
    if (rc < 0) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return -1;
    }
    cv->found = rc > 0;
    return 0;
}

static int cv_open(app *a, view *v, const void *arg)
{
    int wi = *(const int *)arg;
    cview *cv = v->priv;
    if (!(cv->c = malloc(sizeof *cv->c)))
        return -1;
    snprintf(cv->code, sizeof cv->code, "%s", a->w.v[wi].p.code);
    v->scroll_only = true;
    if (cv_load(a, cv))
        return -1;
    card_build(a, cv, a->cols);
    v->nlines = cv->tl.n;
    return 0;
}

/* Laid out again for a new width (a resize), or a mark. */
static void cv_layout(app *a, view *v, int width)
{
    cview *cv = v->priv;
    card_build(a, cv, width);
    v->nlines = cv->tl.n;
}

static void cv_plan_changed(app *a, view *v) { cv_layout(a, v, a->cols); }

static void cv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    cview *cv = v->priv;
    tl_draw(a, &cv->tl, w, line, y, width, sel);
}

static int cv_current(app *a, view *v)
{
    cview *cv = v->priv;
    return world_find(&a->w, cv->code);
}

static void cv_copy(app *a, cview *cv)
{
    char text[2048], n1[32], n2[96], n3[32], d[16], d2[16], addr[1024] = "";
    const practice *p = &cv->c->p;
    for (int i = 0; i < 5; i++)
        if (*p->addr[i])
            snprintf(addr + strlen(addr), sizeof addr - strlen(addr), "%s, ", p->addr[i]);
    snprintf(text, sizeof text,
             "%s %s, %s%s; tel %s; list %s (%s); capacity %s, headroom %s; contract %s%s%s%s",
             p->code, p->name, addr, p->postcode, *p->phone ? p->phone : "-",
             p->list_size < 0 ? "unknown" : text_thousands(p->list_size, n1, sizeof n1),
             text_date_or_dash(p->list_date, d, sizeof d), card_capacity_text(cv->c, "", n2, sizeof n2),
             headroom_text(cv->c, n3, sizeof n3),
             *cv->c->con.practice ? cv->c->con.type : "none recorded",
             *cv->c->con.practice && cv->c->con.end ? " ends " : "",
             *cv->c->con.practice && cv->c->con.end ? text_date_or_dash(cv->c->con.end, d2, sizeof d2) : "",
             /* labelled in the email too, as on the card and in the appraisal */
             *cv->c->con.practice && store_contract_illustrative(&cv->c->con)
                 ? " (ILLUSTRATIVE: not a real contract)" : "");
    if (clip_copy(a, text))
        app_msg(a, COL_ERROR, "could not copy to the clipboard");
    else
        app_msg(a, COL_GOOD, "copied to the clipboard: %s", text);
}

static unsigned cv_note(app *a, view *v, cview *cv)
{
    char text[TEXT_MAX], label[64]; /* as long as a note may be */
    err e;
    if (a->read_only) {
        app_msg(a, COL_WARN, "read-only (%s): notes cannot be added", a->read_only_why);
        return HANDLED;
    }
    snprintf(label, sizeof label, "Note for %s: ", cv->code);
    bool draft = strcmp(a->note_draft_code, cv->code) == 0;
    if (!app_prompt(a, label, draft ? a->note_draft : NULL, text, sizeof text)) {
        /* Esc by reflex mid-call: kept, not lost (a note refused as too
         * long has said so, and keeps nothing) */
        if (*text && !*a->msg) {
            snprintf(a->note_draft, sizeof a->note_draft, "%s", text);
            snprintf(a->note_draft_code, sizeof a->note_draft_code, "%s", cv->code);
            app_msg(a, COL_STATUS, "note not added; a brings it back");
        }
        return HANDLED;
    }
    if (!*text)
        return HANDLED;
    if (edit_note(a->s, cv->code, text, clock_now(), &e)) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return HANDLED;
    }
    a->note_draft_code[0] = '\0';
    app_msg(a, COL_GOOD, "note added to %s", cv->code);
    if (cv_load(a, cv) == 0)
        card_build(a, cv, a->cols);
    v->nlines = cv->tl.n;
    for (int i = 0; i < cv->tl.n; i++) /* show the notes, the new one first */
        if (cv->tl.v[i].h[0].rule && strcmp(cv->tl.v[i].h[0].text, "Notes") == 0)
            view_goto(a, v, i);
    return REPAINT;
}

static unsigned cv_request(app *a, view *v, tui_request r)
{
    cview *cv = v->priv;
    if (r == REQ_COPY && cv->found)
        cv_copy(a, cv);
    else if (r == REQ_NOTE && cv->found)
        return cv_note(a, v, cv);
    else if (r == REQ_MARK && cv->found) {
        if (cv_current(a, v) >= 0)
            marks_toggle(a, cv_current(a, v));
    } else
        return 0;
    return HANDLED;
}

static void cv_reload(app *a, view *v)
{
    cview *cv = v->priv;
    if (cv_load(a, cv) == 0)
        card_build(a, cv, a->cols);
    v->nlines = cv->tl.n;
}

static void cv_describe(app *a, view *v, char *out, size_t n)
{
    cview *cv = v->priv;
    (void)a;
    snprintf(out, n, "%s", cv->code);
}

static void cv_done(app *a, view *v)
{
    (void)a;
    cview *cv = v->priv;
    tl_free(&cv->tl);
    free(cv->c);
}

static const view_hint cv_hints[] = {
    /* y copy is in the help: the bar holds what fits in 80 columns, and
     * on a narrow one the hints before "back" give way from the end, so
     * mark (also on the list) comes last. */
    HINT(NOTE, "note"), HINT(NEIGHBOURS, "neighbours"), HINT(WHATIF, "what-if"),
    HINT(MAP, "map"), HINT(ENGAGEMENT, "survey"), HINT(APPRAISAL, "appraisal"),
    HINT(MARK, "mark"), HINT(BACK, "back"), HINT_END,
};

const view_ops card_ops = {
    .title = "Card",
    .kind = VIEW_CARD,
    .private_size = sizeof(cview),
    .hints = cv_hints,
    .open = cv_open,
    .plan_changed = cv_plan_changed,
    .resize = cv_layout,
    .draw = cv_draw,
    .request = cv_request,
    .reload = cv_reload,
    .describe = cv_describe,
    .current = cv_current,
    .done = cv_done,
};
