/* The store's snapshot (core/snapshot.h): written here as one record,
 * read in place.
 *
 * The record (after the store's own generation, store/snapshot.c): a
 * header, then four sections, each at a multiple of 8 bytes:
 *   practices  world_practice[n], as they are in memory
 *   names      uint32 per practice (0: none, else 1 + offset), the
 *              strings (each ends in NUL)
 *   search     the index (search_export)
 *   baselines  { icb, eq_baseline } per ICB
 * Memory as it is, so it is only for the catchment that wrote it: the
 * header's layout (sizes and offsets of every structure held) must match
 * this build's, else the snapshot is not used. */
#include "core/snapshot.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/equality.h"
#include "core/world_search.h"
#include "util/clock.h"

enum { SEC_PRACTICES, SEC_NAMES, SEC_SEARCH, SEC_BASE, SECTIONS };

typedef struct snap_head {
    char magic[8];
    uint64_t layout;
    int64_t n;
    int64_t date, earliest, newest; /* the asat it is as at */
    int64_t facts;                  /* ... and its contracts and capacities (today
                                       when it was written: core/asat.h) */
    double rules[3];                /* the cap_rules its capacities come from */
    uint64_t off[SECTIONS], len[SECTIONS];
} snap_head;

typedef struct snap_base {
    char icb[CODE_MAX];
    eq_baseline base;
} snap_base;

struct snapshot {
    store_view *view;
    const snap_head *h;
    const unsigned char *data;
    search_index *ix;
};

static const char magic[8] = "csnap01";
static char notice[700];
static bool building; /* a refresh reads the store itself */

/* FNV-1a over the sizes and offsets of what is kept as memory. */
static uint64_t layout(void)
{
    const size_t shape[] = {
        sizeof(snap_head), sizeof(snap_base), sizeof(world_practice), sizeof(practice),
        sizeof(capacity_rec), sizeof(cap_result), sizeof(eq_baseline), sizeof(long),
        offsetof(world_practice, lat), offsetof(world_practice, lsoa),
        offsetof(world_practice, facts), offsetof(world_practice, fte_date),
        offsetof(world_practice, cap), offsetof(world_practice, open),
        offsetof(world_practice, list_closed), offsetof(world_practice, list_year_ago),
        offsetof(world_practice, contract_type), offsetof(world_practice, appts),
        offsetof(world_practice, appt_date), offsetof(world_practice, contract_end),
        offsetof(world_practice, contract_milestone),
        offsetof(world_practice, contract_illustrative), offsetof(practice, name),
        offsetof(practice, postcode), offsetof(practice, status), offsetof(practice, icb),
        offsetof(practice, open_date), offsetof(practice, gp), offsetof(practice, list_size),
        offsetof(practice, lat), offsetof(practice, lsoa), offsetof(practice, lsoa11),
        offsetof(capacity_rec, capacity), offsetof(capacity_rec, gp_fte),
        offsetof(capacity_rec, list_open), offsetof(capacity_rec, capacity_set),
        offsetof(capacity_rec, illustrative),
        offsetof(cap_result, source), EQ_MEASURES, CONTRACT_MILESTONES};
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < sizeof shape / sizeof *shape; i++)
        for (int b = 0; b < 8; b++)
            h = (h ^ ((uint64_t)shape[i] >> (8 * b) & 0xFF)) * 1099511628211ULL;
    return h;
}

static bool disabled(void)
{
    const char *v = getenv("CATCHMENT_NO_SNAPSHOT");
    return building || (v && *v && strcmp(v, "0") != 0);
}

const char *snapshot_notice(void)
{
    static char said[sizeof notice];
    if (!*notice)
        return NULL;
    memcpy(said, notice, sizeof said);
    *notice = '\0';
    return said;
}

/* The header says where its sections are: each inside the record, on 8
 * bytes, and as long as its contents need. */
static bool sections_fit(const snap_head *h, size_t n)
{
    if (h->n < 0 || h->n > INT32_MAX)
        return false;
    for (int i = 0; i < SECTIONS; i++)
        if (h->off[i] % 8 || h->off[i] > n || h->len[i] > n - h->off[i])
            return false;
    return h->len[SEC_PRACTICES] == (uint64_t)h->n * sizeof(world_practice) &&
           h->len[SEC_NAMES] >= (uint64_t)h->n * 4 && h->len[SEC_BASE] % sizeof(snap_base) == 0;
}

void snapshot_close(struct snapshot *sn)
{
    if (!sn)
        return;
    search_free(sn->ix);
    store_view_close(sn->view);
    free(sn);
}

/* A text field ends inside itself: its last byte is 0 (a text is
 * always shorter than its field, and a field is zero past its text). */
