#include "engine/search.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

enum { TOK_MAX = 32, QUERY_TOKENS = 8 };

/* Scores for one query word against one item word. */
enum { S_CODE = 1000, S_POSTCODE = 900, S_EXACT = 100, S_PREFIX = 80, S_INSIDE = 50,
       S_TYPO1 = 40, S_TYPO2 = 30, S_MINOR = 10 /* off a word in the address or other names */ };

typedef struct item_tokens {
    int first, count;   /* into the index's token array */
    int minor;          /* tokens from here on are address lines and other names */
    char code[TOK_MAX];
    char postcode[TOK_MAX]; /* lower case, letters and digits only ("cv57bb") */
    char spaced[TOK_MAX];   /* lower case with its space ("cv5 7bb") */
} item_tokens;

struct search_index {
    item_tokens *items;
    int nitems;
    char (*tok)[TOK_MAX];
    uint64_t *mask;      /* per token: which bytes it holds (char_bit) */
    unsigned char *len;  /* per token: its length */
    int ntok, cap;
    bool borrowed;       /* the arrays are search_import's bytes, not ours */
};

/* A query word with what every comparison needs, worked out once. */
typedef struct qword {
    char s[TOK_MAX];
    size_t len;
    uint64_t mask;
    bool letters;  /* no digits: typos may be forgiven */
} qword;

/* One bit per letter and digit; other bytes share the rest.  A byte of a
 * query word whose bit is not in a token's mask is not in the token. */
static uint64_t char_bit(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return 1ULL << (c - 'a');
    if (c >= '0' && c <= '9')
        return 1ULL << (26 + c - '0');
    return 1ULL << (36 + c % 28);
}

static uint64_t word_mask(const char *s, size_t n)
{
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++)
        m |= char_bit((unsigned char)s[i]);
    return m;
}

static int bit_count(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static void add_token(search_index *ix, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (ix->ntok == ix->cap) {
        int nc = ix->cap ? ix->cap * 2 : 1024;
        char(*t)[TOK_MAX] = realloc(ix->tok, (size_t)nc * sizeof *t);
        if (t)
            ix->tok = t;
        uint64_t *m = realloc(ix->mask, (size_t)nc * sizeof *m);
        if (m)
            ix->mask = m;
        unsigned char *l = realloc(ix->len, (size_t)nc);
        if (l)
            ix->len = l;
        if (!t || !m || !l)
            return;
        ix->cap = nc;
    }
    if (n >= TOK_MAX)
        n = TOK_MAX - 1;
    char *tok = ix->tok[ix->ntok];
    memset(tok, 0, TOK_MAX); /* whole, as search_export copies it */
    for (size_t i = 0; i < n; i++)
        tok[i] = (char)tolower((unsigned char)s[i]);
    tok[n] = '\0';
    ix->mask[ix->ntok] = word_mask(tok, n);
    ix->len[ix->ntok] = (unsigned char)n;
    ix->ntok++;
}

/* Splits s into words of letters and digits (other bytes separate).  The
 * words are those of the text as it is shown (text_escape): a name with a
 * zero-width space or a bidi override is found by what the user sees. */
static void add_words(search_index *ix, const char *text)
{
    char shown[4 * 256];
    const char *s = text ? text_escape(text, shown, sizeof shown) : NULL;
    while (s && *s) {
        while (*s && !isalnum((unsigned char)*s) && !((unsigned char)*s & 0x80))
            s++;
        const char *w = s;
        while (*s && (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80)))
            s++;
        add_token(ix, w, (size_t)(s - w));
    }
}

/* s's letters and digits, lower case, into d (TOK_MAX); returns the length. */
static size_t joined(const char *s, char *d)
{
    size_t n = 0;
    for (; s && *s && n < TOK_MAX - 1; s++)
        if (isalnum((unsigned char)*s))
            d[n++] = (char)tolower((unsigned char)*s);
    d[n] = '\0';
    return n;
}

/* A phone number or postcode also as one run ("02476357100", "cv115tw"),
 * so it is found however it was typed. */
static void add_joined(search_index *ix, const char *s)
{
    char d[TOK_MAX];
    add_token(ix, d, joined(s, d));
}

static void add_item(search_index *ix, const search_item *in, item_tokens *it)
{
    it->first = ix->ntok;
    add_words(ix, in->code);
    add_words(ix, in->name);
    add_words(ix, in->postcode);
    add_joined(ix, in->postcode);
    add_words(ix, in->phone);
    add_joined(ix, in->phone);
    add_words(ix, in->town);
    it->minor = ix->ntok;
    for (int l = 0; in->addr && l < 5; l++)
        add_words(ix, in->addr[l]);
    add_words(ix, in->other_names);
    it->count = ix->ntok - it->first;
    joined(in->code, it->code);
    joined(in->postcode, it->postcode);
    for (size_t k = 0; in->postcode && in->postcode[k] && k < TOK_MAX - 1; k++)
        it->spaced[k] = (char)tolower((unsigned char)in->postcode[k]);
}

