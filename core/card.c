#include "core/card.h"

#include <limits.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/areas.h"
#include "core/world.h"
#include "engine/milestones.h"
#include "util/text.h"

const char *card_age_group_name(int g)
{
    static const char *const names[AGE_GROUPS] = {"0-4",   "5-14",  "15-44", "45-64",
                                                  "65-74", "75-84", "85+"};
    return g >= 0 && g < AGE_GROUPS ? names[g] : "?";
}

/* Five-year band (0 = 0-4 .. 19 = 95+) to the card's group. */
static int group_of_band(int band)
{
    if (band == 0)
        return AGE_0_4;
    if (band <= 2)
        return AGE_5_14;
    if (band <= 8)
        return AGE_15_44;
    if (band <= 12)
        return AGE_45_64;
    if (band <= 14)
        return AGE_65_74;
    if (band <= 16)
        return AGE_75_84;
    return AGE_85_UP;
}

double card_age_share(const age_profile *a, int first_band)
{
    long total = 0, part = 0;
    for (int b = 0; b < AGE_BANDS; b++) {
        total += a->all[b];
        part += b >= first_band ? a->all[b] : 0;
    }
    return total > 0 ? (double)part / (double)total : NAN;
}

double card_share_65(const card *c)
{
    return c->age.date ? card_age_share(&c->age, AGE_BAND_65) : NAN;
}

double card_share_75(const card *c)
{
    return c->age.date ? card_age_share(&c->age, AGE_BAND_75) : NAN;
}

static int add_indicator(const indicator *r, void *ctx)
{
    card *c = ctx;
    if (c->nind < CARD_INDICATORS)
        c->ind[c->nind++] = *r;
    return 0;
}

const char *card_measure_label(const char *m)
{
    static const struct { const char *m, *label; } names[] = {
        {"gp_fte", "GP FTE (all GPs)"},
        {"wf.gp_fq_fte", "GP FTE, fully qualified"},
        {"wf.nurses_fte", "Nurse FTE"},
        {"wf.dpc_fte", "Direct patient care FTE"},
        {"wf.admin_fte", "Admin FTE"},
        {"wf.patients", "Patients (workforce)"},
        {"pay.contract", "Contract type"},
        {"pay.dispensing", "Dispensing practice"},
        {"pay.rurality", "Rurality"},
        {"pay.patients", "Registered patients (payments)"},
        {"pay.weighted", "Weighted patients"},
        {"pay.total", "Total NHS payments (GBP)"},
        {"pay.per_weighted", "Payment per weighted patient (GBP)"},
        {"gpps.overall", "Good overall experience (%)"},
        {"gpps.contact", "Easy to contact by phone (%)"},
        {"gpps.continuity", "Sees preferred clinician (%)"},
        {"qof.AF", "Atrial fibrillation register"},
        {"qof.AST", "Asthma register"},
        {"qof.CAN", "Cancer register"},
        {"qof.CHD", "Coronary heart disease register"},
        {"qof.CKD", "Chronic kidney disease register"},
        {"qof.COPD", "COPD register"},
        {"qof.DEM", "Dementia register"},
        {"qof.DEP", "Depression register"},
        {"qof.DM", "Diabetes register"},
        {"qof.EP", "Epilepsy register"},
        {"qof.HF", "Heart failure register"},
        {"qof.HYP", "Hypertension register"},
        {"qof.LD", "Learning disability register"},
        {"qof.MH", "Mental health register"},
        {"qof.NDH", "Non-diabetic hyperglycaemia register"},
        {"qof.OB", "Obesity register"},
        {"qof.OST", "Osteoporosis register"},
        {"qof.PAD", "Peripheral arterial disease register"},
        {"qof.PC", "Palliative care register"},
        {"qof.RA", "Rheumatoid arthritis register"},
        {"qof.STIA", "Stroke and TIA register"},
        {"appt.total", "Appointments in the month"},
        {"appt.attended", "Appointments attended"},
        {"appt.dna", "Appointments not attended (DNA)"},
        {"appt.gp", "Appointments with a GP"},
        {"appt.face_to_face", "Appointments face to face"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i].m, m) == 0)
            return names[i].label;
    return m;
}

const char *const card_headlines[] = {
    "gpps.overall", "gpps.contact", "gpps.continuity", "pay.contract", "pay.dispensing",
    "pay.per_weighted", "gp_fte", NULL};

