#include "cli/out.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

/* A cell as a person reads it: escaped, and a whole number in a number
 * column with thousands separators (CSV and JSON keep the plain digits). */
static const char *shown_cell(const table *t, int r, int c, char *out, size_t outsz)
{
    const char *s = r < 0 ? t->head[c] : t->cells[r * t->ncols + c];
    if (r >= 0 && t->right[c] && groupable(s)) {
        char num[32];
        text_thousands(strtol(s, NULL, 10), num, sizeof num);
        snprintf(out, outsz, "%s%s", *s == '+' ? "+" : "", num);
        return out;
    }
    text_escape(s, out, outsz);
    return out;
}

/* Aligned by display width; markdown adds pipes and a rule. */
static void print_aligned(const table *t, FILE *fp, bool md)
{
    int w[TABLE_COLS];
    static char esc[4 * 4096];
    for (int c = 0; c < t->ncols; c++) {
        w[c] = text_width(t->head[c]);
        for (int r = 0; r < t->nrows; r++) {
            int cw = text_width(shown_cell(t, r, c, esc, sizeof esc));
            w[c] = cw > w[c] ? cw : w[c];
        }
    }
    for (int r = -1; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            shown_cell(t, r, c, esc, sizeof esc);
            if (md && strchr(esc, '|')) /* a pipe would split the cell */
                for (char *q = esc; *q; q++)
                    *q = *q == '|' ? '/' : *q;
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

enum { JSON_PRE_MAX = 2 + 2 * 63 }; /* a comma, a new line, the deepest indent */

void json_init(json *j, FILE *fp)
{
    memset(j, 0, sizeof *j);
    j->fp = fp;
}

/* A new line and two spaces a level (depth is at most 63). */
static size_t indent_into(const json *j, char *buf)
{
    buf[0] = '\n';
    memset(buf + 1, ' ', 2 * (size_t)j->depth);
    return 1 + 2 * (size_t)j->depth;
}

static void indent(json *j)
{
    char buf[JSON_PRE_MAX];
    fwrite(buf, 1, indent_into(j, buf), j->fp);
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

static void json_pre(json *j)
{
    char buf[JSON_PRE_MAX];
    size_t n = json_pre_into(j, buf);
    if (n)
        fwrite(buf, 1, n, j->fp);
}

static void json_open(json *j, char c)
{
    json_pre(j);
    fputc(c, j->fp);
    if (j->depth < 63)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void json_close(json *j, char c)
{
    bool empty = !j->need_comma[j->depth];
    j->depth--;
    if (!empty)
        indent(j);
    fputc(c, j->fp);
}

void json_obj(json *j) { json_open(j, '{'); }
void json_obj_end(json *j) { json_close(j, '}'); }
void json_arr(json *j) { json_open(j, '['); }
void json_arr_end(json *j) { json_close(j, ']'); }

/* Through the output filter first, so a string shows the same in JSON as
 * anywhere else; then any control left (none, after the filter) as \u. */
static void json_quoted(FILE *fp, const char *s)
{
    char *safe = text_needs_escape(s) ? text_escape_dup(s) : NULL;
    if (safe)
        s = safe;
    fputc('"', fp);
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p != 0x7F && *p != '"' && *p != '\\')
            p++;
        fwrite(run, 1, (size_t)(p - run), fp); /* the plain characters at once */
        if (!*p)
            break;
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else
            fprintf(fp, "\\u%04x", *p);
        p++;
    }
    fputc('"', fp);
    free(safe);
}

void json_key(json *j, const char *k)
{
    size_t n = strlen(k);
    char buf[JSON_PRE_MAX + 64];
    if (n <= 60 && text_plain(k, n) && !strpbrk(k, "\"\\")) {
        /* A plain key (every key the program writes) and what comes before
         * it in one write: a what-if's flows are hundreds of thousands of
         * keys, and a stdio call a piece was most of their cost. */
        size_t o = json_pre_into(j, buf);
        buf[o++] = '"';
        memcpy(buf + o, k, n);
        memcpy(buf + o + n, "\": ", 3);
        fwrite(buf, 1, o + n + 3, j->fp);
    } else {
        json_pre(j);
        json_quoted(j->fp, k);
        fputs(": ", j->fp);
    }
    j->after_key = true;
}

void json_str(json *j, const char *s)
{
    json_pre(j);
    if (s)
        json_quoted(j->fp, s);
    else
        fputs("null", j->fp);
}

void json_int(json *j, long long v)
{
    json_pre(j);
    fprintf(j->fp, "%lld", v);
}

void json_num(json *j, double v, int decimals)
{
    json_pre(j);
    if (isfinite(v))
        fprintf(j->fp, "%.*f", decimals, v);
    else
        fputs("null", j->fp);
}

void json_bool(json *j, bool v)
{
    json_pre(j);
    fputs(v ? "true" : "false", j->fp);
}

void json_null(json *j)
{
    json_pre(j);
    fputs("null", j->fp);
}

void json_date(json *j, long ymd)
{
    char d[16];
    text_date_iso(ymd, d, sizeof d);
    json_str(j, ymd > 0 && *d ? d : NULL);
}

void json_done(json *j) { fputc('\n', j->fp); }
