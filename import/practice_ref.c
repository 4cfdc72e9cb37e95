/* A row naming a practice the store does not hold yet: kept, under a
 * placeholder practice (store_practice_ensure) that the register fills in
 * when it is imported, so files work in any order.  The import's summary
 * counts the placeholders and names the first few, with a registered code
 * one character away ("M8601O: did you mean M86010?"): a mistyped code
 * shows at once instead of in a later check. */
#include "import/importer.h"

#include <stdio.h>
#include <string.h>

struct near {
    const char *code;
    char found[CODE_MAX];
};

/* A registered practice whose code differs from want in one character. */
static int one_away(const practice *p, void *ctx)
{
    struct near *n = ctx;
    size_t len = strlen(n->code), diff = 0;
    if (!p->in_register || strlen(p->code) != len)
        return 0;
    for (size_t i = 0; i < len && diff < 2; i++)
        diff += p->code[i] != n->code[i];
    if (diff != 1)
        return 0;
    memcpy(n->found, p->code, CODE_MAX);
    return 1;
}

enum { NAMED = 3 };

int imp_practice_ref(import_ctx *ic, const char *code, err *e)
{
    int rc = store_practice_ensure(ic->s, code, e);
    if (rc <= 0)
        return rc;
    if (ic->placeholders++ < NAMED) {
        struct near n = {code, ""};
        size_t o = strlen(ic->placeholder_why);
        if (store_practice_each(ic->s, one_away, &n, e) < 0)
            return -1;
        if (o == 0)
            o = (size_t)snprintf(ic->placeholder_why, sizeof ic->placeholder_why,
                                 "practices not in the register, kept as placeholders:");
        snprintf(ic->placeholder_why + o, sizeof ic->placeholder_why - o, " %s%s%s%s", code,
                 *n.found ? " (did you mean " : "", n.found, *n.found ? "?)" : "");
    }
    imp_note(ic, ic->placeholder_why);
    return 0;
}

int imp_count(import_ctx *ic, const csvr_row *row, int i, long *out, err *e)
{
    if (imp_long(ic, row, i, out, e))
        return -1;
    if (*out < 0)
        return imp_fail(ic, row, i, e, "a negative number of patients");
    if (*out > IMP_COUNT_MAX)
        return imp_fail(ic, row, i, e, "%ld patients is more than any list holds (at most "
                                       "1,000,000)", *out);
    return 0;
}
