#include "util/text.h"

#include <ctype.h>
#include <locale.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

/* Decodes one UTF-8 character at s (n bytes available).  Returns its
 * length and sets *cp, or 0 when the bytes are not valid UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

bool text_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    unsigned cp;
    while (i < len) {
        size_t k = utf8_decode(p + i, len - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

static bool is_control(unsigned cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool text_has_control(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    unsigned cp;
    while (i < len) {
        size_t k = utf8_decode(p + i, len - i, &cp);
        if (!k)
            k = 1, cp = p[i];
        if (is_control(cp))
            return true;
        i += k;
    }
    return false;
}

bool text_plain(const char *s, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
    const unsigned char *p = (const unsigned char *)s;
    for (; len >= 8; p += 8, len -= 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        /* A byte over 0x7F; below 0x20 (x - 0x20 borrows, unless a byte
         * before it already did: that one is caught itself); 0x7F (adding
         * 1 sets its top bit, with no carry out of any byte <= 0x7F). */
        if ((x & high) | ((x - ones * 0x20) & ~x & high) | ((x + ones) & high))
            return false;
    }
    for (; len; p++, len--)
        if (*p < 0x20 || *p > 0x7E)
            return false;
    return true;
}

/* Bidi embeddings and overrides, isolates, zero-width characters, the
 * line and paragraph separators and the byte-order mark: they change how
 * the text around them looks, or are not seen at all. */
static bool is_invisible(unsigned cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

bool text_needs_escape(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    unsigned cp;
    if (text_plain(s, n)) /* printable ASCII, as most names and every key are */
        return false;
    while (i < n) {
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k || is_control(cp) || is_invisible(cp))
            return true;
        i += k;
    }
    return false;
}

/* How one character is shown: "\xHH" per byte, "<U+XXXX>", or itself
 * (0 returned: copy the bytes). */
static int shown_as(const unsigned char *p, size_t k, unsigned cp, char *buf, size_t n)
{
    if (!k)
        return snprintf(buf, n, "\\x%02X", p[0]);
    if (is_control(cp)) {
        int o = 0; /* a C1 control: each of its bytes */
        for (size_t b = 0; b < k; b++)
            o += snprintf(buf + o, n - (size_t)o, "\\x%02X", p[b]);
        return o;
    }
    if (is_invisible(cp))
        return snprintf(buf, n, "<U+%04X>", cp);
    return 0;
}

char *text_escape(const char *s, char *out, size_t outsz)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, o = 0;
    unsigned cp;
    char buf[16];
    if (!outsz)
        return out;
    while (i < n) {
        size_t k = utf8_decode(p + i, n - i, &cp);
        int m = shown_as(p + i, k, cp, buf, sizeof buf);
        const char *src = m ? buf : (const char *)p + i;
        size_t len = m ? (size_t)m : k;
        if (o + len + 1 > outsz)
            break;
        memcpy(out + o, src, len);
        o += len;
        i += k ? k : 1;
    }
    out[o] = '\0';
    return out;
}

char *text_escape_dup(const char *s)
{
    size_t sz = 4 * strlen(s) + 1; /* the most a byte grows: "\xHH" */
    char *out = malloc(sz);
    if (out)
        text_escape(s, out, sz);
    return out;
}

static int cp_width(unsigned cp)
{
    int w = wcwidth((wchar_t)cp);
    if (w >= 0)
        return w;
    /* Outside a UTF-8 locale wcwidth knows nothing: East Asian wide
     * ranges take two columns, everything else one. */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

int text_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    int w = 0;
    unsigned cp;
    while (i < n) {
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k)
            k = 1, cp = '?';
        w += cp_width(cp);
        i += k;
    }
    return w;
}

size_t text_fit(const char *s, int cols)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    int w = 0;
    unsigned cp;
    while (i < n) {
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k)
            k = 1, cp = '?';
        int cw = cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        i += k;
    }
    return i;
}

int text_postcode(const char *in, char *out, size_t outsz)
{
    char tmp[16];
    size_t n = 0;
    for (const char *p = in; *p; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (!isalnum((unsigned char)*p) || n >= sizeof tmp - 1)
            return -1;
        tmp[n++] = (char)toupper((unsigned char)*p);
    }
    if (n < 5 || n > 7 || outsz < n + 2)
        return -1;
    memcpy(out, tmp, n - 3);
    out[n - 3] = ' ';
    memcpy(out + n - 2, tmp + n - 3, 3);
    out[n + 1] = '\0';
    return 0;
}