search_index *search_build(const search_item *items, int n)
{
    search_index *ix = calloc(1, sizeof *ix);
    if (!ix || !(ix->items = calloc((size_t)(n > 0 ? n : 1), sizeof *ix->items))) {
        free(ix);
        return NULL;
    }
    ix->nitems = n;
    for (int i = 0; i < n; i++)
        add_item(ix, &items[i], &ix->items[i]);
    return ix;
}

void search_free(search_index *ix)
{
    if (!ix)
        return;
    if (ix->borrowed) {
        free(ix);
        return;
    }
    free(ix->items);
    free(ix->tok);
    free(ix->mask);
    free(ix->len);
    free(ix);
}

/* Exported: two 64-bit counts, then the arrays as they are in memory,
 * each starting on 8 bytes. */
static size_t up8(size_t n) { return (n + 7) / 8 * 8; }

static size_t export_size(size_t nitems, size_t ntok, size_t *items, size_t *toks)
{
    *items = up8(nitems * sizeof(item_tokens));
    *toks = ntok * TOK_MAX; /* a multiple of 8 */
    return 16 + *items + *toks + ntok * sizeof(uint64_t) + up8(ntok);
}

size_t search_export(const search_index *ix, void *out, size_t cap)
{
    size_t ni, nt, n = export_size((size_t)ix->nitems, (size_t)ix->ntok, &ni, &nt);
    if (!out || cap < n)
        return n;
    unsigned char *p = out;
    int64_t counts[2] = {ix->nitems, ix->ntok};
    memset(out, 0, n);
    memcpy(p, counts, sizeof counts);
    memcpy(p + 16, ix->items, (size_t)ix->nitems * sizeof *ix->items);
    memcpy(p + 16 + ni, ix->tok, nt);
    memcpy(p + 16 + ni + nt, ix->mask, (size_t)ix->ntok * sizeof *ix->mask);
    memcpy(p + 16 + ni + nt + (size_t)ix->ntok * sizeof *ix->mask, ix->len, (size_t)ix->ntok);
    return n;
}

search_index *search_import(const void *data, size_t n)
{
    int64_t c[2];
    size_t ni, nt;
    const unsigned char *p = data;
    if (n < 16 || (uintptr_t)data % 8)
        return NULL;
    memcpy(c, p, sizeof c);
    if (c[0] < 0 || c[1] < 0 || c[0] > INT32_MAX || c[1] > INT32_MAX ||
        export_size((size_t)c[0], (size_t)c[1], &ni, &nt) != n)
        return NULL;
    search_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    *ix = (search_index){.items = (item_tokens *)(p + 16), .nitems = (int)c[0],
                         .tok = (char(*)[TOK_MAX])(p + 16 + ni),
                         .mask = (uint64_t *)(p + 16 + ni + nt),
                         .len = (unsigned char *)(p + 16 + ni + nt + (size_t)c[1] * 8),
                         .ntok = (int)c[1], .borrowed = true};
    for (int i = 0; i < ix->nitems; i++) {
        const item_tokens *it = &ix->items[i];
        if (it->first < 0 || it->count < 0 || it->first > ix->ntok - it->count ||
            it->minor < it->first || it->minor > it->first + it->count ||
            !memchr(it->code, 0, TOK_MAX) || !memchr(it->postcode, 0, TOK_MAX) ||
            !memchr(it->spaced, 0, TOK_MAX)) {
            free(ix);
            return NULL;
        }
    }
    for (int t = 0; t < ix->ntok; t++)
        if (ix->len[t] >= TOK_MAX || ix->tok[t][ix->len[t]] != '\0' ||
            memchr(ix->tok[t], 0, ix->len[t])) {
            free(ix);
            return NULL;
        }
    return ix;
}

/* Edit distance with transpositions, giving up beyond limit. */
static int typo_distance(const char *a, const char *b, int limit)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (abs(la - lb) > limit)
        return limit + 1;
    int d[TOK_MAX + 1][TOK_MAX + 1];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++) {
        int row_min = limit + 1;
        for (int j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            row_min = v < row_min ? v : row_min;
        }
        if (row_min > limit)
            return limit + 1;
    }
    return d[la][lb];
}

static bool all_letters(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s))
            return false;
    return true;
}

/* The score of query word q against token t of the index.  A byte of q
 * missing from the token (by the masks) rules out an exact, prefix or
 * inside match, and each one missing costs the edit distance at least
 * one, so most tokens are settled without comparing any text. */
