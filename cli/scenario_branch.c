/* catchment scenario branch CODE: what closing one branch surgery does to
 * its practice's patients' travel (they stay registered). */
#include "cli/scenario_out.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/branch_whatif.h"
#include "util/text.h"

static const char *km(double v, char *buf, size_t n) { return scenario_num(v, 2, buf, n); }

static void print_json(const world *w, const branch_whatif *bw, double reasonable)
{
    const branch_impact *b = &bw->im;
    char d[16];
    json j;
    json_init(&j, stdout);
    json_obj(&j);
    json_key(&j, "branch"); json_str(&j, bw->branch.code);
    json_key(&j, "name"); json_str(&j, bw->branch.name);
    json_key(&j, "practice"); json_str(&j, w->v[bw->practice].p.code);
    json_key(&j, "sites"); json_int(&j, bw->nsites);
    json_key(&j, "reasonable_km"); json_num(&j, reasonable, 2);
    json_key(&j, "modelled"); json_bool(&j, bw->modelled);
    text_date_iso(bw->area_date, d, sizeof d);
    json_key(&j, "areas_date"); json_str(&j, *d ? d : NULL);
    json_key(&j, "patients"); json_int(&j, b->patients);
    json_key(&j, "not_located"); json_int(&j, b->not_located);
    json_key(&j, "affected"); json_int(&j, b->affected);
    json_key(&j, "mean_km_before"); json_num(&j, b->mean_km_before, 3);
    json_key(&j, "mean_km_after"); json_num(&j, b->mean_km_after, 3);
    json_key(&j, "affected_km_before"); json_num(&j, b->affected_km_before, 3);
    json_key(&j, "affected_km_after"); json_num(&j, b->affected_km_after, 3);
    json_key(&j, "beyond_reasonable_before"); json_int(&j, b->beyond_before);
    json_key(&j, "beyond_reasonable_after"); json_int(&j, b->beyond_after);
    json_obj_end(&j);
    json_done(&j);
}

/* Table and md share the words; md adds a heading and bullets. */
static void print_text(const world *w, const branch_whatif *bw, double reasonable, bool md)
{
    const branch_impact *b = &bw->im;
    const char *li = md ? "- " : "  ";
    char name[NAME_MAX * 8], pname[NAME_MAX * 8], x[16], y[16], d[16];
    char *(*shown)(const char *, char *, size_t) = md ? out_md_escape : text_escape;
    shown(bw->branch.name, name, sizeof name);
    shown(w->v[bw->practice].p.name, pname, sizeof pname);
    printf("%sClosing branch %s %s (%s) of %s %s: travel figures only\n\n", md ? "# " : "",
           bw->branch.code, name, bw->branch.postcode, w->v[bw->practice].p.code, pname);
    printf("%sPatients stay registered with %s; each is taken to use the practice's nearest "
           "open site (%d sites), straight-line km.\n", li, w->v[bw->practice].p.code,
           bw->nsites);
    printf("%sWhere patients live: %s practice-by-LSOA extract of %s.\n", li,
           bw->modelled ? "the MODELLED (not NHS data)" : "the NHS",
           text_date_or_dash(bw->area_date, d, sizeof d));
    printf("%sPatients located: %ld (not located: %ld)\n", li, b->patients, b->not_located);
    printf("%sWhose nearest site was the branch: %ld; their mean km %s before, %s after\n", li,
           b->affected, km(b->affected_km_before, x, sizeof x),
           km(b->affected_km_after, y, sizeof y));
    printf("%sEvery patient's mean km: %s before, %s after\n", li,
           km(b->mean_km_before, x, sizeof x), km(b->mean_km_after, y, sizeof y));
    printf("%sBeyond %.1f km: %ld before, %ld after\n", li, reasonable, b->beyond_before,
           b->beyond_after);
}

int scenario_branch(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
        if (o != 'f')
            return cli_usage("scenario", "unknown option '%s'", argv[optind - 1]);
        if (cli_format("scenario", optarg, true, &f))
            return EXIT_USAGE;
        if (f == FMT_CSV)
            return cli_usage("scenario", "branch: --format table, json or md");
    }
    if (optind != argc - 1)
        return cli_usage("scenario", "branch: name one branch surgery CODE");
    config cfg;
    world w;
    branch_whatif *bw = calloc(1, sizeof *bw);
    err e;
    if (!bw || cli_config(c, &cfg)) {
        free(bw);
        return bw ? EXIT_FAIL : cli_fail("out of memory");
    }
    store *s = cli_store(c, false);
    int rc = s ? EXIT_OK : EXIT_FAIL;
    if (rc == EXIT_OK && world_load(&w, s, &cfg, &e) != 0)
        rc = cli_fail("%s", e.msg);
    else if (rc == EXIT_OK) {
        if (branch_whatif_run(&w, s, argv[optind], cfg.rules.reasonable_km, bw, &e) != 0)
            rc = cli_fail("%s", e.msg);
        else if (f == FMT_JSON)
            print_json(&w, bw, cfg.rules.reasonable_km);
        else
            print_text(&w, bw, cfg.rules.reasonable_km, f == FMT_MD);
        world_free(&w);
    }
    free(bw);
    config_free(&cfg);
    return rc;
}
