#include "import/csvr.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

enum { CHUNK = 1 << 16, LINECOPY = 4096 };

struct csvr {
    source *src;
    bool own_src;             /* opened by csvr_open */
    bool again;               /* csvr_again: hand out the last row again */
    char name[1024];
    struct csv_parser parser;
    long line;                /* line being parsed, 1-based */
    long long done, total;
    bool eof, bom_checked;
    bool controls_ok;         /* csvr_allow_controls() */

    /* The row being built, then the rows ready to hand out (a short queue:
     * one line can end several rows when it holds a lone CR). */
    csvr_row cur;
    csvr_row *ready;
    int nready, cready, next;
    csvr_row *out;            /* the row last handed out (a slot of ready) */

    char linecopy[LINECOPY];  /* the start of the current line, for columns */
    size_t linelen;
    char rowline[LINECOPY];   /* the line the last ready row was on */
    long rowline_no;

    err fail;                 /* set by a callback */
    bool failed;
    bool completed;           /* a field ended in the last csv_parse() */
    size_t open_bytes;        /* bytes fed since a field last ended */
};

static void row_free(csvr_row *row)
{
    free(row->f);
    free(row->off);
    free(row->text);
    memset(row, 0, sizeof *row);
}

static void fail_at(csvr *r, long col, const char *what)
{
    if (r->failed)
        return;
    r->failed = true;
    err_at(&r->fail, r->name, r->line, col, "%s", what);
}

/* What is wrong with a field, or NULL when it is fine. */
static const char *field_problem(const csvr *r, const char *s, size_t len,
                                 char *msg, size_t msgsz)
{
    if (r->cur.n >= CSVR_FIELDS_MAX)
        snprintf(msg, msgsz, "too many fields in one row (at most %d)", CSVR_FIELDS_MAX);
    else if (len > CSVR_FIELD_MAX)
        snprintf(msg, msgsz, "field %d is %zu bytes long (at most %d)",
                 r->cur.n + 1, len, CSVR_FIELD_MAX);
    else if (text_plain(s, len))
        return NULL; /* printable ASCII: neither check can fail */
    else if (!text_utf8_valid(s, len))
        snprintf(msg, msgsz, "field %d is not valid UTF-8", r->cur.n + 1);
    else if (!r->controls_ok && text_has_control(s, len))
        snprintf(msg, msgsz,
                 "field %d holds a control character (a terminal escape sequence?)",
                 r->cur.n + 1);
    else
        return NULL;
    return msg;
}

/* Room for one more field of len bytes in the row being built. */
static int row_room(csvr_row *row, size_t len)
{
    if (row->n == row->fcap) {
        int nc = row->fcap ? row->fcap * 2 : 16;
        char **f = realloc(row->f, (size_t)nc * sizeof *f);
        if (f)
            row->f = f;
        size_t *off = realloc(row->off, (size_t)nc * sizeof *off);
        if (off)
            row->off = off;
        if (!f || !off)
            return -1;
        row->fcap = nc;
    }
    if (row->tcap - row->tlen < len + 1) {
        size_t nc = row->tcap ? row->tcap : 256;
        while (nc - row->tlen < len + 1)
            nc *= 2;
        char *t = realloc(row->text, nc);
        if (!t)
            return -1;
        row->text = t;
        row->tcap = nc;
    }
    return 0;
}

/* A field is complete: check it and add it to the row. */
static void on_field(void *data, size_t len, void *ctx)
{
    csvr *r = ctx;
    const char *s = data ? data : "";
    char msg[160];
    r->completed = true;
    if (r->failed)
        return;
    const char *problem = field_problem(r, s, len, msg, sizeof msg);
    if (problem) {
        fail_at(r, 0, problem);
        return;
    }
    csvr_row *row = &r->cur;
    if (row_room(row, len)) {
        fail_at(r, 0, "out of memory");
        return;
    }
    memcpy(row->text + row->tlen, s, len);
    row->text[row->tlen + len] = '\0';
    row->off[row->n++] = row->tlen;
    row->tlen += len + 1;
}

/* Line breaks inside the row's quoted fields. */
static long newlines_in(const csvr_row *row)
{
    long n = 0;
    const char *p = row->text, *end = row->text + row->tlen;
    while (p && (p = memchr(p, '\n', (size_t)(end - p))) != NULL)
        n++, p++;
    return n;
}

/* A row is complete: its fields' pointers are set, and it is queued (the
 * queue's slots keep their storage, which the next row built reuses). */
static void on_row(int c, void *ctx)
{
    csvr *r = ctx;
    (void)c;
    if (r->failed)
        return;
    if (r->nready == r->cready) {
        int nc = r->cready ? r->cready * 2 : 4;
        csvr_row *q = realloc(r->ready, (size_t)nc * sizeof *q);
        if (!q) {
            fail_at(r, 0, "out of memory");
            return;
        }
        memset(q + r->cready, 0, (size_t)(nc - r->cready) * sizeof *q);
        r->ready = q;
        r->cready = nc;
    }
    csvr_row *row = &r->cur;
    for (int i = 0; i < row->n; i++)
        row->f[i] = row->text + row->off[i];
    row->line = r->line - newlines_in(row);
    csvr_row spare = r->ready[r->nready];
    r->ready[r->nready++] = *row;
    *row = spare;
    row->n = 0;
    row->tlen = 0;
    memcpy(r->rowline, r->linecopy, r->linelen + 1);
    r->rowline_no = r->line;
}

