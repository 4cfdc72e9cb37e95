/* catchment search TEXT: find practices by code, name, address, postcode,
 * phone or a former name. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/world.h"
#include "engine/search.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment search [--limit N] [--all] [--format table|csv|json] TEXT...\n\n"
    "Finds practices by code, name, any address line (street, building,\n"
    "locality, town), postcode, phone number or a former name (any other name\n"
    "an imported file gave it), in any word order and forgiving small typos in\n"
    "words (\"alesley park\" finds Allesley Park).  Every word must match.  Best\n"
    "matches first: an exact code, then postcodes that start with the TEXT\n"
    "(\"CV5 7\"), then matches in the name before matches in the address.\n"
    "Each practice shows its status (open, closed, dormant) and close date.\n"
    "Closed practices are left out unless --all is given; with the table format\n"
    "a note on stderr names those that matched.  Exits 1 when nothing is shown.\n\n"
    "  --limit N   at most N results (default 20)\n"
    "  --all       include closed and inactive practices\n";

typedef struct found {
    practice *v;
    char **other;  /* per practice: its other names joined by "; ", or NULL */
    int n, cap;
} found;

static int collect(const practice *p, void *ctx)
{
    found *f = ctx;
    if (!p->gp)
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

static int by_code(const void *key, const void *elem)
{
    return strcmp(key, ((const practice *)elem)->code);
}

/* Adds a name other than the practice's own to its other names. */
static int add_other(const name_rec *r, void *ctx)
{
    found *f = ctx;
    const practice *p = bsearch(r->practice, f->v, (size_t)f->n, sizeof *f->v, by_code);
    if (!p || strcmp(p->name, r->name) == 0)
        return 0;
    return text_join(&f->other[p - f->v], "; ", r->name);
}

static int load(store *s, found *f, err *e)
{
    if (store_read_begin(s, e))
        return -1;
    int rc = store_practice_each(s, collect, f, e);
    if (rc == 0 && !(f->other = calloc((size_t)f->n + 1, sizeof *f->other)))
        rc = err_set(e, "out of memory");
    if (rc == 0)
        rc = store_name_each(s, NULL, add_other, f, e);
    store_read_end(s);
    return rc;
}

static void print_json(const found *f, const int *hit, const int *score, int n)
{
    json j;
    json_init(&j, stdout);
    json_arr(&j);
    for (int i = 0; i < n; i++) {
        const practice *p = &f->v[hit[i]];
        char closed[16];
        json_obj(&j);
        json_key(&j, "code"); json_str(&j, p->code);
        json_key(&j, "name"); json_str(&j, p->name);
        json_key(&j, "status"); json_str(&j, world_status(p));
        text_date_iso(p->close_date, closed, sizeof closed);
        json_key(&j, "close_date"); json_str(&j, *closed ? closed : NULL);
        json_key(&j, "town"); json_str(&j, p->addr[3]);
        json_key(&j, "postcode"); json_str(&j, p->postcode);
        json_key(&j, "phone"); json_str(&j, p->phone);
        json_key(&j, "list_size");
        p->list_size >= 0 ? json_int(&j, p->list_size) : json_null(&j);
        json_key(&j, "other_names");
        json_arr(&j);
        char *names = f->other[hit[i]] ? strdup(f->other[hit[i]]) : NULL, *save = NULL;
        for (char *t = names ? strtok_r(names, ";", &save) : NULL; t; t = strtok_r(NULL, ";", &save))
            json_str(&j, t + (*t == ' '));
        free(names);
        json_arr_end(&j);
        json_key(&j, "score"); json_int(&j, score[i]);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_done(&j);
}

static void print(const found *f, const int *hit, const int *score, int n, out_format fmt)
{
    if (fmt == FMT_JSON) {
        print_json(f, hit, score, n);
        return;
    }
    table t;
    table_init(&t, "Code,Name,Status,Closed,Town,Postcode,Phone,>List");
    for (int i = 0; i < n; i++) {
        const practice *p = &f->v[hit[i]];
        char list[24] = "-", closed[16];
        if (p->list_size >= 0)
            snprintf(list, sizeof list, "%ld", p->list_size);
        table_add(&t, (const char *const[]){p->code, p->name, world_status(p),
                                            text_date_or_dash(p->close_date, closed, sizeof closed),
                                            p->addr[3], p->postcode, p->phone, list});
    }
    table_print(&t, stdout, fmt);
    table_free(&t);
}

/* Keeps the open hits (up to limit); names the first closed ones left out. */
static int keep_open(const found *f, int *hit, int *score, int n, int limit, char *left,
                     size_t leftsz, long *nleft)
{
    int k = 0;
    *nleft = 0;
    for (int i = 0; i < n; i++) {
        const practice *p = &f->v[hit[i]];
        if (world_is_open(p)) {
            if (k < limit) {
                hit[k] = hit[i];
                score[k++] = score[i];
            }
            continue;
        }
        if ((*nleft)++ < 3) {
            char closed[16], esc[NAME_MAX * 4];
            size_t at = strlen(left);
            text_escape(p->name, esc, sizeof esc);
            text_date_iso(p->close_date, closed, sizeof closed);
            snprintf(left + at, leftsz - at, "%s%s %s (%s%s%s)", at ? ", " : "", p->code, esc,
                     world_status(p), *closed ? " " : "", closed);
        }
    }
    if (*nleft > 3)
        snprintf(left + strlen(left), leftsz - strlen(left), ", ...");
    return k;
}

static int search_and_print(store *s, const char *query, int limit, bool all, out_format fmt)
{
    found f = {0};
    err e;
    int rc = load(s, &f, &e);
    search_item *items = calloc((size_t)f.n + 1, sizeof *items);
    const char *(*lines)[5] = calloc((size_t)f.n + 1, sizeof *lines);
    int *hit = calloc((size_t)f.n + 1, sizeof *hit), *score = calloc((size_t)f.n + 1, sizeof *score);
    int n = 0;
    if (rc == 0 && items && lines && hit && score) {
        for (int i = 0; i < f.n; i++) {
            const practice *p = &f.v[i];
            for (int l = 0; l < 5; l++)
                lines[i][l] = p->addr[l];
            items[i] = (search_item){.code = p->code, .name = p->name, .postcode = p->postcode,
                                     .phone = p->phone, .town = p->addr[3], .addr = lines[i],
                                     .other_names = f.other[i]};
        }
        search_index *ix = search_build(items, f.n);
        n = ix ? search_query(ix, query, hit, score, all ? limit : f.n) : 0;
        search_free(ix);
        char left[1024] = "";
        long nleft = 0;
        if (!all)
            n = keep_open(&f, hit, score, n, limit, left, sizeof left, &nleft);
        print(&f, hit, score, n, fmt);
        cli_hint_closed(fmt, nleft, n > 0, left);
    }
    for (int i = 0; f.other && i < f.n; i++)
        free(f.other[i]);
    free(f.other);
    free(items);
    free(lines);
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

const cli_command cmd_search = {"search",
                                "find practices by code, name, address, postcode or phone",
                                help, run, NULL};
