/* The LMDB store: one environment, one named database per kind of record.
 *
 * Keys are big-endian and composite ("M86627\0" + date) so MDB_SET_RANGE
 * gives ordered scans.  Every value starts with a version byte and is
 * decoded field by field (store/codec.c), never cast to a struct.
 *
 * Reading: store_read_begin() .. store_read_end() around what one screen
 * or one command needs; never hold a read across user input.
 * Writing: store_write_begin() .. store_write_commit() or _abort(); one
 * write transaction per imported file, so an import is all or nothing. */
#ifndef CATCHMENT_STORE_H
#define CATCHMENT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* 2: practices carry their location; 3: both LSOA vintages, IMD by
 * edition, the LSOA 2011 -> 2021 lookup and LSOA rows kept by extract;
 * every record carries a CRC-32C and the audit trail is hash-chained;
 * 4: contracts and capacity facts are dated histories (keys CODE\0 +
 * date), taken as at a date. */
#define STORE_SCHEMA_VERSION 4

enum {
    CODE_MAX = 16,     /* practice / organisation codes: "M86627", "B2M3M" */
    POSTCODE_MAX = 12, /* "CV21 3AQ" */
    LSOA_MAX = 16,     /* "E01009522"; placeholders like "NO2011" too */
    NAME_MAX = 160,    /* names, address lines, providers */
    SHORT_MAX = 40,    /* phone, status, statuses and small labels */
    TEXT_MAX = 4096,   /* notes, contract notes */
    AGE_BANDS = 20,    /* 0_4, 5_9, ... 90_94, 95+ */
    AGE_BAND_65 = 13,  /* the band 65_69 */
    AGE_BAND_75 = 15   /* the band 75_79 */
};

/* Editions of the English Indices of Deprivation: 2019 is published on
 * 2011 LSOAs, 2025 on 2021 LSOAs. */
enum imd_edition { IMD_2019, IMD_2025, IMD_EDITIONS };

/* LSOA vintages a file names a code in (lsoa_rec.vintages). */
enum { LSOA_2011 = 1, LSOA_2021 = 2 };

typedef struct store store;

/* ---- records ---------------------------------------------------------- */

/* A practice (or other organisation) from the ODS register, merged with the
 * PCN map and the list-size files.  Each importer owns its own fields and
 * leaves the others as they were, so files can come in any order. */
typedef struct practice {
    char code[CODE_MAX];
    char name[NAME_MAX];
    char addr[5][NAME_MAX];   /* address lines 1-5 (new format: 4=town, 5=county) */
    char postcode[POSTCODE_MAX];
    char phone[SHORT_MAX];
    char status[SHORT_MAX];   /* ACTIVE, INACTIVE, DORMANT, or legacy letter */
    char subtype[8];          /* organisation sub-type, B or Z */
    char role[SHORT_MAX];     /* prescribing setting / role ids: "4", "RO76|RO268" */
    char region[CODE_MAX];    /* national grouping, Y60 */
    char icb[CODE_MAX];       /* high level health geography, QWU */
    char sub_icb[CODE_MAX];   /* commissioner: 05A, B2M3M */
    char sub_icb_name[NAME_MAX];
    char icb_name[NAME_MAX];
    char pcn_code[CODE_MAX];
    char pcn_name[NAME_MAX];
    char parent[CODE_MAX];
    long open_date;           /* YYYYMMDD, 0 unknown */
    long close_date;
    bool gp;                  /* a GP practice (setting 4 / role RO76) */
    bool in_register;         /* seen in an epraccur file (not only a list file) */
    long list_size;           /* latest registered patients, -1 unknown */
    long list_date;           /* its extract date, YYYYMMDD */
    /* Where its postcode is, kept up to date by the store itself: putting
     * a practice locates it, putting a postcode relocates the practices
     * there, so imports may come in any order. */
    double lat, lon;          /* WGS84; NAN while the postcode is unknown */
    char lsoa[LSOA_MAX];      /* the postcode's newest LSOA (2021), "" unknown */
    char lsoa11[LSOA_MAX];    /* its 2011 LSOA, "" unknown */
} practice;

