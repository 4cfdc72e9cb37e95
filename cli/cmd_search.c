/* catchment search TEXT: find practices by code, name, postcode, phone. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/world.h"
#include "engine/search.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment search [--limit N] [--all] [--format table|csv|json] TEXT...\n\n"
    "Finds practices by code, name, postcode, phone number or town, in any word\n"
    "order and forgiving small typos in words (\"alesley park\" finds Allesley\n"
    "Park).  Every word must match.  Best matches first.  Closed practices are\n"
    "left out unless --all is given.  Exits 1 when nothing matches.\n\n"
    "  --limit N   at most N results (default 20)\n"
    "  --all       include closed and inactive practices\n";

typedef struct found {
    practice *v;
    int n, cap;
    bool all;
} found;

static int collect(const practice *p, void *ctx)
{
    found *f = ctx;
    if (!p->gp || (!f->all && !world_is_open(p)))
        return 0;
    if (f->n == f->cap) {
        int nc = f->cap ? f->cap * 2 : 256;
        practice *v = realloc(f->v, (size_t)nc * sizeof *v);
        if (!v)
            return -1;
        f->v = v;
        f->cap = nc;
    }
    f->v[f->n++] = *p;
    return 0;
}

static void print(const found *f, const int *hit, const int *score, int n, out_format fmt)
{
    if (fmt == FMT_JSON) {
        json j;
        json_init(&j, stdout);
        json_arr(&j);
        for (int i = 0; i < n; i++) {
            const practice *p = &f->v[hit[i]];
            json_obj(&j);
            json_key(&j, "code"); json_str(&j, p->code);
            json_key(&j, "name"); json_str(&j, p->name);
            json_key(&j, "town"); json_str(&j, p->addr[3]);
            json_key(&j, "postcode"); json_str(&j, p->postcode);
            json_key(&j, "phone"); json_str(&j, p->phone);
            json_key(&j, "list_size");
            p->list_size >= 0 ? json_int(&j, p->list_size) : json_null(&j);
            json_key(&j, "score"); json_int(&j, score[i]);
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_done(&j);
        return;
    }
    table t;
    table_init(&t, "Code,Name,Town,Postcode,Phone,>List");
    for (int i = 0; i < n; i++) {
        const practice *p = &f->v[hit[i]];
        char list[24] = "-";
        if (p->list_size >= 0)
            snprintf(list, sizeof list, "%ld", p->list_size);
        table_add(&t, (const char *const[]){p->code, p->name, p->addr[3], p->postcode,
                                            p->phone, list});
    }
    table_print(&t, stdout, fmt);
    table_free(&t);
}

static int search_and_print(store *s, const char *query, int limit, bool all, out_format fmt)
{
    found f = {.all = all};
    err e;
    if (store_read_begin(s, &e))
        return cli_fail("%s", e.msg);
    int rc = store_practice_each(s, collect, &f, &e);
    store_read_end(s);
    search_item *items = calloc((size_t)f.n + 1, sizeof *items);
    int *hit = calloc((size_t)limit, sizeof *hit), *score = calloc((size_t)limit, sizeof *score);
    int n = 0;
    if (rc == 0 && items && hit && score) {
        for (int i = 0; i < f.n; i++)
            items[i] = (search_item){.code = f.v[i].code, .name = f.v[i].name,
                                     .postcode = f.v[i].postcode, .phone = f.v[i].phone,
                                     .town = f.v[i].addr[3]};
        search_index *ix = search_build(items, f.n);
        n = ix ? search_query(ix, query, hit, score, limit) : 0;
        search_free(ix);
        print(&f, hit, score, n, fmt);
    }
    free(items);
    free(hit);
    free(score);
    free(f.v);
    if (rc)
        return cli_fail("%s", e.msg);
    return n > 0 ? EXIT_OK : EXIT_FAIL;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"limit", required_argument, NULL, 'n'},
                                         {"all", no_argument, NULL, 'a'},
                                         {"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format fmt = FMT_TABLE;
    long limit = 20;
    bool all = false;
    int o;
    while ((o = getopt_long(argc, argv, "n:af:", opts, NULL)) != -1) {
        if (o == 'n' && (text_long(optarg, &limit) || limit < 1 || limit > 10000))
            return cli_usage("search", "--limit wants a number from 1 to 10000");
        if (o == 'a')
            all = true;
        if (o == 'f' && cli_format("search", optarg, false, &fmt))
            return EXIT_USAGE;
        if (o == '?')
            return cli_usage("search", "unknown option '%s'", argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_usage("search", "give some TEXT to look for");
    char query[512] = "";
    for (int i = optind; i < argc; i++)
        snprintf(query + strlen(query), sizeof query - strlen(query), "%s%s",
                 i > optind ? " " : "", argv[i]);
    store *s = cli_store(c, false);
    return s ? search_and_print(s, query, (int)limit, all, fmt) : EXIT_FAIL;
}

const cli_command cmd_search = {"search", "find practices by code, name, postcode or phone",
                                help, run, NULL};
