#include "import/csvr.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* The input is read CHUNK bytes at a time, and each chunk is parsed a
 * piece at a time (a piece is a line, or the part of one in this chunk)
 * before any of its rows is handed out.  The checks are made per piece,
 * in the order the libcsv-based reader made them, so every message, and
 * which of two problems is named, stays as it was. */
enum { CHUNK = 1 << 16, LINECOPY = 4096 };

/* How long a field may stay open (bytes read since a field last ended)
 * before it is surely too long, without reading all of it: quotes doubled
 * inside it count twice, and a chunk's tail may be another field's. */
#define OPEN_MAX (2 * (size_t)CSVR_FIELD_MAX + 2 + CHUNK)

enum state { ROW_NOT_BEGUN, FIELD_NOT_BEGUN, FIELD_BEGUN, FIELD_MIGHT_HAVE_ENDED };

/* A field as read: len raw bytes at buf + at (inside the quotes, if
 * quoted), holding dq doubled quotes. */
typedef struct field {
    size_t at, len, dq;
} field;

typedef struct rowref {
    size_t first; /* its first field in fields */
    int n;
    long line;
} rowref;

struct csvr {
    source *src;
    bool own_src;             /* opened by csvr_open */
    bool again;               /* csvr_again: hand out the last row again */
    bool eof, bom_checked;
    bool controls_ok;         /* csvr_allow_controls() */
    char name[1024];
    long line;                /* line of the piece being parsed, 1-based */
    long long done, total;

    char *buf;                /* the bytes read: rows ready, then a row begun */
    size_t len, cap;

    /* The row being read. */
    enum state st;
    bool quoted;
    size_t row_at, field_at, quote_at; /* where it, its field, the last quote are */
    size_t dq, qspaces;       /* doubled quotes; spaces after a closing quote */
    long row_line;
    int cur_n;                /* its fields read so far */

    /* The rows of this chunk, ready to hand out, and their fields. */
    field *fields;
    size_t nfields, cfields;
    rowref *rows;
    int nrows, crows, next;

    csvr_row out;             /* the row last handed out */
    int fcap;
    bool have_out;

    char linecopy[LINECOPY];  /* the start of the current line, for columns */
    size_t linelen;
    char rowline[LINECOPY];   /* the line the last ready row was on */
    long rowline_no;

    err fail;                 /* the first field found wrong in this piece */
    bool failed;
    bool completed;           /* a field ended in this piece */
    bool row_ended;           /* a row ended in this piece */
    size_t open_bytes;        /* bytes read since a field last ended */
};

/* What ends an unquoted field, or makes it malformed. */
static const bool unquoted_stop[256] = {[','] = true, ['"'] = true, ['\r'] = true,
                                        ['\n'] = true};

/* What is wrong with a field (raw: its bytes as read; len: its length
 * once doubled quotes are single), or NULL when it is fine.  A doubled
 * quote is plain ASCII: the raw bytes are valid UTF-8 and free of control
 * characters exactly when the field is. */
static const char *field_problem(const csvr *r, const char *raw, size_t rawlen, size_t len,
                                 char *msg, size_t msgsz)
{
    if (r->cur_n >= CSVR_FIELDS_MAX)
        snprintf(msg, msgsz, "too many fields in one row (at most %d)", CSVR_FIELDS_MAX);
    else if (len > CSVR_FIELD_MAX)
        snprintf(msg, msgsz, "field %d is %zu bytes long (at most %d)", r->cur_n + 1, len,
                 CSVR_FIELD_MAX);
    else if (text_plain(raw, rawlen))
        return NULL; /* printable ASCII: neither check below can fail */
    else if (!text_utf8_valid(raw, rawlen))
        snprintf(msg, msgsz, "field %d is not valid UTF-8", r->cur_n + 1);
    else if (!r->controls_ok && text_has_control(raw, rawlen))
        snprintf(msg, msgsz,
                 "field %d holds a control character (a terminal escape sequence?)",
                 r->cur_n + 1);
    else
        return NULL;
    return msg;
}

