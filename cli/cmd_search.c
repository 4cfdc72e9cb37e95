/* catchment search TEXT: find practices by code, name, address, postcode,
 * phone or a former name. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/snapshot.h"
#include "core/world_search.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment search [--limit N] [--all] [--format table|csv|json] TEXT...\n\n"
    "Finds practices by code, name, any address line (street, building,\n"
    "locality, town), postcode, phone number or a former name (any other name\n"
    "an imported file gave it), in any word order and forgiving small typos in\n"
    "words (\"alesley park\" finds Allesley Park).  Every word must match.  Best\n"
    "matches first: an exact code, then postcodes that start with the TEXT\n"
    "(\"CV5 7\"), then matches in the name before matches in the address.\n"
    "Each practice shows its status on the as-at date (--as-at, default the\n"
    "newest list-size extract: open, closed, dormant), its close date and its\n"
    "list with the list's date.  Practices not open on that date are left out\n"
    "unless --all is given; with the table format a note on stderr names those\n"
    "that matched.  Exits 1 when nothing is shown.\n\n"
    "  --limit N   at most N results (default 20)\n"
    "  --all       include closed and inactive practices\n";

/* The practices (as at the date) with their other names and the index
 * over them: from the store's snapshot when it has one, else read and
 * built here the same way (core/world_search.h). */
typedef struct found {
    world w;
    const char *const *other; /* per practice: other names joined by "; ", or NULL */
    char **own;               /* ... when read here */
    const search_index *ix;
    search_index *built;
} found;

static const practice *prac(const found *f, int i) { return &f->w.v[i].p; }

static int load(store *s, const config *cfg, long as_at, found *f, err *e)
{
    if (world_load_parts_at(&f->w, s, cfg, WORLD_VIEW, as_at, e))
        return -1;
    if (f->w.snap) {
        f->ix = snapshot_search(f->w.snap);
        return 0;
    }
    int rc = store_read_begin(s, e) ? -1 : world_other_names(&f->w, s, &f->own, e);
    store_read_end(s);
    if (rc)
        return -1;
    f->other = (const char *const *)f->own;
    f->ix = f->built = world_search_build(&f->w, f->other);
    return f->ix ? 0 : err_set(e, "out of memory");
}

static const char *other_names(const found *f, int i)
{
    return f->w.snap ? snapshot_other_names(f->w.snap, i) : f->other[i];
}

static void found_free(found *f)
{
    search_free(f->built);
    world_other_names_free(f->own, f->w.n);
    world_free(&f->w);
}

static void print_json(const found *f, const int *hit, const int *score, int n)
{
    json j;
    json_init(&j, stdout);
    json_arr(&j);
    for (int i = 0; i < n; i++) {
        const practice *p = prac(f, hit[i]);
        char closed[16];
        json_obj(&j);
        json_key(&j, "as_at"); json_date(&j, f->w.at.date);
        json_key(&j, "code"); json_str(&j, p->code);
        json_key(&j, "name"); json_str(&j, p->name);
        json_key(&j, "status"); json_str(&j, world_status(p, f->w.at.date));
        text_date_iso(p->close_date, closed, sizeof closed);
        json_key(&j, "close_date"); json_str(&j, *closed ? closed : NULL);
        json_key(&j, "town"); json_str(&j, p->addr[3]);
        json_key(&j, "postcode"); json_str(&j, p->postcode);
        json_key(&j, "phone"); json_str(&j, p->phone);
        json_key(&j, "list_size");
        p->list_size >= 0 ? json_int(&j, p->list_size) : json_null(&j);
        json_key(&j, "list_date"); json_date(&j, p->list_date);
        json_key(&j, "other_names");
        json_arr(&j);
        const char *other = other_names(f, hit[i]);
        char *names = other ? strdup(other) : NULL, *save = NULL;
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
    cli_as_at_line(&f->w.at, fmt);
    table_init(&t, "Code,Name,Status,Closed,Town,Postcode,Phone,>List,List date");
    for (int i = 0; i < n; i++) {
        const practice *p = prac(f, hit[i]);
        char list[24] = "-", closed[16], ld[16];
        if (p->list_size >= 0)
            snprintf(list, sizeof list, "%ld", p->list_size);
        table_add(&t, (const char *const[]){p->code, p->name, world_status(p, f->w.at.date),
                                            text_date_or_dash(p->close_date, closed, sizeof closed),
                                            p->addr[3], p->postcode, p->phone, list,
                                            text_date_or_dash(p->list_date, ld, sizeof ld)});
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
        const practice *p = prac(f, hit[i]);
        if (asat_open(p, f->w.at.date)) {
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
                     world_status(p, f->w.at.date), *closed ? " " : "", closed);
        }
    }
    if (*nleft > 3)
        snprintf(left + strlen(left), leftsz - strlen(left), ", ...");
    return k;
}

static int search_and_print(store *s, const config *cfg, const char *query, int limit, bool all,
                            long as_at, out_format fmt)
{
    found f = {0};
    err e;
    int rc = load(s, cfg, as_at, &f, &e), n = 0;
    int *hit = calloc((size_t)f.w.n + 1, sizeof *hit), *score = calloc((size_t)f.w.n + 1, sizeof *score);
    if (rc == 0 && hit && score) {
        n = search_query(f.ix, query, hit, score, all ? limit : f.w.n);
        char left[1024] = "";
        long nleft = 0;
        if (!all)
            n = keep_open(&f, hit, score, n, limit, left, sizeof left, &nleft);
        print(&f, hit, score, n, fmt);
        cli_hint_closed(fmt, nleft, n > 0, left);
    }
    free(hit);
    free(score);
    found_free(&f);
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
    /* The config's capacity rules only decide whether the snapshot is read
     * in place; search shows no capacity, so a config that does not load
     * (or warns) is no business of it: the defaults do. */
    config cfg;
    err ignored;
    if (session_config(c, &cfg, &ignored)) {
        config_free(&cfg);
        config_init(&cfg);
    }
    store *s = cli_store(c, false);
    int rc = s ? search_and_print(s, &cfg, query, (int)limit, all, c->as_at, fmt) : EXIT_FAIL;
    config_free(&cfg);
    return rc;
}

const cli_command cmd_search = {"search",
                                "find practices by code, name, address, postcode or phone",
                                help, run, NULL};