#define ENDS(f) ((f)[sizeof(f) - 1] == '\0')

/* What would be read past or misread if a record were forged (the seal
 * is only a checksum: anyone who may write the store may write this):
 * every text ends in its field, every flag and source is one there is. */
static bool practice_sound(const world_practice *wp)
{
    const practice *p = &wp->p;
    bool texts = ENDS(p->code) && ENDS(p->name) && ENDS(p->postcode) && ENDS(p->phone) &&
                 ENDS(p->status) && ENDS(p->subtype) && ENDS(p->role) && ENDS(p->region) &&
                 ENDS(p->icb) && ENDS(p->sub_icb) && ENDS(p->sub_icb_name) &&
                 ENDS(p->icb_name) && ENDS(p->pcn_code) && ENDS(p->pcn_name) &&
                 ENDS(p->parent) && ENDS(p->lsoa) && ENDS(p->lsoa11) && ENDS(wp->lsoa) &&
                 ENDS(wp->facts.practice) && ENDS(wp->contract_type);
    for (int l = 0; l < 5; l++)
        texts = texts && ENDS(p->addr[l]);
    unsigned char flags[7];
    memcpy(&flags[0], &p->gp, 1);
    memcpy(&flags[1], &p->in_register, 1);
    memcpy(&flags[2], &wp->facts.capacity_set, 1);
    memcpy(&flags[3], &wp->open, 1);
    memcpy(&flags[4], &wp->list_closed, 1);
    memcpy(&flags[5], &wp->facts.illustrative, 1);
    memcpy(&flags[6], &wp->contract_illustrative, 1);
    bool sound = texts;
    for (int i = 0; i < 7; i++)
        sound = sound && flags[i] <= 1;
    for (int m = 0; m < CONTRACT_MILESTONES; m++)
        sound = sound && wp->contract_milestone[m] <= MILESTONE_WAIVED;
    _Static_assert(sizeof(cap_source) == sizeof(unsigned), "a source is an unsigned int");
    unsigned source;
    memcpy(&source, &wp->cap.source, sizeof source);
    return sound && source <= CAP_SET;
}

static bool practices_sound(const world_practice *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!practice_sound(&v[i]))
            return false;
    return true;
}

/* The record, checked: 1 usable, 0 not (another layout), -1 damaged. */
static int snapshot_open(store *s, struct snapshot **out, err *e)
{
    const void *data;
    size_t n;
    struct snapshot *sn = calloc(1, sizeof *sn);
    *out = NULL;
    if (!sn)
        return err_set(e, "out of memory");
    int rc = store_snapshot_view(s, &sn->view, &data, &n, e);
    sn->data = data;
    sn->h = rc > 0 && n >= sizeof(snap_head) && (uintptr_t)data % 8 == 0 ? data : NULL;
    if (rc > 0 && (!sn->h || memcmp(sn->h->magic, magic, sizeof magic) != 0 ||
                   sn->h->layout != layout()))
        rc = 0; /* written by a catchment of another layout: not for us */
    else if (rc > 0 && (!sections_fit(sn->h, n) ||
                        !practices_sound((const void *)(sn->data + sn->h->off[SEC_PRACTICES]),
                                         (int)sn->h->n) ||
                        !(sn->ix = search_import(sn->data + sn->h->off[SEC_SEARCH],
                                                 sn->h->len[SEC_SEARCH]))))
        rc = err_set(e, "the store's snapshot is damaged (its contents do not hold together)");
    if (rc <= 0) {
        snapshot_close(sn);
        return rc;
    }
    *out = sn;
    return 1;
}

const char *snapshot_other_names(const struct snapshot *sn, int i)
{
    const unsigned char *names = sn->data + sn->h->off[SEC_NAMES];
    uint32_t at;
    memcpy(&at, names + (size_t)i * 4, 4);
    size_t room = sn->h->len[SEC_NAMES] - (size_t)sn->h->n * 4;
    const char *str = (const char *)names + (size_t)sn->h->n * 4;
    return at && at - 1 < room && memchr(str + at - 1, 0, room - (at - 1)) ? str + at - 1 : NULL;
}

const search_index *snapshot_search(const struct snapshot *sn) { return sn->ix; }

static bool same_rules(const snap_head *h, const cap_rules *r)
{
    return h->rules[0] == r->patients_per_gp_fte && h->rules[1] == r->default_headroom_pct &&
           h->rules[2] == r->growth_pct;
}

/* The practices into w: in place, or copied (capacities worked out again
 * under other rules). */