static void fail_at(csvr *r, const char *what)
{
    if (r->failed)
        return;
    r->failed = true;
    err_at(&r->fail, r->name, r->line, 0, "%s", what);
}

/* A field is complete: bytes [at, end) of buf, dq quotes doubled. */
static void field_done(csvr *r, size_t at, size_t end, size_t dq)
{
    char msg[160];
    r->completed = true;
    if (r->failed)
        return;
    const char *problem = field_problem(r, r->buf + at, end - at, end - at - dq, msg, sizeof msg);
    if (problem) {
        fail_at(r, problem);
        return;
    }
    if (r->nfields == r->cfields) {
        size_t nc = r->cfields ? r->cfields * 2 : 1024;
        field *f = realloc(r->fields, nc * sizeof *f);
        if (!f) {
            fail_at(r, "out of memory");
            return;
        }
        r->fields = f;
        r->cfields = nc;
    }
    r->fields[r->nfields++] = (field){at, end - at, dq};
    r->cur_n++;
}

/* A row is complete: it is queued. */
static void row_done(csvr *r)
{
    r->st = ROW_NOT_BEGUN;
    if (r->failed)
        return;
    if (r->nrows == r->crows) {
        int nc = r->crows ? r->crows * 2 : 256;
        rowref *q = realloc(r->rows, (size_t)nc * sizeof *q);
        if (!q) {
            fail_at(r, "out of memory");
            return;
        }
        r->rows = q;
        r->crows = nc;
    }
    r->rows[r->nrows++] = (rowref){r->nfields - (size_t)r->cur_n, r->cur_n, r->row_line};
    r->cur_n = 0;
    r->row_ended = true;
}

/* After a field, at its delimiter c: the next field, or the row's end. */
static void after_field(csvr *r, unsigned char c)
{
    if (c == ',')
        r->st = FIELD_NOT_BEGUN;
    else
        row_done(r);
}

/* Parses buf from *pos up to lim or the end of the line, whichever is
 * first (one piece); *pos is left after it.  -1: malformed quoting. */
static int scan(csvr *r, size_t *pos, size_t lim)
{
    const char *b = r->buf;
    size_t i = *pos;
    while (i < lim) {
        unsigned char c = (unsigned char)b[i];
        switch (r->st) {
        case ROW_NOT_BEGUN:
        case FIELD_NOT_BEGUN:
            i++;
            if (c == ' ' || c == '\t')
                break;
            if (c == '\r' || c == '\n') {
                if (r->st == FIELD_NOT_BEGUN) {
                    field_done(r, i - 1, i - 1, 0);
                    row_done(r);
                }
                if (c == '\n')
                    goto piece_end;
                break;
            }
            if (r->st == ROW_NOT_BEGUN) {
                r->row_at = i - 1;
                r->row_line = r->line;
            }
            if (c == ',') {
                field_done(r, i - 1, i - 1, 0);
                r->st = FIELD_NOT_BEGUN;
                break;
            }
            r->st = FIELD_BEGUN;
            r->quoted = c == '"';
            r->dq = 0;
            r->field_at = r->quoted ? i : i - 1;
            break;
        case FIELD_BEGUN:
            if (!r->quoted) {
                while (i < lim && !unquoted_stop[(unsigned char)b[i]])
                    i++;
                if (i == lim)
                    break;
                c = (unsigned char)b[i];
                if (c == '"')
                    goto malformed;
                size_t end = i;
                while (end > r->field_at && (b[end - 1] == ' ' || b[end - 1] == '\t'))
                    end--;
                field_done(r, r->field_at, end, 0);
                after_field(r, c);
                i++;
                if (c == '\n')
                    goto piece_end;
                break;
            }
            while (i < lim && b[i] != '"' && b[i] != '\n')
                i++;
            if (i == lim)
                break;
            if (b[i++] == '\n')
                goto piece_end;
            r->quote_at = i - 1;
            r->qspaces = 0;
            r->st = FIELD_MIGHT_HAVE_ENDED;
            break;
        case FIELD_MIGHT_HAVE_ENDED:
            if (c == ',' || c == '\r' || c == '\n') {
                field_done(r, r->field_at, r->quote_at, r->dq);
                after_field(r, c);
                i++;
                if (c == '\n')
                    goto piece_end;
            } else if (c == ' ' || c == '\t') {
                r->qspaces++;
                i++;
            } else if (c == '"' && !r->qspaces) {
                r->dq++; /* "" inside quotes: one quote */
                r->st = FIELD_BEGUN;
                i++;
            } else {
                goto malformed;
            }
            break;
        }
    }
piece_end:
    *pos = i;
    return 0;
malformed:
    *pos = i;
    return -1;
}

