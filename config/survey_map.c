/* The survey mapping file, read with the config's own strict walker. */
#include "config/survey_map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/config.h"
#include "config/cwalk.h"
#include "config/ytree.h"

static const char *const channel_names[] = {"", "online", "paper", "assisted"};

const char *survey_channel_name(survey_channel c)
{
    return c >= SURVEY_CHANNEL_UNKNOWN && c <= SURVEY_ASSISTED ? channel_names[c] : "";
}

/* A key's name for messages and for the short names it gives. */
static int key_name(cwalk *w, const ynode *k, char *out, size_t outsz)
{
    return cwalk_string(w, k, "a key", outsz, out);
}

static int walk_columns(cwalk *w, const ynode *n, survey_map *m)
{
    static const char *const keys[] = {"id",      "date",   "channel", "practice", "postcode",
                                       "matters", "impact", "travel",  NULL};
    char *dst[] = {m->id,      m->date,   m->channel, m->practice, m->postcode,
                   m->matters, m->impact, m->travel};
    if (cwalk_map(w, n, "columns", 8) < 0)
        return -1;
    for (size_t i = 0; n->kind == YNODE_MAP && i < n->nkids; i += 2) {
        if (cwalk_key(w, n, i, "columns") < 0)
            return -1;
        int k = 0;
        while (keys[k] && strcmp(keys[k], n->kids[i]->val) != 0)
            k++;
        if (!keys[k])
            return cwalk_unknown(w, n->kids[i], "columns", keys);
        if (cwalk_string(w, n->kids[i + 1], keys[k], SURVEY_COL_MAX, dst[k]) < 0)
            return -1;
    }
    if (!m->id[0] || !m->practice[0])
        return cwalk_fail(w, n, "columns must name at least id and practice");
    return 0;
}

/* name: column, for satisfaction, free_text and equality. */
static int walk_fields(cwalk *w, const ynode *n, const char *what, survey_field *out,
                       int max, int *count)
{
    if (cwalk_map(w, n, what, (size_t)max) < 0)
        return -1;
    for (size_t i = 0; n->kind == YNODE_MAP && i < n->nkids; i += 2) {
        survey_field *f = &out[(*count)++];
        if (cwalk_key(w, n, i, what) < 0 || key_name(w, n->kids[i], f->name, sizeof f->name) ||
            cwalk_string(w, n->kids[i + 1], f->name, SURVEY_COL_MAX, f->column) < 0)
            return -1;
    }
    return 0;
}

/* A list of the five words of a scale, lowest first. */
static int walk_levels(cwalk *w, const ynode *n, const char *what,
                       char out[SURVEY_LEVELS][SURVEY_COL_MAX], bool *has)
{
    if (n->kind != YNODE_SEQ || n->nkids != SURVEY_LEVELS)
        return cwalk_fail(w, n, "%s must be a list of %d answers, lowest first", what,
                          SURVEY_LEVELS);
    for (size_t i = 0; i < n->nkids; i++)
        if (cwalk_string(w, n->kids[i], what, SURVEY_COL_MAX, out[i]) < 0)
            return -1;
    *has = true;
    return 0;
}

static int add_answer(cwalk *w, const ynode *n, const char *what, const char *value,
                      survey_answer *out, int *count)
{
    if (*count >= SURVEY_ANSWERS)
        return cwalk_fail(w, n, "too many answers in %s (at most %d)", what, SURVEY_ANSWERS);
    survey_answer *a = &out[(*count)++];
    snprintf(a->value, sizeof a->value, "%s", value);
    return cwalk_string(w, n, what, SURVEY_COL_MAX, a->answer);
}

/* channels: {online: [answers], paper: [...], assisted: [...]} */
static int walk_channels(cwalk *w, const ynode *n, survey_map *m)
{
    static const char *const keys[] = {"online", "paper", "assisted", NULL};
    if (cwalk_map(w, n, "channels", 3) < 0)
        return -1;
    for (size_t i = 0; n->kind == YNODE_MAP && i < n->nkids; i += 2) {
        const ynode *k = n->kids[i], *v = n->kids[i + 1];
        if (cwalk_key(w, n, i, "channels") < 0)
            return -1;
        int c = 0;
        while (keys[c] && strcmp(keys[c], k->val) != 0)
            c++;
        if (!keys[c])
            return cwalk_unknown(w, k, "channels", keys);
        if (v->kind != YNODE_SEQ)
            return cwalk_fail(w, v, "channels.%s must be a list of answers", keys[c]);
        for (size_t j = 0; j < v->nkids; j++)
            if (add_answer(w, v->kids[j], "channels", keys[c], m->channel_answer,
                           &m->nchannel_answers) < 0)
                return -1;
    }
    return 0;
}