/* Measures that count people or appointments: whole numbers. */
static bool is_count(const char *m)
{
    return strncmp(m, "appt.", 5) == 0 || strncmp(m, "qof.", 4) == 0 ||
           strcmp(m, "wf.patients") == 0 ||
           strcmp(m, "pay.patients") == 0 || strcmp(m, "pay.weighted") == 0;
}

const char *card_evidence_value(const evidence *r, char *buf, size_t n)
{
    if (isfinite(r->value) && (fabs(r->value) >= 1000 || is_count(r->measure)))
        text_thousands(lround(r->value), buf, n);
    else if (isfinite(r->value))
        snprintf(buf, n, "%.1f", r->value);
    else
        snprintf(buf, n, "%s", *r->text ? r->text : "-");
    if (isfinite(r->value) && r->base > 0) { /* a register: "312 (4.1% of 7,650)" */
        char b[32];
        snprintf(buf + strlen(buf), n - strlen(buf), " (%.1f%% of %s%s%s)",
                 100 * r->value / r->base, text_thousands(lround(r->base), b, sizeof b),
                 *r->text ? " " : "", r->text);
    } else if (isfinite(r->value) && *r->text) { /* a number with a word: "1 (yes)" */
        snprintf(buf + strlen(buf), n - strlen(buf), " (%s)", r->text);
    }
    return buf;
}

double card_appts_per_1000(const card *c, const evidence **month, const list_point **list)
{
    const evidence *ev = card_evidence(c, "appt.total");
    const list_point *best = NULL;
    long gap = 0;
    for (int i = 0; ev && i < c->nhist; i++) {
        long d = labs(milestone_days_between(ev->date, c->hist[i].date));
        if (d <= 45 && (!best || d < gap)) {
            best = &c->hist[i];
            gap = d;
        }
    }
    if (month)
        *month = ev;
    if (list)
        *list = best;
    return ev && best && best->patients > 0 && isfinite(ev->value)
               ? 1000.0 * ev->value / (double)best->patients : NAN;
}

const evidence *card_evidence(const card *c, const char *measure)
{
    for (int i = 0; i < c->nev; i++)
        if (strcmp(c->ev[i].measure, measure) == 0)
            return &c->ev[i];
    return NULL;
}

/* Points come by measure, oldest first: the last of each measure stays. */
static int add_evidence(const evidence *r, void *ctx)
{
    card *c = ctx;
    if (c->nev && strcmp(c->ev[c->nev - 1].measure, r->measure) == 0)
        c->ev[c->nev - 1] = *r;
    else if (c->nev < CARD_EVIDENCE)
        c->ev[c->nev++] = *r;
    return 0;
}

static int add_branch(const branch_rec *r, void *ctx)
{
    card *c = ctx;
    if (c->nbranches < CARD_BRANCHES)
        c->branches[c->nbranches++] = *r;
    return 0;
}

static int by_start(const void *a, const void *b)
{
    long x = ((const pcn_member *)a)->start, y = ((const pcn_member *)b)->start;
    return (x > y) - (x < y);
}

static int add_pcn(const pcn_member *r, void *ctx)
{
    card *c = ctx;
    if (c->npcns < CARD_PCNS)
        c->pcns[c->npcns++] = *r;
    return 0;
}

static int add_name(const name_rec *r, void *ctx)
{
    card *c = ctx;
    if (c->nnames < CARD_NAMES && strcmp(r->name, c->p.name) != 0)
        c->names[c->nnames++] = *r;
    return 0;
}

/* Notes come oldest first; keep the newest CARD_NOTES, newest first. */
static int add_note(const note *r, void *ctx)
{
    card *c = ctx;
    int n = c->nnotes < CARD_NOTES ? c->nnotes + 1 : CARD_NOTES;
    memmove(c->notes + 1, c->notes, (size_t)(n - 1) * sizeof *c->notes);
    c->notes[0] = *r;
    c->nnotes = n;
    return 0;
}

double card_change_pct(const list_point *a, const list_point *b)
{
    /* One point is no span: its change is unknown, not 0. */
    if (!a->date || !b->date || a->date == b->date || a->patients <= 0 || b->patients < 0)
        return NAN;
    return 100.0 * (double)(b->patients - a->patients) / (double)a->patients;
}