void text_upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static bool valid_ymd(long y, long m, long d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

long text_date(const char *s)
{
    static const char *mon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    size_t n = strlen(s);
    long y = 0, m = 0, d = 0;
    if (n == 0)
        return 0;
    if (n == 8 && all_digits(s, 8)) {
        long v = strtol(s, NULL, 10);
        y = v / 10000, m = v / 100 % 100, d = v % 100;
    } else if (n == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
               all_digits(s + 5, 2) && all_digits(s + 8, 2)) {
        y = atol(s), m = atol(s + 5), d = atol(s + 8);
    } else if (n == 10 && s[2] == '/' && s[5] == '/' && all_digits(s, 2) &&
               all_digits(s + 3, 2) && all_digits(s + 6, 4)) {
        d = atol(s), m = atol(s + 3), y = atol(s + 6);
    } else if (n == 9 && all_digits(s, 2) && all_digits(s + 5, 4)) {
        d = atol(s);
        y = atol(s + 5);
        for (int i = 0; i < 12; i++)
            if (strncasecmp(s + 2, mon[i], 3) == 0)
                m = i + 1;
    } else {
        return -1;
    }
    if (!valid_ymd(y, m, d))
        return -1;
    return y * 10000 + m * 100 + d;
}

void text_date_iso(long ymd, char *out, size_t outsz)
{
    if (ymd <= 0)
        snprintf(out, outsz, "%s", "");
    else
        snprintf(out, outsz, "%04ld-%02ld-%02ld", ymd / 10000, ymd / 100 % 100,
                 ymd % 100);
}

const char *text_thousands(long v, char *out, size_t outsz)
{
    char raw[32];
    int len = snprintf(raw, sizeof raw, "%ld", labs(v));
    size_t o = 0;
    if (v < 0 && o + 1 < outsz)
        out[o++] = '-';
    for (int i = 0; i < len && o + 2 < outsz; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = raw[i];
    }
    out[o] = '\0';
    return out;
}

const char *text_count(long n, const char *one, const char *many, char *out, size_t outsz)
{
    char num[32];
    snprintf(out, outsz, "%s %s", text_thousands(n, num, sizeof num), n == 1 ? one : many);
    return out;
}

const char *text_date_or_dash(long ymd, char *out, size_t outsz)
{
    text_date_iso(ymd, out, outsz);
    if (!*out)
        snprintf(out, outsz, "-");
    return out;
}

/* A plain decimal: optional sign, digits, optional '.' and digits, at
 * least one digit, at most 15 in all (so the digits are exact in a double
 * and in a long).  *m: the digits as a whole number; *frac: how many came
 * after the point.  What strtod/strtol read too (exponents, "inf", hex,
 * long numbers) is left to them. */
static bool plain_decimal(const char *s, bool *neg, long *m, int *frac)
{
    const char *p = s + (*s == '-' || *s == '+');
    int digits = 0, after = -1;
    long v = 0;
    *neg = *s == '-';
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (++digits > 15)
                return false;
            v = v * 10 + (*p - '0');
            after += after >= 0;
        } else if (*p == '.' && after < 0) {
            after = 0;
        } else {
            break;
        }
    }
    if (*p || !digits)
        return false;
    *m = v;
    *frac = after < 0 ? 0 : after;
    return true;
}

int text_long(const char *s, long *out)
{
    char *end;
    bool neg;
    long m;
    int frac;
    if (!*s || isspace((unsigned char)*s))
        return -1;
    if (plain_decimal(s, &neg, &m, &frac) && !strchr(s, '.')) {
        *out = neg ? -m : m; /* what strtol gives, without its cost */
        return 0;
    }
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

locale_t text_c_locale(void)
{
    static locale_t c;
    if (!c)
        c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return c;
}

int text_join(char **s, const char *sep, const char *add)
{
    size_t had = *s ? strlen(*s) : 0, n = had + strlen(sep) + strlen(add) + 1;
    char *joined = realloc(*s, n);
    if (!joined)
        return -1;
    snprintf(joined + had, n - had, "%s%s", had ? sep : "", add);
    *s = joined;
    return 0;
}

int text_long_grouped(const char *s, long *out)
{
    char plain[32];
    size_t o = 0;
    int since = -1; /* digits since the last comma; -1 before any comma */
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == ',') {
            size_t lead = i - (s[0] == '-' || s[0] == '+');
            if (since == 0 || (since > 0 && since != 3) || (since < 0 && (lead < 1 || lead > 3)) ||
                !isdigit((unsigned char)s[i - 1]))
                return -1;
            since = 0;
            continue;
        }
        if (since >= 0 && isdigit((unsigned char)s[i]))
            since++;
        if (o + 1 >= sizeof plain)
            return -1;
        plain[o++] = s[i];
    }
    plain[o] = '\0';
    if (since >= 0 && since != 3)
        return -1;
    return text_long(plain, out);
}

int text_double(const char *s, double *out)
{
    /* 10^0 .. 10^15, each exact in a double. */
    static const double tens[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    char *end;
    bool neg;
    long m;
    int frac;
    if (!*s || isspace((unsigned char)*s))
        return -1;
    if (plain_decimal(s, &neg, &m, &frac)) {
        /* Both exact, so the one division is rounded once: the double
         * nearest the decimal, as strtod gives (a coordinate, a count). */
        double v = (double)m / tens[frac];
        *out = neg ? -v : v;
        return 0;
    }
    errno = 0;
    locale_t was = uselocale(text_c_locale()); /* "2.5" whatever LC_NUMERIC says */
    double v = strtod(s, &end);
    uselocale(was);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

void text_copy(char *dst, size_t dstsz, const char *src)
{
    size_t n = strlen(src);
    if (!dstsz)
        return;
    if (n >= dstsz) {
        n = dstsz - 1;
        /* Step back over UTF-8 continuation bytes so no character splits. */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}
