/* Inside the terminal interface: requests, keys, colours, views and the
 * application state they share.  Only the tui/ sources include this (and curses). */
#ifndef CATCHMENT_TUI_INTERNAL_H
#define CATCHMENT_TUI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan.h"
#include "core/session.h"
#include "core/world.h"
#include "config/config.h"
#include "engine/search.h"
#include "store/store.h"
#include "tui/tui.h"

/* ---- requests: one X-macro gives the enum, the config names and help ---- */

#define TUI_REQUESTS(R)                                                          \
    R(MOVE_DOWN, "move-down", "Move down one line", "Moving")                    \
    R(MOVE_UP, "move-up", "Move up one line", "Moving")                          \
    R(PAGE_DOWN, "page-down", "Move down one page", "Moving")                    \
    R(PAGE_UP, "page-up", "Move up one page", "Moving")                          \
    R(FIRST, "first", "Go to the first line", "Moving")                          \
    R(LAST, "last", "Go to the last line", "Moving")                             \
    R(ENTER, "enter", "Open the practice under the cursor", "Views")             \
    R(BACK, "back", "Go back to the previous screen", "Views")                   \
    R(QUIT, "quit", "Quit catchment", "Views")                                   \
    R(NEXT_PANE, "next-pane", "Next pane (card <-> neighbours, receivers <-> equality)", "Views") \
    R(SEARCH, "search", "Search practices as you type", "Views")                 \
    R(NEIGHBOURS, "neighbours", "Practices near this one", "Views")              \
    R(WHATIF, "whatif", "What-if: close the marked practices", "Views")          \
    R(CONTRACTS, "contracts", "Contracts by end date, with milestones", "Views") \
    R(HISTORY, "history", "Who changed what, and when (this practice)", "Views") \
    R(MAP, "map", "Map of the practice and its neighbours, or of the what-if", "Views") \
    R(ENGAGEMENT, "engagement", "What the engagement survey said (this practice)", "Views") \
    R(APPRAISAL, "appraisal", "The options appraisal of the contract (this practice)", "Views") \
    R(HELP, "help", "This help", "Views")                                        \
    R(FIND_NEXT, "find-next", "Next practice matching the search", "Practices")  \
    R(FIND_PREV, "find-prev", "Previous practice matching the search", "Practices") \
    R(SORT_NEXT, "sort-next", "Sort by the next column", "Practices")            \
    R(SORT_REVERSE, "sort-reverse", "Reverse the sort order", "Practices")       \
    R(FILTER, "filter", "Next filter: all, active, PCN, sub-ICB, expiring", "Practices") \
    R(MARK, "mark", "Mark or unmark the practice to close (what-if)", "Practices") \
    R(COPY, "copy", "Copy a one-line summary to the clipboard", "Card")          \
    R(NOTE, "note", "Add a dated note to the practice", "Card")                  \
    R(WIDEN, "widen", "Widen the radius", "Neighbours")                          \
    R(NARROW, "narrow", "Narrow the radius", "Neighbours")                       \
    R(POLICY, "policy", "Next policy: nearest, choice, optimal, demand", "What-if")      \
    R(CAPACITY, "capacity", "Change the capacity of the receiver", "What-if")    \
    R(SAVE_SCENARIO, "save-scenario", "Save the marked set as a scenario", "What-if") \
    R(AS_AT, "as-at", "Answer as at another date (:as-at DATE)", "Other")       \
    R(INTAKE, "intake", "The intake the receiver agreed (allocation)", "What-if") \
    R(RATE, "rate", "Registrations a day (a receiver, else every one)", "What-if") \
    R(SELF_REGISTER, "self-register", "Share who register themselves first", "What-if") \
    R(MAX_KM, "max-km", "Set the furthest a patient is sent (empty: the config's)", "What-if") \
    R(REASONABLE_KM, "reasonable-km", "Set a reasonable journey (empty: the config's)", "What-if") \
    R(GROWTH, "growth", "Set the list growth applied first, in %", "What-if") \
    R(MILESTONE_DONE, "milestone-done", "Mark the contract's first open milestone done", "Contracts") \
    R(MILESTONE_WAIVE, "milestone-waive", "Waive the contract's first open milestone", "Contracts") \
    R(PAN_LEFT, "pan-left", "Move the map west", "Map")                          \
    R(PAN_RIGHT, "pan-right", "Move the map east", "Map")                        \
    R(PAN_UP, "pan-up", "Move the map north", "Map")                             \
    R(PAN_DOWN, "pan-down", "Move the map south", "Map")                         \
    R(ZOOM_IN, "zoom-in", "Zoom in", "Map")                                      \
    R(ZOOM_OUT, "zoom-out", "Zoom out", "Map")                                   \
    R(MAP_NEXT, "map-next", "Pick the next practice on the map", "Map")          \
    R(MAP_PREV, "map-prev", "Pick the previous practice on the map", "Map")      \
    R(EQUALITY_PACK, "equality-pack", "The equality impact pack (EHIA) or the IMD table", "What-if") \
    R(PROMPT, "prompt", "Command prompt (:filter, :scenario, :sort, :quit)", "Other") \
    R(REDRAW, "redraw", "Redraw the screen", "Other")

