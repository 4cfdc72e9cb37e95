/* Scoring a bid by keyboard (`:score ID`): one line per question and
 * bidder the user scores, with the question's text and the bidder's
 * answer summary above the list for the line under the cursor.  Enter
 * asks for a score and a comment, which go to the user's private draft
 * (core/psr_blind.h); `:submit` makes them final. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/psr_blind.h"
#include "util/clock.h"
#include "util/text.h"

enum { SV_HEADER = 7, SV_CELLS = 512 };

typedef struct sview {
    char id[CODE_MAX];
    const char *me;
    psr_proc p;
    psr_draft d;
    const psr_item *q[SV_CELLS], *b[SV_CELLS];
    int n;
} sview;

static void sv_cells(sview *sv)
{
    err why;
    sv->n = 0;
    for (int i = 0; i < sv->p.n; i++)
        for (int j = 0; j < sv->p.n && sv->n < SV_CELLS; j++) {
            const psr_item *q = &sv->p.row[i], *b = &sv->p.row[j];
            if (strcmp(q->kind, "question") == 0 && strcmp(b->kind, "bidder") == 0 &&
                psr_assigned(&sv->p, sv->me, q->key, b->key, &why)) {
                sv->q[sv->n] = q;
                sv->b[sv->n++] = b;
            }
        }
}

static int sv_load(app *a, view *v)
{
    sview *sv = v->priv;
    err e;
    psr_free(&sv->p);
    sv->n = 0;
    v->nlines = 0;
    int rc = psr_load(a->s, sv->id, &sv->p, &e);
    if (rc <= 0) {
        app_msg(a, COL_ERROR, "%s", rc < 0 ? e.msg : "no such procurement");
        return -1;
    }
    psr_hide_unseen(&sv->p, sv->me);
    if (psr_draft_load(sv->id, &sv->d, &e) < 0)
        app_msg(a, COL_ERROR, "your drafts: %s", e.msg);
    sv_cells(sv);
    v->nlines = sv->n;
    snprintf(v->empty, sizeof v->empty, "%s is not an evaluator of %s: nothing to score",
             sv->me, sv->id);
    return 0;
}

static int sv_open(app *a, view *v, const void *arg)
{
    sview *sv = v->priv;
    snprintf(sv->id, sizeof sv->id, "%s", (const char *)arg);
    sv->me = psr_login();
    if (!sv->me) {
        app_msg(a, COL_ERROR, "your user id has no login name: scoring needs one");
        return -1;
    }
    v->nheader = SV_HEADER;
    return sv_load(a, v);
}

static void sv_reload(app *a, view *v) { sv_load(a, v); }

/* Two lines of wrapped text at y, y+1. */
static void two_lines(app *a, WINDOW *w, int y, int width, const char *s)
{
    size_t k = text_fit(s, width - 1);
    if (s[k]) { /* break at a space when there is one late enough */
        size_t sp = k;
        while (sp > k / 2 && s[sp] != ' ')
            sp--;
        if (s[sp] == ' ')
            k = sp;
    }
    char first[TEXT_MAX];
    snprintf(first, sizeof first, "%.*s", (int)k, s);
    draw_text(a, w, y, 0, width, first, color_attr(COL_NORMAL));
    draw_text(a, w, y + 1, 0, width, s + k + (s[k] == ' '), color_attr(COL_NORMAL));
}

static void sv_header(app *a, view *v, WINDOW *w, int width)
{
    sview *sv = v->priv;
    char line[1024], head[256] = "  ";
    bool done = psr_has_submitted(&sv->p, sv->me);
    snprintf(line, sizeof line, "%s as %s: %s", sv->id, sv->me,
             done ? "submitted, final" : "drafts are yours alone until you :submit");
    draw_text(a, w, 0, 0, width, line, color_attr(done ? COL_GOOD : COL_WARN));
    if (v->cur < sv->n) {
        const psr_item *q = sv->q[v->cur], *b = sv->b[v->cur];
        char key[NAME_MAX];
        snprintf(key, sizeof key, "%.60s/%.60s", q->key, b->key);
        const psr_item *ans = psr_get(&sv->p, "answer", key);
        snprintf(line, sizeof line, "%s (%s, %s%%, score 0-%s): %s", q->key, q->f[0], q->f[1],
                 q->f[2], q->f[4]);
        two_lines(a, w, 1, width, line);
        snprintf(line, sizeof line, "%s %s answers: %s", b->key, b->f[0],
                 ans ? ans->f[0] : "(no summary recorded)");
        two_lines(a, w, 3, width, line);
    }
    draw_hline(a, w, 5, 0, width, color_attr(COL_DIM));
    cell_add(a, head, sizeof head, "Question", 8, false);
    cell_add(a, head, sizeof head, "Bidder", 28, false);
    cell_add(a, head, sizeof head, "Score", 5, true);
    cell_add(a, head, sizeof head, "Comment", width - 48 > 8 ? width - 48 : 8, false);
    draw_text(a, w, 6, 0, width, head, color_attr(COL_HEADER));
}

