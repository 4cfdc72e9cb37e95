/* catchment near CODE|POSTCODE [--km N]: practices by straight-line distance. */
#include "cli/cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/world.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment near [--km N] [--all] [--format table|csv|json] CODE|POSTCODE\n\n"
    "Practices within N km (default: rules.max_distance_km of the config) of a\n"
    "practice or a postcode (quoted or not: CV3 1BN), nearest first, with list\n"
    "size, capacity, headroom and whether the list is open.  --km 0 finds the\n"
    "practices at the same place (the same building).  Distance is the\n"
    "great-circle distance (haversine, WGS84, mean Earth radius 6371.0088 km).\n"
    "Closed practices are left out unless --all is given; with the table format\n"
    "a note on stderr says how many were.\n";

typedef struct place {
    double lat, lon;
    int self; /* world index of the practice asked about, -1 for a postcode */
    char label[64];
} place;

/* A practice code, else a postcode; the error says which was tried. */
static int find_place(const world *w, store *s, const char *arg, place *pl)
{
    err e;
    pl->self = world_find(w, arg);
    if (pl->self >= 0) {
        const world_practice *wp = &w->v[pl->self];
        if (isnan(wp->lat))
            return cli_fail("practice %s: its postcode '%s' is not located (import ONSPD or "
                            "Code-Point Open)", wp->p.code, wp->p.postcode);
        pl->lat = wp->lat;
        pl->lon = wp->lon;
        snprintf(pl->label, sizeof pl->label, "%s", wp->p.code);
        return 0;
    }
    char pc[POSTCODE_MAX], shown[64];
    postcode_rec r;
    text_escape(arg, shown, sizeof shown);
    if (text_postcode(arg, pc, sizeof pc))
        return cli_fail("'%s' is neither a practice code nor a postcode", shown);
    int rc = store_read_begin(s, &e) ? -1 : store_postcode_get(s, pc, &r, &e);
    store_read_end(s);
    if (rc <= 0)
        return rc < 0 ? cli_fail("%s", e.msg) : cli_fail("postcode %s is not in the store", pc);
    pl->lat = r.lat;
    pl->lon = r.lon;
    snprintf(pl->label, sizeof pl->label, "%s", pc);
    return 0;
}