/* A name a file gave a practice (the register's, or another file's:
 * former names live on in older files and in people's memories). */
typedef struct name_rec {
    char practice[CODE_MAX];
    char name[NAME_MAX];
    long date;                /* the file's extract date, 0 when it has none */
    char source[SHORT_MAX];   /* the import kind: "epraccur", "pcn-map" */
} name_rec;

/* One point of a practice's list-size history. */
typedef struct list_point {
    long date;     /* extract date YYYYMMDD */
    long patients;
} list_point;

/* Registered patients by five-year age band, for one extract. */
typedef struct age_profile {
    long date;
    long all[AGE_BANDS], male[AGE_BANDS], female[AGE_BANDS];
} age_profile;

/* Patients of one practice living in one LSOA. */
typedef struct lsoa_reg {
    char practice[CODE_MAX];
    char lsoa[LSOA_MAX];
    long patients;
    long date;
    bool modelled;  /* from the demo's gravity-model stand-in, not NHS data */
} lsoa_reg;

enum postcode_source { PC_ONSPD = 1, PC_CODEPOINT = 2, PC_UKPOSTCODES = 3 };

typedef struct postcode_rec {
    char postcode[POSTCODE_MAX];
    double lat, lon;          /* WGS84 degrees */
    char lsoa[LSOA_MAX];      /* the newest LSOA the source gives (2021); "" none */
    bool terminated;
    int source;               /* enum postcode_source */
    char lsoa11[LSOA_MAX];    /* the 2011 LSOA when the source gives it */
} postcode_rec;

typedef struct lsoa_rec {
    char code[LSOA_MAX];
    char name[NAME_MAX];
    double lat, lon;          /* population-weighted centroid; NAN unknown */
    int imd[IMD_EDITIONS];    /* IMD decile by edition: 1 = most deprived .. 10;
                                 0 unknown (not in that edition's file) */
    int income[IMD_EDITIONS]; /* income decile by edition, 0 unknown */
    char district[NAME_MAX];
    unsigned vintages;        /* LSOA_2011 | LSOA_2021: files that named it */
} lsoa_rec;

/* One row of the ONS LSOA (2011) to LSOA (2021) lookup. */
typedef struct lsoa_link {
    char lsoa11[LSOA_MAX], lsoa21[LSOA_MAX];
    char change;              /* CHGIND: U unchanged, S split, M merged, X complex */
} lsoa_link;

typedef struct indicator {
    char practice[CODE_MAX];
    long id;                  /* Fingertips indicator id */
    char period[SHORT_MAX];   /* "2019", "2022/23" */
    char name[NAME_MAX];
    double value;             /* NAN when the export has none */
    long count, denominator;  /* -1 when absent */
} indicator;

/* The procurement milestones counted back from a contract's end (see
 * engine/milestones.h): each open until a person marks it done or waived. */
enum { CONTRACT_MILESTONES = 5 };
enum milestone_state { MILESTONE_OPEN, MILESTONE_DONE, MILESTONE_WAIVED };

/* One contract of a practice; a practice may hold several one after
 * another (an APMS contract ends, a new one starts), each kept under its
 * start date. */
typedef struct contract {
    char practice[CODE_MAX];
    char type[SHORT_MAX];     /* GMS, PMS, APMS */
    long start, end;          /* YYYYMMDD; start 0 unknown (since always),
                                 end 0 open-ended */
    char extension[NAME_MAX]; /* extension options, free text: "2+2" */
    char provider[NAME_MAX];
    char notes[TEXT_MAX];
    unsigned char milestone[CONTRACT_MILESTONES]; /* enum milestone_state */
} contract;

/* Capacity facts recorded from a date (an import, or a person's set):
 * a practice's records are a history, each applying from its date until
 * the next one's. */
