/* An engagement survey export: one row per response, its columns named by
 * a mapping file (config/survey_map.h, docs/data-guide.md).  Free text is
 * kept as typed, line breaks and all; it is shown only through
 * text_escape.  Where a respondent lives is kept as the postcode district
 * and nothing finer. */
#include "import/kinds.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/survey_map.h"
#include "util/text.h"

enum { F_ID, F_DATE, F_CHANNEL, F_PRACTICE, F_POSTCODE, F_MATTERS, F_IMPACT, F_TRAVEL,
       F_SCALE0, F_TEXT0 = F_SCALE0 + SURVEY_SCALES, F_GROUP0 = F_TEXT0 + SURVEY_TEXTS,
       F_COUNT = F_GROUP0 + SURVEY_GROUPS };

/* Never recognised from its header: the mapping says what it is. */
static int detect(const csvr_row *first)
{
    (void)first;
    return 0;
}

static int find_col(import_ctx *ic, const csvr_row *hdr, int i, const char *heading, err *e)
{
    ic->col[i] = -1;
    if (!heading[0])
        return 0;
    ic->col[i] = imp_find(hdr, heading);
    if (ic->col[i] < 0) {
        char shown[SURVEY_COL_MAX * 4];
        text_escape(heading, shown, sizeof shown);
        return err_at(e, csvr_name(ic->r), hdr->line, 0,
                      "missing column '%s' (the mapping names it)", shown);
    }
    imp_name_col(ic, i, heading);
    return 0;
}

static int map_header(import_ctx *ic, const survey_map *m, err *e)
{
    csvr_row *hdr;
    int rc = csvr_next(ic->r, &hdr, e);
    if (rc <= 0)
        return rc < 0 ? -1 : err_at(e, csvr_name(ic->r), 1, 0, "the file holds no rows");
    ic->header_n = hdr->n;
    const char *fixed[] = {m->id,      m->date,   m->channel, m->practice, m->postcode,
                           m->matters, m->impact, m->travel};
    for (int i = 0; i < F_SCALE0; i++)
        if (find_col(ic, hdr, i, fixed[i], e))
            return -1;
    for (int i = 0; i < SURVEY_SCALES; i++)
        if (find_col(ic, hdr, F_SCALE0 + i, i < m->nscales ? m->scale[i].column : "", e))
            return -1;
    for (int i = 0; i < SURVEY_TEXTS; i++)
        if (find_col(ic, hdr, F_TEXT0 + i, i < m->ntexts ? m->text[i].column : "", e))
            return -1;
    for (int i = 0; i < SURVEY_GROUPS; i++)
        if (find_col(ic, hdr, F_GROUP0 + i, i < m->ngroups ? m->group[i].column : "", e))
            return -1;
    return 0;
}

/* The practice: an answer the mapping names, or a code as such. */
static int practice_of(import_ctx *ic, const csvr_row *row, survey_resp *r, err *e)
{
    const char *v = imp_str(ic, row, F_PRACTICE);
    for (int i = 0; i < ic->mapping->npractice_answers; i++)
        if (strcasecmp(v, ic->mapping->practice_answer[i].answer) == 0) {
            text_copy(r->practice, sizeof r->practice, ic->mapping->practice_answer[i].value);
            text_upper(r->practice);
            break;
        }
    if (!r->practice[0] && imp_code(ic, row, F_PRACTICE, r->practice, e))
        return -1;
    static practice p;
    int found = store_practice_get(ic->s, r->practice, &p, e);
    if (found == 0)
        return imp_fail(ic, row, F_PRACTICE, e,
                        "practice %s is not in the store (import the register first, or "
                        "name the answer under practices: in the mapping)", r->practice);
    return found < 0 ? -1 : 0;
}

static int channel_of(import_ctx *ic, const csvr_row *row, survey_resp *r, err *e)
{
    const char *v = imp_str(ic, row, F_CHANNEL);
    const survey_map *m = ic->mapping;
    if (!v[0])
        return 0;
    for (int c = SURVEY_ONLINE; c <= SURVEY_ASSISTED; c++)
        if (strcasecmp(v, survey_channel_name((survey_channel)c)) == 0)
            return r->channel = c, 0;
    for (int i = 0; i < m->nchannel_answers; i++)
        if (strcasecmp(v, m->channel_answer[i].answer) == 0)
            for (int c = SURVEY_ONLINE; c <= SURVEY_ASSISTED; c++)
                if (strcmp(m->channel_answer[i].value, survey_channel_name((survey_channel)c)) == 0)
                    return r->channel = c, 0;
    return imp_fail(ic, row, F_CHANNEL, e,
                    "not online, paper or assisted, nor an answer under channels: in the mapping");
}

/* The postcode district ("CV6") of a full postcode or of a district as
 * given; anything else is kept as no district. */
static void district_of(import_ctx *ic, const csvr_row *row, survey_resp *r)
{
    char pc[POSTCODE_MAX + 8], d[POSTCODE_MAX];
    const char *v = imp_str(ic, row, F_POSTCODE);
    size_t n = 0;
    if (!v[0])
        return;
    if (text_postcode(v, pc, sizeof pc) == 0) {
        text_copy(r->district, sizeof r->district, pc);
        *strchr(r->district, ' ') = '\0';
        return;
    }
    for (; *v && n + 1 < sizeof d; v++)
        if (!isspace((unsigned char)*v))
            d[n++] = (char)toupper((unsigned char)*v);
    d[n] = '\0';
    bool ok = n >= 2 && n <= 4 && isalpha((unsigned char)d[0]);
    for (size_t i = 0; ok && i < n; i++)
        ok = isalnum((unsigned char)d[i]);
    if (ok && isdigit((unsigned char)d[n - 1]))
        text_copy(r->district, sizeof r->district, d);
    else
        imp_note(ic, "postcodes not recognised (kept with no district)");
}