static int word_score(const search_index *ix, const qword *q, int t)
{
    const char *w = ix->tok[t];
    size_t lq = q->len, lw = ix->len[t];
    int missing = bit_count(q->mask & ~ix->mask[t]);
    if (missing == 0) {
        if (lq == lw && memcmp(q->s, w, lq) == 0)
            return S_EXACT;
        if (lq <= lw && memcmp(q->s, w, lq) == 0)
            return S_PREFIX;
        if (lq >= 3 && lq < lw && strstr(w, q->s))
            return S_INSIDE;
    }
    if (lq >= 4 && q->letters) {
        /* A typo in a word being typed: compare with the word's start too.
         * Never in numbers: "7635" must not find "7638". */
        int limit = lq >= 7 ? 2 : 1;
        if (missing > limit)
            return 0; /* the word's start holds no more than the word */
        char head[TOK_MAX];
        size_t n = lq < lw ? lq : lw;
        memcpy(head, w, n);
        head[n] = '\0';
        int d = typo_distance(q->s, w, limit);
        int dh = typo_distance(q->s, head, limit);
        d = dh < d ? dh : d;
        if (d <= limit)
            return d == 1 ? S_TYPO1 : S_TYPO2;
    }
    return 0;
}

/* The query as the start of the postcode: typed with a space ("cv5 7"),
 * the outward code must be whole; typed without ("cv57"), any start.
 * 2 for the whole postcode, 1 for its start, 0 for neither. */
static int postcode_hit(const item_tokens *it, const char *whole, const char *spaced)
{
    size_t wn = strlen(whole);
    bool space = strchr(spaced, ' ') != NULL;
    const char *pc = space ? it->spaced : it->postcode;
    const char *qs = space ? spaced : whole;
    size_t n = strlen(qs);
    if (wn < 3 || strncmp(qs, pc, n) != 0)
        return 0;
    return pc[n] == '\0' ? 2 : 1;
}

static int item_score(const search_index *ix, int i, const qword *q, int nq,
                      const char *whole, const char *spaced)
{
    const item_tokens *it = &ix->items[i];
    if (*whole && strcmp(whole, it->code) == 0)
        return S_CODE;
    int pc = postcode_hit(it, whole, spaced);
    if (pc)
        return S_POSTCODE + pc;
    int total = 0;
    for (int k = 0; k < nq; k++) {
        int best = 0;
        for (int t = it->first; t < it->first + it->count; t++) {
            int s = word_score(ix, &q[k], t);
            if (t >= it->minor && s > S_MINOR)
                s -= S_MINOR;
            best = s > best ? s : best;
        }
        if (!best)
            return 0; /* every word must match something */
        total += best;
    }
    return total;
}

/* Splits the query into lower-case words; returns how many.  whole gets
 * the words run together, spaced the words with one space between. */
static int query_words(const char *query, qword *q, char *whole, char *spaced)
{
    int nq = 0;
    size_t wn = 0, sn = 0;
    for (const char *s = query; *s;) {
        while (*s && !isalnum((unsigned char)*s) && !((unsigned char)*s & 0x80))
            s++;
        if (*s && sn && sn < TOK_MAX - 1)
            spaced[sn++] = ' ';
        size_t n = 0;
        while (*s && (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80))) {
            char c = (char)tolower((unsigned char)*s);
            if (n < TOK_MAX - 1 && nq < QUERY_TOKENS)
                q[nq].s[n++] = c;
            if (wn < TOK_MAX - 1)
                whole[wn++] = c;
            if (sn < TOK_MAX - 1)
                spaced[sn++] = c;
            s++;
        }
        if (n && nq < QUERY_TOKENS) {
            q[nq].s[n] = '\0';
            q[nq].len = n;
            q[nq].mask = word_mask(q[nq].s, n);
            q[nq].letters = all_letters(q[nq].s);
            nq++;
        }
    }
    whole[wn] = '\0';
    spaced[sn] = '\0';
    return nq;
}

int search_query(const search_index *ix, const char *query, int *out, int *scores, int max)
{
    qword q[QUERY_TOKENS];
    char whole[TOK_MAX], spaced[TOK_MAX];
    int nq = query_words(query, q, whole, spaced);
    int found = 0;
    int *sc = scores ? scores : malloc((size_t)(max > 0 ? max : 1) * sizeof *sc);
    if (!sc)
        return 0;
    for (int i = 0; nq > 0 && i < ix->nitems; i++) {
        int s = item_score(ix, i, q, nq, whole, spaced);
        if (!s || (found == max && s <= sc[max - 1]))
            continue;
        /* Insert into the best-first list; ties keep the items' order. */
        int at = found < max ? found++ : max - 1;
        while (at > 0 && sc[at - 1] < s) {
            sc[at] = sc[at - 1];
            out[at] = out[at - 1];
            at--;
        }
        sc[at] = s;
        out[at] = i;
    }
    if (!scores)
        free(sc);
    return found;
}
