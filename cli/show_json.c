#include "cli/show_json.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "cli/out.h"
#include "core/areas.h"
#include "core/world.h"
#include "util/text.h"

static void jdate(json *j, const char *key, long ymd)
{
    json_key(j, key);
    json_date(j, ymd);
}

static void jlong(json *j, const char *key, long v, bool known)
{
    json_key(j, key);
    if (known)
        json_int(j, v);
    else
        json_null(j);
}

static void jstr(json *j, const char *key, const char *v)
{
    json_key(j, key);
    json_str(j, *v ? v : NULL);
}

static void identity(json *j, const card *c)
{
    const practice *p = &c->p;
    jdate(j, "as_at", c->at.date);
    jstr(j, "code", p->code);
    jstr(j, "name", p->name);
    json_key(j, "other_names");
    json_arr(j);
    for (int i = 0; i < c->nnames; i++)
        json_str(j, c->names[i].name);
    json_arr_end(j);
    jstr(j, "status", p->status);
    json_key(j, "open"); json_bool(j, c->open);
    json_key(j, "address");
    json_arr(j);
    for (int i = 0; i < 5; i++)
        if (*p->addr[i])
            json_str(j, p->addr[i]);
    json_arr_end(j);
    jstr(j, "postcode", p->postcode);
    jstr(j, "phone", p->phone);
    jdate(j, "open_date", p->open_date);
    jdate(j, "close_date", p->close_date);
    jstr(j, "sub_icb", p->sub_icb);
    jstr(j, "sub_icb_name", p->sub_icb_name);
    jstr(j, "icb", p->icb);
    jstr(j, "icb_name", p->icb_name);
    jstr(j, "pcn", p->pcn_code);
    jstr(j, "pcn_name", p->pcn_name);
    json_key(j, "location");
    if (!*c->pc.postcode) {
        json_null(j);
        return;
    }
    json_obj(j);
    json_key(j, "lat"); json_num(j, c->pc.lat, 6);
    json_key(j, "lon"); json_num(j, c->pc.lon, 6);
    jstr(j, "lsoa", c->pc.lsoa);
    jstr(j, "lsoa11", c->pc.lsoa11);
    jlong(j, "imd_decile", c->imd, c->imd > 0);
    jlong(j, "imd_edition", areas_edition_year(c->imd_edition), c->imd_edition >= 0);
    json_obj_end(j);
}

static void point(json *j, const char *key, const list_point *pt, const list_point *latest)
{
    json_key(j, key);
    if (!pt->date) {
        json_null(j);
        return;
    }
    json_obj(j);
    jdate(j, "date", pt->date);
    json_key(j, "patients"); json_int(j, pt->patients);
    json_key(j, "change_to_latest_pct"); json_num(j, card_change_pct(pt, latest), 1);
    json_obj_end(j);
}

/* The history as numbers: earliest, a year before, latest. */
static void history_numbers(json *j, const card *c)
{
    json_key(j, "history_summary");
    json_obj(j);
    point(j, "earliest", &c->first, &c->latest);
    point(j, "year_before", &c->year_ago, &c->latest);
    point(j, "latest", &c->latest, &c->latest);
    json_obj_end(j);
}

static void list_and_age(json *j, const card *c)
{
    jlong(j, "list_size", c->p.list_size, c->p.list_size >= 0);
    jdate(j, "list_date", c->p.list_date);
    json_key(j, "list_stale"); json_bool(j, asat_stale(c->p.list_date, c->at.date));
    jlong(j, "change_12m", c->change_12m, c->change_12m != LONG_MIN);
    history_numbers(j, c);
    json_key(j, "history");
    json_arr(j);
    for (int i = 0; i < c->nhist; i++) {
        json_obj(j);
        jdate(j, "date", c->hist[i].date);
        json_key(j, "patients"); json_int(j, c->hist[i].patients);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "age");
    if (!c->age.date) {
        json_null(j);
        return;
    }
    json_obj(j);
    jdate(j, "date", c->age.date);
    json_key(j, "groups");
    json_obj(j);
    for (int g = 0; g < AGE_GROUPS; g++) {
        json_key(j, card_age_group_name(g));
        json_int(j, c->age_groups[g]);
    }
    json_obj_end(j);
    json_key(j, "share_65_plus"); json_num(j, card_share_65(c), 4);
    json_key(j, "share_75_plus"); json_num(j, card_share_75(c), 4);
    json_obj_end(j);
}

