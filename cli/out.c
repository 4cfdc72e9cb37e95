#include "cli/out.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/numfmt.h"
#include "util/text.h"

int out_format_parse(const char *s)
{
    static const char *const names[] = {"table", "csv", "json", "md"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

void table_init(table *t, const char *spec)
{
    memset(t, 0, sizeof *t);
    snprintf(t->spec, sizeof t->spec, "%s", spec);
    char *buf = t->spec;
    for (char *tok = strtok(buf, ","); tok && t->ncols < TABLE_COLS; tok = strtok(NULL, ",")) {
        t->right[t->ncols] = *tok == '>';
        t->head[t->ncols++] = tok + (*tok == '>');
    }
}

static char *dup_or_empty(const char *s)
{
    s = s ? s : "";
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void table_add(table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        int nc = t->cap ? t->cap * 2 : 64;
        char **c = realloc(t->cells, (size_t)nc * (size_t)t->ncols * sizeof *c);
        if (!c)
            return;
        t->cells = c;
        t->cap = nc;
    }
    for (int i = 0; i < t->ncols; i++)
        t->cells[t->nrows * t->ncols + i] = dup_or_empty(cells[i]);
    t->nrows++;
}

void table_addf(table *t, const char *fmt, ...)
{
    char line[4096];
    const char *cells[TABLE_COLS] = {0};
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char *p = line;
    for (int i = 0; i < t->ncols && p; i++) {
        cells[i] = p;
        p = strchr(p, '\t');
        if (p)
            *p++ = '\0';
    }
    table_add(t, cells);
}

static bool csv_raw;

void csv_set_raw(bool raw) { csv_raw = raw; }

/* A cell a spreadsheet would run as a formula: it starts with = + - @ (or
 * a tab or CR), and is not simply a number such as "-1.5" or "-2.0%", nor
 * that one character alone (the "-" of an unknown). */
static bool csv_formula(const char *s)
{
    if (!*s || !strchr("=+-@\t\r", *s) || !s[1]) /* "-" alone is "none" */
        return false;
    char *end;
    strtod(s, &end);
    return end == s || !(*end == '\0' || (end[0] == '%' && end[1] == '\0'));
}

static void csv_cell(FILE *fp, const char *s)
{
    char *safe = text_needs_escape(s) ? text_escape_dup(s) : NULL;
    if (safe)
        s = safe;
    /* OWASP's advice: a leading single quote makes it text. */
    bool neutral = !csv_raw && csv_formula(s);
    if (!neutral && !strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
    } else {
        fputc('"', fp);
        if (neutral)
            fputc('\'', fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', fp);
            fputc(*s, fp);
        }
        fputc('"', fp);
    }
    free(safe);
}

void out_printf(FILE *fp, const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_lines(fp, buf);
}

void out_lines(FILE *fp, const char *text)
{
    char line[4096], shown[4 * sizeof line];
    while (*text) {
        size_t n = strcspn(text, "\n");
        size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, text, k);
        line[k] = '\0';
        text_escape(line, shown, sizeof shown);
        fputs(shown, fp);
        text += n;
        if (*text == '\n') {
            fputc('\n', fp);
            text++;
        }
    }
}

static void pad(FILE *fp, int n)
{
    while (n-- > 0)
        fputc(' ', fp);
}

/* A whole number of four or more digits ("-12345", "+1858"), which people
 * read with thousands separators. */
static bool groupable(const char *s)
{
    s += *s == '-' || *s == '+';
    size_t n = strspn(s, "0123456789");
    return n >= 4 && s[n] == '\0';
}

char *out_md_escape(const char *s, char *out, size_t outsz)
{
    static char shown[4 * 4096 + 1];
    size_t o = 0;
    text_escape(s, shown, sizeof shown);
    for (const char *p = shown; *p && o + 2 < outsz; p++) {
        if (*p == '|') { /* a pipe would split a table's cell */
            out[o++] = '/';
            continue;
        }
        /* What makes a link, an image or HTML: brackets and '<' ('>'
         * alone does not), and the backslash that would undo an escape.
         * Emphasis and code spans are left: they change no meaning. */
        if (strchr("\\[]<", *p))
            out[o++] = '\\';
        out[o++] = *p;
    }
    out[o] = '\0';
    return out;
}

/* A cell as a person reads it: escaped (for markdown too when md), and a
 * whole number in a number column with thousands separators (CSV and
 * JSON keep the plain digits). */
static const char *shown_cell(const table *t, int r, int c, bool md, char *out, size_t outsz)
{
    const char *s = r < 0 ? t->head[c] : t->cells[r * t->ncols + c];
    if (r >= 0 && t->right[c] && groupable(s)) {
        char num[32];
        text_thousands(strtol(s, NULL, 10), num, sizeof num);
        snprintf(out, outsz, "%s%s", *s == '+' ? "+" : "", num);
        return out;
    }
    return md ? out_md_escape(s, out, outsz) : text_escape(s, out, outsz);
}

/* Aligned by display width; markdown adds pipes and a rule. */
static void print_aligned(const table *t, FILE *fp, bool md)
{
    int w[TABLE_COLS];
    static char esc[8 * 4096];
    for (int c = 0; c < t->ncols; c++) {
        w[c] = text_width(t->head[c]);
        for (int r = 0; r < t->nrows; r++) {
            int cw = text_width(shown_cell(t, r, c, md, esc, sizeof esc));
            w[c] = cw > w[c] ? cw : w[c];
        }
    }
    for (int r = -1; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            shown_cell(t, r, c, md, esc, sizeof esc);
            int gap = w[c] - text_width(esc);
            fputs(md ? (c ? " | " : "| ") : (c ? "  " : ""), fp);
            if (t->right[c])
                pad(fp, gap);
            fputs(esc, fp);
            if (!t->right[c] && (md || c < t->ncols - 1))
                pad(fp, gap);
        }
        fputs(md ? " |\n" : "\n", fp);
        if (md && r < 0) {
            for (int c = 0; c < t->ncols; c++) {
                fputs(c ? " | " : "| ", fp);
                for (int i = 0; i < w[c]; i++)
                    fputc(i == w[c] - 1 && t->right[c] ? ':' : '-', fp);
            }
            fputs(" |\n", fp);
        }
    }
}

