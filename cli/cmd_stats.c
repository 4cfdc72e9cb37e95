/* catchment stats: what the store holds and where it came from. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "util/text.h"

static const char help[] =
    "usage: catchment stats [--format table|csv|json]\n\n"
    "What the store holds (records of each kind) and every file imported into\n"
    "it: name, kind, SHA-256, rows read, kept and skipped (and why), extract\n"
    "date, when and by whom.  Modelled (not NHS) data is marked MODELLED, and\n"
    "made-up rows (notes saying ILLUSTRATIVE, as the demo's) ILLUSTRATIVE.\n";

static int add_import(const provenance *p, void *ctx)
{
    char ext[16], when[32];
    time_t t = (time_t)p->imported_at;
    text_date_iso(p->extract_date, ext, sizeof ext);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime(&t));
    table_addf(ctx, "%u\t%s\t%s%s%s\t%s\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%.12s", p->seq, p->file,
               p->kind, p->modelled ? " MODELLED" : "", p->illustrative ? " ILLUSTRATIVE" : "", ext, p->rows_read, p->rows_kept,
               p->rows_skipped, p->skipped_why, when, p->user, p->sha256);
    return 0;
}

static void counts_json(json *j, const store_counts *n)
{
    const struct { const char *k; long v; } f[] = {
        {"practices", n->practices}, {"list_points", n->list_points},
        {"age_profiles", n->age_profiles}, {"practice_lsoa_rows", n->lsoa_regs},
        {"postcodes", n->postcodes}, {"lsoas", n->lsoas}, {"indicators", n->indicators},
        {"contracts", n->contracts}, {"capacity", n->capacities}, {"notes", n->notes},
        {"imports", n->imports}, {"lsoa_links", n->lsoa_links}, {"evidence", n->evidence},
        {"area_facts", n->area_facts}, {"branches", n->branches},
        {"pcn_memberships", n->pcn_members}, {"boundaries", n->boundaries}};
    json_key(j, "counts");
    json_obj(j);
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        json_key(j, f[i].k);
        json_int(j, f[i].v);
    }
    json_obj_end(j);
}

static int import_json(const provenance *p, void *ctx)
{
    json *j = ctx;
    char ext[16];
    text_date_iso(p->extract_date, ext, sizeof ext);
    json_obj(j);
    json_key(j, "seq"); json_int(j, p->seq);
    json_key(j, "file"); json_str(j, p->file);
    json_key(j, "kind"); json_str(j, p->kind);
    json_key(j, "modelled"); json_bool(j, p->modelled);
    json_key(j, "illustrative"); json_bool(j, p->illustrative);
    json_key(j, "sha256"); json_str(j, p->sha256);
    json_key(j, "rows_read"); json_int(j, p->rows_read);
    json_key(j, "rows_kept"); json_int(j, p->rows_kept);
    json_key(j, "rows_skipped"); json_int(j, p->rows_skipped);
    json_key(j, "skipped_why"); json_str(j, p->skipped_why);
    json_key(j, "extract_date"); json_str(j, *ext ? ext : NULL);
    json_key(j, "imported_at"); json_int(j, p->imported_at);
    json_key(j, "user"); json_str(j, p->user);
    json_obj_end(j);
    return 0;
}

/* "142 practices, 1 note, ...": each count with its noun. */
static void print_counts(store *s, const store_counts *n)
{
    const struct {
        long v;
        const char *one, *many;
    } c[] = {{n->practices, "practice", "practices"},
             {n->list_points, "list-size point", "list-size points"},
             {n->age_profiles, "age profile", "age profiles"},
             {n->lsoa_regs, "practice-LSOA row", "practice-LSOA rows"},
             {n->postcodes, "postcode", "postcodes"},
             {n->lsoas, "LSOA", "LSOAs"},
             {n->indicators, "indicator value", "indicator values"},
             {n->contracts, "contract", "contracts"},
             {n->capacities, "capacity record", "capacity records"},
             {n->notes, "note", "notes"},
             {n->lsoa_links, "LSOA 2011-2021 link", "LSOA 2011-2021 links"},
             {n->evidence, "published figure", "published figures"},
             {n->area_facts, "LSOA fact", "LSOA facts"},
             {n->branches, "branch surgery", "branch surgeries"},
             {n->pcn_members, "PCN membership", "PCN memberships"},
             {n->boundaries, "boundary outline", "boundary outlines"}};
    char buf[64];
    printf("store %s\n", store_dir(s));
    for (size_t i = 0; i < sizeof c / sizeof *c; i++)
        printf("%s%s", text_count(c[i].v, c[i].one, c[i].many, buf, sizeof buf),
               i + 1 == sizeof c / sizeof *c ? "\n\n" : i == 3 || i == 9 ? ",\n" : ", ");
}

static int print_stats(store *s, out_format f, err *e)
{
    store_counts n;
    if (store_count(s, &n, e))
        return -1;
    if (f == FMT_JSON) {
        json j;
        json_init(&j, stdout);
        json_obj(&j);
        json_key(&j, "store"); json_str(&j, store_dir(s));
        counts_json(&j, &n);
        json_key(&j, "imports");
        json_arr(&j);
        int rc = store_provenance_each(s, import_json, &j, e);
        json_arr_end(&j);
        json_obj_end(&j);
        json_done(&j);
        return rc;
    }
    if (f == FMT_TABLE)
        print_counts(s, &n);
    table t;
    table_init(&t, ">#,File,Kind,Extract,>Read,>Kept,>Skipped,Why skipped,Imported (UTC),By,SHA-256");
    int rc = store_provenance_each(s, add_import, &t, e);
    table_print(&t, stdout, f);
    table_free(&t);
    return rc;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1)
        if (o != 'f' || cli_format("stats", optarg, false, &f))
            return o == 'f' ? EXIT_USAGE : cli_usage("stats", "unknown option '%s'", argv[optind - 1]);
    if (optind < argc)
        return cli_usage("stats", "unexpected argument '%s'", argv[optind]);
    store *s = cli_store(c, false);
    err e;
    if (!s || store_read_begin(s, &e))
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    int rc = print_stats(s, f, &e);
    store_read_end(s);
    return rc ? cli_fail("%s", e.msg) : EXIT_OK;
}

const cli_command cmd_stats = {"stats", "what the store holds and where it came from", help, run, NULL};