typedef struct capacity_rec {
    char practice[CODE_MAX];
    long from;                /* YYYYMMDD the figures apply from; 0 since
                                 always; -1 (store_capacity_at) none applies */
    long capacity;            /* patients; -1 unknown */
    double gp_fte;            /* NAN unknown */
    int list_open;            /* 1 open, 0 closed, -1 unknown */
    long closed_from;         /* formal list closure date, 0 none */
    long closed_to;
    bool capacity_set;        /* the capacity was typed by a person (catchment set),
                                 not imported */
    bool illustrative;        /* the file's notes say ILLUSTRATIVE: made-up
                                 figures (the demo's), to be labelled so */
} capacity_rec;

typedef struct note {
    char practice[CODE_MAX];
    int64_t time;             /* seconds since the epoch, UTC */
    char user[SHORT_MAX];
    char text[TEXT_MAX];
} note;

/* One imported file: what was read, kept and skipped. */
typedef struct provenance {
    uint32_t seq;             /* import number, 1.. */
    char file[NAME_MAX];      /* base name as given */
    char kind[SHORT_MAX];     /* import kind, e.g. "epraccur" */
    char sha256[65];
    long rows_read, rows_kept, rows_skipped;
    char skipped_why[NAME_MAX]; /* "12 not GP practices; 3 Welsh codes" */
    long extract_date;        /* YYYYMMDD, 0 when the file has none */
    int64_t imported_at;
    char user[SHORT_MAX];
    bool modelled;
    bool illustrative;        /* made-up rows (notes saying ILLUSTRATIVE): the demo's */
} provenance;

/* One dated figure about a practice from a published file (GP
 * workforce, payments, the GP Patient Survey, appointments, QOF), or
 * about an LSOA (the Census, the rural-urban classification).  Keyed by
 * code, measure and date, so a newer file adds a point and the same file
 * again changes nothing. */
typedef struct evidence {
    char code[CODE_MAX];      /* practice code, or LSOA code for area facts */
    char measure[SHORT_MAX];  /* "gp_fte", "contract_type", "gpps.overall" */
    long date;                /* YYYYMMDD the figure is for */
    double value;             /* NAN: not available, not disclosed, suppressed */
    double base;              /* its denominator (households, persons); NAN none */
    char text[NAME_MAX];      /* "GMS", "yes", "Larger rural: Further from ..."; "" none */
    char source[SHORT_MAX];   /* the import kind: "gp-workforce" */
    char period[SHORT_MAX];   /* as the file names it: "2025-10", "2023-24" */
} evidence;

/* A branch surgery of a practice (ODS ebranchs). */
typedef struct branch_rec {
    char practice[CODE_MAX];  /* the parent practice */
    char code[CODE_MAX];      /* the branch's own ODS code */
    char name[NAME_MAX];
    char town[NAME_MAX];      /* the last address line given */
    char postcode[POSTCODE_MAX];
    long open_date, close_date; /* YYYYMMDD; 0 unknown / none */
} branch_rec;

/* A practice's membership of a PCN over time (ODS PCN core partner
 * details). */
typedef struct pcn_member {
    char practice[CODE_MAX];
    char pcn[CODE_MAX];
    char pcn_name[NAME_MAX];
    long start, end;          /* YYYYMMDD; end 0 while current */
} pcn_member;

/* One row of an imported travel-time matrix: from an LSOA or a postcode
 * to a practice, in minutes and (when given) road km. */
typedef struct travel_rec {
    char from[LSOA_MAX];      /* LSOA code or normalised postcode */
    char to[CODE_MAX];        /* practice code */
    double minutes;
    double km;                /* NAN when the matrix has none */
} travel_rec;

/* One change a person made (a note, a capacity figure, a contract field,
 * a list status): who, when, the field, the old value and the new. */
typedef struct audit_rec {
    int64_t time;             /* seconds since the epoch, UTC */
    uint32_t seq;             /* orders changes made in the same second */
    char practice[CODE_MAX];
    char user[SHORT_MAX];
    char field[SHORT_MAX];    /* "note", "capacity", "gp_fte", "list_open", "contract.end" */
    char old_value[NAME_MAX];
    char new_value[NAME_MAX];
    char sha256[65];          /* an import's file, or a restore's backup; "" otherwise */
    char prev[65];            /* set by the store: the hash of the entry before */
} audit_rec;