typedef enum {
#define R(id, name, help, sec) REQ_##id,
    TUI_REQUESTS(R)
#undef R
    REQ_COUNT,
    REQ_NONE = -1
} tui_request;

const char *req_name(tui_request r);
const char *req_help(tui_request r);
const char *req_section(tui_request r);

/* ---- keys: wide characters as themselves, curses key codes tagged ---- */

#define TK(k) ((k) | 0x40000000)
#define TK_IS_FN(k) (((k) & 0x40000000) != 0)
#define TK_CTRL(c) ((c) & 0x1f)
#define TK_ESC 27
/* A script's ':' line: opens the prompt whatever key is bound to it. */
#define TK_PROMPT TK(0x7ffff)

/* Views, which are also the scopes of the keymap. */
typedef enum {
    VIEW_ANY, VIEW_PRACTICES, VIEW_SEARCH, VIEW_CARD, VIEW_NEIGHBOURS,
    VIEW_WHATIF, VIEW_CONTRACTS, VIEW_HISTORY, VIEW_HELP, VIEW_SCORING, VIEW_MAP,
    VIEW_ENGAGEMENT, VIEW_APPRAISAL, VIEW_BACKTEST, VIEW_KINDS
} view_kind;

/* "j", "<Down>", "C-L", "F5" -> key; -1 when unknown. */
int key_parse(const char *s);
/* A key for people: "j", "Down", "C-L". */
void key_label(int key, char *out, size_t n);

void keymap_init(void);
/* Applies the config's keys: map; returns -1 with msg on a bad entry. */
int keymap_apply(const config *cfg, char *msg, size_t n);
/* After keymap_apply: what a key the config took left without a key
 * ("keys: x is now search; mark has no key (:mark still works)"), "" none. */
const char *keymap_note(void);
tui_request keymap_lookup(view_kind scope, int key);
/* The first key bound to r for a view of kind scope (its own binding
 * first); skip_text leaves out printable keys.  -1 when none. */
int keymap_first_key(tui_request r, view_kind scope, bool skip_text);
/* The request called name ("move-down"), REQ_NONE when none. */
tui_request req_parse(const char *name);
/* The keys bound to r (in scope or anywhere), "j, Down"; "" when none. */
void keymap_keys(tui_request r, char *out, size_t n);

/* ---- colours: an X-macro with a monochrome column ---- */

#define TUI_COLORS(C)                                             \
    C(NORMAL, -1, -1, A_NORMAL, A_NORMAL)                         \
    C(TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE)          \
    C(STATUS, -1, -1, A_NORMAL, A_NORMAL)                         \
    C(HEADER, COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE)       \
    C(CURSOR, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)       \
    C(DIM, COLOR_BLUE, -1, A_DIM, A_DIM)                          \
    C(OVER, COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE)            \
    C(WARN, COLOR_YELLOW, -1, A_BOLD, A_BOLD)                     \
    C(GOOD, COLOR_GREEN, -1, A_NORMAL, A_NORMAL)                  \
    C(MARK, COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE)      \
    C(SECTION, COLOR_YELLOW, -1, A_BOLD, A_BOLD)                  \
    C(ERROR, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE)

typedef enum {
#define C(id, fg, bg, cattr, mattr) COL_##id,
    TUI_COLORS(C)
#undef C
    COL_COUNT
} tui_color;

