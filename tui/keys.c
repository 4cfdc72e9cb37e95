/* Requests and the keymap.  Defaults come from one X-macro; the config's
 * keys: map rebinds actions by name; the help screen reads the result. */
#include "tui/internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name, *help, *section;
} requests[REQ_COUNT] = {
#define R(id, name, help, sec) {name, help, sec},
    TUI_REQUESTS(R)
#undef R
};

const char *req_name(tui_request r) { return r >= 0 && r < REQ_COUNT ? requests[r].name : "?"; }
const char *req_help(tui_request r) { return r >= 0 && r < REQ_COUNT ? requests[r].help : "?"; }
const char *req_section(tui_request r) { return r >= 0 && r < REQ_COUNT ? requests[r].section : "?"; }

tui_request req_parse(const char *name)
{
    for (int r = 0; r < REQ_COUNT; r++)
        if (strcmp(requests[r].name, name) == 0)
            return (tui_request)r;
    return REQ_NONE;
}

bool tui_valid_action(const char *name) { return req_parse(name) != REQ_NONE; }

bool tui_valid_key(const char *key) { return key_parse(key) >= 0; }

/* Default bindings: scope, key, request.  Every request has a letter;
 * function keys and arrows are extras. */
#define TUI_KEYS(K)                                                                    \
    K(ANY, 'j', MOVE_DOWN) K(ANY, TK(KEY_DOWN), MOVE_DOWN)                             \
    K(ANY, 'k', MOVE_UP) K(ANY, TK(KEY_UP), MOVE_UP)                                   \
    K(ANY, ' ', PAGE_DOWN) K(ANY, TK(KEY_NPAGE), PAGE_DOWN)                            \
    K(ANY, 'b', PAGE_UP) K(ANY, TK(KEY_PPAGE), PAGE_UP)                                \
    K(ANY, 'g', FIRST) K(ANY, TK(KEY_HOME), FIRST)                                     \
    K(ANY, 'G', LAST) K(ANY, TK(KEY_END), LAST)                                        \
    K(ANY, '\n', ENTER) K(ANY, '\r', ENTER) K(ANY, TK(KEY_ENTER), ENTER)               \
    K(ANY, 'q', BACK) K(ANY, TK_ESC, BACK) K(ANY, TK(KEY_LEFT), BACK)                  \
    K(ANY, 'Q', QUIT) K(ANY, TK(KEY_F(10)), QUIT)                                      \
    K(ANY, '\t', NEXT_PANE)                                                            \
    K(ANY, '/', SEARCH) K(ANY, TK(KEY_F(3)), SEARCH)                                   \
    K(ANY, 'o', NEIGHBOURS) K(CARD, 'N', NEIGHBOURS)                                   \
    K(ANY, 'w', WHATIF) K(ANY, TK(KEY_F(5)), WHATIF)                                   \
    K(ANY, 'C', CONTRACTS)                                                             \
    K(ANY, 'h', HISTORY)                                                               \
    K(ANY, 'e', ENGAGEMENT)                                                            \
    K(ANY, 'A', APPRAISAL)                                                             \
    K(ANY, '?', HELP) K(ANY, TK(KEY_F(1)), HELP)                                       \
    K(ANY, 'n', FIND_NEXT) K(ANY, 'N', FIND_PREV)                                      \
    K(ANY, 's', SORT_NEXT) K(ANY, 'S', SORT_REVERSE)                                   \
    K(ANY, 'f', FILTER) K(ANY, TK(KEY_F(4)), FILTER)                                   \
    K(ANY, 'x', MARK)                                                                  \
    K(ANY, 'y', COPY)                                                                  \
    K(ANY, 'a', NOTE)                                                                  \
    K(ANY, '+', WIDEN) K(ANY, '=', WIDEN) K(ANY, '-', NARROW)                          \
    K(ANY, 'p', POLICY)                                                                \
    K(ANY, 'c', CAPACITY)                                                              \
    K(ANY, 'W', SAVE_SCENARIO)                                                         \
    K(ANY, '@', AS_AT)                                                                 \
    K(WHATIF, 'i', INTAKE) K(WHATIF, 't', RATE) K(WHATIF, 'R', SELF_REGISTER)          \
    K(ANY, 'd', MAX_KM) K(ANY, 'r', REASONABLE_KM) K(ANY, '%', GROWTH)                 \
    K(ANY, 'D', MILESTONE_DONE) K(ANY, 'V', MILESTONE_WAIVE)                           \
    K(WHATIF, 'e', EQUALITY_PACK)                                                       \
    K(ANY, ':', PROMPT)                                                                \
    K(ANY, 'm', MAP)                                                                   \
    K(MAP, 'h', PAN_LEFT) K(MAP, TK(KEY_LEFT), PAN_LEFT)                               \
    K(MAP, 'l', PAN_RIGHT) K(MAP, TK(KEY_RIGHT), PAN_RIGHT)                            \
    K(MAP, 'k', PAN_UP) K(MAP, TK(KEY_UP), PAN_UP)                                     \
    K(MAP, 'j', PAN_DOWN) K(MAP, TK(KEY_DOWN), PAN_DOWN)                               \
    K(MAP, '+', ZOOM_IN) K(MAP, '=', ZOOM_IN) K(MAP, '-', ZOOM_OUT)                    \
    K(MAP, '\t', MAP_NEXT) K(MAP, TK(KEY_BTAB), MAP_PREV)                              \
    K(ANY, TK_CTRL('l'), REDRAW)