static void sv_draw(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel)
{
    sview *sv = v->priv;
    const psr_draft_score *d = psr_draft_find(&sv->d, sv->q[line]->key, sv->b[line]->key);
    char text[1024] = "  ", score[48], key[NAME_MAX], bid[2 * NAME_MAX];
    snprintf(key, sizeof key, "%.40s/%.58s/%.58s", sv->me, sv->q[line]->key, sv->b[line]->key);
    const psr_item *sub = psr_get(&sv->p, "score", key);
    if (sub)
        snprintf(score, sizeof score, "%s/%s", sub->f[0], sv->q[line]->f[2]);
    else if (d)
        snprintf(score, sizeof score, "%ld/%s", d->score, sv->q[line]->f[2]);
    else
        snprintf(score, sizeof score, "-/%s", sv->q[line]->f[2]);
    snprintf(bid, sizeof bid, "%s %s", sv->b[line]->key, sv->b[line]->f[0]);
    cell_add(a, text, sizeof text, sv->q[line]->key, 8, false);
    cell_add(a, text, sizeof text, bid, 28, false);
    cell_add(a, text, sizeof text, score, 5, true);
    cell_add(a, text, sizeof text, sub ? sub->f[1] : d ? d->comment : "not scored",
             width - 48 > 8 ? width - 48 : 8, false);
    draw_text(a, w, y, 0, width, text,
              color_attr(sel ? COL_CURSOR : d || sub ? COL_NORMAL : COL_DIM));
}

static void sv_select(app *a, view *v)
{
    (void)a;
    v->dirty = true; /* the question and answer above follow the cursor */
}

static unsigned sv_score(app *a, view *v, sview *sv)
{
    char buf[PSR_COMMENT_MAX], label[160], init[16] = "";
    long score;
    err e;
    const psr_item *q = sv->q[v->cur], *b = sv->b[v->cur];
    const psr_draft_score *d = psr_draft_find(&sv->d, q->key, b->key);
    if (d)
        snprintf(init, sizeof init, "%ld", d->score);
    snprintf(label, sizeof label, "Score %.40s for %.40s (0-%.4s): ", q->key, b->key, q->f[2]);
    if (!app_prompt(a, label, init, buf, sizeof buf) || !*buf)
        return REDRAW_ALL;
    if (text_long(buf, &score) < 0) {
        app_msg(a, COL_ERROR, "'%s' is not a whole number", buf);
        return REDRAW_ALL;
    }
    snprintf(label, sizeof label, "Comment on %.40s for %.40s: ", q->key, b->key);
    if (!app_prompt(a, label, d ? d->comment : NULL, buf, sizeof buf))
        return REDRAW_ALL;
    if (psr_draft_set(&sv->p, &sv->d, q->key, b->key, score, buf, &e) < 0)
        app_msg(a, COL_ERROR, "%s", e.msg);
    else
        app_msg(a, COL_GOOD, "%s for %s: %ld saved to your private draft", q->key, b->key, score);
    return REDRAW_ALL;
}

static unsigned sv_request(app *a, view *v, tui_request r)
{
    sview *sv = v->priv;
    if (r != REQ_ENTER || v->cur >= sv->n)
        return 0;
    return sv_score(a, v, sv);
}

int scoring_submit(app *a)
{
    view *v = app_view(a);
    err e;
    if (v->ops != &scoring_ops) {
        app_msg(a, COL_WARN, ":submit works on the scoring screen (:score ID)");
        return 0;
    }
    sview *sv = v->priv;
    if (a->read_only) {
        app_msg(a, COL_WARN, "read-only (%s): scores cannot be submitted", a->read_only_why);
        return 0;
    }
    if (psr_submit(a->s, &sv->p, &sv->d, clock_now(), &e) < 0) {
        app_msg(a, COL_ERROR, "%s", e.msg);
        return 0;
    }
    app_msg(a, COL_GOOD, "your scores for %s are submitted (final)", sv->id);
    sv_load(a, v);
    v->dirty = true;
    return 0;
}

static void sv_describe(app *a, view *v, char *out, size_t n)
{
    sview *sv = v->priv;
    int scored = 0;
    (void)a;
    for (int i = 0; i < sv->n; i++)
        scored += psr_draft_find(&sv->d, sv->q[i]->key, sv->b[i]->key) != NULL;
    snprintf(out, n, "%d of %d scored", psr_has_submitted(&sv->p, sv->me) ? sv->n : scored,
             sv->n);
}

static void sv_done(app *a, view *v)
{
    sview *sv = v->priv;
    (void)a;
    psr_free(&sv->p);
}

static const view_hint scoring_hints[] = {
    HINT(ENTER, "score"), HINT_WORDS(":submit"), HINT(BACK, "back"), HINT_END,
};

const view_ops scoring_ops = {
    .title = "Scoring",
    .kind = VIEW_SCORING,
    .private_size = sizeof(sview),
    .hints = scoring_hints,
    .open = sv_open,
    .draw_header = sv_header,
    .draw = sv_draw,
    .request = sv_request,
    .select = sv_select,
    .reload = sv_reload,
    .describe = sv_describe,
    .done = sv_done,
};
