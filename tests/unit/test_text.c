#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/t.h"
#include "util/text.h"

/* text_plain against the byte-at-a-time rule: every pair of byte values
 * side by side, at every place in and around an 8-byte word. */
static void test_plain(void)
{
    long wrong = 0;
    char s[17];
    for (int at = 0; at < 16; at++)
        for (int a = 0; a < 256; a++)
            for (int b = 0; b < 256; b++) {
                memset(s, 'x', sizeof s);
                s[at] = (char)a;
                s[at + 1] = (char)b;
                bool want = a >= 0x20 && a <= 0x7E && b >= 0x20 && b <= 0x7E;
                wrong += text_plain(s, sizeof s) != want;
                wrong += text_plain(s, (size_t)at + 1) != (a >= 0x20 && a <= 0x7E);
            }
    CHECK_INT(wrong, 0);
    CHECK(text_plain("", 0));
    CHECK(text_plain("A plain, \"quoted\" name ~", 24));
    CHECK(!text_plain("tab\there", 8));
}

/* text_double and text_long give exactly what strtod and strtol give,
 * on random decimals of every length (the short ones take a quick path). */
static void test_numbers(void)
{
    uint32_t x = 99;
    long wrong = 0, refused = 0;
    char s[40];
    for (int i = 0; i < 200000; i++) {
        size_t n = 0;
        x = x * 1103515245u + 12345u;
        int sign = (int)(x >> 8) % 4, digits = 1 + (int)(x >> 12) % 18;
        int point = (int)(x >> 20) % (digits + 3) - 1; /* -1: none */
        if (sign == 1)
            s[n++] = '-';
        else if (sign == 2)
            s[n++] = '+';
        for (int d = 0; d < digits; d++) {
            if (d == point)
                s[n++] = '.';
            x = x * 1103515245u + 12345u;
            s[n++] = (char)('0' + (x >> 16) % 10);
        }
        if (point == digits)
            s[n++] = '.';
        s[n] = '\0';
        double got, want = strtod(s, NULL);
        long lgot, lwant = strtol(s, NULL, 10);
        if (text_double(s, &got)) {
            refused++;
            continue;
        }
        wrong += memcmp(&got, &want, sizeof got) != 0;
        if (!strchr(s, '.') && digits < 19)
            wrong += text_long(s, &lgot) != 0 || lgot != lwant;
    }
    CHECK_INT(wrong, 0);
    CHECK_INT(refused, 0);
    double d;
    long l;
    CHECK(text_double("1e3", &d) == 0 && d == 1000.0);
    CHECK(text_double("-", &d) == -1 && text_double(".", &d) == -1);
    CHECK(text_double("1.5x", &d) == -1 && text_double("inf", &d) == -1);
    CHECK(text_long("12.0", &l) == -1 && text_long("+7", &l) == 0 && l == 7);
    CHECK(text_long("99999999999999999999", &l) == -1);
}

int main(void)
{
    char buf[64];

    test_plain();
    test_numbers();

    CHECK(text_utf8_valid("Caf\xc3\xa9", 5));
    CHECK(!text_utf8_valid("bad \xff byte", 10));
    CHECK(!text_utf8_valid("\xc0\xaf", 2)); /* overlong '/' */
    CHECK(!text_utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
    CHECK(text_has_control("a\x1b[31mred", 10));
    CHECK(text_has_control("c1 \xc2\x9b", 5));
    CHECK(!text_has_control("plain name", 10));

    text_escape("A\x1b[2JB", buf, sizeof buf);
    CHECK_STR(buf, "A\\x1B[2JB");
    text_escape("ok \xff", buf, sizeof buf);
    CHECK_STR(buf, "ok \\xFF");
    text_escape("abc\xe2\x80\xaegnp.exe", buf, sizeof buf); /* U+202E */
    CHECK_STR(buf, "abc<U+202E>gnp.exe");
    text_escape("\xef\xbb\xbfzero\xe2\x80\x8bwidth \xe2\x80\x94 dash", buf, sizeof buf);
    CHECK_STR(buf, "<U+FEFF>zero<U+200B>width \xe2\x80\x94 dash");
    /* Bidi overrides and invisible characters, shown by code point. */
    text_escape("a\xe2\x80\xae" "b\xe2\x80\x8b\xe2\x80\xa8\xef\xbb\xbf\xe2\x81\xa6" "c", buf, sizeof buf);
    CHECK_STR(buf, "a<U+202E>b<U+200B><U+2028><U+FEFF><U+2066>c");
    text_escape("\xc2\x9b" "2J", buf, sizeof buf);
    CHECK_STR(buf, "\\xC2\\x9B2J");
    CHECK(text_needs_escape("x\xe2\x80\x8f"));
    CHECK(!text_needs_escape("caf\xc3\xa9 \xe2\x80\x94 ok"));
    /* Cut on a whole shown character, never inside one. */
    char small[7];
    text_escape("ab\xe2\x80\xae", small, sizeof small);
    CHECK_STR(small, "ab");

    CHECK(text_postcode("cv213aq", buf, sizeof buf) == 0);
    CHECK_STR(buf, "CV21 3AQ");
    CHECK(text_postcode(" CV3  1EG ", buf, sizeof buf) == 0);
    CHECK_STR(buf, "CV3 1EG");
    CHECK(text_postcode("B80 7QU", buf, sizeof buf) == 0);
    CHECK_STR(buf, "B80 7QU");
    CHECK(text_postcode("NOPE", buf, sizeof buf) == -1);
    CHECK(text_postcode("CV1-1DD", buf, sizeof buf) == -1);

    CHECK_INT(text_date("20260401"), 20260401);
    CHECK_INT(text_date("2026-04-01"), 20260401);
    CHECK_INT(text_date("01JAN2021"), 20210101);
    CHECK_INT(text_date("01/04/2026"), 20260401);
    CHECK_INT(text_date(""), 0);
    CHECK_INT(text_date("2026-02-30"), -1);
    CHECK_INT(text_date("31FOO2021"), -1);
    CHECK_INT(text_date("yesterday"), -1);
    CHECK_INT(text_date("20230229"), -1);
    CHECK_INT(text_date("20240229"), 20240229);

    long v;
    double d;
    CHECK(text_long("6201", &v) == 0 && v == 6201);
    CHECK(text_long("62x", &v) == -1);
    CHECK(text_long("", &v) == -1);
    char *joined = NULL;
    CHECK(text_join(&joined, "; ", "A") == 0 && text_join(&joined, "; ", "B") == 0);
    CHECK(joined && strcmp(joined, "A; B") == 0);
    free(joined);
    CHECK(text_long_grouped("14,000", &v) == 0 && v == 14000);
    CHECK(text_long_grouped("1,234,567", &v) == 0 && v == 1234567);
    CHECK(text_long_grouped("14000", &v) == 0 && v == 14000);
    CHECK(text_long_grouped("14,00", &v) == -1);
    CHECK(text_long_grouped(",140", &v) == -1);
    CHECK(text_long_grouped("1,4000", &v) == -1);
    CHECK(text_long_grouped("1234,567", &v) == -1);
    CHECK(text_long_grouped("-1,000", &v) == 0 && v == -1000);
    CHECK(text_double("-1.53", &d) == 0 && d == -1.53);
    CHECK(text_double("nan", &d) == -1);

    CHECK_INT(text_width("abc"), 3);
    CHECK_INT(text_fit("Caf\xc3\xa9 au lait", 4), 5);

    text_copy(buf, 5, "Caf\xc3\xa9");
    CHECK_STR(buf, "Caf");
    T_DONE();
}
