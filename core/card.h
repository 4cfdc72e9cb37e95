/* Everything the store knows about one practice, gathered in one short
 * read transaction: what `catchment show` prints and the TUI's card. */
#ifndef CATCHMENT_CARD_H
#define CATCHMENT_CARD_H

#include <stdbool.h>

#include "core/asat.h"
#include "engine/capacity.h"
#include "store/store.h"

enum { CARD_HISTORY = 120, CARD_INDICATORS = 64, CARD_NOTES = 64, CARD_NAMES = 8,
       CARD_EVIDENCE = 64, CARD_BRANCHES = 16, CARD_PCNS = 16 };

/* Age groups a card shows, from the 20 five-year bands. */
enum { AGE_0_4, AGE_5_14, AGE_15_44, AGE_45_64, AGE_65_74, AGE_75_84, AGE_85_UP, AGE_GROUPS };

typedef struct card {
    asat at;                  /* the date the card is as at */
    bool open;                /* open on that date (asat_open) */
    practice p;               /* list_size, list_date: the newest on or before it */
    postcode_rec pc;          /* pc.postcode empty: not located */
    lsoa_rec lsoa;            /* lsoa.code empty: unknown */
    int imd_edition;          /* enum imd_edition in use, -1 none imported */
    int imd;                  /* the practice's area's IMD decile in it, 0 unknown
                                 (joined on the edition's own LSOA vintage) */
    list_point hist[CARD_HISTORY]; /* up to the date, oldest first */
    int nhist;
    long change_12m;          /* list change over about 12 months, LONG_MIN unknown */
    /* The history as numbers: the earliest point, the one about a year
     * before the latest, the latest (date 0: none). */
    list_point first, year_ago, latest;
    age_profile age;          /* newest on or before the date; age.date 0: none */
    long age_groups[AGE_GROUPS];
    capacity_rec facts;       /* gp_fte from the workforce file when none recorded */
    long fte_date;            /* its workforce month; 0 recorded by hand / unknown */
    cap_result cap;
    contract con;             /* con.practice empty: none */
    indicator ind[CARD_INDICATORS];
    int nind;
    evidence ev[CARD_EVIDENCE]; /* the newest figure of each measure */
    int nev;
    branch_rec branches[CARD_BRANCHES]; /* branch surgeries (ODS ebranchs) */
    int nbranches;
    pcn_member pcns[CARD_PCNS]; /* PCN membership, oldest first */
    int npcns;
    note notes[CARD_NOTES];   /* newest first */
    int nnotes;
    name_rec names[CARD_NAMES]; /* other names files gave it (former names) */
    int nnames;
} card;

/* 1 found, 0 no such practice, -1 error.  card is large: allocate it.
 * As at as_at (YYYYMMDD; 0: the newest list-size extract); IMD in the
 * edition imd_config (rules.imd_edition: 2019, 2025, 0 the newest). */
int card_load_at(card *c, store *s, const char *code, const cap_rules *rules, long as_at,
                 int imd_config, err *e);
int card_load(card *c, store *s, const char *code, const cap_rules *rules, err *e);

/* Percentage change from a to b; NAN when either is unknown, a is 0, or
 * both are the same extract (no span to measure a change over). */
double card_change_pct(const list_point *a, const list_point *b);

/* What a published measure is called on the card ("Nurse FTE"); the
 * measure itself when it has no name. */
const char *card_measure_label(const char *measure);

/* The headline measures a board paper shows for each practice (NULL-
 * terminated): patient survey, contract, dispensing, value, GP FTE. */
extern const char *const card_headlines[];

/* Appointments per 1,000 registered patients in the newest month of the
 * appointments file, over the list extract of that month (within 45 days
 * of its start).  NAN when either is unknown; *month and *list (may be
 * NULL) say which were used. */
double card_appts_per_1000(const card *c, const evidence **month, const list_point **list);

/* A figure as shown: "4.5", "12,345", "GMS", "not disclosed", "-". */
const char *card_evidence_value(const evidence *r, char *buf, size_t n);

/* The card's figure of a measure, or NULL. */
const evidence *card_evidence(const card *c, const char *measure);

/* Age group names: "0-4", "5-14", ... "85+". */
const char *card_age_group_name(int g);

/* Share of a profile's patients in first_band and above (AGE_BAND_65,
 * AGE_BAND_75); NAN for a profile with no patients. */
double card_age_share(const age_profile *a, int first_band);

/* Share of the latest list aged 65+ and 75+, NAN without age data. */
double card_share_65(const card *c);
double card_share_75(const card *c);

/* Whether the card's capacity and headroom are known (for a practice open
 * on the date: a closed one has neither): without a list size the
 * headroom is unknown, and so is a capacity taken from the list (the
 * default headroom). */
bool card_capacity_known(const card *c);
bool card_headroom_known(const card *c);

/* The capacity as text: "4,311<unit> (default-headroom)", or "unknown
 * (default-headroom: no list size)"; the source label from
 * world_capacity_label. */
const char *card_capacity_text(const card *c, const char *unit, char *out, size_t n);

/* An indicator's name with its period, the period said once:
 * "Deprivation score (IMD 2019)", "GP survey satisfaction (2022/23)". */
const char *card_indicator_label(const indicator *in, char *out, size_t outsz);

#endif