/* One response to an engagement survey (import/survey.c).  Where the
 * respondent lives is kept no finer than the postcode district ("CV6"). */
enum { SURVEY_KEPT_SCALES = 6, SURVEY_KEPT_TEXTS = 4, SURVEY_KEPT_GROUPS = 8,
       SURVEY_NAME_MAX = 32 };
typedef struct survey_resp {
    char practice[CODE_MAX];
    char id[SHORT_MAX];       /* the survey's response id */
    long date;                /* YYYYMMDD, 0 not given */
    int channel;              /* survey_channel: 0 unknown, online, paper, assisted */
    char district[POSTCODE_MAX]; /* postcode district, "" not given */
    char matters[TEXT_MAX];   /* the "what matters most" choices, '\n' between */
    int impact;               /* closure impact 1..5, 0 not answered */
    double travel;            /* reasonable travel as asked, NAN not answered */
    int travel_miles;         /* 1: travel is in miles, 0: in minutes */
    int nscales, ntexts, ngroups;
    struct { char name[SURVEY_NAME_MAX]; int value; } scale[SURVEY_KEPT_SCALES]; /* 1..5, 0 */
    struct { char name[SURVEY_NAME_MAX]; char text[TEXT_MAX]; } text[SURVEY_KEPT_TEXTS];
    struct { char name[SURVEY_NAME_MAX]; char value[NAME_MAX]; } group[SURVEY_KEPT_GROUPS];
} survey_resp;

/* One entry of an options appraisal (core/appraisal.h): a score and its
 * rationale for one option on one factor, an option's detail (the
 * practice to merge with, the scenario of a dispersal), or the decision
 * (option "decision": field "recommend" or "approve").  The latest entry
 * replaces the one before; the audit trail keeps every one. */
typedef struct appraisal_rec {
    char practice[CODE_MAX];
    char option[SHORT_MAX];
    char field[SHORT_MAX];    /* a factor, "detail", "recommend", "approve" */
    int score;                /* 1..5, 0 none */
    char value[NAME_MAX];     /* detail: partner code or scenario; recommend: the option */
    char text[TEXT_MAX];      /* the rationale, as typed */
    char user[SHORT_MAX];
    int64_t time;
} appraisal_rec;
/* One row of the ODS successor file: a practice code replaced by another
 * (a merger or a transfer of the list) from a date. */
typedef struct successor {
    char old_code[CODE_MAX];
    char new_code[CODE_MAX];
    char reason[SHORT_MAX];   /* as published, e.g. "Merger" */
    long date;                /* effective, YYYYMMDD */
} successor;

/* The last back-test saved (catchment backtest --save): the span, what was
 * scored, the fitted distance decay, and each policy's figures. */
enum { BACKTEST_POLICIES = 4 }; /* nearest, choice, optimal, demand */
typedef struct backtest_rec {
    long from, to;            /* the two list-size extracts, YYYYMMDD */
    long dispersals, transfers;
    double beta;              /* fitted; NAN when nothing could be fitted */
    double share[BACKTEST_POLICIES], rho[BACKTEST_POLICIES], mae[BACKTEST_POLICIES];
    int64_t saved_at;         /* seconds since the epoch, UTC */
    char user[SHORT_MAX];
} backtest_rec;

/* ---- environment ------------------------------------------------------ */

typedef struct store_opts {
    bool read_only;
    size_t map_size;          /* 0: the default (grows on MDB_MAP_FULL) */
    unsigned max_readers;     /* the reader table of a new lock file; 0: the
                               * default (510), at most 4095 */
} store_opts;

/* Where the store lives: dir if given, else $CATCHMENT_STORE, else
 * $XDG_DATA_HOME/catchment, else ~/.local/share/catchment. */
