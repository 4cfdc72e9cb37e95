/* Finding a practice from a few keystrokes: by code, name, postcode,
 * phone, town, any address line or another name it has had, in any word
 * order, forgiving small typos.  Built once over the practices, queried
 * on every keystroke. */
#ifndef CATCHMENT_SEARCH_H
#define CATCHMENT_SEARCH_H

#include <stddef.h>

typedef struct search_item {
    const char *code, *name, *postcode, *phone, *town;
    const char *const *addr;   /* the five address lines, or NULL */
    const char *other_names;   /* former and other names ("; " between), or NULL */
} search_item;

typedef struct search_index search_index;

search_index *search_build(const search_item *items, int n);
void search_free(search_index *ix);

/* The index as bytes, to keep (the store's snapshot): writes it to out
 * when cap is enough, and returns the size it needs either way.  out must
 * be 8-byte aligned. */
size_t search_export(const search_index *ix, void *out, size_t cap);
/* An index over bytes search_export wrote (8-byte aligned), read in
 * place: they must outlive it.  NULL when they are not such an index. */
search_index *search_import(const void *data, size_t n);

/* Indexes of the items that match every word of query, best first (ties
 * in the order the items were given); returns how many (at most max).
 * An exact code, then a postcode that starts with the whole query, rank
 * before any word match; a word found in the name, code, postcode, phone
 * or town counts more than one found only in an address line or another
 * name.  scores may be NULL. */
int search_query(const search_index *ix, const char *query, int *out, int *scores, int max);

#endif