/* A piece [at, end) is parsed: the line copy, the open field's length, a
 * problem found in it, the line count. */
static int piece_done(csvr *r, size_t at, size_t end, err *e)
{
    size_t n = end - at, room = LINECOPY - 1 - r->linelen, k = n < room ? n : room;
    memcpy(r->linecopy + r->linelen, r->buf + at, k);
    r->linelen += k;
    r->linecopy[r->linelen] = '\0';
    if (r->row_ended) {
        memcpy(r->rowline, r->linecopy, r->linelen + 1);
        r->rowline_no = r->line;
    }
    r->open_bytes = r->completed ? 0 : r->open_bytes + n;
    if (!r->failed && r->open_bytes > OPEN_MAX)
        return err_at(e, r->name, r->line, 0, "field %d is more than %d bytes long",
                      r->cur_n + 1, CSVR_FIELD_MAX);
    if (r->failed) {
        *e = r->fail;
        return -1;
    }
    if (r->buf[end - 1] == '\n') {
        r->line++;
        r->linelen = 0;
    }
    return 0;
}

/* Parses what was just read, from buf + at, piece by piece. */
static int parse_chunk(csvr *r, size_t at, err *e)
{
    const char *z = memchr(r->buf + at, '\0', r->len - at);
    size_t nul = z ? (size_t)(z - r->buf) : SIZE_MAX;
    while (at < r->len) {
        size_t start = at;
        if (nul != SIZE_MAX) { /* a piece holding it is refused before it is parsed */
            const char *nl = memchr(r->buf + at, '\n', r->len - at);
            if (nul < (nl ? (size_t)(nl - r->buf) + 1 : r->len))
                return err_at(e, r->name, r->line, 0,
                              "binary data (a NUL byte): not a CSV file");
        }
        r->completed = r->row_ended = false;
        if (scan(r, &at, r->len))
            return err_at(e, r->name, r->line, 0,
                          "malformed quoting (a stray or unclosed double quote)");
        if (piece_done(r, start, at, e))
            return -1;
    }
    return 0;
}

/* At the end of the input: the last row, if it has no line break. */
static int finish(csvr *r, err *e)
{
    size_t end = r->len;
    r->completed = r->row_ended = false;
    switch (r->st) {
    case FIELD_BEGUN:
        if (r->quoted)
            return err_at(e, r->name, r->line, 0,
                          "the file ends inside a quoted field (an unclosed double quote)");
        while (end > r->field_at && (r->buf[end - 1] == ' ' || r->buf[end - 1] == '\t'))
            end--;
        field_done(r, r->field_at, end, 0);
        break;
    case FIELD_MIGHT_HAVE_ENDED:
        field_done(r, r->field_at, r->quote_at, r->dq);
        break;
    case FIELD_NOT_BEGUN:
        field_done(r, end, end, 0);
        break;
    case ROW_NOT_BEGUN:
        return 0;
    }
    row_done(r);
    if (r->failed) {
        *e = r->fail;
        return -1;
    }
    memcpy(r->rowline, r->linecopy, r->linelen + 1);
    r->rowline_no = r->line;
    return 0;
}