static void derive(card *c, const cap_rules *rules)
{
    list_point none = {0, -1};
    c->first = c->nhist ? c->hist[0] : none;
    c->latest = c->nhist ? c->hist[c->nhist - 1] : none;
    c->p.list_size = c->latest.patients;
    c->p.list_date = c->latest.date;
    int y = world_year_ago_index(c->hist, c->nhist, c->latest.date);
    c->year_ago = y >= 0 ? c->hist[y] : none;
    long before = c->year_ago.date ? c->year_ago.patients : -1;
    c->change_12m = before >= 0 && c->p.list_size >= 0 ? c->p.list_size - before : LONG_MIN;
    c->open = asat_open(&c->p, c->at.date);
    for (int b = 0; b < AGE_BANDS; b++)
        c->age_groups[group_of_band(b)] += c->age.all[b];
    c->cap = world_capacity(&c->p, &c->facts, rules);
    qsort(c->pcns, (size_t)c->npcns, sizeof *c->pcns, by_start);
}

static int gather(card *c, store *s, const char *code, int imd_config, err *e)
{
    int rc = store_practice_get(s, code, &c->p, e);
    if (rc <= 0 || areas_edition(s, imd_config, &c->imd_edition, e))
        return rc <= 0 ? rc : -1;
    if (*c->p.postcode && store_postcode_get(s, c->p.postcode, &c->pc, e) < 0)
        return -1;
    if (*c->pc.lsoa && store_lsoa_get(s, c->pc.lsoa, &c->lsoa, e) < 0)
        return -1;
    if (*c->pc.postcode && areas_imd_of(s, c->pc.lsoa11, c->pc.lsoa, c->imd_edition, &c->imd, e))
        return -1;
    capacity_init(&c->facts, code);
    c->nhist = store_list_history(s, code, c->hist, CARD_HISTORY, e);
    if (c->nhist < 0)
        return -1;
    while (c->nhist > 0 && c->hist[c->nhist - 1].date > c->at.date)
        c->nhist--; /* after the date: not known then */
    if (store_age_at(s, code, c->at.date, &c->age, e) < 0 ||
        store_capacity_at(s, code, c->at.facts, &c->facts, e) < 0 ||
        world_published_fte(s, code, c->at.date, &c->facts, &c->fte_date, e) ||
        store_evidence_each(s, code, add_evidence, c, e) < 0 ||
        store_branch_each(s, code, add_branch, c, e) < 0 ||
        store_pcn_member_each(s, code, add_pcn, c, e) < 0 ||
        store_contract_at(s, code, c->at.facts, &c->con, e) < 0 ||
        store_indicator_each(s, code, add_indicator, c, e) < 0 ||
        store_note_each(s, code, add_note, c, e) < 0 ||
        store_name_each(s, code, add_name, c, e) < 0)
        return -1;
    return 1;
}

int card_load(card *c, store *s, const char *code, const cap_rules *rules, err *e)
{
    return card_load_at(c, s, code, rules, 0, 0, e);
}

int card_load_at(card *c, store *s, const char *code, const cap_rules *rules, long as_at,
                 int imd_config, err *e)
{
    memset(c, 0, sizeof *c);
    if (store_read_begin(s, e))
        return -1;
    int rc = asat_resolve(s, as_at, &c->at, e) ? -1 : gather(c, s, code, imd_config, e);
    store_read_end(s);
    if (rc > 0)
        derive(c, rules);
    return rc;
}

const char *card_indicator_label(const indicator *in, char *out, size_t outsz)
{
    if (!*in->period || strstr(in->name, in->period))
        snprintf(out, outsz, "%s", in->name);
    else
        snprintf(out, outsz, "%s (%s)", in->name, in->period);
    return out;
}

bool card_capacity_known(const card *c)
{
    return !(c->p.list_size < 0 && c->cap.source == CAP_DEFAULT_HEADROOM);
}

bool card_headroom_known(const card *c) { return c->p.list_size >= 0; }

const char *card_capacity_text(const card *c, const char *unit, char *out, size_t n)
{
    char n1[32], src[48];
    world_capacity_label(&c->facts, c->fte_date, c->cap.source, src, sizeof src);
    if (card_capacity_known(c))
        snprintf(out, n, "%s%s (%s)", text_thousands(c->cap.capacity, n1, sizeof n1), unit, src);
    else
        snprintf(out, n, "unknown (%s: no list size)", src);
    return out;
}