int csvr_from(csvr **out, source *src, err *e)
{
    csvr *r = calloc(1, sizeof *r);
    if (!r)
        return err_set(e, "out of memory");
    snprintf(r->name, sizeof r->name, "%s", source_name(src));
    r->src = src;
    r->total = source_size(src);
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_blk_size(&r->parser, CHUNK); /* grown 128 bytes at a time, a long field is quadratic */
    r->line = 1;
    *out = r;
    return 0;
}

int csvr_open(csvr **out, const char *path, err *e)
{
    source *src;
    if (source_open(&src, path, SOURCE_MAX_BYTES, e))
        return -1;
    if (csvr_from(out, src, e)) {
        source_close(src);
        return -1;
    }
    (*out)->own_src = true;
    return 0;
}

void csvr_close(csvr *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    row_free(&r->cur);
    for (int i = 0; i < r->cready; i++)
        row_free(&r->ready[i]);
    free(r->ready);
    if (r->own_src)
        source_close(r->src);
    free(r);
}

/* Feeds one piece of a line to libcsv, remembering the line's start. */
static int feed(csvr *r, const char *p, size_t n, err *e)
{
    if (memchr(p, '\0', n))
        return err_at(e, r->name, r->line, 0,
                      "binary data (a NUL byte): not a CSV file");
    size_t room = LINECOPY - 1 - r->linelen;
    size_t k = n < room ? n : room;
    memcpy(r->linecopy + r->linelen, p, k);
    r->linelen += k;
    r->linecopy[r->linelen] = '\0';
    r->completed = false;
    if (csv_parse(&r->parser, p, n, on_field, on_row, r) != n) {
        return err_at(e, r->name, r->line, 0, "%s",
                      csv_error(&r->parser) == CSV_EPARSE
                          ? "malformed quoting (a stray or unclosed double quote)"
                          : csv_strerror(csv_error(&r->parser)));
    }
    /* libcsv holds a field whole until it ends, and only then is its
     * length checked: a field of gigabytes would be read into memory
     * first.  Stopped once it is surely too long (quotes doubled inside
     * it count twice, and a chunk's tail may be another field's). */
    r->open_bytes = r->completed ? 0 : r->open_bytes + n;
    if (!r->failed && r->open_bytes > 2 * (size_t)CSVR_FIELD_MAX + 2 + CHUNK)
        return err_at(e, r->name, r->line, 0, "field %d is more than %d bytes long",
                      r->cur.n + 1, CSVR_FIELD_MAX);
    if (r->failed) {
        *e = r->fail;
        return -1;
    }
    return 0;
}

/* Reads a chunk and feeds it line by line, so rows know their lines. */
static int fill(csvr *r, err *e)
{
    static char buf[CHUNK];
    long got = source_read(r->src, buf, sizeof buf, e);
    if (got < 0)
        return -1;
    size_t n = (size_t)got;
    if (n == 0) {
        r->eof = true;
        if (csv_fini(&r->parser, on_field, on_row, r) != 0)
            return err_at(e, r->name, r->line, 0,
                          "the file ends inside a quoted field (an unclosed double quote)");
        if (r->failed) {
            *e = r->fail;
            return -1;
        }
        return 0;
    }
    char *p = buf;
    if (!r->bom_checked) {
        r->bom_checked = true;
        if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3, n -= 3;
    }
    r->done += (long long)n;
    while (n) {
        char *nl = memchr(p, '\n', n);
        size_t k = nl ? (size_t)(nl - p) + 1 : n;
        if (feed(r, p, k, e))
            return -1;
        if (nl) {
            r->line++;
            r->linelen = 0;
        }
        p += k;
        n -= k;
    }
    return 0;
}

int csvr_next(csvr *r, csvr_row **row, err *e)
{
    if (r->again && r->out) {
        r->again = false;
        *row = r->out;
        return 1;
    }
    r->again = false;
    r->out = NULL;
    while (r->next == r->nready) {
        r->next = r->nready = 0;
        if (r->eof)
            return 0;
        if (fill(r, e))
            return -1;
    }
    r->out = &r->ready[r->next++];
    *row = r->out;
    return 1;
}

long csvr_column(const csvr *r, const csvr_row *row, int i)
{
    if (row->line != r->rowline_no || i < 0)
        return 0;
    const char *p = r->rowline;
    long col = 1;
    for (int f = 0; f < i; f++) {
        bool quoted = false;
        for (;; p++, col++) {
            if (!*p || *p == '\n' || *p == '\r')
                return 0;
            if (*p == '"')
                quoted = !quoted;
            else if (*p == ',' && !quoted)
                break;
        }
        p++, col++;
    }
    return col;
}

void csvr_progress(const csvr *r, long long *done, long long *total)
{
    *done = r->done;
    *total = r->total;
}

const char *csvr_name(const csvr *r) { return r->name; }

void csvr_allow_controls(csvr *r)
{
    r->controls_ok = true;
}

void csvr_again(csvr *r) { r->again = true; }