typedef struct binding {
    view_kind scope;
    int key;
    tui_request req;
} binding;

enum { KEYMAP_MAX = 160 };
static binding keymap[KEYMAP_MAX];
static int nkeymap;

void keymap_init(void)
{
    static const binding defaults[] = {
#define K(scope_, key_, req_) {.scope = VIEW_##scope_, .key = key_, .req = REQ_##req_},
        TUI_KEYS(K)
#undef K
    };
    nkeymap = (int)(sizeof defaults / sizeof defaults[0]);
    memcpy(keymap, defaults, sizeof defaults);
}

static const struct {
    const char *name;
    int key;
} named[] = {
    {"Down", TK(KEY_DOWN)},     {"Up", TK(KEY_UP)},       {"Left", TK(KEY_LEFT)},
    {"Right", TK(KEY_RIGHT)},   {"PgDn", TK(KEY_NPAGE)},  {"PgUp", TK(KEY_PPAGE)},
    {"PageDown", TK(KEY_NPAGE)}, {"PageUp", TK(KEY_PPAGE)}, {"Home", TK(KEY_HOME)},
    {"End", TK(KEY_END)},       {"Enter", '\n'},          {"Return", '\n'},
    {"Esc", TK_ESC},            {"Escape", TK_ESC},       {"Tab", '\t'},
    {"Space", ' '},             {"Backspace", TK(KEY_BACKSPACE)}, {"BS", 127},
    {"Del", TK(KEY_DC)},        {"Lt", '<'},              {"Gt", '>'},
    {"BackTab", TK(KEY_BTAB)},
};

/* Named keys without the angle brackets: "Down", "C-L", "F5". */
static int key_parse_name(const char *s)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcasecmp(named[i].name, s) == 0)
            return named[i].key;
    if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] && !s[3]) {
        char ch = s[2];
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        return ch >= '@' && ch <= '_' ? ch & 0x1f : -1;
    }
    if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
        int n = s[1] - '0';
        if (s[2] >= '0' && s[2] <= '9' && !s[3])
            n = n * 10 + (s[2] - '0');
        else if (s[2])
            return -1;
        return n <= 12 ? TK(KEY_F(n)) : -1;
    }
    return -1;
}

int key_parse(const char *s)
{
    size_t n = strlen(s);
    if (n == 1)
        return (unsigned char)s[0] < 0x20 || (unsigned char)s[0] >= 0x7f ? -1 : s[0];
    if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
        char inner[CONFIG_KEYNAME_MAX];
        if (n - 2 >= sizeof inner)
            return -1;
        memcpy(inner, s + 1, n - 2);
        inner[n - 2] = '\0';
        return inner[1] == '\0' ? key_parse(inner) : key_parse_name(inner);
    }
    return key_parse_name(s);
}