int store_default_dir(const char *dir, char *out, size_t outsz, err *e);

/* Opens (creating when writable and absent) the store in dir.  Refuses a
 * store from a newer schema, and one that is not a catchment store.  A
 * store the user cannot write opens read-only when opts->read_only is
 * false and sets store_is_read_only(). */
int store_open(store **out, const char *dir, const store_opts *opts, err *e);
void store_close(store *s);
bool store_is_read_only(const store *s);
/* Open read-only without locking: lock.mdb is not writable for this user,
 * so this reader holds no slot in the reader table.  Nothing can be
 * damaged (it never writes), but a writer does not know it is reading:
 * a read that spans two commits by others may see pages being reused.
 * One short read per command keeps that rare; an error or odd figure is
 * cured by running the command again.  docs/user-guide.md says how to
 * share a store so every user can lock. */
bool store_is_unlocked(const store *s);
/* The schema of the store as found (older ones opened read-only are not
 * migrated: their practices carry no location). */
int store_schema(const store *s);
const char *store_dir(const store *s);
/* The id of the last committed write, by anyone: a session that sees it
 * change reads again.  Needs no transaction. */
uint64_t store_generation(store *s);

int store_read_begin(store *s, err *e);
void store_read_end(store *s);

/* ---- the snapshot (core/snapshot.c says what it holds) --------------- */

/* Puts the snapshot, inside a write transaction, stamped with that
 * transaction's id.  Any later write removes it, so one found is as new
 * as the data. */
int store_snapshot_put(store *s, const void *data, size_t n, err *e);

/* A read of the snapshot in a transaction of its own, held until
 * store_view_close: *data (n bytes, 8-byte aligned in LMDB's map) stays
 * valid and unchanged until then.  1 current, 0 none (or older than the
 * data), -1 damaged (its checksum) or an error. */
typedef struct store_view store_view;
int store_snapshot_view(store *s, store_view **out, const void **data, size_t *n, err *e);
void store_view_close(store_view *v);

/* Write transactions this handle committed with a change. */
uint64_t store_commits(const store *s);
int store_write_begin(store *s, err *e);
int store_write_commit(store *s, err *e);
void store_write_abort(store *s);

/* True when the last write failed because the map was full: the caller
 * aborts, calls store_grow() and redoes the whole transaction. */
bool store_was_full(const store *s);
int store_grow(store *s, err *e);

/* ---- records: get returns 1 found, 0 absent, -1 error ----------------- */
/* Each needs an open read or write transaction. */

int store_practice_get(store *s, const char *code, practice *out, err *e);
int store_practice_put(store *s, const practice *p, err *e);
/* Makes a placeholder practice (code only, not in the register, unknown
 * list size) unless the store has one: 1 made, 0 there already, -1 error.
 * Every per-practice put calls it, so any file may come before the
 * register; importing the register fills the placeholder in. */
int store_practice_ensure(store *s, const char *code, err *e);
/* Calls fn for every practice in code order; fn returns non-zero to stop. */
int store_practice_each(store *s, int (*fn)(const practice *, void *), void *ctx, err *e);

/* Every name of one practice (code NULL: of every practice), by code and name. */
int store_name_put(store *s, const name_rec *r, err *e);
int store_name_each(store *s, const char *code, int (*fn)(const name_rec *, void *),
                    void *ctx, err *e);

int store_list_put(store *s, const char *code, const list_point *pt, err *e);
/* Up to max points, oldest first; returns how many. */
int store_list_history(store *s, const char *code, list_point *out, int max, err *e);
/* The newest point on or before date (YYYYMMDD): 1 found, 0 none. */
int store_list_at(store *s, const char *code, long date, list_point *out, err *e);
/* The dates of the earliest and the newest list-size extract of any
 * practice (0 and 0 when the store has none). */
int store_list_span(store *s, long *earliest, long *newest, err *e);