static int take_practices(world *w, struct snapshot *sn, bool in_place, err *e)
{
    const world_practice *v = (const void *)(sn->data + sn->h->off[SEC_PRACTICES]);
    w->n = (int)sn->h->n;
    if (in_place) {
        w->v = (world_practice *)v; /* read only: WORLD_VIEW */
        w->snap = sn;
        return 0;
    }
    if (!(w->v = malloc((size_t)w->n * sizeof *w->v + 1)))
        return err_set(e, "out of memory");
    memcpy(w->v, v, (size_t)w->n * sizeof *w->v);
    if (!same_rules(sn->h, &w->rules))
        for (int i = 0; i < w->n; i++)
            w->v[i].cap = world_capacity(&w->v[i].p, &w->v[i].facts, &w->rules);
    return 0;
}

static int take_baselines(world *w, const struct snapshot *sn, err *e)
{
    const snap_base *b = (const void *)(sn->data + sn->h->off[SEC_BASE]);
    size_t nb = sn->h->len[SEC_BASE] / sizeof *b;
    for (size_t i = 0; i < nb; i++) {
        if (!memchr(b[i].icb, 0, CODE_MAX))
            return err_set(e, "the store's snapshot is damaged (an ICB code)");
        if (equality_cache_add(w->eq_cache, b[i].icb, &b[i].base, e))
            return -1;
    }
    return 0;
}

/* The snapshot's contracts and capacities are those wanted: as at today
 * when no date is asked for (asat_resolve). */
static bool facts_current(const snap_head *h, long as_at)
{
    long today = clock_today();
    long want = as_at > 0 ? as_at : today > h->date ? today : h->date;
    return h->facts == want;
}

int snapshot_world(world *w, store *s, const config *cfg, int parts, long as_at, err *e)
{
    struct snapshot *sn;
    err why;
    if (disabled())
        return 0;
    int rc = snapshot_open(s, &sn, &why);
    if (rc < 0)
        snprintf(notice, sizeof notice, "%s (catchment check says more); the store is read "
                 "directly, and the next change writes the snapshot again", why.msg);
    if (rc <= 0)
        return 0;
    /* With no extract the date is today's, which moves: never kept.  Its
     * contracts and capacities are as they stood the day it was written:
     * not those of another day, nor as at a date asked for. */
    if (!sn->h->newest || (as_at && as_at != sn->h->date) || !facts_current(sn->h, as_at)) {
        snapshot_close(sn);
        return 0;
    }
    memset(w, 0, sizeof *w);
    w->rules = world_rules(cfg);
    w->closed_lists_receive = cfg->rules.closed_lists_receive;
    w->at = (asat){.date = sn->h->date, .given = as_at > 0, .earliest = sn->h->earliest,
                   .newest = sn->h->newest, .facts = sn->h->facts};
    /* In place only where the map cannot change under it: a reader
     * without a lock slot could see its pages reused (store.h). */
    bool in_place = (parts & WORLD_VIEW) && same_rules(sn->h, &w->rules) &&
                    !store_is_unlocked(s);
    rc = !(w->eq_cache = equality_cache_new()) ? err_set(e, "out of memory")
         : take_practices(w, sn, in_place, e) || take_baselines(w, sn, e) ? -1
                                                                         : world_index(w, e);
    if (!w->snap)
        snapshot_close(sn);
    if (rc) {
        world_free(w);
        return -1;
    }
    return 1;
}

/* ---- writing ---------------------------------------------------------- */

static size_t up8(size_t n) { return (n + 7) / 8 * 8; }

/* The names section: offsets, then the strings. */
static unsigned char *names_section(const world *w, char *const *other, size_t *len)
{
    size_t strings = 0;
    for (int i = 0; i < w->n; i++)
        strings += other[i] ? strlen(other[i]) + 1 : 0;
    *len = up8((size_t)w->n * 4 + strings);
    unsigned char *p = calloc(*len + 8, 1);
    if (!p || strings > UINT32_MAX - 1)
        return free(p), NULL;
    size_t at = 0;
    for (int i = 0; i < w->n; i++) {
        uint32_t o = other[i] ? (uint32_t)at + 1 : 0;
        memcpy(p + (size_t)i * 4, &o, 4);
        if (other[i]) {
            memcpy(p + (size_t)w->n * 4 + at, other[i], strlen(other[i]) + 1);
            at += strlen(other[i]) + 1;
        }
    }
    return p;
}

/* A capacity worked out on the stack leaves its padding undefined: set
 * to zero, so the record is the same bytes for the same data. */
static void clean_padding(world_practice *v, int n)
{
    for (int i = 0; i < n; i++) {
        cap_result c;
        memset(&c, 0, sizeof c);
        c.list = v[i].cap.list;
        c.capacity = v[i].cap.capacity;
        c.headroom = v[i].cap.headroom;
        c.source = v[i].cap.source;
        memcpy(&v[i].cap, &c, sizeof c);
    }
}

