/* The CSV reader on its own: rows across the 64 KiB reads, quoted fields
 * cut by a read, CRLF and lone CR, the byte-order mark, NUL, a field at
 * the size limit and one over it, the first row handed out again, and
 * the column of each field. */
#include "tests/unit/t.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/csvr.h"
#include "import/importer.h"

static char tmpdir[64];

static const char *write_file(const char *name, const char *data, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(data, 1, n, fp);
        fclose(fp);
    }
    return path;
}

/* Rows of growing width, some quoted with doubled quotes and line breaks,
 * so that rows and fields fall across every read boundary. */
static void test_many_rows(void)
{
    enum { ROWS = 6000 };
    size_t cap = 64 << 20, n = 0;
    char *buf = malloc(cap);
    long line = 1, *lines = malloc(ROWS * sizeof *lines);
    for (int i = 0; i < ROWS; i++) {
        lines[i] = line;
        n += (size_t)sprintf(buf + n, "r%d,", i);
        for (int k = 0; k < i % 97; k++)
            buf[n++] = (char)('a' + k % 26);
        if (i % 3 == 0) {
            n += (size_t)sprintf(buf + n, ",\"say \"\"%d\"\"\nnext\"\r\n", i);
            line += 2;
        } else {
            n += (size_t)sprintf(buf + n, ",plain %d\n", i);
            line++;
        }
    }
    csvr *r;
    csvr_row *row;
    err e;
    int got = 0, wrong = 0;
    CHECK(csvr_open(&r, write_file("many.csv", buf, n), &e) == 0);
    csvr_allow_controls(r); /* the line breaks inside quotes */
    char want[200];
    int rc;
    while ((rc = csvr_next(r, &row, &e)) == 1) {
        int i = got++;
        snprintf(want, sizeof want, "r%d", i);
        bool ok = row->n == 3 && strcmp(row->f[0], want) == 0 && row->line == lines[i] &&
                  strlen(row->f[1]) == (size_t)(i % 97);
        if (i % 3 == 0)
            snprintf(want, sizeof want, "say \"%d\"\nnext", i);
        else
            snprintf(want, sizeof want, "plain %d", i);
        ok = ok && strcmp(row->f[2], want) == 0;
        wrong += !ok;
    }
    csvr_close(r);
    T_REPORT(rc == 0, "read to the end%s%s", rc ? ": " : "", rc ? e.msg : "");
    CHECK_INT(got, ROWS);
    CHECK_INT(wrong, 0);
    free(buf);
    free(lines);
}

/* Reads every row of text; fields joined by '|', rows by '/'. */
static int read_all(const char *name, const char *text, size_t n, char *out, size_t outsz,
                    err *e)
{
    csvr *r;
    csvr_row *row;
    int rc;
    out[0] = '\0';
    if (csvr_open(&r, write_file(name, text, n), e))
        return -1;
    while ((rc = csvr_next(r, &row, e)) == 1) {
        for (int i = 0; i < row->n; i++) {
            strncat(out, row->f[i], outsz - strlen(out) - 1);
            strncat(out, i + 1 < row->n ? "|" : "/", outsz - strlen(out) - 1);
        }
    }
    csvr_close(r);
    return rc;
}

static void test_line_ends(void)
{
    char out[256];
    err e;
    const char crlf[] = "a,b\r\nc,\"d\"\r\n";
    CHECK(read_all("crlf.csv", crlf, sizeof crlf - 1, out, sizeof out, &e) == 0);
    CHECK_STR(out, "a|b/c|d/");
    /* One line, three rows: they wait in the reader's queue. */
    const char cr[] = "a,b\rc,d\re,f\r";
    CHECK(read_all("cr.csv", cr, sizeof cr - 1, out, sizeof out, &e) == 0);
    CHECK_STR(out, "a|b/c|d/e|f/");
    const char bom[] = "\xEF\xBB\xBFname,x\n1,2";
    CHECK(read_all("bom.csv", bom, sizeof bom - 1, out, sizeof out, &e) == 0);
    CHECK_STR(out, "name|x/1|2/");
    const char blank[] = "\n\n a , \"b\" \n\n";
    CHECK(read_all("blank.csv", blank, sizeof blank - 1, out, sizeof out, &e) == 0);
    CHECK_STR(out, "a|b/");
}

/* Reading text as file name must stop with "DIR/name:" then want. */
static void refused(const char *name, const char *text, size_t n, const char *want)
{
    char out[64], full[512];
    err e;
    int rc = read_all(name, text, n, out, sizeof out, &e);
    snprintf(full, sizeof full, "%s/%s:%s", tmpdir, name, want);
    T_REPORT(rc == -1 && strcmp(e.msg, full) == 0, "%s: \"%s\" (got %d, \"%s\")", name, want,
             rc, rc == -1 ? e.msg : "");
}

#define REFUSED(name, text, want) refused(name, text, sizeof text - 1, want)

static void test_refused(void)
{
    REFUSED("nul.csv", "a,b\nc,d\ne,\0f\n", "3: binary data (a NUL byte): not a CSV file");
    REFUSED("open.csv", "a,b\nc,\"d\n",
            "3: the file ends inside a quoted field (an unclosed double quote)");
    REFUSED("ctl.csv", "a,b\nc,d\x1b[2J\n",
            "2: field 2 holds a control character (a terminal escape sequence?)");
    REFUSED("utf.csv", "a,b\nc\xff,d\n", "2: field 1 is not valid UTF-8");
}