int store_age_put(store *s, const char *code, const age_profile *a, err *e);
int store_age_get(store *s, const char *code, long date, age_profile *out, err *e);
/* The latest profile of a practice. */
int store_age_latest(store *s, const char *code, age_profile *out, err *e);
/* The newest profile on or before date: 1 found, 0 none. */
int store_age_at(store *s, const char *code, long date, age_profile *out, err *e);

/* Rows are kept by extract: key CODE\0 + date (u32 BE) + LSOA. */
int store_lsoa_reg_put(store *s, const lsoa_reg *r, err *e);
/* Deletes the LSOA rows of one practice: of one extract (date), or of
 * every extract (date 0). */
int store_lsoa_reg_clear(store *s, const char *code, long date, err *e);
/* Every row of a practice, extract by extract, oldest first. */
int store_lsoa_reg_each(store *s, const char *code,
                        int (*fn)(const lsoa_reg *, void *), void *ctx, err *e);
/* The rows of the practice's newest extract on or before date. */
int store_lsoa_reg_each_at(store *s, const char *code, long date,
                           int (*fn)(const lsoa_reg *, void *), void *ctx, err *e);

int store_postcode_get(store *s, const char *pc, postcode_rec *out, err *e);
int store_postcode_put(store *s, const postcode_rec *r, err *e);

int store_lsoa_get(store *s, const char *code, lsoa_rec *out, err *e);
int store_lsoa_put(store *s, const lsoa_rec *r, err *e);

/* The LSOA 2011 <-> 2021 lookup: each link is kept both ways. */
int store_lsoa_link_put(store *s, const lsoa_link *l, err *e);
/* Every link of a code, whichever vintage it is in (a code unchanged in
 * 2021 links to itself). */
int store_lsoa_link_each(store *s, const char *code, int (*fn)(const lsoa_link *, void *),
                         void *ctx, err *e);

int store_indicator_put(store *s, const indicator *r, err *e);
int store_indicator_each(store *s, const char *code,
                         int (*fn)(const indicator *, void *), void *ctx, err *e);

/* Contracts are kept by practice and start date: a put replaces the one
 * with the same start. */
int store_contract_put(store *s, const contract *r, err *e);
int store_contract_del(store *s, const char *code, long start, err *e);
/* The contract as at date (YYYYMMDD; 0: no bound): of those started on or
 * before it, the one in force (open-ended or ending on or after date),
 * else the newest started, which has ended.  1 found, 0 none (out blank). */
int store_contract_at(store *s, const char *code, long date, contract *out, err *e);
/* Ended before date. */
bool store_contract_ended(const contract *c, long date);
/* Made up (the demo's): its notes say ILLUSTRATIVE. */
bool store_contract_illustrative(const contract *c);
/* Each practice's contract as at date, by practice code. */
int store_contract_each_at(store *s, long date, int (*fn)(const contract *, void *), void *ctx,
                           err *e);
/* Every contract of one practice (code NULL: of all), by practice, then
 * start. */
int store_contract_each(store *s, const char *code, int (*fn)(const contract *, void *),
                        void *ctx, err *e);

/* Capacity facts are kept by practice and the date they apply from: a put
 * replaces the record with the same date. */
int store_capacity_put(store *s, const capacity_rec *r, err *e);
/* The facts as at date (0: the newest): the capacity, the GP FTE and
 * capacity_set of the newest record applying on or before date (out->from
 * its date); the list's status and its formal closure dates from the
 * newest record of all, since a closure carries its own dates.  1 when a
 * record applies on the date, 0 when none does (figures unknown, from -1). */
int store_capacity_at(store *s, const char *code, long date, capacity_rec *out, err *e);
/* Every record of one practice (code NULL: of all), oldest first. */
int store_capacity_each(store *s, const char *code, int (*fn)(const capacity_rec *, void *),
                        void *ctx, err *e);

int store_note_put(store *s, const note *r, err *e);
int store_note_each(store *s, const char *code,
                    int (*fn)(const note *, void *), void *ctx, err *e);