static void capacity(json *j, const card *c)
{
    json_key(j, "capacity");
    json_obj(j);
    /* A practice not open on the date has neither; without a list size
     * the headroom is unknown (card_capacity_known). */
    jlong(j, "capacity", c->cap.capacity, c->open && card_capacity_known(c));
    json_key(j, "source"); json_str(j, capacity_source_name(c->cap.source));
    /* The capacity rests on a file's made-up (ILLUSTRATIVE) figure. */
    json_key(j, "illustrative");
    json_bool(j, world_capacity_illustrative(&c->facts, c->fte_date, c->cap.source));
    jlong(j, "headroom", c->cap.headroom, c->open && card_headroom_known(c));
    /* The capacity recorded (imported or set) in force on the date, and
     * the date it applies from. */
    jlong(j, "recorded", c->facts.capacity, c->facts.capacity >= 0);
    jdate(j, "recorded_from", c->facts.capacity >= 0 && c->facts.from > 0 ? c->facts.from : 0);
    json_key(j, "gp_fte"); json_num(j, c->facts.gp_fte, 2);
    json_key(j, "gp_fte_source");
    json_str(j, world_fte_source(c->facts.gp_fte, c->fte_date));
    json_key(j, "gp_fte_illustrative");
    json_bool(j, world_fte_illustrative(&c->facts, c->fte_date));
    jdate(j, "gp_fte_date", c->fte_date);
    json_key(j, "list_open");
    if (c->facts.list_open < 0)
        json_null(j);
    else
        json_bool(j, c->facts.list_open == 1);
    json_key(j, "list_illustrative"); /* the status is the file's made-up one */
    json_bool(j, c->facts.list_open >= 0 && c->facts.illustrative);
    json_obj_end(j);
    json_key(j, "contract");
    if (!*c->con.practice) {
        json_null(j);
        return;
    }
    json_obj(j);
    jstr(j, "type", c->con.type);
    jdate(j, "start", c->con.start);
    jdate(j, "end", c->con.end);
    json_key(j, "ended"); json_bool(j, store_contract_ended(&c->con, c->at.facts));
    jstr(j, "extension", c->con.extension);
    jstr(j, "provider", c->con.provider);
    jstr(j, "notes", c->con.notes);
    json_obj_end(j);
}

static void evidence_json(json *j, const card *c)
{
    json_key(j, "evidence");
    json_arr(j);
    for (int i = 0; i < c->nev; i++) {
        const evidence *r = &c->ev[i];
        json_obj(j);
        jstr(j, "measure", r->measure);
        jstr(j, "label", card_measure_label(r->measure));
        json_key(j, "value"); json_num(j, r->value, 2);
        json_key(j, "text"); json_str(j, *r->text ? r->text : NULL);
        jdate(j, "date", r->date);
        jstr(j, "period", r->period);
        jstr(j, "source", r->source);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void sites_json(json *j, const card *c)
{
    json_key(j, "branches");
    json_arr(j);
    for (int i = 0; i < c->nbranches; i++) {
        const branch_rec *r = &c->branches[i];
        json_obj(j);
        jstr(j, "code", r->code);
        jstr(j, "name", r->name);
        jstr(j, "town", r->town);
        jstr(j, "postcode", r->postcode);
        jdate(j, "open_date", r->open_date);
        jdate(j, "close_date", r->close_date);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "pcn_history");
    json_arr(j);
    for (int i = 0; i < c->npcns; i++) {
        json_obj(j);
        jstr(j, "pcn", c->pcns[i].pcn);
        jstr(j, "name", c->pcns[i].pcn_name);
        jdate(j, "start", c->pcns[i].start);
        jdate(j, "end", c->pcns[i].end);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void indicators_notes(json *j, const card *c)
{
    sites_json(j, c);
    evidence_json(j, c);
    json_key(j, "indicators");
    json_arr(j);
    for (int i = 0; i < c->nind; i++) {
        json_obj(j);
        json_key(j, "id"); json_int(j, c->ind[i].id);
        jstr(j, "name", c->ind[i].name);
        jstr(j, "period", c->ind[i].period);
        json_key(j, "value"); json_num(j, c->ind[i].value, 4);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "notes");
    json_arr(j);
    for (int i = 0; i < c->nnotes; i++) {
        json_obj(j);
        json_key(j, "time"); json_int(j, c->notes[i].time);
        jstr(j, "user", c->notes[i].user);
        jstr(j, "text", c->notes[i].text);
        json_obj_end(j);
    }
    json_arr_end(j);
}

void show_json(const card *c)
{
    json j;
    json_init(&j, stdout);
    json_obj(&j);
    identity(&j, c);
    list_and_age(&j, c);
    capacity(&j, c);
    indicators_notes(&j, c);
    json_obj_end(&j);
    json_done(&j);
}
