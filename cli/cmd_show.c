/* catchment show CODE: the practice card. */
#include "cli/cli.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/card.h"
#include "cli/show_json.h"
#include "core/world.h"
#include "core/areas.h"
#include "util/text.h"

static const char help[] =
    "usage: catchment show [--format table|csv|json] CODE\n\n"
    "The practice card: name, address, phone, status, open and close dates,\n"
    "sub-ICB, ICB and PCN, location (postcode, LSOA, IMD decile), list size and\n"
    "its history, age profile, capacity and where the figure came from (a GP FTE\n"
    "from the GP workforce file says its month; a recorded capacity the date it\n"
    "applies from, \"-\" when none applies on the date), the contract in force on\n"
    "the date, with its dates (else the newest that had started, marked ended;\n"
    "without --as-at, as at today), or else the contract type\n"
    "and dispensing status of the payments file), published evidence (workforce,\n"
    "payments, GP Patient Survey: each with its period and source), indicators\n"
    "and notes.  CSV is one row per fact: section,field,value.\n";

/* Key-value lines: aligned for people, section,field,value for CSV. */
typedef struct kv {
    out_format f;
    const char *section;
} kv;

static void kv_line(kv *k, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void kv_line(kv *k, const char *field, const char *fmt, ...)
{
    char val[1024], esc[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(val, sizeof val, fmt, ap);
    va_end(ap);
    if (k->f == FMT_CSV) {
        csv_row(stdout, (const char *const[]){k->section, field, val}, 3);
        return;
    }
    text_escape(val, esc, sizeof esc);
    printf("  %-12s %s\n", field, esc);
}

static void kv_section(kv *k, const char *name)
{
    k->section = name;
    if (k->f == FMT_TABLE)
        out_printf(stdout, "%s\n", name);
}

static void show_identity(kv *k, const card *c)
{
    char a[64], b[64], addr[1024] = "";
    const practice *p = &c->p;
    for (int i = 0; i < 5; i++)
        if (*p->addr[i])
            snprintf(addr + strlen(addr), sizeof addr - strlen(addr), "%s%s",
                     *addr ? ", " : "", p->addr[i]);
    kv_section(k, "practice");
    kv_line(k, "As at", "%s", text_date_or_dash(c->at.date, a, sizeof a));
    kv_line(k, "Code", "%s", p->code);
    kv_line(k, "Name", "%s", *p->name ? p->name : "(not in the ODS register)");
    for (int i = 0; i < c->nnames; i++)
        kv_line(k, i ? "" : "Other names", "%s (%s%s%s)", c->names[i].name, c->names[i].source,
                c->names[i].date ? ", " : "",
                c->names[i].date ? text_date_or_dash(c->names[i].date, a, sizeof a) : "");
    text_date_or_dash(c->at.date, a, sizeof a);
    if (c->open)
        kv_line(k, "Status", "%s, open on %s", *p->status ? p->status : "-", a);
    else if (p->close_date > 0 && p->close_date <= c->at.date)
        kv_line(k, "Status", "%s, CLOSED on %s", *p->status ? p->status : "-",
                text_date_or_dash(p->close_date, b, sizeof b));
    else
        kv_line(k, "Status", "%s, not open on %s", *p->status ? p->status : "-", a);
    kv_line(k, "Address", "%s%s%s", addr, *addr ? ", " : "", p->postcode);
    kv_line(k, "Phone", "%s", *p->phone ? p->phone : "-");
    kv_line(k, "Opened", "%s", text_date_or_dash(p->open_date, a, sizeof a));
    kv_line(k, "Closed", "%s", text_date_or_dash(p->close_date, b, sizeof b));
    kv_line(k, "Sub-ICB", "%s %s", *p->sub_icb ? p->sub_icb : "-", p->sub_icb_name);
    kv_line(k, "ICB", "%s %s", *p->icb ? p->icb : "-", p->icb_name);
    kv_line(k, "PCN", "%s %s", *p->pcn_code ? p->pcn_code : "-", p->pcn_name);
    snprintf(a, sizeof a, "%d", c->imd);
    if (*c->pc.postcode)
        kv_line(k, "Location", "%.5f, %.5f (postcode %s, LSOA %s, 2011 LSOA %s, IMD %d decile %s)",
                c->pc.lat, c->pc.lon, c->pc.postcode, *c->pc.lsoa ? c->pc.lsoa : "-",
                *c->pc.lsoa11 ? c->pc.lsoa11 : "-", areas_edition_year(c->imd_edition),
                c->imd ? a : "-");
    else
        kv_line(k, "Location", "unknown (import a postcode file)");
}

/* One point of the history as a number, with the change to the latest. */
static void show_point(kv *k, const char *label, const list_point *pt, const list_point *latest)
{
    char a[32], d[16];
    double pct = card_change_pct(pt, latest);
    if (!pt->date)
        kv_line(k, label, "-");
    else if (isnan(pct))
        kv_line(k, label, "%s on %s", text_thousands(pt->patients, a, sizeof a),
                text_date_or_dash(pt->date, d, sizeof d));
    else
        kv_line(k, label, "%s on %s (%+.1f%% to the latest)",
                text_thousands(pt->patients, a, sizeof a),
                text_date_or_dash(pt->date, d, sizeof d), pct);
}

static void show_list(kv *k, const card *c)
{
    char a[32], b[32], d[16];
    kv_section(k, "list size");
    if (c->p.list_size < 0) {
        kv_line(k, "Patients", "unknown (import gp-reg-pat-prac-all files)");
        return;
    }
    kv_line(k, "Patients", "%s on %s%s%s", text_thousands(c->p.list_size, a, sizeof a),
            text_date_or_dash(c->p.list_date, d, sizeof d),
            asat_stale(c->p.list_date, c->at.date) ? " (STALE: over 6 months before the "
                                                     "as-at date)" : "",
            c->open ? "" : " (its last list)");
    if (c->change_12m != LONG_MIN)
        kv_line(k, "12 months", "%s%s (%+.1f%%)", c->change_12m > 0 ? "+" : "",
                text_thousands(c->change_12m, b, sizeof b),
                100.0 * (double)c->change_12m / (double)(c->p.list_size - c->change_12m));
    show_point(k, "Earliest", &c->first, &c->latest);
    show_point(k, "Year before", &c->year_ago, &c->latest);
    for (int i = 0; i < c->nhist; i++)
        kv_line(k, i ? "" : "History", "%s %10s", text_date_or_dash(c->hist[i].date, d, sizeof d),
                text_thousands(c->hist[i].patients, a, sizeof a));
    const evidence *month;
    const list_point *lp;
    double per = card_appts_per_1000(c, &month, &lp);
    if (month && !isnan(per))
        kv_line(k, "Appointments", "%.0f per 1,000 patients in %s (appointments; list of %s)",
                per, month->period, text_date_or_dash(lp->date, d, sizeof d));
    else if (month)
        kv_line(k, "Appointments", "per 1,000 patients unknown: no list extract near %s",
                month->period);
    if (!c->age.date)
        return;
    kv_section(k, "age profile");
    long total = 0;
    for (int g = 0; g < AGE_GROUPS; g++)
        total += c->age_groups[g];
    for (int g = 0; g < AGE_GROUPS && total > 0; g++)
        kv_line(k, card_age_group_name(g), "%8s  %4.1f%%", text_thousands(c->age_groups[g], a, sizeof a),
                100.0 * (double)c->age_groups[g] / (double)total);
    kv_line(k, "Aged 65+", "%.1f%% (extract %s)", 100 * card_share_65(c),
            text_date_or_dash(c->age.date, d, sizeof d));
}

static void show_capacity(kv *k, const card *c)
{
    char a[32], b[32], src[96];
    kv_section(k, "capacity");
    if (!c->open) {
        kv_line(k, "Capacity", "- (not open on the as-at date)");
        kv_line(k, "Headroom", "-");
    } else {
        kv_line(k, "Capacity", "%s", card_capacity_text(c, "", src, sizeof src));
        kv_line(k, "Headroom", "%s", card_headroom_known(c)
                                         ? text_thousands(c->cap.headroom, b, sizeof b) : "unknown");
    }
    if (c->facts.capacity < 0)
        kv_line(k, "Recorded", "- (no capacity recorded on the date)");
    else
        kv_line(k, "Recorded", "%s%s%s%s", text_thousands(c->facts.capacity, a, sizeof a),
                c->facts.from > 0 ? " from " : "",
                c->facts.from > 0 ? text_date_or_dash(c->facts.from, b, sizeof b) : "",
                c->facts.illustrative && !c->facts.capacity_set ? " ILLUSTRATIVE" : "");
    if (!isnan(c->facts.gp_fte)) {
        char per[48] = "patients per FTE unknown", from[40];
        if (c->p.list_size > 0 && c->facts.gp_fte > 0)
            snprintf(per, sizeof per, "%s patients per FTE",
                     text_thousands(lround((double)c->p.list_size / c->facts.gp_fte), a,
                                    sizeof a));
        kv_line(k, "GP FTE", "%.1f (%s), %s", c->facts.gp_fte, per,
                world_fte_label(&c->facts, c->fte_date, from, sizeof from));
    }
    kv_line(k, "List", "%s%s", c->facts.list_open == 0 ? "closed to new patients"
                               : c->facts.list_open == 1 ? "open" : "unknown",
            c->facts.list_open >= 0 && c->facts.illustrative ? " (ILLUSTRATIVE)" : "");
}

static void show_contract(kv *k, const card *c)
{
    char a[16], b[16];
    kv_section(k, "contract");
    if (!*c->con.practice) {
        const evidence *t = card_evidence(c, "pay.contract");
        const evidence *d = card_evidence(c, "pay.dispensing");
        kv_line(k, "Contract", "none recorded");
        if (t)
            kv_line(k, "Type", "%s (%s %s)", t->text, t->source, t->period);
        if (d)
            kv_line(k, "Dispensing", "%s (%s %s)", d->text, d->source, d->period);
        return;
    }
    kv_line(k, "Type", "%s", c->con.type);
    kv_line(k, "Runs", "%s to %s%s", text_date_or_dash(c->con.start, a, sizeof a),
            c->con.end ? text_date_or_dash(c->con.end, b, sizeof b) : "open-ended",
            store_contract_ended(&c->con, c->at.facts) ? " (ended)" : "");
    kv_line(k, "Provider", "%s", *c->con.provider ? c->con.provider : "-");
    kv_line(k, "Extension", "%s", *c->con.extension ? c->con.extension : "-");
    if (*c->con.notes)
        kv_line(k, "Notes", "%s", c->con.notes);
}

/* Published figures, each with its period and source. */
static void show_evidence(kv *k, const card *c)
{
    if (!c->nev)
        return;
    kv_section(k, "evidence");
    for (int i = 0; i < c->nev; i++) {
        char v[64];
        const evidence *r = &c->ev[i];
        kv_line(k, r->period, "%s: %s (%s)", card_measure_label(r->measure),
                card_evidence_value(r, v, sizeof v), r->source);
    }
}

/* Branch surgeries and PCN membership over time (ODS). */
static void show_sites(kv *k, const card *c)
{
    char a[16], b[16];
    if (c->nbranches)
        kv_section(k, "branch surgeries");
    for (int i = 0; i < c->nbranches; i++) {
        const branch_rec *r = &c->branches[i];
        kv_line(k, r->code, "%s, %s %s (%s %s)", r->name, r->town, r->postcode,
                r->close_date ? "closed" : "open since",
                text_date_or_dash(r->close_date ? r->close_date : r->open_date, a, sizeof a));
    }
    if (c->npcns)
        kv_section(k, "PCN membership");
    for (int i = 0; i < c->npcns; i++) {
        const pcn_member *m = &c->pcns[i];
        kv_line(k, text_date_or_dash(m->start, a, sizeof a), "to %s  %s %s",
                m->end ? text_date_or_dash(m->end, b, sizeof b) : "now", m->pcn, m->pcn_name);
    }
}

static void show_rest(kv *k, const card *c)
{
    show_sites(k, c);
    show_evidence(k, c);
    if (c->nind) {
        kv_section(k, "indicators");
        for (int i = 0; i < c->nind; i++) {
            char label[NAME_MAX + SHORT_MAX + 4];
            kv_line(k, i ? "" : "Indicators", "%s: %.2f",
                    card_indicator_label(&c->ind[i], label, sizeof label), c->ind[i].value);
        }
    }
    if (c->nnotes) {
        kv_section(k, "notes");
        for (int i = 0; i < c->nnotes; i++) {
            char when[32];
            time_t t = (time_t)c->notes[i].time;
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime(&t));
            kv_line(k, when, "%s: %s", c->notes[i].user, c->notes[i].text);
        }
    }
}


static int run(session *cx, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    out_format f = FMT_TABLE;
    int o;
    while ((o = getopt_long(argc, argv, "f:", opts, NULL)) != -1)
        if (o != 'f' || cli_format("show", optarg, false, &f))
            return o == 'f' ? EXIT_USAGE : cli_usage("show", "unknown option '%s'", argv[optind - 1]);
    if (optind != argc - 1)
        return cli_usage("show", "name one practice CODE");
    config cfg;
    if (cli_config(cx, &cfg))
        return EXIT_FAIL;
    cap_rules rules = world_rules(&cfg);
    int imd_config = (int)cfg.rules.imd_edition;
    config_free(&cfg);
    store *s = cli_store(cx, false);
    card *c = calloc(1, sizeof *c);
    char code[CODE_MAX];
    err e;
    text_copy(code, sizeof code, argv[optind]);
    text_upper(code);
    int rc = s && c ? card_load_at(c, s, code, &rules, cx->as_at, imd_config, &e) : -1;
    if (rc <= 0) {
        char shown[64];
        text_escape(argv[optind], shown, sizeof shown);
        free(c);
        return !s ? EXIT_FAIL
               : rc < 0 ? cli_fail("%s", c ? e.msg : "out of memory")
                        : cli_fail("no practice '%s' (try: catchment search TEXT)", shown);
    }
    if (f == FMT_JSON) {
        show_json(c);
    } else {
        kv k = {f, ""};
        if (f == FMT_CSV)
            fputs("section,field,value\r\n", stdout);
        show_identity(&k, c);
        show_list(&k, c);
        show_capacity(&k, c);
        show_contract(&k, c);
        show_rest(&k, c);
    }
    free(c);
    return EXIT_OK;
}

const cli_command cmd_show = {"show", "the practice card", help, run, NULL};
