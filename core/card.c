#include "core/card.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/world.h"

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

static void derive(card *c, const cap_rules *rules)
{
    long before = world_year_ago(c->hist, c->nhist, c->p.list_date);
    c->change_12m = before >= 0 && c->p.list_size >= 0 ? c->p.list_size - before : LONG_MIN;
    for (int b = 0; b < AGE_BANDS; b++)
        c->age_groups[group_of_band(b)] += c->age.all[b];
    c->cap = world_capacity(&c->p, &c->facts, rules);
}

static int gather(card *c, store *s, const char *code, err *e)
{
    int rc = store_practice_get(s, code, &c->p, e);
    if (rc <= 0)
        return rc;
    if (*c->p.postcode && store_postcode_get(s, c->p.postcode, &c->pc, e) < 0)
        return -1;
    if (*c->pc.lsoa && store_lsoa_get(s, c->pc.lsoa, &c->lsoa, e) < 0)
        return -1;
    capacity_init(&c->facts, code);
    c->nhist = store_list_history(s, code, c->hist, CARD_HISTORY, e);
    if (c->nhist < 0 || store_age_latest(s, code, &c->age, e) < 0 ||
        store_capacity_get(s, code, &c->facts, e) < 0 ||
        store_contract_get(s, code, &c->con, e) < 0 ||
        store_indicator_each(s, code, add_indicator, c, e) < 0 ||
        store_note_each(s, code, add_note, c, e) < 0 ||
        store_name_each(s, code, add_name, c, e) < 0)
        return -1;
    return 1;
}

int card_load(card *c, store *s, const char *code, const cap_rules *rules, err *e)
{
    memset(c, 0, sizeof *c);
    if (store_read_begin(s, e))
        return -1;
    int rc = gather(c, s, code, e);
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
