/* The loop: read a key, turn it into a request, offer it to the view on
 * top, else handle it here; handlers say what they changed (flags).  Each
 * turn first notices a new store generation or plan serial and asks the
 * views that depend on it to load again; then it draws, and drawing only
 * draws.  Drawing is wnoutrefresh per window and one doupdate per turn; a
 * cursor move repaints only the two lines involved. */
#include "tui/internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

view *app_view(app *a) { return a->depth ? a->stack[a->depth - 1] : NULL; }

int app_body_rows(const app *a) { return a->rows - 2; }

void app_msg(app *a, tui_color c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_color = c;
}

bool app_marked(const app *a, int wi)
{
    return wi >= 0 && wi < a->w.n && plan_closing(&a->plan, a->w.v[wi].p.code);
}

void view_free(app *a, view *v)
{
    if (v->ops->done)
        v->ops->done(a, v);
    free(v->priv);
    free(v);
}

/* Opens a view on top.  A full stack forgets the oldest view above the
 * practice list rather than refusing. */
int app_push(app *a, const view_ops *ops, const void *arg)
{
    view *v = calloc(1, sizeof *v);
    if (v && ops->private_size && !(v->priv = calloc(1, ops->private_size))) {
        free(v);
        v = NULL;
    }
    if (!v) {
        app_msg(a, COL_ERROR, "out of memory");
        return -1;
    }
    v->ops = ops;
    v->old_cur = -1;
    v->dirty = true;
    if (ops->open(a, v, arg)) {
        view_free(a, v);
        return -1;
    }
    if (a->depth == VIEW_DEPTH) {
        view_free(a, a->stack[1]);
        memmove(a->stack + 1, a->stack + 2, (VIEW_DEPTH - 2) * sizeof *a->stack);
        a->depth--;
    }
    a->stack[a->depth++] = v;
    a->full_redraw = true;
    return 0;
}

void app_pop(app *a)
{
    if (a->depth <= 1) {
        a->running = false;
        return;
    }
    view_free(a, a->stack[--a->depth]);
    a->full_redraw = true;
}

static int view_rows(const app *a, const view *v)
{
    int r = app_body_rows(a) - v->nheader;
    return r > 1 ? r : 1;
}

/* Keeps the cursor on screen after a resize or a reload. */
static void view_clamp(app *a, view *v)
{
    int rows = view_rows(a, v);
    int max = v->scroll_only ? v->nlines - rows : v->nlines - 1;
    if (v->cur > max)
        v->cur = max;
    if (v->cur < 0)
        v->cur = 0;
    if (v->scroll_only || v->top > v->cur)
        v->top = v->cur;
    if (v->cur >= v->top + rows)
        v->top = v->cur - rows + 1;
    if (v->top < 0)
        v->top = 0;
}

void view_goto(app *a, view *v, int line)
{
    int old = v->cur, oldtop = v->top;
    v->cur = line;
    view_clamp(a, v);
    if (v->cur == old)
        return;
    if (v->top != oldtop || v->scroll_only || v->old_cur >= 0)
        v->dirty = true;
    else
        v->old_cur = old;
    if (v->ops->select)
        v->ops->select(a, v);
}

/* Moving, the same in every view. */
static bool view_move(app *a, view *v, tui_request r)
{
    int page = view_rows(a, v);
    switch (r) {
    case REQ_MOVE_DOWN: view_goto(a, v, v->cur + 1); return true;
    case REQ_MOVE_UP: view_goto(a, v, v->cur - 1); return true;
    case REQ_PAGE_DOWN: view_goto(a, v, v->cur + page); return true;
    case REQ_PAGE_UP: view_goto(a, v, v->cur - page); return true;
    case REQ_FIRST: view_goto(a, v, 0); return true;
    case REQ_LAST: view_goto(a, v, v->nlines); return true;
    default: return false;
    }
}

static void draw_line(app *a, view *v, int line)
{
    int y = v->nheader + line - v->top;
    if (line < 0 || line >= v->nlines || y < v->nheader || y >= app_body_rows(a))
        return;
    v->ops->draw(a, v, a->body, line, y, a->cols, !v->scroll_only && line == v->cur);
}

