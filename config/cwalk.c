#include "config/cwalk.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

enum { SUGGEST_MAX = 64 };

int cwalk_fail(cwalk *w, const ynode *n, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return err_at(w->e, w->file, n->line, n->col, "%s", msg);
}

/* Names from the file go into messages escaped: a key could hold anything. */
static void shown(const ynode *n, char *out, size_t outsz)
{
    text_escape(n->val, out, outsz);
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[SUGGEST_MAX + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Close enough means at most a third of the candidate (at least 2) and
 * less than the whole of what was typed: "max_distnce" finds
 * "max_distance_km", "zz" finds nothing. */
const char *cwalk_suggest(const char *s, const char *const *valid)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    if (strlen(s) > SUGGEST_MAX)
        return NULL;
    for (; *valid; valid++) {
        size_t lv = strlen(*valid);
        if (lv > SUGGEST_MAX)
            continue;
        size_t d = edit_distance(s, *valid);
        size_t limit = lv / 3 > 2 ? lv / 3 : 2;
        if (d <= limit && d < strlen(s) && d < bestd)
            best = *valid, bestd = d;
    }
    return best;
}

int cwalk_unknown(cwalk *w, const ynode *k, const char *what,
                  const char *const *valid)
{
    char name[80];
    shown(k, name, sizeof name);
    const char *near = strlen(k->val) == k->len ? cwalk_suggest(k->val, valid)
                                                : NULL;
    if (near)
        return cwalk_fail(w, k, "unknown key '%s' in %s (did you mean '%s'?)",
                          name, what, near);
    return cwalk_fail(w, k, "unknown key '%s' in %s", name, what);
}

static int check_key(cwalk *w, const ynode *k, const char *what)
{
    char name[80];
    if (k->kind != YNODE_SCALAR)
        return cwalk_fail(w, k, "keys in %s must be plain strings", what);
    if (text_has_control(k->val, k->len)) {
        shown(k, name, sizeof name);
        return cwalk_fail(w, k, "key '%s' in %s holds a control character",
                          name, what);
    }
    return 0;
}

int cwalk_map(cwalk *w, const ynode *n, const char *what, size_t max)
{
    if (ynode_is_null(n))
        return 0;
    if (n->kind != YNODE_MAP)
        return cwalk_fail(w, n, "%s must be a mapping (key: value)", what);
    if (n->nkids / 2 > max)
        return cwalk_fail(w, n->kids[2 * max], "too many entries in %s (at "
                          "most %zu)", what, max);
    return 0;
}

int cwalk_key(cwalk *w, const ynode *map, size_t i, const char *what)
{
    char name[80];
    const ynode *k = map->kids[i];
    if (check_key(w, k, what) < 0)
        return -1;
    for (size_t j = 0; j < i; j += 2) {
        const ynode *p = map->kids[j];
        if (p->len == k->len && memcmp(p->val, k->val, k->len) == 0) {
            shown(k, name, sizeof name);
            return cwalk_fail(w, k, "duplicate key '%s' in %s (first at line "
                              "%ld)", name, what, p->line);
        }
    }
    return 0;
}

/* Leaves that must be scalars; says what was found instead. */
static int want_scalar(cwalk *w, const ynode *n, const char *key,
                       const char *want)
{
    if (n->kind == YNODE_SEQ)
        return cwalk_fail(w, n, "%s must be %s, not a sequence", key, want);
    if (n->kind == YNODE_MAP)
        return cwalk_fail(w, n, "%s must be %s, not a mapping", key, want);
    if (ynode_is_null(n))
        return cwalk_fail(w, n, "%s has no value: it must be %s", key, want);
    return 0;
}

/* Decimal only: no hex, no "inf"/"nan", no "1_000", no quotes. */
static bool decimal_chars(const ynode *n, bool real)
{
    if (n->quoted || strlen(n->val) != n->len)
        return false;
    for (const char *p = n->val; *p; p++) {
        if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+')
            continue;
        if (real && (*p == '.' || *p == 'e' || *p == 'E'))
            continue;
        return false;
    }
    return true;
}

int cwalk_real(cwalk *w, const ynode *n, const char *key, double min,
               double max, double *out)
{
    double v;
    char s[80];
    if (want_scalar(w, n, key, "a number") < 0)
        return -1;
    if (!decimal_chars(n, true) || text_double(n->val, &v) < 0) {
        shown(n, s, sizeof s);
        return cwalk_fail(w, n, "%s must be a number, not '%s'%s", key, s,
                          n->quoted ? " (a quoted string)" : "");
    }
    if (v < min || v > max)
        return cwalk_fail(w, n, "%s must be between %g and %g (got %s)", key,
                          min, max, n->val);
    *out = v;
    return 0;
}

int cwalk_int(cwalk *w, const ynode *n, const char *key, long min, long max,
              long *out)
{
    long v;
    char s[80];
    if (want_scalar(w, n, key, "a whole number") < 0)
        return -1;
    const char *d = n->val + (n->val[0] == '-' || n->val[0] == '+');
    bool lead0 = d[0] == '0' && d[1] != '\0';
    if (!decimal_chars(n, false) || lead0 || text_long(n->val, &v) < 0) {
        shown(n, s, sizeof s);
        return cwalk_fail(w, n, "%s must be a whole number, not '%s'%s", key,
                          s, n->quoted ? " (a quoted string)" : "");
    }
    if (v < min || v > max)
        return cwalk_fail(w, n, "%s must be between %ld and %ld (got %ld)", key,
                          min, max, v);
    *out = v;
    return 0;
}

int cwalk_bool(cwalk *w, const ynode *n, const char *key, bool *out)
{
    char s[80];
    if (want_scalar(w, n, key, "true or false") < 0)
        return -1;
    if (!n->quoted && strcmp(n->val, "true") == 0)
        return *out = true, 0;
    if (!n->quoted && strcmp(n->val, "false") == 0)
        return *out = false, 0;
    shown(n, s, sizeof s);
    return cwalk_fail(w, n, "%s must be true or false, not '%s' (yes/no/on/off "
                      "are not accepted)", key, s);
}

int cwalk_policy(cwalk *w, const ynode *n, const char *key, config_policy *out)
{
    char s[80];
    if (want_scalar(w, n, key, "nearest, choice, optimal or demand") < 0)
        return -1;
    int p = strlen(n->val) == n->len ? config_policy_parse(n->val) : -1;
    if (p >= 0)
        return *out = (config_policy)p, 0;
    shown(n, s, sizeof s);
    return cwalk_fail(w, n, "%s must be nearest, choice, optimal or demand, not '%s'",
                      key, s);
}

int cwalk_travel(cwalk *w, const ynode *n, const char *key, config_travel *out)
{
    static const char *const names[] = {"straight_line", "matrix_km", "matrix_minutes", NULL};
    char s[80];
    if (want_scalar(w, n, key, "straight_line, matrix_km or matrix_minutes") < 0)
        return -1;
    for (int i = 0; names[i]; i++)
        if (strcmp(n->val, names[i]) == 0 && strlen(n->val) == n->len)
            return *out = (config_travel)i, 0;
    shown(n, s, sizeof s);
    return cwalk_fail(w, n, "%s must be straight_line, matrix_km or matrix_minutes, not '%s'",
                      key, s);
}

/* U+FFFE or U+FFFF (EF BF BE, EF BF BF) anywhere in s. */
static bool has_nonchar(const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
            ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
            return true;
    return false;
}

int cwalk_string(cwalk *w, const ynode *n, const char *key, size_t max,
                 char *out)
{
    if (want_scalar(w, n, key, "a string") < 0)
        return -1;
    if (text_has_control(n->val, n->len))
        return cwalk_fail(w, n, "%s holds a control character (escape "
                          "sequences, tabs and line breaks are not allowed)",
                          key);
    /* U+FFFE and U+FFFF pass libyaml's \u escapes but not its reader:
     * a file that held them could not be written back and read again. */
    if (has_nonchar(n->val, n->len))
        return cwalk_fail(w, n, "%s holds U+FFFE or U+FFFF, which are not characters",
                          key);
    if (n->len >= max)
        return cwalk_fail(w, n, "%s is too long (at most %zu bytes)", key,
                          max - 1);
    memcpy(out, n->val, n->len + 1);
    return 0;
}
