#include "import/evidence_fields.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

static int month_number(const char *w, size_t n)
{
    static const char *const names[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    for (int m = 0; m < 12; m++)
        if ((n == 3 || n == strlen(names[m])) && strncasecmp(w, names[m], n) == 0)
            return m + 1;
    return 0;
}

/* A four-digit year 1990..2099 at p, not inside a longer number. */
static int year_at(const char *p, const char *start)
{
    if (p > start && isdigit((unsigned char)p[-1]))
        return 0;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)p[i]))
            return 0;
    if (isdigit((unsigned char)p[4]))
        return 0;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    return y >= 1990 && y <= 2099 ? y : 0;
}

/* "October 2025", "Oct_2025", "Oct2025". */
static long month_word_year(const char *name)
{
    for (const char *p = name; *p; p++) {
        if (!isalpha((unsigned char)*p) || (p > name && isalpha((unsigned char)p[-1])))
            continue;
        size_t n = 0;
        while (isalpha((unsigned char)p[n]))
            n++;
        int m = n >= 3 ? month_number(p, n) : 0;
        const char *q = p + n;
        while (*q == ' ' || *q == '_' || *q == '-')
            q++;
        int y = m ? year_at(q, name) : 0;
        if (y)
            return (long)y * 10000 + m * 100 + 1;
    }
    return 0;
}

/* "2025-10", "2025_10". */
static long year_dash_month(const char *name)
{
    for (const char *p = name; *p; p++) {
        int y = year_at(p, name);
        if (!y || (p[4] != '-' && p[4] != '_') || !isdigit((unsigned char)p[5]) ||
            !isdigit((unsigned char)p[6]) || isdigit((unsigned char)p[7]))
            continue;
        int m = (p[5] - '0') * 10 + (p[6] - '0');
        if (m >= 1 && m <= 12)
            return (long)y * 10000 + m * 100 + 1;
    }
    return 0;
}

/* The file's own name first, then its folder ("GPW Practice Level CSVs
 * (Oct 2025)/1 Practice Level - Detailed.csv", as the zip unpacks). */
long ev_month_in_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    long d = month_word_year(base);
    d = d ? d : year_dash_month(base);
    d = d ? d : month_word_year(path);
    return d ? d : year_dash_month(path);
}

static int first_year(const char *s)
{
    for (const char *p = s; *p; p++) {
        int y = year_at(p, s);
        if (y)
            return y;
    }
    return 0;
}

int ev_year_in_name(const char *path)
{
    const char *base = strrchr(path, '/');
    int y = first_year(base ? base + 1 : path);
    return y ? y : first_year(path);
}

/* Digits at s: how many (up to max), their value in *v. */
static int digits(const char *s, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && isdigit((unsigned char)s[n]))
        *v = *v * 10 + (s[n++] - '0');
    return n;
}

long ev_financial_year(const char *s)
{
    for (const char *p = s; *p; p++) {
        int a, b;
        if (p > s && isdigit((unsigned char)p[-1]))
            continue;
        int na = digits(p, 4, &a);
        if ((na != 2 && na != 4) || (p[na] != '/' && p[na] != '-'))
            continue;
        int nb = digits(p + na + 1, 4, &b);
        if ((nb != 2 && nb != 4) || isdigit((unsigned char)p[na + 1 + nb]))
            continue;
        int y = na == 2 ? 2000 + a : a;
        if (y >= 1990 && y <= 2099 && (nb == 2 ? b == (y + 1) % 100 : b == y + 1))
            return (long)y * 10000 + 401;
    }
    return 0;
}

/* Either form of a financial year anywhere in s. */
static long financial_year_in(const char *s)
{
    long d = ev_financial_year(s);
    for (const char *p = s; !d && *p; p++) {
        int v;
        if ((p > s && isdigit((unsigned char)p[-1])) || digits(p, 5, &v) != 4)
            continue;
        if (v % 100 == (v / 100 + 1) % 100)
            d = (2000L + v / 100) * 10000 + 401;
    }
    return d;
}

long ev_financial_year_in_name(const char *path)
{
    const char *base = strrchr(path, '/');
    long d = financial_year_in(base ? base + 1 : path);
    return d ? d : financial_year_in(path);
}

int ev_figure(import_ctx *ic, const csvr_row *row, int i, double min, double max,
              evidence *r, err *e)
{
    const char *v = imp_str(ic, row, i);
    r->value = NAN;
    r->text[0] = '\0';
    if (ic->col[i] < 0 || !*v)
        return 0;
    if (strcasecmp(v, "NA") == 0 || strcasecmp(v, "ND") == 0 || strcmp(v, "*") == 0) {
        text_copy(r->text, sizeof r->text, strcasecmp(v, "ND") == 0 ? "not disclosed"
                                           : *v == '*'              ? "suppressed"
                                                                    : "not available");
        return 0;
    }
    double d;
    if (imp_double(ic, row, i, &d, e))
        return -1;
    if (d < 0 && min >= 0) {
        text_copy(r->text, sizeof r->text, "suppressed");
        return 0;
    }
    if (!isfinite(d) || d < min || d > max)
        return imp_fail(ic, row, i, e, "%g is out of range (%g to %g)", d, min, max);
    r->value = d;
    return 0;
}

int ev_known_practice(import_ctx *ic, const char *code, err *e)
{
    practice p;
    int rc = store_practice_get(ic->s, code, &p, e);
    if (rc == 0)
        imp_skip(ic, "for practices not in the store");
    return rc;
}

void ev_month_period(long ymd, char *out, size_t outsz)
{
    snprintf(out, outsz, "%04d-%02d", (int)(ymd / 10000 % 10000), (int)(ymd / 100 % 100));
}

void ev_year_period(long ymd, char *out, size_t outsz)
{
    int y = (int)(ymd / 10000 % 10000);
    snprintf(out, outsz, "%04d-%02d", y, (y + 1) % 100);
}

void ev_extract_date(import_ctx *ic, long ymd)
{
    if (ymd > ic->prov->extract_date)
        ic->prov->extract_date = ymd;
}