static void draw_view(app *a, view *v)
{
    if (a->full_redraw || v->dirty) {
        werase(a->body);
        if (v->ops->draw_header)
            v->ops->draw_header(a, v, a->body, a->cols);
        view_clamp(a, v);
        for (int line = v->top; line < v->top + view_rows(a, v) && line < v->nlines; line++)
            draw_line(a, v, line);
        if (v->nlines == 0)
            draw_wrapped(a, a->body, v->nheader, 1, a->cols - 2, app_body_rows(a) - v->nheader,
                         v->empty, color_attr(COL_DIM));
    } else if (v->old_cur >= 0) {
        draw_line(a, v, v->old_cur);
        draw_line(a, v, v->cur);
    }
    v->dirty = false;
    v->old_cur = -1;
    wnoutrefresh(a->body);
}

static void draw_title(app *a, view *v)
{
    char left[512], desc[256] = "", right[128];
    if (v->ops->describe)
        v->ops->describe(a, v, desc, sizeof desc);
    snprintf(left, sizeof left, " %s%s%s", v->ops->title, *desc ? "  " : "", desc);
    char d[16], marks[32] = "";
    if (a->plan.nclose) /* the date always; the marks when there are some */
        snprintf(marks, sizeof marks, "  %d marked", a->plan.nclose);
    snprintf(right, sizeof right, " %sas at %s%s", a->read_only ? "[read-only]  " : "",
             text_date_or_dash(a->w.at.date, d, sizeof d), marks);
    int rw = (int)strlen(right);
    if (a->cols - rw < 30)
        rw = 0;
    draw_text(a, a->title, 0, 0, a->cols - rw, left, color_attr(COL_TITLE));
    if (rw)
        draw_text(a, a->title, 0, a->cols - rw, rw, right, color_attr(COL_TITLE));
    wnoutrefresh(a->title);
}

const view_hint list_hints[] = {
    HINT(ENTER, "card"), HINT(SEARCH, "search"), HINT(MARK, "mark"),
    HINT(WHATIF, "what-if"), HINT(CONTRACTS, "contracts"), HINT(BACK, "back"), HINT_END,
};

/* "p policy  c capacity  W save": each hint's keys from the keymap.  On
 * the first screen the way back quits, and says so. */
void app_hints(const view *v, bool root, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    for (const view_hint *h = v->ops->hints; h && h->label && o < n; h++) {
        char k1[24] = "", k2[24] = "";
        int key = h->req == REQ_NONE ? -1 : keymap_first_key(h->req, v->ops->kind, v->ops->text_input);
        int key2 = h->req2 == REQ_NONE ? -1 : keymap_first_key(h->req2, v->ops->kind, v->ops->text_input);
        if (h->req != REQ_NONE && key < 0)
            continue; /* unbound: nothing to press */
        if (key >= 0)
            key_label(key, k1, sizeof k1);
        if (key2 >= 0)
            key_label(key2, k2, sizeof k2);
        int w = snprintf(out + o, n - o, "%s%s%s%s%s%s", o ? "  " : "", k1, *k2 ? "/" : "", k2,
                         *k1 ? " " : "", root && h->req == REQ_BACK ? "quit" : h->label);
        o += w > 0 ? (size_t)w : 0;
    }
}

static void draw_status(app *a, view *v)
{
    char hint[512], line[600];
    /* The stale mark's legend, on the screens that show the mark. */
    view_kind k = v->ops->kind;
    bool marks = k == VIEW_PRACTICES || k == VIEW_SEARCH || k == VIEW_CARD ||
                 k == VIEW_NEIGHBOURS || k == VIEW_CONTRACTS;
    const char *legend = marks ? plist_stale_legend(&a->w) : "";
    app_hints(v, a->depth == 1, hint, sizeof hint);
    /* The legend of the stale mark always shows: the hints give way, a
     * whole hint at a time from the end (every key is in the help), but
     * the last, the way back, goes last. */
    int room = a->cols - (int)strlen(legend);
    while ((int)strlen(hint) > room) {
        char *last = NULL, *before = NULL; /* the gaps before the last two */
        for (char *p = strstr(hint, "  "); p; p = strstr(p + 2, "  "))
            before = last, last = p;
        if (before)
            memmove(before, last, strlen(last) + 1);
        else if (last)
            *last = '\0';
        else {
            hint[room > 0 ? room : 0] = '\0';
            break;
        }
    }
    snprintf(line, sizeof line, "%s%s", hint, legend);
    werase(a->status);
    if (*a->msg)
        draw_text(a, a->status, 0, 0, a->cols, a->msg, color_attr(a->msg_color));
    else
        draw_text(a, a->status, 0, 0, a->cols, line, color_attr(COL_STATUS));
    wnoutrefresh(a->status);
}

