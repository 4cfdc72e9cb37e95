/* Drawing helpers shared by the views: colours, text that is escaped and
 * cut by display width (never by bytes), rules, sparklines and numbers. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static attr_t attrs[COL_COUNT];

/* Colour pairs when the terminal has colour and the user wants it; the
 * monochrome column otherwise (attributes only). */
void colors_init(bool color)
{
    static const struct {
        short fg, bg;
        attr_t cattr, mattr;
    } spec[COL_COUNT] = {
#define C(id, fg, bg, cattr, mattr) {fg, bg, cattr, mattr},
        TUI_COLORS(C)
#undef C
    };
    if (color) {
        start_color();
        use_default_colors();
    }
    for (int i = 0; i < COL_COUNT; i++) {
        if (!color) {
            attrs[i] = spec[i].mattr;
            continue;
        }
        init_pair((short)(i + 1), spec[i].fg, spec[i].bg);
        attrs[i] = spec[i].cattr | (attr_t)COLOR_PAIR(i + 1);
    }
}

attr_t color_attr(tui_color c) { return c >= 0 && c < COL_COUNT ? attrs[c] : A_NORMAL; }

/* Control characters escaped; outside UTF-8, every non-ASCII character
 * becomes '?' so nothing arrives at the terminal as a stray byte. */
static void draw_clean(const app *a, const char *s, char *out, size_t n)
{
    text_escape(s, out, n);
    if (!a->ascii)
        return;
    char *w = out;
    for (const unsigned char *r = (const unsigned char *)out; *r;) {
        if (*r < 0x80) {
            *w++ = (char)*r++;
            continue;
        }
        r++;
        while ((*r & 0xc0) == 0x80)
            r++;
        *w++ = '?';
    }
    *w = '\0';
}

int draw_text_np(app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t at)
{
    char clean[2048];
    if (width <= 0)
        return 0;
    draw_clean(a, s, clean, sizeof clean);
    size_t len = text_fit(clean, width);
    wattrset(w, at);
    mvwaddnstr(w, y, x, clean, (int)len);
    char save = clean[len];
    clean[len] = '\0';
    int used = text_width(clean);
    clean[len] = save;
    wattrset(w, A_NORMAL);
    return used;
}

void draw_text(app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t at)
{
    int used = draw_text_np(a, w, y, x, width, s, at);
    if (width <= 0)
        return;
    wattrset(w, at);
    for (int i = used; i < width; i++)
        mvwaddch(w, y, x + i, ' ');
    wattrset(w, A_NORMAL);
}

int draw_wrapped(app *a, WINDOW *w, int y, int x, int width, int rows, const char *s, attr_t at)
{
    char piece[2048];
    int n = 0;
    while (*s && n < rows && width > 0) {
        /* the last line is cut, as draw_text cuts */
        size_t fit = n + 1 < rows ? wrap_fit(s, width) : text_fit(s, width);
        snprintf(piece, sizeof piece, "%.*s", (int)fit, s);
        draw_text(a, w, y + n++, x, width, piece, at);
        s += fit;
        while (*s == ' ')
            s++;
    }
    return n;
}

void draw_hline(app *a, WINDOW *w, int y, int x, int width, attr_t at)
{
    if (width <= 0)
        return;
    wattrset(w, at);
    if (a->ascii) {
        mvwhline(w, y, x, ACS_HLINE, width); /* '-' where there is no ACS */
    } else {
        /* The character itself, not ACS: PuTTY in UTF-8 shows ACS as "qqq". */
        wmove(w, y, x);
        for (int i = 0; i < width; i++)
            waddstr(w, "\u2500");
    }
    wattrset(w, A_NORMAL);
}

void draw_sparkline(const app *a, const long *vals, int n, char *out, size_t outsz)
{
    static const char *const blocks[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                          "\u2585", "\u2586", "\u2587", "\u2588"};
    static const char ramp[] = "_.,-=+*#";
    long lo = 0, hi = 0;
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        if (i == 0 || vals[i] < lo)
            lo = vals[i];
        if (i == 0 || vals[i] > hi)
            hi = vals[i];
    }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        int lvl = hi > lo ? (int)((vals[i] - lo) * 7 / (hi - lo)) : 3;
        const char *piece = a->ascii ? (char[2]){ramp[lvl], '\0'} : blocks[lvl];
        size_t len = strlen(piece);
        if (o + len + 1 > outsz)
            break;
        memcpy(out + o, piece, len + 1);
        o += len;
    }
}

void cell_add(const app *a, char *line, size_t n, const char *text, int width, bool right)
{
    char clean[1024];
    draw_clean(a, text, clean, sizeof clean);
    size_t fit = text_fit(clean, width);
    clean[fit] = '\0';
    int pad = width - text_width(clean);
    size_t len = strlen(line);
    snprintf(line + len, n - len, "%*s%s%*s ", right ? pad : 0, "", clean, right ? 0 : pad, "");
}
