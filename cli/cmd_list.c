/* catchment list: every practice, filtered, for a screen or a spreadsheet. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/world.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment list [--all] [--pcn PCN] [--town TOWN] [--postcode START]\n"
    "                      [--contract TYPE] [--sub-icb CODE] [--format table|csv|json]\n\n"
    "Every GP practice in the store, by code: status, PCN, town, postcode, list\n"
    "size and its date, capacity and where it came from, headroom, whether the\n"
    "list is open, and the contract (\"APMS ILLUSTRATIVE\" when its notes say it is\n"
    "made up).  `--format csv` gives a spreadsheet (plain\n"
    "numbers); the table has thousands separators.  Filters (all must match; text\n"
    "is matched without regard to case):\n\n"
    "  --all             closed and inactive practices too\n"
    "  --pcn PCN         the PCN's code or its whole name (\"GO WEST PCN\")\n"
    "  --town TOWN       any address line, whole (\"Nuneaton\")\n"
    "  --postcode START  postcodes that start so: a district (CV4) or sector (CV4 9)\n"
    "  --contract TYPE   GMS, PMS or APMS\n"
    "  --sub-icb CODE    the commissioner (B2M3M)\n\n"
    "With the table format, a note on stderr says how many closed practices the\n"
    "filters matched but were left out.\n";

typedef struct filters {
    bool all;
    const char *pcn, *town, *postcode, *contract, *sub_icb;
} filters;

static bool town_is(const practice *p, const char *town)
{
    for (int i = 0; i < 5; i++)
        if (strcasecmp(p->addr[i], town) == 0)
            return true;
    return false;
}

/* "CV4" is a whole district (not CV41); "CV4 9" a sector's start. */
static bool postcode_starts(const char *pc, const char *start)
{
    size_t n = strlen(start);
    if (strncasecmp(pc, start, n) != 0)
        return false;
    return strchr(start, ' ') || pc[n] == ' ' || pc[n] == '\0';
}

/* Every filter but --all. */
static bool matches(const world_practice *wp, const filters *f)
{
    const practice *p = &wp->p;
    return (!f->pcn || !strcasecmp(p->pcn_code, f->pcn) || !strcasecmp(p->pcn_name, f->pcn)) &&
           (!f->town || town_is(p, f->town)) &&
           (!f->postcode || postcode_starts(p->postcode, f->postcode)) &&
           (!f->contract || !strcasecmp(wp->contract_type, f->contract)) &&
           (!f->sub_icb || !strcasecmp(p->sub_icb, f->sub_icb));
}