/* "a; b ;c" -> "a\nb\nc" */
static void matters_of(import_ctx *ic, const csvr_row *row, survey_resp *r)
{
    char buf[TEXT_MAX];
    text_copy(buf, sizeof buf, imp_str(ic, row, F_MATTERS));
    size_t o = 0;
    for (char *save = NULL, *t = strtok_r(buf, ic->mapping->matters_sep, &save); t;
         t = strtok_r(NULL, ic->mapping->matters_sep, &save)) {
        while (isspace((unsigned char)*t))
            t++;
        size_t len = strlen(t);
        while (len && isspace((unsigned char)t[len - 1]))
            t[--len] = '\0';
        if (len && o + len + 2 < sizeof r->matters)
            o += (size_t)snprintf(r->matters + o, sizeof r->matters - o, "%s%s", o ? "\n" : "", t);
    }
}

/* 1..5 as a number or as the mapping's words for the scale; 0 unanswered. */
static int level_of(import_ctx *ic, const csvr_row *row, int i, bool has_labels,
                    const char labels[SURVEY_LEVELS][SURVEY_COL_MAX], int *out, err *e)
{
    const char *v = imp_str(ic, row, i);
    long n;
    *out = 0;
    if (!v[0])
        return 0;
    for (int k = 0; has_labels && k < SURVEY_LEVELS; k++)
        if (strcasecmp(v, labels[k]) == 0)
            return *out = k + 1, 0;
    if (text_long(v, &n) == 0 && n >= 1 && n <= SURVEY_LEVELS)
        return *out = (int)n, 0;
    return imp_fail(ic, row, i, e, "not 1 to %d%s", SURVEY_LEVELS,
                    has_labels ? " nor one of the mapping's answers" : "");
}

static int scales_of(import_ctx *ic, const csvr_row *row, survey_resp *r, err *e)
{
    const survey_map *m = ic->mapping;
    if (level_of(ic, row, F_IMPACT, m->has_impact_labels, m->impact_labels, &r->impact, e))
        return -1;
    r->nscales = m->nscales;
    for (int i = 0; i < m->nscales; i++) {
        text_copy(r->scale[i].name, sizeof r->scale[i].name, m->scale[i].name);
        if (level_of(ic, row, F_SCALE0 + i, m->has_scale_labels, m->scale_labels,
                     &r->scale[i].value, e))
            return -1;
    }
    return 0;
}

static void travel_of(import_ctx *ic, const csvr_row *row, survey_resp *r)
{
    const char *v = imp_str(ic, row, F_TRAVEL);
    double d;
    r->travel = NAN;
    r->travel_miles = ic->mapping->travel_unit == SURVEY_MILES;
    if (!v[0])
        return;
    if (text_double(v, &d) == 0 && d >= 0 && d <= 1000)
        r->travel = d;
    else
        imp_note(ic, "travel answers not a number (kept as not answered)");
}

/* Free text and equality answers, cut (on a character boundary) when
 * longer than the store keeps. */
static void texts_of(import_ctx *ic, const csvr_row *row, survey_resp *r)
{
    const survey_map *m = ic->mapping;
    r->ntexts = m->ntexts;
    for (int i = 0; i < m->ntexts; i++) {
        const char *v = imp_str(ic, row, F_TEXT0 + i);
        if (strlen(v) >= sizeof r->text[i].text)
            imp_note(ic, "free-text answers cut to 4,095 bytes");
        text_copy(r->text[i].name, sizeof r->text[i].name, m->text[i].name);
        text_copy(r->text[i].text, sizeof r->text[i].text, v);
    }
    r->ngroups = m->ngroups;
    for (int i = 0; i < m->ngroups; i++) {
        text_copy(r->group[i].name, sizeof r->group[i].name, m->group[i].name);
        text_copy(r->group[i].value, sizeof r->group[i].value, imp_str(ic, row, F_GROUP0 + i));
    }
}

static int one_row(import_ctx *ic, const csvr_row *row, void *ctx, err *e)
{
    static survey_resp r;
    (void)ctx;
    memset(&r, 0, sizeof r);
    if (imp_text(ic, row, F_ID, r.id, sizeof r.id, e))
        return -1;
    if (!r.id[0])
        return imp_fail(ic, row, F_ID, e, "a response needs its id");
    if (!imp_str(ic, row, F_PRACTICE)[0]) {
        imp_skip(ic, "responses naming no practice");
        return 0;
    }
    if (practice_of(ic, row, &r, e) || imp_date(ic, row, F_DATE, &r.date, e) ||
        channel_of(ic, row, &r, e) || scales_of(ic, row, &r, e))
        return -1;
    district_of(ic, row, &r);
    matters_of(ic, row, &r);
    travel_of(ic, row, &r);
    texts_of(ic, row, &r);
    if (store_survey_put(ic->s, &r, e))
        return -1;
    imp_keep(ic);
    return 0;
}

static int run(import_ctx *ic, err *e)
{
    if (!ic->mapping)
        return err_set(e, "%s: a survey export needs its mapping file (--mapping)",
                       csvr_name(ic->r));
    csvr_allow_controls(ic->r);
    return map_header(ic, ic->mapping, e) ? -1 : imp_rows(ic, one_row, NULL, e);
}

const import_kind kind_survey = {
    "survey", "an engagement survey export, read through --mapping FILE (YAML)", detect, run};