/* Drops the rows handed out; a row begun stays, moved to the front. */
static void compact(csvr *r)
{
    size_t keep = r->st == ROW_NOT_BEGUN ? r->len : r->row_at;
    size_t first = r->nfields - (size_t)r->cur_n;
    for (int i = 0; i < r->cur_n; i++) {
        r->fields[i] = r->fields[first + (size_t)i];
        r->fields[i].at -= keep;
    }
    r->nfields = (size_t)r->cur_n;
    if (r->len > keep)
        memmove(r->buf, r->buf + keep, r->len - keep);
    r->len -= keep;
    r->row_at -= keep;
    r->field_at -= keep;
    r->quote_at -= keep;
}

/* Reads a chunk (after the row begun, if any) and parses it. */
static int fill(csvr *r, err *e)
{
    compact(r);
    if (r->cap - r->len < CHUNK + 1) { /* + 1: the last field's NUL */
        size_t nc = r->cap ? r->cap : 4 * CHUNK;
        while (nc - r->len < CHUNK + 1)
            nc *= 2;
        char *b = realloc(r->buf, nc);
        if (!b)
            return err_set(e, "out of memory");
        r->buf = b;
        r->cap = nc;
    }
    long got = source_read(r->src, r->buf + r->len, CHUNK, e);
    if (got < 0)
        return -1;
    if (got == 0) {
        r->eof = true;
        return finish(r, e);
    }
    size_t at = r->len, n = (size_t)got;
    r->len += n;
    if (!r->bom_checked) {
        r->bom_checked = true;
        if (n >= 3 && memcmp(r->buf + at, "\xEF\xBB\xBF", 3) == 0)
            at += 3, n -= 3;
    }
    r->done += (long long)n;
    return parse_chunk(r, at, e);
}

/* The row's fields where they lie: doubled quotes made single, each
 * ended by a NUL (on its delimiter, closing quote or a space dropped). */
static int hand_out(csvr *r, const rowref *q)
{
    if (q->n > r->fcap) {
        int nc = r->fcap ? r->fcap : 16;
        while (nc < q->n)
            nc *= 2;
        char **f = realloc(r->out.f, (size_t)nc * sizeof *f);
        if (!f)
            return -1;
        r->out.f = f;
        r->fcap = nc;
    }
    for (int k = 0; k < q->n; k++) {
        const field *d = &r->fields[q->first + (size_t)k];
        char *s = r->buf + d->at;
        size_t len = d->len;
        if (d->dq) {
            size_t j = 0;
            for (size_t i = 0; i < d->len; i++) {
                s[j++] = s[i];
                i += s[i] == '"';
            }
            len = j;
        }
        s[len] = '\0';
        r->out.f[k] = s;
    }
    r->out.n = q->n;
    r->out.line = q->line;
    return 0;
}

int csvr_from(csvr **out, source *src, err *e)
{
    csvr *r = calloc(1, sizeof *r);
    if (!r)
        return err_set(e, "out of memory");
    snprintf(r->name, sizeof r->name, "%s", source_name(src));
    r->src = src;
    r->total = source_size(src);
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
    free(r->buf);
    free(r->fields);
    free(r->rows);
    free(r->out.f);
    if (r->own_src)
        source_close(r->src);
    free(r);
}

int csvr_next(csvr *r, csvr_row **row, err *e)
{
    if (r->again && r->have_out) {
        r->again = false;
        *row = &r->out;
        return 1;
    }
    r->again = false;
    r->have_out = false;
    while (r->next == r->nrows) {
        r->next = r->nrows = 0;
        if (r->eof)
            return 0;
        if (fill(r, e))
            return -1;
    }
    if (hand_out(r, &r->rows[r->next++]))
        return err_set(e, "out of memory");
    r->have_out = true;
    *row = &r->out;
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