static void print_json(const world *w, const int *rows, int n)
{
    json j;
    json_init(&j, stdout);
    json_arr(&j);
    for (int i = 0; i < n; i++) {
        const world_practice *wp = &w->v[rows[i]];
        const practice *p = &wp->p;
        bool known = p->list_size >= 0, cap = world_capacity_known(wp);
        char d[16];
        json_obj(&j);
        json_key(&j, "as_at"); json_date(&j, w->at.date);
        json_key(&j, "code"); json_str(&j, p->code);
        json_key(&j, "name"); json_str(&j, p->name);
        json_key(&j, "status"); json_str(&j, world_status(p, w->at.date));
        text_date_iso(p->close_date, d, sizeof d);
        json_key(&j, "close_date"); json_str(&j, *d ? d : NULL);
        json_key(&j, "pcn"); json_str(&j, *p->pcn_name ? p->pcn_name : NULL);
        json_key(&j, "town"); json_str(&j, world_town(p));
        json_key(&j, "postcode"); json_str(&j, p->postcode);
        json_key(&j, "list_size"); known ? json_int(&j, p->list_size) : json_null(&j);
        text_date_iso(p->list_date, d, sizeof d);
        json_key(&j, "list_date"); json_str(&j, known && *d ? d : NULL);
        json_key(&j, "capacity"); cap ? json_int(&j, wp->cap.capacity) : json_null(&j);
        json_key(&j, "capacity_source");
        json_str(&j, cap ? capacity_source_name(wp->cap.source) : NULL);
        json_key(&j, "capacity_illustrative"); /* rests on a made-up figure */
        json_bool(&j, cap && world_capacity_illustrative(&wp->facts, wp->fte_date,
                                                          wp->cap.source));
        json_key(&j, "headroom"); cap ? json_int(&j, wp->cap.headroom) : json_null(&j);
        json_key(&j, "list"); json_str(&j, world_list_state(wp));
        json_key(&j, "list_illustrative"); json_bool(&j, world_list_illustrative(wp));
        json_key(&j, "contract_type"); json_str(&j, *wp->contract_type ? wp->contract_type : NULL);
        json_key(&j, "contract_illustrative"); /* its notes say ILLUSTRATIVE */
        json_bool(&j, wp->contract_illustrative);
        text_date_iso(wp->contract_end, d, sizeof d);
        json_key(&j, "contract_end"); json_str(&j, *d ? d : NULL);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_done(&j);
}

static void print_table(const world *w, const int *rows, int n, out_format f)
{
    table t;
    cli_as_at_line(&w->at, f);
    table_init(&t, "Code,Name,Status,PCN,Town,Postcode,>List,List date,>Capacity,Capacity from,"
                   ">Headroom,List status,Contract,Contract end");
    for (int i = 0; i < n; i++) {
        const world_practice *wp = &w->v[rows[i]];
        const practice *p = &wp->p;
        char list[24] = "-", cap[24] = "-", head[24] = "-", ld[16] = "-", end[16], src[48] = "-", ls[48],
             con[SHORT_MAX + 16] = "-";
        if (p->list_size >= 0) {
            snprintf(list, sizeof list, "%ld", p->list_size);
            text_date_or_dash(p->list_date, ld, sizeof ld);
        }
        if (*wp->contract_type)
            snprintf(con, sizeof con, "%s%s", wp->contract_type,
                     wp->contract_illustrative ? " ILLUSTRATIVE" : "");
        if (world_capacity_known(wp)) {
            snprintf(cap, sizeof cap, "%ld", wp->cap.capacity);
            snprintf(head, sizeof head, "%ld", wp->cap.headroom);
            world_capacity_label(&wp->facts, wp->fte_date, wp->cap.source, src, sizeof src);
        }
        table_add(&t, (const char *const[]){
                          p->code, p->name, world_status(p, w->at.date),
                          *p->pcn_name ? p->pcn_name : "-", world_town(p), p->postcode, list, ld,
                          cap, src, head,
                          world_list_label(wp, ls, sizeof ls), con,
                          text_date_or_dash(wp->contract_end, end, sizeof end)});
    }
    table_print(&t, stdout, f);
    table_free(&t);
}

static int list_print(const world *w, const filters *fl, out_format f)
{
    int *rows = calloc((size_t)w->n + 1, sizeof *rows), n = 0;
    long closed = 0;
    if (!rows)
        return cli_fail("out of memory");
    for (int i = 0; i < w->n; i++) {
        if (!matches(&w->v[i], fl))
            continue;
        if (fl->all || w->v[i].open)
            rows[n++] = i;
        else
            closed++;
    }
    if (f == FMT_JSON)
        print_json(w, rows, n);
    else
        print_table(w, rows, n, f);
    free(rows);
    cli_hint_closed(f, closed, n > 0, NULL);
    return EXIT_OK;
}

static int run(session *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"all", no_argument, NULL, 'a'},          {"pcn", required_argument, NULL, 'p'},
        {"town", required_argument, NULL, 't'},   {"postcode", required_argument, NULL, 'P'},
        {"contract", required_argument, NULL, 'c'}, {"sub-icb", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
    filters fl = {0};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "ap:t:P:c:s:f:", opts, NULL)) != -1) {
        switch (o) {
        case 'a': fl.all = true; break;
        case 'p': fl.pcn = optarg; break;
        case 't': fl.town = optarg; break;
        case 'P': fl.postcode = optarg; break;
        case 'c': fl.contract = optarg; break;
        case 's': fl.sub_icb = optarg; break;
        case 'f':
            if (cli_format("list", optarg, false, &f))
                return EXIT_USAGE;
            break;
        default: return cli_usage("list", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage("list", "unexpected argument '%s' (filters are options: see --help)",
                         argv[optind]);
    config cfg;
    world w;
    err e;
    if (cli_config(c, &cfg))
        return EXIT_FAIL;
    store *s = cli_store(c, false);
    int rc = !s ? EXIT_FAIL
             : world_load_at(&w, s, &cfg, c->as_at, &e) ? cli_fail("%s", e.msg) : EXIT_OK;
    config_free(&cfg);
    if (rc)
        return rc;
    rc = list_print(&w, &fl, f);
    world_free(&w);
    return rc;
}

const cli_command cmd_list = {"list", "every practice, filtered, for a spreadsheet", help, run,
                              NULL};