/* A field of exactly CSVR_FIELD_MAX bytes is read; one more is refused. */
static void test_field_limit(void)
{
    size_t n = CSVR_FIELD_MAX + 16;
    char *text = malloc(n), want[512];
    err e;
    csvr *r;
    csvr_row *row;
    for (int over = 0; over <= 1; over++) {
        size_t len = (size_t)CSVR_FIELD_MAX + (size_t)over;
        memcpy(text, "x,", 2);
        memset(text + 2, 'y', len);
        memcpy(text + 2 + len, "\n", 1);
        CHECK(csvr_open(&r, write_file("limit.csv", text, len + 3), &e) == 0);
        int rc = csvr_next(r, &row, &e);
        CHECK_INT(rc, over ? -1 : 1);
        if (rc == 1)
            CHECK_INT(strlen(row->f[1]), CSVR_FIELD_MAX);
        csvr_close(r);
    }
    snprintf(want, sizeof want, "%s/limit.csv:1: field 2 is 65537 bytes long (at most 65536)",
             tmpdir);
    CHECK_STR(e.msg, want);
    free(text);
}

/* A quoted field with doubled quotes and a line break, cut by the first
 * 64 KiB read at every offset around it. */
static void test_quote_across_reads(void)
{
    enum { AT = 65536 };
    static char text[AT + 64];
    char want[32];
    err e;
    long wrong = 0;
    for (int back = 1; back < 16; back++) {
        size_t n = AT - (size_t)back;
        memset(text, 'x', n);
        text[n - 1] = '\n';
        n += (size_t)sprintf(text + n, "a,\"q\"\"\"\"\nz\",b\r\n");
        csvr *r;
        csvr_row *row;
        if (csvr_open(&r, write_file("across.csv", text, n), &e)) {
            wrong++;
            continue;
        }
        csvr_allow_controls(r);
        snprintf(want, sizeof want, "q\"\"\nz");
        wrong += csvr_next(r, &row, &e) != 1 || row->n != 1;
        wrong += csvr_next(r, &row, &e) != 1 || row->n != 3 || row->line != 2 ||
                 strcmp(row->f[1], want) != 0 || strcmp(row->f[2], "b") != 0;
        wrong += csvr_next(r, &row, &e) != 0;
        csvr_close(r);
    }
    CHECK_INT(wrong, 0);
}

/* Of two problems on one line, the one named is as before: NUL first,
 * then malformed quoting, then the first bad field. */
static void test_which_problem(void)
{
    REFUSED("nul2.csv", "h\nbad\xff,x\0y\n", "2: binary data (a NUL byte): not a CSV file");
    REFUSED("quote.csv", "h\nbad\xff,x\"y\n",
            "2: malformed quoting (a stray or unclosed double quote)");
    REFUSED("two.csv", "h\nbad\xff,x\x1b\n", "2: field 1 is not valid UTF-8");
}

/* A quoted field that never ends is stopped at the line where it is
 * surely too long, not read whole. */
static void test_open_field(void)
{
    size_t n = 0, cap = 1 << 20;
    char *text = malloc(cap);
    n += (size_t)sprintf(text, "a,\"");
    while (n + 2 < cap - 16)
        n += (size_t)sprintf(text + n, "X\n");
    refused("open2.csv", text, n, "98307: field 2 is more than 65536 bytes long");
    free(text);
}

/* Where each field starts, for messages (the BOM is not counted). */
static void test_columns(void)
{
    const char text[] = "\xEF\xBB\xBF" "code,\"a, b\",  c\n";
    csvr *r;
    csvr_row *row;
    err e;
    CHECK(csvr_open(&r, write_file("columns.csv", text, sizeof text - 1), &e) == 0);
    CHECK(csvr_next(r, &row, &e) == 1);
    CHECK_INT(csvr_column(r, row, 0), 1);
    CHECK_INT(csvr_column(r, row, 1), 6);
    CHECK_INT(csvr_column(r, row, 2), 13);
    csvr_close(r);
}

/* The first row again (a file's kind is told from it). */
static void test_again(void)
{
    const char text[] = "code,\"a, b\",  c\nx,y,z\n";
    csvr *r;
    csvr_row *row, *first;
    err e;
    CHECK(csvr_open(&r, write_file("again.csv", text, sizeof text - 1), &e) == 0);
    CHECK(csvr_next(r, &first, &e) == 1);
    csvr_again(r);
    CHECK(csvr_next(r, &row, &e) == 1);
    CHECK(row == first && row->n == 3 && strcmp(row->f[1], "a, b") == 0 &&
          strcmp(row->f[2], "c") == 0);
    CHECK(csvr_next(r, &row, &e) == 1);
    CHECK(row->n == 3 && strcmp(row->f[2], "z") == 0 && row->line == 2);
    CHECK(csvr_next(r, &row, &e) == 0);
    csvr_close(r);
}

/* imp_key writes what snprintf writes, cut short the same way. */
static void test_key(void)
{
    static const long most = (long)(~0UL >> 1);
    const long nums[] = {0, 7, -7, 20260401, most, -most - 1};
    long wrong = 0;
    for (size_t n = 1; n < 48; n++)
        for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
            char a[64], b[64];
            snprintf(a, n, "%s in %s on %ld", "M84001", "E01009607", nums[i]);
            imp_key(b, n, "%s in %s on %ld", "M84001", "E01009607", nums[i]);
            wrong += strcmp(a, b) != 0;
            snprintf(a, n, "%ld%%s %s", nums[i], "");
            imp_key(b, n, "%ld%%s %s", nums[i], "");
            wrong += strcmp(a, b) != 0;
        }
    CHECK_INT(wrong, 0);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s", "/tmp/catchment-test-csvr-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    test_many_rows();
    test_line_ends();
    test_refused();
    test_field_limit();
    test_quote_across_reads();
    test_which_problem();
    test_open_field();
    test_columns();
    test_key();
    test_again();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        return 1;
    T_DONE();
}