/* Finds an earlier import of the same bytes (by SHA-256): 1 found. */
int store_provenance_find(store *s, const char *sha256, provenance *out, err *e);
/* Assigns p->seq and writes it. */
int store_provenance_add(store *s, provenance *p, err *e);
int store_provenance_each(store *s, int (*fn)(const provenance *, void *), void *ctx, err *e);

int store_travel_put(store *s, const travel_rec *r, err *e);
/* Every row from one place, by practice code. */
int store_travel_each(store *s, const char *from, int (*fn)(const travel_rec *, void *),
                      void *ctx, err *e);

/* Appends to the audit trail (inside the write that makes the change),
 * chained to the entry before it. */
/* Survey responses: one per practice and response id (a later import of
 * the same id replaces it).  code NULL: every practice's. */
int store_survey_put(store *s, const survey_resp *r, err *e);
int store_survey_each(store *s, const char *code, int (*fn)(const survey_resp *, void *),
                      void *ctx, err *e);

int store_appraisal_put(store *s, const appraisal_rec *r, err *e);
int store_appraisal_get(store *s, const char *code, const char *option, const char *field,
                        appraisal_rec *out, err *e);
/* Every entry of one practice (code NULL: of every practice), by option
 * and field. */
int store_appraisal_each(store *s, const char *code, int (*fn)(const appraisal_rec *, void *),
                         void *ctx, err *e);

/* Practice evidence (DB evidence) and LSOA facts (DB area_fact). */
int store_evidence_put(store *s, const evidence *r, err *e);
/* Every figure of one practice, by measure then date (oldest first). */
int store_evidence_each(store *s, const char *code, int (*fn)(const evidence *, void *),
                        void *ctx, err *e);
/* The newest figure of a measure dated on or before asat (0: the newest
 * of all): 1 found, 0 none, -1 error. */
int store_evidence_latest(store *s, const char *code, const char *measure, long asat,
                          evidence *out, err *e);
int store_area_fact_put(store *s, const evidence *r, err *e);
int store_area_fact_latest(store *s, const char *lsoa, const char *measure, long asat,
                           evidence *out, err *e);
void evidence_init(evidence *r, const char *code, const char *measure, long date);

/* Branch surgeries: by practice, and all of them (to find one by code). */
int store_branch_put(store *s, const branch_rec *r, err *e);
int store_branch_each(store *s, const char *code, int (*fn)(const branch_rec *, void *),
                      void *ctx, err *e);
/* A practice's PCN memberships, by PCN then start date; NULL: all. */
int store_pcn_member_put(store *s, const pcn_member *r, err *e);
int store_pcn_member_each(store *s, const char *code,
                          int (*fn)(const pcn_member *, void *), void *ctx, err *e);

/* Appends to the audit trail (inside the write that makes the change). */
int store_successor_put(store *s, const successor *r, err *e);
int store_successor_each(store *s, int (*fn)(const successor *, void *), void *ctx, err *e);

int store_backtest_put(store *s, const backtest_rec *r, err *e);
/* 1 found, 0 none saved, -1 error. */
int store_backtest_get(store *s, backtest_rec *out, err *e);

int store_audit_add(store *s, audit_rec *r, err *e);
/* The trail in time order; code NULL for every practice. */
int store_audit_each(store *s, const char *code, int (*fn)(const audit_rec *, void *),
                     void *ctx, err *e);

/* One row of a procurement record under the Provider Selection Regime
 * (core/psr.h gives the kinds their meaning). */
typedef struct psr_row {
    char proc[CODE_MAX];      /* procurement id */
    char kind[SHORT_MAX];     /* "field", "bidder", "score", ... */
    char key[NAME_MAX];       /* unique within the kind */
    char value[TEXT_MAX];     /* the fields, separated by 0x1F */
} psr_row;

int store_psr_put(store *s, const psr_row *r, err *e);
/* Deletes the row r->proc, r->kind, r->key (absent is not an error). */
int store_psr_del(store *s, const psr_row *r, err *e);
/* Rows of one procurement (proc NULL: all), of one kind (NULL: all), in
 * key order.  fn's row is valid only during the call. */