void colors_init(bool color);
attr_t color_attr(tui_color c);

/* ---- views ---- */

typedef struct app app;
typedef struct view view;

/* What a request handler did, as flags (htop's handled / redraw): the
 * loop repaints from them, so no handler repaints another view.  Zero:
 * not this view's request, the app's turn.  A change to the plan or the
 * store needs no flag: the loop notices it and asks the views to reload. */
enum {
    HANDLED = 1,      /* done; nothing on the screen changed */
    REPAINT = 2,      /* this view's lines changed */
    REDRAW_ALL = 4    /* every window, from scratch */
};

/* One status-bar hint: the keys of req (and of req2, "+/-") and a word;
 * with req REQ_NONE the word alone.  A list ends with label NULL. */
typedef struct view_hint {
    tui_request req, req2;
    const char *label;
} view_hint;
#define HINT(r, label) {REQ_##r, REQ_NONE, label}
#define HINT2(r, r2, label) {REQ_##r, REQ_##r2, label}
#define HINT_WORDS(label) {REQ_NONE, REQ_NONE, label}
#define HINT_END {REQ_NONE, REQ_NONE, NULL}

typedef struct view_ops {
    const char *title;
    view_kind kind;
    /* Bytes of the view's own data (v->priv), allocated zeroed before
     * open and freed after done. */
    size_t private_size;
    /* Status-bar hints; the keys come from the keymap in force. */
    const view_hint *hints;
    /* Printable keys are typed text here (search): hints show others. */
    bool text_input;
    /* Loads what the view shows; arg is the view's own.  -1 with app msg. */
    int (*open)(app *a, view *v, const void *arg);
    /* Draws the fixed lines above the list (v->nheader of them). */
    void (*draw_header)(app *a, view *v, WINDOW *w, int width);
    /* Draws list line `line` at row y; sel when it is under the cursor. */
    void (*draw)(app *a, view *v, WINDOW *w, int line, int y, int width, bool sel);
    /* A request for this view: flags above, 0 when not this view's. */
    unsigned (*request)(app *a, view *v, tui_request r);
    /* Raw keys before the keymap (text input): flags, 0 when not used. */
    unsigned (*key)(app *a, view *v, int key);
    /* The cursor moved. */
    void (*select)(app *a, view *v);
    /* The store changed: load again. */
    void (*reload)(app *a, view *v);
    /* The plan changed (a mark, the policy, a capacity...): load again.
     * NULL when the view does not show the plan. */
    void (*plan_changed)(app *a, view *v);
    /* The terminal's width changed: lay the lines out again. */
    void (*resize)(app *a, view *v, int width);
    /* A line for the title bar (sort, filter, ...), may be NULL. */
    void (*describe)(app *a, view *v, char *out, size_t n);
    /* The practice under the cursor (world index), -1 none. */
    int (*current)(app *a, view *v);
    /* Frees what the view's data holds (not v->priv itself). */
    void (*done)(app *a, view *v);
} view_ops;

struct view {
    const view_ops *ops;
    int nlines, cur, top, nheader;
    bool scroll_only;    /* no cursor: moving scrolls (card, help) */
    bool dirty;          /* repaint everything (set by the loop) */
    int old_cur;         /* -1, or the line to repaint after a cursor move */
    char empty[600];     /* shown when there are no lines */
    void *priv;          /* ops->private_size bytes, the view's own */
};

extern const view_ops practices_ops, search_ops, card_ops, neighbours_ops,
    whatif_ops, contracts_ops, history_ops, help_ops, scoring_ops, map_ops, engagement_ops,
    appraisal_ops, backtest_ops;
/* The hints of the list views (practices, contracts, history, help). */
extern const view_hint list_hints[];

/* The dispersal as it is run, edited in the what-if (whatif_asrun.c):
 * wi is the practice on the line, -1 none. */
void whatif_edit_intake(app *a, int wi);
void whatif_edit_rate(app *a, int wi);
void whatif_edit_self(app *a);

/* ---- the application ---- */

enum { VIEW_DEPTH = 16, QUERY_MAX = 128, MSG_MAX = 256 };

typedef struct script script;