void key_label(int key, char *out, size_t n)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].key == key && strcmp(named[i].name, "Return") != 0 &&
            strcmp(named[i].name, "PageDown") && strcmp(named[i].name, "PageUp") &&
            strcmp(named[i].name, "Escape")) {
            snprintf(out, n, "%s", named[i].name);
            return;
        }
    if (TK_IS_FN(key) && (key & ~0x40000000) >= KEY_F(1) && (key & ~0x40000000) <= KEY_F(12))
        snprintf(out, n, "F%d", (key & ~0x40000000) - KEY_F0);
    else if (key == '\r' || key == TK(KEY_ENTER))
        snprintf(out, n, "Enter");
    else if (key >= 0 && key < 0x20)
        snprintf(out, n, "C-%c", key + '@');
    else if (key > 0x20 && key < 0x7f)
        snprintf(out, n, "%c", key);
    else
        snprintf(out, n, "?");
}

/* The config binds an action to one key: that key now means the action
 * everywhere, and the action's default keys stay as well. */
static char taken_note[256];

const char *keymap_note(void) { return taken_note; }

static bool req_has_key(tui_request r)
{
    for (int j = 0; j < nkeymap; j++)
        if (keymap[j].req == r)
            return true;
    return false;
}

int keymap_apply(const config *cfg, char *msg, size_t n)
{
    taken_note[0] = 0;
    for (size_t i = 0; i < cfg->nkeys; i++) {
        const config_key *k = &cfg->keys[i];
        int key = key_parse(k->key);
        tui_request r = req_parse(k->action);
        if (key < 0 || r == REQ_NONE) {
            snprintf(msg, n, "keys: cannot bind '%s' to '%s'", k->action, k->key);
            return -1;
        }
        tui_request taken = REQ_NONE;
        for (int j = 0; j < nkeymap; j++)
            if (keymap[j].key == key) {
                if (keymap[j].req != r)
                    taken = keymap[j].req;
                keymap[j--] = keymap[--nkeymap];
            }
        if (nkeymap < KEYMAP_MAX)
            keymap[nkeymap++] = (binding){.scope = VIEW_ANY, .key = key, .req = r};
        if (taken != REQ_NONE && !req_has_key(taken) && !*taken_note)
            snprintf(taken_note, sizeof taken_note, "keys: %s is now %s; %s has no key (:%s still works)",
                     k->key, k->action, req_name(taken), req_name(taken));
    }
    return 0;
}

tui_request keymap_lookup(view_kind scope, int key)
{
    tui_request any = REQ_NONE;
    for (int i = 0; i < nkeymap; i++) {
        if (keymap[i].key != key)
            continue;
        if (keymap[i].scope == scope)
            return keymap[i].req;
        if (keymap[i].scope == VIEW_ANY && any == REQ_NONE)
            any = keymap[i].req;
    }
    return any;
}

void keymap_keys(tui_request r, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < nkeymap && o + 1 < n; i++) {
        if (keymap[i].req != r || keymap[i].key == '\r' || keymap[i].key == TK(KEY_ENTER))
            continue;
        char name[24];
        key_label(keymap[i].key, name, sizeof name);
        int w = snprintf(out + o, n - o, "%s%s%s", o ? ", " : "", name,
                         keymap[i].scope == VIEW_CARD ? " (card)"
                         : keymap[i].scope == VIEW_MAP ? " (map)" : "");
        o += w > 0 ? (size_t)w : 0;
        if (o >= n)
            o = n - 1;
    }
}

int keymap_first_key(tui_request r, view_kind scope, bool skip_text)
{
    int any = -1;
    for (int i = 0; i < nkeymap; i++) {
        int k = keymap[i].key;
        if (keymap[i].req != r || (skip_text && !TK_IS_FN(k) && k >= 0x20 && k != 0x7f))
            continue;
        if (keymap[i].scope == scope)
            return k;
        if (keymap[i].scope == VIEW_ANY && any < 0)
            any = k;
    }
    return any;
}
