/* Each key once per file: a second row for the same practice (or the same
 * practice and LSOA, indicator and period, ...) is refused naming both
 * lines, instead of the last one silently winning.
 *
 * The keys are kept as 64-bit FNV-1a hashes with the line they came from,
 * in an open-addressed table freed when the rows are done (imp_rows).  Two
 * different keys with one hash would be taken for a repeat: among a
 * million keys that is about one chance in thirty million. */
#include "import/importer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct imp_seen {
    uint64_t *hash; /* 0 = empty */
    uint32_t *line; /* lines past 4 billion are not told apart */
    size_t cap, n;
};

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3u;
    return h ? h : 1;
}

/* The slot of h: where it is, or the empty one where it would go. */
static size_t slot(const struct imp_seen *t, uint64_t h)
{
    size_t i = (size_t)h & (t->cap - 1);
    while (t->hash[i] && t->hash[i] != h)
        i = (i + 1) & (t->cap - 1);
    return i;
}

static int grow(struct imp_seen *t)
{
    struct imp_seen b = {NULL, NULL, t->cap ? t->cap * 2 : 1024, t->n};
    b.hash = calloc(b.cap, sizeof *b.hash);
    b.line = calloc(b.cap, sizeof *b.line);
    if (!b.hash || !b.line) {
        free(b.hash);
        free(b.line);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->hash[i]) {
            size_t j = slot(&b, t->hash[i]);
            b.hash[j] = t->hash[i];
            b.line[j] = t->line[i];
        }
    free(t->hash);
    free(t->line);
    *t = b;
    return 0;
}

long imp_once_line(import_ctx *ic, const char *key, long line, err *e)
{
    struct imp_seen *t = ic->seen;
    if (!t && !(t = ic->seen = calloc(1, sizeof *t)))
        return err_set(e, "out of memory");
    if (t->n * 2 >= t->cap && grow(t))
        return err_set(e, "out of memory");
    uint64_t h = fnv1a(key);
    size_t j = slot(t, h);
    if (t->hash[j])
        return (long)t->line[j] > 0 ? (long)t->line[j] : 1;
    t->hash[j] = h;
    t->line[j] = (uint32_t)line;
    t->n++;
    return 0;
}

int imp_once(import_ctx *ic, const csvr_row *row, int i, const char *key, err *e)
{
    long first = imp_once_line(ic, key, row->line, e);
    if (first > 0)
        return imp_fail(ic, row, i, e, "%s is also on line %ld; one row each, please", key, first);
    return first < 0 ? -1 : 0;
}

void imp_once_done(import_ctx *ic)
{
    if (!ic->seen)
        return;
    free(ic->seen->hash);
    free(ic->seen->line);
    free(ic->seen);
    ic->seen = NULL;
}

/* Appends s to dst[*o..n-1), as far as it fits. */
static void put(char *dst, size_t n, size_t *o, const char *s, size_t len)
{
    size_t room = n - 1 - *o, k = len < room ? len : room;
    memcpy(dst + *o, s, k);
    *o += k;
}

void imp_key(char *dst, size_t n, const char *fmt, ...)
{
    va_list ap;
    size_t o = 0;
    if (n == 0)
        return;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            const char *v = va_arg(ap, const char *);
            put(dst, n, &o, v, strlen(v));
            p++;
        } else if (p[0] == '%' && p[1] == 'l' && p[2] == 'd') {
            long v = va_arg(ap, long);
            char digits[24], *d = digits + sizeof digits;
            unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
            do
                *--d = (char)('0' + u % 10);
            while (u /= 10);
            if (v < 0)
                *--d = '-';
            put(dst, n, &o, d, (size_t)(digits + sizeof digits - d));
            p += 2;
        } else {
            put(dst, n, &o, p, 1);
            p += p[0] == '%' && p[1] == '%';
        }
    }
    va_end(ap);
    dst[o] = '\0';
}
