/* Lines of text with a colour each, for the screens that are read rather
 * than chosen from (card, what-if, help).  A line may have a right half,
 * so a wide terminal can show two columns side by side. */
#include "tui/internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static tline *tl_new(tlines *t)
{
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 64;
        tline *v = realloc(t->v, (size_t)nc * sizeof *v);
        if (!v)
            return NULL;
        t->v = v;
        t->cap = nc;
    }
    tline *l = &t->v[t->n++];
    memset(l, 0, sizeof *l);
    l->tag = -1;
    return l;
}

void tl_add(tlines *t, tui_color c, int tag, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    tline *l = tl_new(t);
    if (!l)
        return;
    l->h[0].text = strdup(buf);
    l->h[0].color = c;
    l->tag = tag;
}

void tl_rule(tlines *t, const char *title)
{
    if (t->n > 0)
        tl_add(t, COL_NORMAL, -1, "%s", "");
    tl_add(t, COL_SECTION, -1, "%s", title);
    t->v[t->n - 1].h[0].rule = true;
}

size_t wrap_fit(const char *s, int cols)
{
    size_t fit = text_fit(s, cols);
    if (s[fit]) {
        size_t brk = fit;
        while (brk > 0 && s[brk] != ' ')
            brk--;
        fit = brk > 0 ? brk : fit;
    }
    return fit;
}

/* Long text over several lines, broken at spaces where it can be. */
void tl_wrap(tlines *t, tui_color c, int width, const char *indent, const char *s)
{
    tl_wrap_hang(t, c, width, indent, indent, s);
}

void tl_wrap_hang(tlines *t, tui_color c, int width, const char *first, const char *indent,
                  const char *s)
{
    int iw = (int)strlen(indent), room = width - iw > 10 ? width - iw : 10;
    const char *lead = first;
    do {
        size_t fit = wrap_fit(s, room);
        tl_add(t, c, -1, "%s%.*s", lead, (int)fit, s);
        lead = indent;
        s += fit;
        while (*s == ' ')
            s++;
    } while (*s);
}

/* Puts right beside left from column x: the result replaces left.  Every
 * line keeps to its column, the left's below the end of the right too
 * (a rule stops at the column). */
void tl_merge(tlines *left, tlines *right, int x)
{
    for (int i = 0; i < right->n; i++) {
        if (i >= left->n && !tl_new(left))
            break;
        left->v[i].h[1] = right->v[i].h[0];
        right->v[i].h[0].text = NULL;
    }
    for (int i = 0; i < left->n; i++)
        left->v[i].x2 = x;
    tl_free(right);
}

void tl_append(tlines *dst, tlines *src)
{
    for (int i = 0; i < src->n; i++) {
        tline *l = tl_new(dst);
        if (!l)
            break;
        *l = src->v[i];
        src->v[i].h[0].text = src->v[i].h[1].text = NULL;
    }
    tl_free(src);
}

void tl_free(tlines *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->v[i].h[0].text);
        free(t->v[i].h[1].text);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

static void tl_half(app *a, const struct tl_half *h, WINDOW *w, int y, int x, int width, bool sel)
{
    attr_t at = color_attr(sel ? COL_CURSOR : h->color);
    if (!h->text) {
        draw_text(a, w, y, x, width, "", at);
        return;
    }
    if (!h->rule) {
        draw_text(a, w, y, x, width, h->text, at);
        return;
    }
    draw_hline(a, w, y, x, width, at);
    char title[256];
    snprintf(title, sizeof title, " %s ", h->text);
    draw_text_np(a, w, y, x + 2, width - 2, title, at);
}

void tl_draw(app *a, const tlines *t, WINDOW *w, int line, int y, int width, bool sel)
{
    const tline *l = &t->v[line];
    int split = l->x2 > 0 && l->x2 < width ? l->x2 : width;
    tl_half(a, &l->h[0], w, y, 0, split - (split < width ? 1 : 0), sel);
    if (split < width) {
        draw_text(a, w, y, split - 1, 1, " ", color_attr(COL_NORMAL));
        tl_half(a, &l->h[1], w, y, split, width - split, sel);
    }
}

int tl_tag(const tlines *t, int line)
{
    return line >= 0 && line < t->n ? t->v[line].tag : -1;
}
