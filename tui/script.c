/* Scripted sessions: keys read from a file instead of the keyboard, and
 * the screen saved as plain text, so every screen can be tested.
 *
 * One line of the script is one of:
 *   # comment
 *   :command           typed at the ':' prompt, key by key, then Enter
 *                      (save-display FILE ...), as a user would
 *   "text              every character of text is a key (spaces too)
 *   keys               <Name> tokens and single characters; blanks between
 *                      tokens are ignored: j j <Down> <Enter> <C-L>
 *                      <Resize 100x30> resizes the screen. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct script {
    FILE *fp;
    char line[4096];
    size_t pos;
    bool literal;
    bool command;      /* a ':' line: Enter after its text */
};

script *script_open(const char *path, char *msg, size_t n)
{
    script *sc = calloc(1, sizeof *sc);
    if (!sc || !(sc->fp = fopen(path, "r"))) {
        snprintf(msg, n, "%s: cannot read the script", path);
        free(sc);
        return NULL;
    }
    sc->pos = 0;
    sc->line[0] = '\0';
    return sc;
}

void script_close(script *sc)
{
    if (!sc)
        return;
    fclose(sc->fp);
    free(sc);
}

/* One UTF-8 character to a code point; advances *pos. */
static int utf8_next(const char *s, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    int len = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
    int cp = len == 1 ? p[0] : p[0] & (0x3f >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            *pos += (size_t)i;
            return '?';
        }
        cp = cp << 6 | (p[i] & 0x3f);
    }
    *pos += (size_t)len;
    return cp;
}

static bool script_fill(script *sc)
{
    while (fgets(sc->line, sizeof sc->line, sc->fp)) {
        sc->line[strcspn(sc->line, "\r\n")] = '\0';
        sc->pos = 0;
        sc->literal = sc->line[0] == '"' || sc->line[0] == ':';
        sc->command = sc->line[0] == ':';
        if (sc->literal && !sc->command)
            sc->pos = 1;
        if (sc->line[0] != '#')
            return true;
    }
    return false;
}

/* A <...> token at the cursor. */
static int script_named(script *sc, int *rows, int *cols)
{
    char *end = strchr(sc->line + sc->pos, '>');
    if (!end || end == sc->line + sc->pos + 1)
        return sc->line[sc->pos++];
    char tok[64];
    size_t len = (size_t)(end - (sc->line + sc->pos)) + 1;
    snprintf(tok, sizeof tok, "%.*s", (int)len, sc->line + sc->pos);
    sc->pos += len;
    if (sscanf(tok, "<Resize %dx%d>", cols, rows) == 2)
        return -3;
    int k = key_parse(tok);
    return k < 0 ? '?' : k;
}

int script_next(script *sc, int *rows, int *cols)
{
    for (;;) {
        if (sc->command && sc->pos > 0 && !sc->line[sc->pos]) {
            sc->command = false;
            return '\r'; /* the end of a ':' line */
        }
        if (!sc->line[sc->pos] && !script_fill(sc))
            return -1;
        if (sc->command && sc->pos == 0) {
            sc->pos = 1;
            return -2; /* open the prompt */
        }
        if (sc->literal && sc->line[sc->pos])
            return utf8_next(sc->line, &sc->pos);
        while (sc->line[sc->pos] == ' ' || sc->line[sc->pos] == '\t')
            sc->pos++;
        if (!sc->line[sc->pos])
            continue;
        if (sc->line[sc->pos] == '<')
            return script_named(sc, rows, cols);
        return utf8_next(sc->line, &sc->pos);
    }
}

/* Line-drawing cells come back as their VT100 letters: show them plainly. */
static wchar_t plain_acs(wchar_t c, bool utf8)
{
    switch (c) {
    case 'q': return utf8 ? 0x2500 : '-';
    case 'x': return utf8 ? 0x2502 : '|';
    case 'l': case 'k': case 'm': case 'j': case 'n': return '+';
    default: return c;
    }
}

/* What is on the screen now (curses' idea of it), one line per row,
 * trailing blanks dropped. */
int script_save_display(app *a, const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    for (int y = 0; y < a->rows; y++) {
        char line[4096];
        size_t o = 0, keep = 0;
        for (int x = 0; x < a->cols && o + 8 < sizeof line; x++) {
            cchar_t cc;
            wchar_t wc[CCHARW_MAX + 1] = {0};
            attr_t at = 0;
            short pair;
            if (mvwin_wch(curscr, y, x, &cc) == ERR || getcchar(&cc, wc, &at, &pair, NULL) == ERR)
                wc[0] = ' ';
            if (at & A_ALTCHARSET)
                wc[0] = plain_acs(wc[0], a->utf8);
            if (wc[0] == 0)
                continue;
            mbstate_t st = {0};
            size_t len = wcrtomb(line + o, wc[0], &st);
            o += len == (size_t)-1 ? 0 : len;
            if (wc[0] != ' ')
                keep = o;
            if (wcwidth(wc[0]) == 2)
                x++;
        }
        fprintf(fp, "%.*s\n", (int)keep, line);
    }
    return fclose(fp) ? -1 : 0;
}

/* The attributes of every cell as one hex digit (1 bold, 2 reverse,
 * 4 dim, 8 underline), so tests can see emphasis in monochrome too. */
int script_save_attrs(app *a, const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    for (int y = 0; y < a->rows; y++) {
        for (int x = 0; x < a->cols; x++) {
            chtype ch = mvwinch(curscr, y, x);
            int d = (ch & A_BOLD ? 1 : 0) | (ch & A_REVERSE ? 2 : 0) | (ch & A_DIM ? 4 : 0) |
                    (ch & A_UNDERLINE ? 8 : 0);
            fputc("0123456789abcdef"[d], fp);
        }
        fputc('\n', fp);
    }
    return fclose(fp) ? -1 : 0;
}