struct app {
    session *ss;
    config cfg;
    store *s;
    bool read_only;
    const char *read_only_why;
    world w;
    search_item *sitems;         /* the search index's items, with: */
    const char *(*saddr)[5];     /* each practice's address lines */
    char **sother;               /* its other names, "; " between, or NULL */
    int nsearch;
    search_index *six;
    char query[QUERY_MAX];       /* the last search, for n / N */
    plan plan;                   /* the what-if being drafted */
    unsigned plan_seen;          /* the plan serial the views have seen */
    view *stack[VIEW_DEPTH];
    int depth;
    WINDOW *title, *body, *status;
    int rows, cols;
    bool too_small, utf8, ascii, color, running, full_redraw;
    bool prompting;              /* a prompt is reading a line */
    char msg[MSG_MAX];
    tui_color msg_color;
    script *sc;
    FILE *term_out;              /* scripted: where curses writes */
    long term_bytes;             /* scripted: bytes written so far */
    long today;                  /* YYYYMMDD */
    uint64_t generation;         /* to notice other sessions' writes */
    /* A note left with Esc, offered again by a on the same practice. */
    char note_draft[TEXT_MAX], note_draft_code[CODE_MAX];
};

enum { MIN_COLS = 60, MIN_ROWS = 16 };
#define APP_EOF (-2) /* app_key: the script has ended, or the terminal */