int store_psr_each(store *s, const char *proc, const char *kind,
                   int (*fn)(const psr_row *, void *), void *ctx, err *e);

/* A piece of a boundary outline (an ONS sub-ICB location, a local
 * authority, ...): up to BOUNDARY_CHUNK points of one ring, a chunk
 * starting at the point the one before it ended on, so drawing the
 * chunks one after another draws the ring.  Stored simplified. */
enum { BOUNDARY_CHUNK = 1000 };
typedef struct boundary_rec {
    char stem[SHORT_MAX];     /* the kind of area: "SICBL", "LAD" */
    char set[SHORT_MAX];      /* the file's code property less CD: "SICBL24" */
    char code[CODE_MAX];      /* E38000212 */
    char name[NAME_MAX];
    unsigned part, chunk;     /* the ring of the outline, the piece of the ring */
    int n;                    /* points, 1..BOUNDARY_CHUNK */
    double lat[BOUNDARY_CHUNK], lon[BOUNDARY_CHUNK];
} boundary_rec;

int store_boundary_put(store *s, const boundary_rec *r, err *e);
/* Deletes every outline of one kind of area (a newer file replaces them). */
int store_boundary_drop(store *s, const char *stem, err *e);
/* Every chunk in key order (kind, code, ring, chunk); fn's record is
 * valid only during the call. */
int store_boundary_each(store *s, int (*fn)(const boundary_rec *, void *), void *ctx, err *e);

/* How many records each database holds, for `catchment stats`. */
typedef struct store_counts {
    long practices, list_points, age_profiles, lsoa_regs, postcodes, lsoas,
        indicators, contracts, capacities, notes, imports, audit, travel, lsoa_links, evidence,
        area_facts, branches, pcn_members, boundaries;
} store_counts;
int store_count(store *s, store_counts *out, err *e);

/* ---- looking after the store ---------------------------------------- */

/* Called for each problem found: database, key (printable), what. */
typedef void (*store_check_fn)(const char *db, const char *key, const char *what, void *ctx);

enum { STORE_SNAPSHOT_NONE, STORE_SNAPSHOT_CURRENT, STORE_SNAPSHOT_OLDER };

typedef struct store_check_counts {
    long pages;     /* pages of data.mdb walked (store_check_file) */
    long records;   /* records read (store_check) */
    long problems;
    int snapshot;   /* STORE_SNAPSHOT_*: an intact snapshot, and whether it is
                       as new as the data (a damaged one is a problem) */
} store_check_counts;

/* Checks every record (inside a read transaction): its checksum, its
 * version, each per-practice record's practice, the postcode and import
 * indexes, the audit trail's hash chain.  Adds to out's counts; -1 only
 * when the check itself could not run. */
int store_check(store *s, store_check_fn report, void *ctx, store_check_counts *out, err *e);

/* Walks the B-trees of DIR/data.mdb by reading the file (never through
 * LMDB's map), checking every page LMDB would follow: run before the
 * store is opened, so a damaged file is reported instead of crashing the
 * reader.  Adds the pages walked and the problems found to out; -1 only
 * when the file cannot be read at all (absent: 0, nothing walked). */
int store_check_file(const char *dir, store_check_fn report, void *ctx,
                     store_check_counts *out, err *e);

/* A compact, consistent copy of the store into dir (new or empty), made
 * while others keep working. */
int store_backup(store *s, const char *dir, err *e);

/* Replaces everything in s with what `from` holds, in one write
 * transaction: all or nothing, and readers never see a mixture.  entry
 * (when not NULL) is added to the restored trail: what was restored,
 * from which backup, by whom. */
int store_restore(store *s, store *from, audit_rec *entry, err *e);

/* Initialises records to "unknown" (-1, NAN, empty) before filling. */
void practice_init(practice *p, const char *code);
void capacity_init(capacity_rec *c, const char *code);
void lsoa_init(lsoa_rec *l, const char *code);

#endif