static void draw_too_small(app *a)
{
    char m[96];
    werase(stdscr);
    snprintf(m, sizeof m, "terminal too small (need %dx%d, have %dx%d)", MIN_COLS, MIN_ROWS,
             a->cols, a->rows);
    /* wrapped, so a split pane of 24 columns still reads the sizes and
     * the way out */
    int y = a->rows / 2;
    y += draw_wrapped(a, stdscr, y, 0, a->cols, a->rows - y, m, A_NORMAL);
    draw_wrapped(a, stdscr, y, 0, a->cols, a->rows - y,
                 a->prompting ? "a prompt is open (Esc leaves it): enlarge the window"
                              : "Q quits, or enlarge the window", A_NORMAL);
    wnoutrefresh(stdscr);
    a->full_redraw = true;
}

void app_draw_all(app *a)
{
    view *v = app_view(a);
    if (a->too_small || !v) {
        draw_too_small(a);
    } else {
        if (a->full_redraw) {
            touchwin(a->title);
            touchwin(a->body);
            touchwin(a->status);
        }
        draw_title(a, v);
        draw_view(a, v);
        draw_status(a, v);
        a->full_redraw = false;
    }
    doupdate();
}

static void open_practice(app *a, const view_ops *ops, int wi)
{
    if (wi < 0)
        app_msg(a, COL_WARN, "no practice here");
    else
        app_push(a, ops, &wi);
}

/* The next pane: the card and its neighbours, either way. */
static void next_pane(app *a, view *v, int wi)
{
    view_kind below = a->depth > 1 ? a->stack[a->depth - 2]->ops->kind : VIEW_ANY;
    if ((v->ops->kind == VIEW_CARD && below == VIEW_NEIGHBOURS) ||
        (v->ops->kind == VIEW_NEIGHBOURS && below == VIEW_CARD))
        app_pop(a);
    else if (v->ops->kind == VIEW_CARD)
        open_practice(a, &neighbours_ops, wi);
    else if (v->ops->kind == VIEW_NEIGHBOURS)
        open_practice(a, &card_ops, wi);
    else
        app_msg(a, COL_WARN, "Tab moves between a card and its neighbours");
}

/* Quits, asking first when the plan holds work not saved as a scenario
 * (marks or capacities): one question, y quits. */
void app_quit(app *a)
{
    const plan *p = &a->plan;
    if (!*p->scenario && (p->nclose || p->nover)) {
        char q[160], n1[48], n2[48], marked[64] = "", set[64] = "";
        if (p->nclose)
            snprintf(marked, sizeof marked, "%s marked",
                     text_count(p->nclose, "practice", "practices", n1, sizeof n1));
        if (p->nover)
            snprintf(set, sizeof set, "%s set",
                     text_count(p->nover, "capacity", "capacities", n2, sizeof n2));
        snprintf(q, sizeof q, "Quit and lose %s%s%s?", marked, *marked && *set ? " and " : "", set);
        if (!app_confirm(a, q))
            return;
    }
    a->running = false;
}

/* @: asks for the date every figure is taken as at. */
static void as_at_prompt(app *a)
{
    char d[32];
    if (app_prompt(a, "As at (YYYY-MM-DD; empty: the start's): ", NULL, d, sizeof d))
        as_at_set(a, d);
}

