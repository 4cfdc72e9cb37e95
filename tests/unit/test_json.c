/* The JSON writer gathers a document in a buffer of its own: a document of
 * many buffers' length, with every kind of value, plain and escaped
 * strings, a string longer than the buffer and keys that need quoting,
 * comes out exactly as the same document written here piece by piece. */
#include <stdlib.h>

#include "cli/out.h"
#include "tests/unit/t.h"

/* The text the writer should give: built with stdio, by hand. */
typedef struct {
    char *s;
    size_t n, cap;
} text;

static void add(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->n, s, n + 1);
    t->n += n;
}

static void addf(text *t, const char *fmt, double v)
{
    char b[64];
    snprintf(b, sizeof b, fmt, v);
    add(t, b);
}

int main(void)
{
    /* A string longer than the buffer, all of it plain. */
    size_t longn = 40000;
    char *longs = malloc(longn + 1);
    for (size_t i = 0; i < longn; i++)
        longs[i] = (char)('a' + i % 26);
    longs[longn] = '\0';
    const char *longkey = "a_key_of_seventy_characters_which_is_longer_than_the_quick_path_1234";

    char *got = NULL;
    size_t gotn = 0;
    FILE *fp = open_memstream(&got, &gotn);
    json j;
    json_init(&j, fp);
    text want = {0};

    json_obj(&j);
    add(&want, "{");
    json_key(&j, "rows");
    json_arr(&j);
    add(&want, "\n  \"rows\": [");
    for (int i = 0; i < 3000; i++) {
        json_obj(&j);
        add(&want, i ? ",\n    {" : "\n    {");
        json_key(&j, "n");
        json_int(&j, (long long)i * -7919);
        char n[48];
        snprintf(n, sizeof n, "\n      \"n\": %lld", (long long)i * -7919);
        add(&want, n);
        json_key(&j, "km");
        json_num(&j, i / 8.0, 3);
        addf(&want, ",\n      \"km\": %.3f", i / 8.0);
        json_key(&j, "name");
        json_str(&j, i % 3 == 0 ? "say \"hi\" \\ there" : i % 3 == 1 ? "tab\there" : "plain");
        add(&want, i % 3 == 0   ? ",\n      \"name\": \"say \\\"hi\\\" \\\\ there\""
                   : i % 3 == 1 ? ",\n      \"name\": \"tab\\\\x09here\""
                                : ",\n      \"name\": \"plain\"");
        json_key(&j, i % 2 ? "odd \"key\"" : longkey);
        json_bool(&j, i % 2);
        add(&want, i % 2 ? ",\n      \"odd \\\"key\\\"\": true" : ",\n      \"");
        if (i % 2 == 0) {
            add(&want, longkey);
            add(&want, "\": false");
        }
        json_key(&j, "none");
        i % 5 ? json_null(&j) : json_num(&j, NAN, 2);
        add(&want, ",\n      \"none\": null");
        json_obj_end(&j);
        add(&want, "\n    }");
    }
    json_arr_end(&j);
    add(&want, "\n  ]");
    json_key(&j, "long");
    json_str(&j, longs);
    add(&want, ",\n  \"long\": \"");
    add(&want, longs);
    add(&want, "\"");
    json_key(&j, "empty");
    json_arr(&j);
    json_arr_end(&j);
    add(&want, ",\n  \"empty\": []");
    json_obj_end(&j);
    add(&want, "\n}\n");
    json_done(&j);
    fclose(fp);

    CHECK(want.n > 10 * sizeof j.buf); /* many buffers' worth */
    CHECK_INT(gotn, want.n);
    size_t at = 0;
    while (at < gotn && at < want.n && got[at] == want.s[at])
        at++;
    T_REPORT(at == want.n && gotn == want.n, "the same text (first difference at byte %zu)", at);
    free(got);
    free(want.s);
    free(longs);
    T_DONE();
}
