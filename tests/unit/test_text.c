#include <stdlib.h>
#include <string.h>

#include "tests/unit/t.h"
#include "util/text.h"

int main(void)
{
    char buf[64];

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