/* app.c */
void app_loop(app *a);
view *app_view(app *a);
int app_push(app *a, const view_ops *ops, const void *arg);
void app_pop(app *a);
/* Quits, asking first when marks or capacities are not saved. */
void app_quit(app *a);
void view_free(app *a, view *v);
void app_msg(app *a, tui_color c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int app_body_rows(const app *a);
void app_draw_all(app *a);
/* Moves the cursor of v to line (clamped), marking what to repaint. */
void view_goto(app *a, view *v, int line);
/* Reloads the world and every open view (after a write). */
void app_reload(app *a);
/* Runs a request as if its key was pressed on the view on top. */
void app_dispatch(app *a, tui_request r);
int app_run_command(app *a, const char *cmd);
/* The ':' commands with their help, for the help screen: each call
 * gives the next (i from 0); false after the last.  *name is NULL for one
 * this session lacks (the scripted sessions' own). */
bool app_command_help(const app *a, int i, const char **name, const char **args,
                      const char **help);
/* The status-bar hints of v with the keys of the keymap in force. */
void app_hints(const view *v, bool root, char *out, size_t n);
/* Whether world practice wi is closing in the plan. */
bool app_marked(const app *a, int wi);
/* Reads one line at the bottom; false on Esc.  init may be NULL. */
bool app_prompt(app *a, const char *label, const char *init, char *out, size_t n);
/* Asks a yes/no question at the bottom; true only for y. */
bool app_confirm(app *a, const char *question);
/* Reads a ':' command and runs it. */
void app_command_prompt(app *a);
/* Next key: the script's or the keyboard's; ERR on a quiet timeout. */
int app_key(app *a);
void app_resize(app *a);

/* term.c */
int term_start(app *a, char *msg, size_t n);
void term_stop(app *a);
/* The signal (SIGHUP, SIGQUIT) that ended the session, or 0. */
int term_stop_signal(void);

/* prompt.c */
/* One key of line editing (backspace, C-U, C-W, text); true when used. */
int text_edit_key(char *buf, size_t n, int key);

/* view_scoring.c: ':submit' on the scoring screen */
int scoring_submit(app *a);

/* view_practices.c: the ':filter' and ':sort' commands */
int practices_filter(app *a, char *args);
int practices_sort(app *a, char *args);
/* Puts the practice list's cursor on world practice wi (when listed). */
void practices_show(app *a, int wi);

/* draw.c */
/* Writes s at (y, x) in at most width columns, escaped and padded. */
void draw_text(app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t at);
/* As draw_text over up to rows lines, broken at spaces where it can be;
 * returns the lines used. */
int draw_wrapped(app *a, WINDOW *w, int y, int x, int width, int rows, const char *s, attr_t at);
/* As draw_text without the padding; returns the columns used. */
int draw_text_np(app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t at);
/* Appends text cut or padded to width columns, then one space. */
void cell_add(const app *a, char *line, size_t n, const char *text, int width, bool right);
void draw_hline(app *a, WINDOW *w, int y, int x, int width, attr_t at);
/* Sparkline of values (n of them) in UTF-8 blocks or ASCII. */
void draw_sparkline(const app *a, const long *vals, int n, char *out, size_t outsz);

/* lines.c: lines of text for the card, what-if and help */
typedef struct tline {
    struct tl_half {
        char *text;
        tui_color color;
        bool rule;      /* a section heading over a rule */
    } h[2];
    int x2;             /* column of the right half, 0 none */
    int tag;            /* the view's own: a world index, or -1 */
} tline;
typedef struct tlines {
    tline *v;
    int n, cap;
} tlines;
void tl_add(tlines *t, tui_color c, int tag, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void tl_rule(tlines *t, const char *title);
/* The bytes of s that fill a line of cols columns, ending at a space
 * where there is one (the space is not counted). */
size_t wrap_fit(const char *s, int cols);
void tl_wrap(tlines *t, tui_color c, int width, const char *indent, const char *s);
/* As tl_wrap, the first line starting with first (as wide as indent). */
void tl_wrap_hang(tlines *t, tui_color c, int width, const char *first, const char *indent,
                  const char *s);
void tl_merge(tlines *left, tlines *right, int x);
/* Moves src's lines to the end of dst. */
void tl_append(tlines *dst, tlines *src);
void tl_free(tlines *t);
void tl_draw(app *a, const tlines *t, WINDOW *w, int line, int y, int width, bool sel);
/* The tag (a practice index) of line, -1 none or past the end. */
int tl_tag(const tlines *t, int line);

/* model.c: the practice table without curses */
typedef enum {
    PCOL_CODE, PCOL_NAME, PCOL_TOWN, PCOL_LIST, PCOL_TREND, PCOL_CAP, PCOL_HEAD,
    PCOL_END, PCOL_STATUS, PCOL_COUNT
} pcol;
typedef enum { PF_ALL, PF_ACTIVE, PF_PCN, PF_SUBICB, PF_EXPIRING, PF_COUNT } pfilter;
typedef struct plist {
    int *idx, n;
    pcol sort;
    bool reverse;
    pfilter filter;
    char fcode[CODE_MAX];
    int months;                  /* expiring within */
} plist;
const char *pcol_name(pcol c);
int pcol_parse(const char *s);
const char *plist_town(const practice *p);
double plist_trend(const world_practice *wp);
/* The list as a cell: "12,345", "12,345*" when stale (older than six
 * months before the world's date; the status line gives the legend), "-". */
void plist_list_cell(const world *w, const world_practice *wp, char *buf, size_t n);
/* "open", "list-cl", "closed", or "cl 2022" (the year it closed; the card
 * has the day): the status on the world's date, in 7 columns. */
void plist_status_cell(const world *w, const world_practice *wp, char *buf, size_t n);
/* The stale mark's legend, "" when nothing in the world is stale. */
const char *plist_stale_legend(const world *w);
/* Rebuilds idx from the world under the filter and sort. */
int plist_build(plist *pl, const world *w, long today);
void plist_free(plist *pl);

/* clip.c */
/* base64 of n bytes into out (size >= 4 * ((n + 2) / 3) + 1). */
void clip_base64(const unsigned char *in, size_t n, char *out);
int clip_copy(app *a, const char *text);

/* script.c */
script *script_open(const char *path, char *msg, size_t n);
void script_close(script *sc);
/* Next token: a key (>= 0), -1 at the end, -2 to open the prompt (a ':'
 * line, whose text and Enter follow as keys), -3 a resize. */
int script_next(script *sc, int *resize_rows, int *resize_cols);
int script_save_display(app *a, const char *path);
int script_save_attrs(app *a, const char *path);

/* the plan from the screens (plan_state.c) */
/* Marks or unmarks; a practice not open on the date is refused, with why. */
void marks_toggle(app *a, int wi);
/* The ':as-at DATE' command: the plan's date (empty: back to --as-at, or
 * the newest extract); the world is loaded again at it. */
int as_at_set(app *a, char *args);
/* The date the world is loaded at: the plan's, else --as-at, else 0. */
long tui_as_at(const app *a);
int scenario_load(app *a, const char *name);
/* Saves the plan as scenario name in the user's scenarios file; a
 * different scenario of the name is replaced only when replace (the user
 * said yes). */
int scenario_save(app *a, const char *name, bool replace);

/* tui.c */

#endif