/* What every view shares; a view's own request handler runs first. */
static unsigned app_request(app *a, view *v, tui_request r)
{
    int wi = v->ops->current ? v->ops->current(a, v) : -1;
    if (view_move(a, v, r))
        return HANDLED;
    switch (r) {
    case REQ_ENTER: open_practice(a, &card_ops, wi); break;
    case REQ_BACK:
        if (a->depth > 1)
            app_pop(a);
        else
            app_quit(a);
        break;
    case REQ_QUIT: app_quit(a); break;
    case REQ_NEXT_PANE: next_pane(a, v, wi); break;
    case REQ_SEARCH: app_push(a, &search_ops, NULL); break;
    case REQ_NEIGHBOURS: open_practice(a, &neighbours_ops, wi); break;
    case REQ_WHATIF: app_push(a, &whatif_ops, NULL); break;
    case REQ_CONTRACTS: app_push(a, &contracts_ops, NULL); break;
    case REQ_HISTORY: app_push(a, &history_ops, wi >= 0 ? &wi : NULL); break;
    case REQ_ENGAGEMENT: open_practice(a, &engagement_ops, wi); break;
    case REQ_APPRAISAL: open_practice(a, &appraisal_ops, wi); break;
    case REQ_HELP: app_push(a, &help_ops, NULL); break;
    case REQ_MAP:
        if (v->ops->kind == VIEW_WHATIF)
            app_push(a, &map_ops, NULL);
        else
            open_practice(a, &map_ops, wi);
        break;
    case REQ_MARK:
        if (wi < 0)
            app_msg(a, COL_WARN, "no practice here to mark");
        else
            marks_toggle(a, wi);
        break;
    case REQ_PROMPT: app_command_prompt(a); break;
    case REQ_AS_AT: as_at_prompt(a); break;
    case REQ_REDRAW:
        clearok(curscr, TRUE);
        return REDRAW_ALL;
    default:
        app_msg(a, COL_WARN, "%s: not on this screen (? for help)", req_name(r));
        break;
    }
    return HANDLED;
}

/* What a handler said changed, on the screen. */
static void app_apply(app *a, view *v, unsigned flags)
{
    if (flags & REPAINT)
        v->dirty = true;
    if (flags & REDRAW_ALL)
        a->full_redraw = true;
}

void app_dispatch(app *a, tui_request r)
{
    view *v = app_view(a);
    unsigned flags = v->ops->request ? v->ops->request(a, v, r) : 0;
    if (!flags)
        flags = app_request(a, v, r);
    /* a handler may have opened or closed views: repaint the one on top */
    if (v == app_view(a))
        app_apply(a, v, flags);
}

static void app_handle_key(app *a, int key)
{
    view *v = app_view(a);
    tui_request r = key == TK_PROMPT ? REQ_PROMPT : keymap_lookup(v->ops->kind, key);
    if (r != REQ_PROMPT) /* a message stays under the prompt */
        a->msg[0] = '\0';
    unsigned flags = v->ops->key ? v->ops->key(a, v, key) : 0;
    if (flags) {
        app_apply(a, v, flags);
        return;
    }
    if (key == TK_ESC && r == REQ_BACK && a->depth == 1) { /* a reflex key never quits */
        app_msg(a, COL_STATUS, "Esc: nothing to go back to (q quits)");
        return;
    }
    if (r == REQ_NONE) {
        char name[24];
        key_label(key, name, sizeof name);
        app_msg(a, COL_WARN, "%s: no action (? for help)", name);
        return;
    }
    app_dispatch(a, r);
}

/* Another session wrote (a note, a capacity, an import): read again. */
static void app_check_store(app *a)
{
    uint64_t g = store_generation(a->s);
    if (g != a->generation) {
        a->generation = g;
        app_reload(a);
    }
}

/* The plan changed (a mark, the policy, a capacity, a scenario): the
 * views that show it load again, before anything is drawn. */
static void app_check_plan(app *a)
{
    if (a->plan.serial == a->plan_seen)
        return;
    a->plan_seen = a->plan.serial;
    for (int i = 0; i < a->depth; i++) {
        view *v = a->stack[i];
        if (v->ops->plan_changed) {
            v->ops->plan_changed(a, v);
            v->dirty = true;
        }
    }
}

void app_loop(app *a)
{
    a->running = true;
    while (a->running && a->depth) {
        app_check_store(a);
        app_check_plan(a);
        app_draw_all(a);
        int key = app_key(a);
        if (key == APP_EOF)
            break;
        if (key == ERR)
            continue;
        if (key == TK(KEY_RESIZE)) {
            app_resize(a);
            continue;
        }
        if (a->too_small) {
            if (key != TK_PROMPT)
                a->msg[0] = '\0';
            if (key == 'Q' || key == 'q')
                a->running = false;
            else if (key == TK_PROMPT)
                app_command_prompt(a);
            continue;
        }
        app_handle_key(a, key);
    }
}
