/* catchment import FILE...: each file in one transaction, all or nothing. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config/survey_map.h"
#include "core/engagement.h"
#include "util/clock.h"
#include "import/import.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment import [--kind KIND] [--max-size SIZE] [--quiet] FILE...\n"
    "       catchment import --mapping MAP.yaml [--quiet] SURVEY.csv...\n\n"
    "Imports published NHS, ONS, OS and OHID files, and the commissioner's own\n"
    "contracts and capacity files, as they are published.  Each file's kind is\n"
    "recognised from its header or shape; --kind names it instead.  Each file is\n"
    "imported in one transaction: all of it or, on any error, none of it.  The\n"
    "same file imported twice changes nothing.  One summary line per file.\n"
    "Each file is read once, so a pipe, <(gzip -dc f.csv.gz) or - (standard\n"
    "input) will do.  A GeoJSON of boundaries (ONS Sub ICB Locations, Local\n"
    "Authority Districts) is recognised by its opening brace and simplified to\n"
    "within 20 m; the maps draw its outlines.\n\n"
    "  --kind KIND   the kind of every FILE (see below)\n"
    "  --mapping MAP an engagement survey export, its columns named by the YAML\n"
    "                mapping file MAP (docs/data-guide.md); a practice with an\n"
    "                end-dated contract and responses gets its engagement\n"
    "                milestone marked done (recorded in the history)\n"
    "  --max-size SIZE  refuse a file bigger than SIZE bytes (K, M, G: KiB,\n"
    "                MiB, GiB); the default 4G stops an endless input\n"
    "  --quiet       no progress bar, no summary lines\n\n"
    "Kinds:\n";

static void print_kinds(FILE *fp)
{
    for (const char *const *k = import_kind_names(); *k; k++)
        fprintf(fp, "  %-14s %s\n", *k, import_kind_blurb(*k));
}

/* A bar on stderr, only on a terminal. */
static void progress(long long done, long long total, void *ctx)
{
    const char *name = ctx;
    if (total <= 0)
        return;
    int pct = (int)(done * 100 / total);
    char bar[41];
    memset(bar, '#', (size_t)(pct * 40 / 100));
    memset(bar + pct * 40 / 100, '.', (size_t)(40 - pct * 40 / 100));
    bar[40] = '\0';
    char shown[4 * 31];
    text_escape(name, shown, sizeof shown);
    fprintf(stderr, "\r%.30s [%s] %3d%%", shown, bar, pct);
}

static void summary(const char *path, const import_result *r)
{
    const provenance *p = &r->prov;
    if (r->already) {
        char when[32];
        time_t t = (time_t)p->imported_at;
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
        out_printf(stdout, "%s: already imported (import %u, %s by %s): nothing changed\n", path,
               p->seq, when, p->user);
        return;
    }
    out_printf(stdout, "%s: %s%s%s, %ld rows read, %ld kept, %ld skipped", path, p->kind,
           p->modelled ? " (MODELLED)" : "", p->illustrative ? " (ILLUSTRATIVE)" : "",
           p->rows_read, p->rows_kept, p->rows_skipped);
    if (*p->skipped_why)
        out_printf(stdout, " (%s)", p->skipped_why);
    if (p->extract_date)
        printf(", extract %04ld-%02ld-%02ld", p->extract_date / 10000,
               p->extract_date / 100 % 100, p->extract_date % 100);
    putchar('\n');
}

/* "4096", "100K", "500M", "4G" (binary units) -> bytes. */
static int parse_size(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    int shift = !*end ? 0 : strchr("Kk", *end) ? 10 : strchr("Mm", *end) ? 20
              : strchr("Gg", *end) ? 30 : -1;
    if (errno || end == s || n <= 0 || shift < 0 || (*end && end[1]) ||
        n > (LLONG_MAX >> shift))
        return -1;
    *out = n << shift;
    return 0;
}

static int import_one(store *s, const char *path, const char *kind, const survey_map *map,
                      bool quiet)
{
    import_result r;
    err e;
    bool bar = !quiet && isatty(2);
    import_progress_fn pf = bar ? progress : NULL;
    int rc = map ? import_file_mapped(s, path, map, pf, (void *)path, &r, &e)
                 : import_file(s, path, kind, pf, (void *)path, &r, &e);
    if (bar)
        fputs("\r\033[K", stderr);
    if (rc)
        return cli_fail("%s", e.msg);
    if (!quiet)
        summary(strcmp(path, "-") ? path : "standard input", &r);
    return EXIT_OK;
}

static void marked(const char *code, const char *line, void *ctx)
{
    (void)code;
    if (!*(bool *)ctx)
        printf("%s\n", line);
}

/* Survey responses are the engagement the contract's milestone asks for. */
static int mark_engagement(store *s, bool quiet)
{
    err e;
    if (engagement_mark_milestones(s, clock_now(), marked, &quiet, &e))
        return cli_fail("%s", e.msg);
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"kind", required_argument, NULL, 'k'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"mapping", required_argument, NULL, 'M'},
                                         {"max-size", required_argument, NULL, 'm'},
                                         {NULL, 0, NULL, 0}};
    const char *kind = NULL, *mapping = NULL;
    bool quiet = false;
    int o;
    long long max;
    while ((o = getopt_long(argc, argv, "k:qm:M:", opts, NULL)) != -1) {
        if (o == 'k')
            kind = optarg;
        else if (o == 'M')
            mapping = optarg;
        else if (o == 'q')
            quiet = true;
        else if (o == 'm' && parse_size(optarg, &max) == 0)
            import_set_max_bytes(max);
        else if (o == 'm')
            return cli_usage("import", "--max-size '%s' is not a size (e.g. 500M, 4G)", optarg);
        else
            return cli_usage("import", "unknown option '%s'", argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_usage("import", "name at least one FILE");
    if (kind && !import_kind_blurb(kind))
        return cli_usage("import", "unknown kind '%s'", kind);
    if (kind && mapping)
        return cli_usage("import", "--mapping says the kind: survey");
    static survey_map map;
    err e;
    if (mapping && survey_map_load(&map, mapping, &e))
        return cli_fail("%s", e.msg);
    store *s = cli_store(c, true);
    if (!s)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    for (int i = optind; i < argc; i++)
        if (import_one(s, argv[i], kind, mapping ? &map : NULL, quiet) != EXIT_OK)
            rc = EXIT_FAIL;
    if (mapping && rc == EXIT_OK)
        rc = mark_engagement(s, quiet);
    return rc;
}

const cli_command cmd_import = {"import", "import published data files into the store",
                                help, run, print_kinds};