static void print_json(const world *w, const nearby_hit *h, int n)
{
    json j;
    json_init(&j, stdout);
    json_arr(&j);
    for (int i = 0; i < n; i++) {
        const world_practice *wp = &w->v[h[i].index];
        json_obj(&j);
        json_key(&j, "as_at"); json_date(&j, w->at.date);
        json_key(&j, "code"); json_str(&j, wp->p.code);
        json_key(&j, "name"); json_str(&j, wp->p.name);
        json_key(&j, "km"); json_num(&j, h[i].km, 3);
        bool known = world_capacity_known(wp);
        json_key(&j, "list_size");
        wp->p.list_size >= 0 ? json_int(&j, wp->p.list_size) : json_null(&j);
        json_key(&j, "list_date"); json_date(&j, wp->p.list_date);
        json_key(&j, "capacity"); known ? json_int(&j, wp->cap.capacity) : json_null(&j);
        json_key(&j, "capacity_source");
        json_str(&j, known ? capacity_source_name(wp->cap.source) : NULL);
        json_key(&j, "capacity_illustrative"); /* rests on a made-up figure */
        json_bool(&j, known && world_capacity_illustrative(&wp->facts, wp->fte_date,
                                                            wp->cap.source));
        json_key(&j, "headroom"); known ? json_int(&j, wp->cap.headroom) : json_null(&j);
        json_key(&j, "list"); json_str(&j, world_list_state(wp));
        json_key(&j, "list_illustrative"); json_bool(&j, world_list_illustrative(wp));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_done(&j);
}

static void print_table(const world *w, const nearby_hit *h, int n, out_format f)
{
    table t;
    cli_as_at_line(&w->at, f);
    table_init(&t, "Code,Name,>km,>List,>Capacity,>Headroom,Capacity from,List status,List date");
    for (int i = 0; i < n; i++) {
        const world_practice *wp = &w->v[h[i].index];
        char list[24] = "-", cap[24] = "-", head[24] = "-", d[16], src[48] = "-", ls[48];
        bool known = world_capacity_known(wp);
        if (wp->p.list_size >= 0)
            snprintf(list, sizeof list, "%ld", wp->p.list_size);
        if (known) {
            snprintf(cap, sizeof cap, "%ld", wp->cap.capacity);
            snprintf(head, sizeof head, "%ld", wp->cap.headroom);
            world_capacity_label(&wp->facts, wp->fte_date, wp->cap.source, src, sizeof src);
        }
        table_addf(&t, "%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s", wp->p.code, wp->p.name, h[i].km, list,
                   cap, head, src,
                   world_list_label(wp, ls, sizeof ls), text_date_or_dash(wp->p.list_date, d, sizeof d));
    }
    table_print(&t, stdout, f);
    table_free(&t);
}

static int near_print(const world *w, const place *pl, double km, bool all, out_format f)
{
    nearby_hit *hits = NULL;
    int cap = 0, n = nearby_within(w->near, pl->lat, pl->lon, km, &hits, &cap), k = 0;
    long closed = 0;
    if (n < 0)
        return cli_fail("out of memory");
    for (int i = 0; i < n; i++) { /* drop the practice itself, and closed ones */
        bool shown = all || w->v[hits[i].index].open;
        if (hits[i].index != pl->self && shown)
            hits[k++] = hits[i];
        closed += hits[i].index != pl->self && !shown;
    }
    if (f == FMT_JSON)
        print_json(w, hits, k);
    else
        print_table(w, hits, k, f);
    free(hits);
    cli_hint_closed(f, closed, k > 0, NULL);
    if (k == 0 && closed == 0 && f == FMT_TABLE)
        fprintf(stderr, "catchment: no practice within %.2f km of %s (a larger --km?)\n", km,
                pl->label);
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {{"km", required_argument, NULL, 'k'},
                                         {"all", no_argument, NULL, 'a'},
                                         {"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    double km = NAN;
    bool all = false;
    int o;
    while ((o = getopt_long(argc, argv, "k:af:", opts, NULL)) != -1) {
        if (o == 'k' && (text_double(optarg, &km) || km < 0 || km > 500))
            return cli_usage("near", "--km wants a distance from 0 to 500");
        if (o == 'a')
            all = true;
        if (o == 'f' && cli_format("near", optarg, false, &f))
            return EXIT_USAGE;
        if (o == '?')
            return cli_usage("near", "unknown option '%s'", argv[optind - 1]);
    }
    /* An unquoted postcode comes as two words: CV3 1BN. */
    char where[64];
    if (argc - optind == 2 && strlen(argv[optind]) <= 4 && strlen(argv[optind + 1]) == 3)
        snprintf(where, sizeof where, "%s %s", argv[optind], argv[optind + 1]);
    else if (argc - optind == 1)
        text_copy(where, sizeof where, argv[optind]);
    else
        return cli_usage("near", "name one practice CODE or POSTCODE");
    config cfg;
    world w;
    place pl;
    err e;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    if (isnan(km))
        km = cfg.rules.max_distance_km;
    store *s = cli_store(c, false);
    int rc = !s ? EXIT_FAIL
             : world_load_parts_at(&w, s, &cfg, WORLD_VIEW, c->as_at, &e) ? cli_fail("%s", e.msg) : EXIT_OK;
    config_free(&cfg);
    if (rc)
        return rc;
    rc = find_place(&w, s, where, &pl);
    if (rc == 0)
        rc = near_print(&w, &pl, km, all, f);
    world_free(&w);
    return rc;
}

const cli_command cmd_near = {"near", "practices near a practice or postcode, with headroom",
                              help, run, NULL};