/* The whole record for w (its cache filled), its other names and index. */
static unsigned char *serialise(const world *w, char *const *other, const search_index *ix,
                                size_t *len)
{
    snap_head h = {.layout = layout(), .n = w->n, .date = w->at.date,
                   .earliest = w->at.earliest, .newest = w->at.newest, .facts = w->at.facts,
                   .rules = {w->rules.patients_per_gp_fte, w->rules.default_headroom_pct,
                             w->rules.growth_pct}};
    size_t nlen, nb = (size_t)equality_cache_count(w->eq_cache);
    unsigned char *names = names_section(w, other, &nlen);
    memcpy(h.magic, magic, sizeof magic);
    h.len[SEC_PRACTICES] = (size_t)w->n * sizeof *w->v;
    h.len[SEC_NAMES] = nlen;
    h.len[SEC_SEARCH] = search_export(ix, NULL, 0);
    h.len[SEC_BASE] = nb * sizeof(snap_base);
    size_t at = up8(sizeof h);
    for (int i = 0; i < SECTIONS; i++) {
        h.off[i] = at;
        at += up8(h.len[i]);
    }
    unsigned char *p = names ? calloc(at, 1) : NULL;
    if (p) {
        memcpy(p, &h, sizeof h);
        memcpy(p + h.off[SEC_PRACTICES], w->v, h.len[SEC_PRACTICES]);
        clean_padding((world_practice *)(p + h.off[SEC_PRACTICES]), w->n);
        memcpy(p + h.off[SEC_NAMES], names, nlen);
        search_export(ix, p + h.off[SEC_SEARCH], h.len[SEC_SEARCH]);
        for (size_t i = 0; i < nb; i++) {
            snap_base b;
            memset(&b, 0, sizeof b); /* the padding after modelled too */
            const char *icb;
            const eq_baseline *src = equality_cache_entry(w->eq_cache, (int)i, &icb);
            b.base.patients = src->patients;
            memcpy(b.base.share, src->share, sizeof b.base.share);
            b.base.date = src->date;
            b.base.oldest = src->oldest;
            b.base.modelled = src->modelled;
            memcpy(b.icb, icb, strlen(icb) + 1);
            memcpy(p + h.off[SEC_BASE] + i * sizeof b, &b, sizeof b);
        }
    }
    free(names);
    *len = at;
    return p;
}

/* Puts the record, unless someone wrote since generation g (then the
 * record may not be of the data: their own refresh writes it). */
static int put_record(store *s, uint64_t g, const void *rec, size_t len, err *e)
{
    for (int tries = 0; tries < 2; tries++) {
        if (store_write_begin(s, e))
            return -1;
        if (store_generation(s) != g) {
            store_write_abort(s);
            return 0;
        }
        if (store_snapshot_put(s, rec, len, e) == 0)
            return store_write_commit(s, e);
        store_write_abort(s);
        if (!store_was_full(s) || store_grow(s, e))
            return -1;
    }
    return -1;
}

/* Everything the snapshot holds, read from the store as at generation
 * g; then written. */
static int build(store *s, const config *cfg, uint64_t g, err *e)
{
    world w;
    char **other = NULL;
    search_index *ix = NULL;
    unsigned char *rec = NULL;
    size_t len = 0;
    if (world_load_parts_at(&w, s, cfg, WORLD_ALL, 0, e))
        return -1;
    if (!w.at.newest) { /* no list-size extract: as at today, which moves */
        world_free(&w);
        return 0;
    }
    int rc = store_read_begin(s, e);
    if (rc == 0) {
        rc = world_other_names(&w, s, &other, e) || equality_cache_fill(&w, s, e) ? -1 : 0;
        store_read_end(s);
    }
    if (rc == 0 && (!(ix = world_search_build(&w, (const char *const *)other)) ||
                    !(rec = serialise(&w, other, ix, &len))))
        rc = err_set(e, "out of memory");
    if (rc == 0)
        rc = put_record(s, g, rec, len, e);
    free(rec);
    search_free(ix);
    world_other_names_free(other, w.n);
    world_free(&w);
    return rc;
}

int snapshot_refresh(store *s, const config *cfg, err *e)
{
    struct snapshot *sn;
    err ignored;
    if (store_is_read_only(s) || disabled())
        return 0;
    uint64_t g = store_generation(s);
    if (snapshot_open(s, &sn, &ignored) > 0) {
        bool current = facts_current(sn->h, 0);
        snapshot_close(sn);
        if (current)
            return 0; /* current already */
    }
    building = true;
    int rc = build(s, cfg, g, e);
    building = false;
    return rc;
}