void table_print(const table *t, FILE *fp, out_format f)
{
    if (f == FMT_TABLE || f == FMT_MD) {
        print_aligned(t, fp, f == FMT_MD);
        return;
    }
    csv_row(fp, t->head, t->ncols);
    for (int r = 0; r < t->nrows; r++)
        csv_row(fp, (const char *const *)t->cells + r * t->ncols, t->ncols);
}

void table_print_json(const table *t, FILE *fp, const char *const *keys)
{
    json j;
    json_init(&j, fp);
    json_arr(&j);
    for (int r = 0; r < t->nrows; r++) {
        json_obj(&j);
        for (int c = 0; c < t->ncols; c++) {
            json_key(&j, keys ? keys[c] : t->head[c]);
            json_str(&j, t->cells[r * t->ncols + c]);
        }
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_done(&j);
}

void csv_row(FILE *fp, const char *const *cells, int n)
{
    for (int c = 0; c < n; c++) {
        if (c)
            fputc(',', fp);
        csv_cell(fp, cells[c]);
    }
    fputs("\r\n", fp);
}

void table_free(table *t)
{
    for (int i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
    t->nrows = t->cap = 0;
}

/* ---- JSON ---- */

/* The document is gathered in j->buf and goes to the file a buffer at a
 * time: a what-if's flows are hundreds of thousands of keys and values,
 * and a stdio call (and a printf) a piece was most of their cost. */

enum { JSON_PRE_MAX = 2 + 2 * 63 }; /* a comma, a new line, the deepest indent */
_Static_assert(JSON_PRE_MAX + NUMFMT_MAX <= JSON_ROOM,
               "a number and what comes before it fit in the room asked for");

void json_init(json *j, FILE *fp)
{
    j->fp = fp; /* field by field: the buffer needs no clearing */
    j->depth = 0;
    memset(j->need_comma, 0, sizeof j->need_comma);
    j->after_key = false;
    j->n = 0;
}

/* The errno of the first write that failed: by the time the output is
 * checked, later calls may have changed errno. */
static int write_errno;

int out_write_errno(void) { return write_errno; }

static void write_all(json *j, const void *s, size_t n)
{
    if (fwrite(s, 1, n, j->fp) != n && !write_errno)
        write_errno = errno;
}

static void flush(json *j)
{
    write_all(j, j->buf, j->n);
    j->n = 0;
}

/* Room for n more bytes at the end of the buffer (n <= JSON_ROOM). */
static char *room(json *j, size_t n)
{
    if (j->n + n > sizeof j->buf)
        flush(j);
    return j->buf + j->n;
}

static void put(json *j, const void *s, size_t n)
{
    if (n > JSON_ROOM) {
        flush(j);
        write_all(j, s, n);
        return;
    }
    memcpy(room(j, n), s, n);
    j->n += n;
}

static void put_char(json *j, char c) { *room(j, 1) = c, j->n++; }

/* A new line and two spaces a level (depth is at most 63). */
static size_t indent_into(const json *j, char *buf)
{
    buf[0] = '\n';
    memset(buf + 1, ' ', 2 * (size_t)j->depth);
    return 1 + 2 * (size_t)j->depth;
}

/* What comes before any value, into buf: a comma and a new line unless it
 * follows a key. */
static size_t json_pre_into(json *j, char *buf)
{
    size_t n = 0;
    if (j->after_key) {
        j->after_key = false;
        return 0;
    }
    if (j->depth > 0) {
        if (j->need_comma[j->depth])
            buf[n++] = ',';
        n += indent_into(j, buf + n);
    }
    j->need_comma[j->depth] = true;
    return n;
}

/* What comes before a value, and then room for n bytes of it: returns
 * where the value goes; the caller adds its length to j->n. */
static char *json_pre(json *j, size_t n)
{
    char *at = room(j, JSON_PRE_MAX + n);
    size_t pre = json_pre_into(j, at);
    j->n += pre;
    return at + pre;
}

static void json_open(json *j, char c)
{
    *json_pre(j, 1) = c;
    j->n++;
    if (j->depth < 63)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void json_close(json *j, char c)
{
    bool empty = !j->need_comma[j->depth];
    j->depth--;
    char *at = room(j, JSON_PRE_MAX + 1);
    size_t n = empty ? 0 : indent_into(j, at);
    at[n] = c;
    j->n += n + 1;
}

void json_obj(json *j) { json_open(j, '{'); }
void json_obj_end(json *j) { json_close(j, '}'); }
void json_arr(json *j) { json_open(j, '['); }
void json_arr_end(json *j) { json_close(j, ']'); }

/* Through the output filter first, so a string shows the same in JSON as
 * anywhere else; then any control left (none, after the filter) as \u. */
static void json_quoted(json *j, const char *s)
{
    char *safe = text_needs_escape(s) ? text_escape_dup(s) : NULL;
    if (safe)
        s = safe;
    put_char(j, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p != 0x7F && *p != '"' && *p != '\\')
            p++;
        put(j, run, (size_t)(p - run)); /* the plain characters at once */
        if (!*p)
            break;
        char esc[8];
        int n = *p == '"' || *p == '\\' ? snprintf(esc, sizeof esc, "\\%c", *p)
                                         : snprintf(esc, sizeof esc, "\\u%04x", *p);
        put(j, esc, (size_t)n);
        p++;
    }
    put_char(j, '"');
    free(safe);
}

/* The length of s when it can go out as it is (printable ASCII without a
 * quote or backslash, at most 60 bytes: every key the program writes, and
 * most codes and names); otherwise -1. */
static int plain_len(const char *s)
{
    int n = 0;
    for (unsigned char c; (c = (unsigned char)s[n]) != '\0'; n++)
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || n == 60)
            return -1;
    return n;
}

/* s quoted, and then `tail`, when s is plain; false otherwise. */
static bool put_plain(json *j, const char *s, const char *tail, size_t tn)
{
    int len = plain_len(s);
    if (len < 0)
        return false;
    size_t n = (size_t)len;
    char *at = json_pre(j, n + 2 + tn);
    at[0] = '"';
    memcpy(at + 1, s, n);
    at[n + 1] = '"';
    memcpy(at + n + 2, tail, tn);
    j->n += n + 2 + tn;
    return true;
}

void json_key(json *j, const char *k)
{
    if (!put_plain(j, k, ": ", 2)) {
        json_pre(j, 0);
        json_quoted(j, k);
        put(j, ": ", 2);
    }
    j->after_key = true;
}

void json_str(json *j, const char *s)
{
    if (s && put_plain(j, s, "", 0))
        return;
    json_pre(j, 0);
    if (s)
        json_quoted(j, s);
    else
        put(j, "null", 4);
}

void json_int(json *j, long long v)
{
    char *at = json_pre(j, NUMFMT_MAX);
    j->n += numfmt_int(at, v);
}

void json_num(json *j, double v, int decimals)
{
    char *at = json_pre(j, NUMFMT_MAX);
    if (isfinite(v))
        j->n += numfmt_fixed(at, v, decimals);
    else
        memcpy(at, "null", 4), j->n += 4;
}

void json_bool(json *j, bool v)
{
    json_pre(j, 0);
    put(j, v ? "true" : "false", v ? 4 : 5);
}

void json_null(json *j)
{
    json_pre(j, 0);
    put(j, "null", 4);
}

void json_date(json *j, long ymd)
{
    char d[16];
    text_date_iso(ymd, d, sizeof d);
    json_str(j, ymd > 0 && *d ? d : NULL);
}

void json_done(json *j)
{
    put_char(j, '\n');
    flush(j);
}
