#include "core/world_search.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

struct names {
    const world *w;
    char **v;
};

/* Adds a name other than the practice's own to its other names. */
static int add_other(const name_rec *r, void *ctx)
{
    struct names *nm = ctx;
    int i = world_find(nm->w, r->practice);
    if (i < 0 || strcmp(nm->w->v[i].p.name, r->name) == 0)
        return 0;
    return text_join(&nm->v[i], "; ", r->name);
}

int world_other_names(const world *w, store *s, char ***out, err *e)
{
    struct names nm = {w, calloc((size_t)w->n + 1, sizeof(char *))};
    *out = NULL;
    if (!nm.v)
        return err_set(e, "out of memory");
    if (store_name_each(s, NULL, add_other, &nm, e)) {
        world_other_names_free(nm.v, w->n);
        return -1;
    }
    *out = nm.v;
    return 0;
}

void world_other_names_free(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

search_index *world_search_build(const world *w, const char *const *other)
{
    search_item *items = calloc((size_t)w->n + 1, sizeof *items);
    const char *(*lines)[5] = calloc((size_t)w->n + 1, sizeof *lines);
    search_index *ix = NULL;
    if (items && lines) {
        for (int i = 0; i < w->n; i++) {
            const practice *p = &w->v[i].p;
            for (int l = 0; l < 5; l++)
                lines[i][l] = p->addr[l];
            items[i] = (search_item){.code = p->code, .name = p->name, .postcode = p->postcode,
                                     .phone = p->phone, .town = p->addr[3], .addr = lines[i],
                                     .other_names = other ? other[i] : NULL};
        }
        ix = search_build(items, w->n);
    }
    free(items);
    free(lines);
    return ix;
}
