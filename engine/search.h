/* Finding a practice from a few keystrokes: by code, name, postcode,
 * phone or town, in any word order, forgiving small typos.  Built once
 * over the practices, queried on every keystroke. */
#ifndef CATCHMENT_SEARCH_H
#define CATCHMENT_SEARCH_H

typedef struct search_item {
    const char *code, *name, *postcode, *phone, *town;
} search_item;

typedef struct search_index search_index;

search_index *search_build(const search_item *items, int n);
void search_free(search_index *ix);

/* Indexes of the items that match every word of query, best first (ties
 * in the order the items were given); returns how many (at most max).
 * scores may be NULL. */
int search_query(const search_index *ix, const char *query, int *out, int *scores, int max);

#endif