/* practices: {answer: CODE} */
static int walk_practices(cwalk *w, const ynode *n, survey_map *m)
{
    char code[SURVEY_LABEL_MAX];
    if (cwalk_map(w, n, "practices", SURVEY_ANSWERS) < 0)
        return -1;
    for (size_t i = 0; n->kind == YNODE_MAP && i < n->nkids; i += 2) {
        if (cwalk_key(w, n, i, "practices") < 0 ||
            cwalk_string(w, n->kids[i + 1], "a practice code", 11, code) < 0 ||
            add_answer(w, n->kids[i], "practices", code, m->practice_answer,
                       &m->npractice_answers) < 0)
            return -1;
    }
    return 0;
}

static int walk_unit(cwalk *w, const ynode *n, survey_map *m)
{
    char s[16];
    if (cwalk_string(w, n, "travel_unit", sizeof s, s) < 0)
        return -1;
    if (strcmp(s, "minutes") && strcmp(s, "miles"))
        return cwalk_fail(w, n, "travel_unit must be minutes or miles");
    m->travel_unit = strcmp(s, "miles") == 0 ? SURVEY_MILES : SURVEY_MINUTES;
    return 0;
}

static const char *const top_keys[] = {
    "columns",       "satisfaction", "free_text",    "equality",     "travel_unit",
    "matters_separator", "channels",  "practices",   "scale_labels", "impact_labels", NULL};

static int walk_one(cwalk *w, int k, const ynode *v, survey_map *m)
{
    switch (k) {
    case 0: return walk_columns(w, v, m);
    case 1: return walk_fields(w, v, "satisfaction", m->scale, SURVEY_SCALES, &m->nscales);
    case 2: return walk_fields(w, v, "free_text", m->text, SURVEY_TEXTS, &m->ntexts);
    case 3: return walk_fields(w, v, "equality", m->group, SURVEY_GROUPS, &m->ngroups);
    case 4: return walk_unit(w, v, m);
    case 5: return cwalk_string(w, v, "matters_separator", SURVEY_SEP_MAX, m->matters_sep);
    case 6: return walk_channels(w, v, m);
    case 7: return walk_practices(w, v, m);
    case 8: return walk_levels(w, v, "scale_labels", m->scale_labels, &m->has_scale_labels);
    default: return walk_levels(w, v, "impact_labels", m->impact_labels, &m->has_impact_labels);
    }
}

static int walk(cwalk *w, const ynode *root, survey_map *m)
{
    bool columns = false;
    if (!root || root->kind != YNODE_MAP)
        return err_at(w->e, w->file, root ? root->line : 1, root ? root->col : 0,
                      "a survey mapping must be a mapping with at least columns:");
    if (cwalk_map(w, root, "the mapping", 16) < 0)
        return -1;
    for (size_t i = 0; i < root->nkids; i += 2) {
        if (cwalk_key(w, root, i, "the mapping") < 0)
            return -1;
        int k = 0;
        while (top_keys[k] && strcmp(top_keys[k], root->kids[i]->val) != 0)
            k++;
        if (!top_keys[k])
            return cwalk_unknown(w, root->kids[i], "the mapping", top_keys);
        columns |= k == 0;
        if (walk_one(w, k, root->kids[i + 1], m) < 0)
            return -1;
    }
    return columns ? 0 : err_at(w->e, w->file, 1, 0, "the mapping has no columns:");
}

int survey_map_parse(survey_map *m, const char *text, size_t len, const char *name, err *e)
{
    cwalk w = {.file = name, .e = e};
    ynode *root;
    memset(m, 0, sizeof *m);
    strcpy(m->matters_sep, ";");
    if (ytree_parse(text, len, name, &root, e) < 0)
        return -1;
    int rc = walk(&w, root, m);
    ytree_free(root);
    return rc;
}

int survey_map_load(survey_map *m, const char *path, err *e)
{
    char *text;
    size_t len;
    if (config_read_path(path, &text, &len, e) < 0)
        return -1;
    int rc = survey_map_parse(m, text, len, path, e);
    free(text);
    return rc;
}
