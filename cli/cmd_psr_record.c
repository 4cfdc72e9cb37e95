/* catchment psr results, notice, record and annual: what is published. */
#include "cli/psr_cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/areas.h"
#include "core/psr_results.h"
#include "engine/workdays.h"
#include "util/text.h"

/* Text from the record, safe for a terminal or a markdown file: a link
 * typed into a bidder's name or the reasons stays text. */
static const char *safe(const char *s, char *buf, size_t n)
{
    return out_md_escape(s && *s ? s : "-", buf, n);
}
#define S(s) safe((s), (char[2048]){0}, 2048)

static const char *route_name(const psr_ctx *x, const psr_proc *p)
{
    const psr_route *r = psr_route_find(x->rg, psr_field(p, "route"));
    return r ? r->name : "not recorded";
}

static void print_totals(FILE *fp, const psr_results *r)
{
    fprintf(fp, "| Bidder | Weighted total (of %.0f) | Rank |\n|---|---:|---:|\n", r->weight_sum);
    for (int b = 0; b < r->nb; b++) {
        char t[32] = "incomplete";
        if (!isnan(r->total[b]))
            snprintf(t, sizeof t, "%.2f", r->total[b]);
        char rk[16] = "-";
        if (r->rank[b])
            snprintf(rk, sizeof rk, "%d", r->rank[b]);
        fprintf(fp, "| %s %s | %s | %s |\n", S(r->bidder[b]->key), S(r->bidder[b]->f[0]), t, rk);
    }
}

static void print_moderation(FILE *fp, const psr_results *r)
{
    fprintf(fp, "| Question | Criterion | Weight | Bidder | Scores (n, min-max, mean) | "
                "Consensus | Rationale |\n|---|---|---:|---|---|---:|---|\n");
    for (int q = 0; q < r->nq; q++)
        for (int b = 0; b < r->nb; b++) {
            const psr_cell *c = &r->cell[q][b];
            char sp[64] = "none shown", cons[48] = "-";
            if (c->spread.n)
                snprintf(sp, sizeof sp, "%d, %ld-%ld, %.2f", c->spread.n, c->spread.min,
                         c->spread.max, c->spread.mean);
            if (c->consensus >= 0)
                snprintf(cons, sizeof cons, "%ld/%s", c->consensus, r->question[q]->f[2]);
            fprintf(fp, "| %s | %s | %s%% | %s | %s | %s | %s |\n", S(r->question[q]->key),
                    S(r->question[q]->f[0]), S(r->question[q]->f[1]), S(r->bidder[b]->key), sp,
                    cons, S(c->rationale));
        }
}

int psr_cmd_results(psr_ctx *x, int argc, char **argv)
{
    static psr_results r;
    psr_proc p;
    if (argc != 2)
        return cli_usage("psr", "results needs ID");
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    psr_results_build(&p, &r);
    print_moderation(stdout, &r);
    printf("\n");
    print_totals(stdout, &r);
    psr_free(&p);
    return EXIT_OK;
}

static int conflict_line(const psr_item *it, void *ctx)
{
    FILE *fp = ctx;
    char who[64] = "", bid[64] = "";
    sscanf(it->key, "%63[^/]/%63s", who, bid);
    fprintf(fp, "- %s (bidder %s): %s. Managed: %s", S(who), S(bid), S(it->f[0]), S(it->f[1]));
    fprintf(fp, "%s\n", strcmp(it->f[2], "yes") == 0 ? " (excluded from scoring this bidder)."
                                                     : ".");
    return 0;
}

static int maker_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "- %s, %s\n", S(it->key), S(it->f[0]));
    return 0;
}

static int maker_sub(const psr_item *it, void *ctx)
{
    fprintf(ctx, "  - %s, %s\n", S(it->key), S(it->f[0]));
    return 0;
}

static int conflict_sub(const psr_item *it, void *ctx)
{
    fputs("  ", ctx);
    return conflict_line(it, ctx);
}

static void print_notice(FILE *fp, const psr_ctx *x, const psr_proc *p)
{
    const psr_item *w = psr_get(p, "bidder", psr_field(p, "provider"));
    fprintf(fp, "## Notice of intention to award\n\n");
    fprintf(fp, "%s intends to award a contract following the %s (%s).\n\n",
            S(psr_field(p, "authority")), route_name(x, p),
            S(psr_route_find(x->rg, psr_field(p, "route")) ?
              psr_route_find(x->rg, psr_field(p, "route"))->reference : ""));
    fprintf(fp, "- Contract: %s (reference %s)\n", S(psr_field(p, "title")), S(p->id));
    fprintf(fp, "- Provider: %s, %s\n", w ? S(w->f[0]) : "- (not chosen yet)", w ? S(w->f[1]) : "-");
    fprintf(fp, "- Services: %s; CPV %s\n", S(psr_field(p, "services")), S(psr_field(p, "cpv")));
    long v;
    char vb[32] = "-";
    if (text_long(psr_field(p, "value"), &v) == 0)
        snprintf(vb, sizeof vb, "£%s", text_thousands(v, (char[32]){0}, 32));
    fprintf(fp, "- Approximate lifetime value: %s (%s)\n", vb, S(psr_field(p, "term")));
    fprintf(fp, "- Decision-makers:\n");
    psr_each(p, "maker", maker_sub, fp);
    fprintf(fp, "- Reasons, with reference to the key criteria: %s\n", S(psr_field(p, "reasons")));
    fprintf(fp, "- Declared conflicts of interest, and how they were managed:\n");
    if (!psr_count(p, "conflict"))
        fprintf(fp, "  - none declared\n");
    psr_each(p, "conflict", conflict_sub, fp);
    fprintf(fp, "\n");
}

int psr_cmd_notice(psr_ctx *x, int argc, char **argv)
{
    psr_proc p;
    if (argc != 2)
        return cli_usage("psr", "notice needs ID");
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    print_notice(stdout, x, &p);
    printf("(Content as %s requires; check against the regulations before publishing.)\n",
           x->rg->notice.reference);
    psr_free(&p);
    return EXIT_OK;
}

/* What catchment holds for the practices the procurement covers, dated;
 * unknown says so. */
static void print_evidence(FILE *fp, psr_ctx *x, const psr_proc *p)
{
    char codes[TEXT_MAX], a[16], b[16], n1[32], n2[32];
    err e;
    store *s = cli_store(x->c, false);
    snprintf(codes, sizeof codes, "%s", psr_field(p, "practices"));
    fprintf(fp, "| Practice | Status (ODS) | PCN | List (first held) | List (latest held) | Capacity | "
                "List open | Deprivation (IMD decile of the practice's LSOA) |\n"
                "|---|---|---|---:|---:|---:|---|---|\n");
    for (char *c = strtok(codes, ", "); c && s; c = strtok(NULL, ", ")) {
        practice pr;
        list_point h[64];
        capacity_rec cap;
        int ed = -1, dec = 0;
        if (store_read_begin(s, &e) < 0)
            break;
        int found = store_practice_get(s, c, &pr, &e);
        int nh = found > 0 ? store_list_history(s, c, h, 64, &e) : 0;
        int hc = found > 0 ? store_capacity_at(s, c, 0, &cap, &e) : 0;
        /* The newest IMD edition, joined on its own LSOA vintage. */
        if (found > 0 && (areas_edition(s, 0, &ed, &e) ||
                          areas_imd_of(s, pr.lsoa11, pr.lsoa, ed, &dec, &e)))
            dec = 0;
        store_read_end(s);
        char capb[80] = "not held", openb[32] = "not held", imd[48] = "not held", d[16];
        /* Made up (the file's notes said ILLUSTRATIVE) unless a person set it. */
        const char *ill = hc > 0 && cap.illustrative ? ", ILLUSTRATIVE" : "";
        if (hc > 0 && cap.capacity >= 0) {
            char said[48] = "";
            if (cap.from > 0)
                snprintf(said, sizeof said, "from %s%s", text_date_or_dash(cap.from, d, sizeof d),
                         cap.capacity_set ? "" : ill);
            else if (!cap.capacity_set && *ill)
                snprintf(said, sizeof said, "ILLUSTRATIVE");
            snprintf(capb, sizeof capb, "%s%s%s%s", text_thousands(cap.capacity, (char[24]){0}, 24),
                     *said ? " (" : "", said, *said ? ")" : "");
        }
        if (hc > 0 && cap.list_open >= 0)
            snprintf(openb, sizeof openb, "%s%s%s", cap.list_open ? "open" : "closed",
                     *ill ? " (ILLUSTRATIVE" : "", *ill ? ")" : "");
        if (dec > 0)
            snprintf(imd, sizeof imd, "%d (IMD %d, %s)", dec, areas_edition_year(ed),
                     ed == IMD_2019 && *pr.lsoa11 ? pr.lsoa11 : pr.lsoa);
        fprintf(fp, "| %s %s | %s | %s | %s | %s | %s | %s | %s |\n", S(c),
                found > 0 ? S(pr.name) : "(not in the store)", found > 0 ? S(pr.status) : "-",
                found > 0 && *pr.pcn_name ? S(pr.pcn_name) : "not held",
                nh > 0 ? (snprintf(n1, sizeof n1, "%s (%s)", text_thousands(h[0].patients, (char[16]){0}, 16), text_date_or_dash(h[0].date, a, sizeof a)), n1) : "not held",
                nh > 0 ? (snprintf(n2, sizeof n2, "%s (%s)", text_thousands(h[nh - 1].patients, (char[16]){0}, 16), text_date_or_dash(h[nh - 1].date, b, sizeof b)), n2) : "not held",
                capb, openb, imd);
    }
    fprintf(fp, "\nPatient survey, payments and social value: not held by catchment for these "
                "practices (import them, or attach the evidence to the record).\n\n");
}

static int condition_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "| %s | %s | %s |\n", S(it->key), S(it->f[0]), S(it->f[1]));
    return 0;
}

static int rep_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "| %s | %s | %s | %s | %s |\n", S(it->key), S(it->f[0]), S(it->f[1]),
            S(it->f[2]), S(it->f[3]));
    return 0;
}

static int evaluator_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "| %s | %s | %s |\n", S(it->key), S(it->f[1]), S(it->f[0]));
    return 0;
}

static int question_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "| %s | %s | %s%% | 0-%s | %s | %s |\n", S(it->key), S(it->f[0]), S(it->f[1]),
            S(it->f[2]), S(it->f[3]), S(it->f[4]));
    return 0;
}

static int bidder_line(const psr_item *it, void *ctx)
{
    fprintf(ctx, "| %s | %s | %s |\n", S(it->key), S(it->f[0]), S(it->f[1]));
    return 0;
}

static void print_dates(FILE *fp, const psr_ctx *x, const psr_proc *p)
{
    char a[16], b[16];
    long notice = text_date(psr_field(p, "notice"));
    long last = notice > 0 ? psr_cli_standstill_end(x->rg, notice) : -1;
    fprintf(fp, "\n## Dates\n\n- Notice of intention to award: %s\n", S(psr_field(p, "notice")));
    if (last > 0)
        fprintf(fp, "- Standstill: %s to %s (%ld working days, %s)\n",
                text_date_or_dash(workdays_step(notice, 1), a, sizeof a),
                text_date_or_dash(last, b, sizeof b), x->rg->standstill_days,
                x->rg->standstill_ref);
    fprintf(fp, "- Award: %s\n- Commencement: %s\n- See catchment psr milestones %s\n\n",
            S(psr_field(p, "award")), S(psr_field(p, "commencement")), S(p->id));
}

static void print_criteria(FILE *fp, const psr_ctx *x, const psr_proc *p)
{
    fprintf(fp, "| Key criterion | Weight | How it was taken into account | Evidence catchment "
                "can hold (see Evidence held) |\n|---|---:|---|---|\n");
    for (int i = 0; i < x->rg->ncrit; i++) {
        const psr_item *c = psr_get(p, "criterion", x->rg->crit[i].id);
        fprintf(fp, "| %s (%s) | %s | %s | %s |\n", x->rg->crit[i].name,
                x->rg->crit[i].reference, c ? S(c->f[0]) : "not recorded",
                c ? S(c->f[1]) : "not recorded", S(x->rg->crit[i].evidence));
    }
    fprintf(fp, "\n");
}

static void print_record(FILE *fp, psr_ctx *x, const psr_proc *p)
{
    static psr_results r;
    psr_results_build(p, &r);
    fprintf(fp, "# Decision record: %s\n\n", S(psr_field(p, "title")));
    fprintf(fp, "Procurement %s, kept under %s (%s) and %s.\n\n", S(p->id), x->rg->regulations,
            x->rg->record.reference, x->rg->guidance);
    fprintf(fp, "## Route\n\n%s. Why: %s\n\nOptions appraisal: %s\n\n", route_name(x, p),
            S(psr_field(p, "route_why")), S(psr_field(p, "appraisal")));
    fprintf(fp, "| Condition | Answer | Evidence |\n|---|---|---|\n");
    psr_each(p, "condition", condition_line, fp);
    fprintf(fp, "\n## Decision-makers\n\n");
    psr_each(p, "maker", maker_line, fp);
    fprintf(fp, "\n## Key criteria\n\n");
    print_criteria(fp, x, p);
    fprintf(fp, "Basic selection criteria: %s\n\n## Evidence held\n\n",
            S(psr_field(p, "basic_selection")));
    print_evidence(fp, x, p);
    fprintf(fp, "## Evaluation\n\n| Bidder | Name | Registered office |\n|---|---|---|\n");
    psr_each(p, "bidder", bidder_line, fp);
    fprintf(fp, "\n| Question | Criterion | Weight | Scale | Scored by | Question |\n"
                "|---|---|---:|---|---|---|\n");
    psr_each(p, "question", question_line, fp);
    fprintf(fp, "\n| Evaluator | Name | Role |\n|---|---|---|\n");
    psr_each(p, "evaluator", evaluator_line, fp);
    fprintf(fp, "\n### Conflicts of interest\n\n");
    if (!psr_count(p, "conflict"))
        fprintf(fp, "None declared.\n");
    psr_each(p, "conflict", conflict_line, fp);
    fprintf(fp, "\n### Moderation\n\n");
    print_moderation(fp, &r);
    fprintf(fp, "\n### Weighted totals\n\n");
    print_totals(fp, &r);
    fprintf(fp, "\n## Decision\n\n%s\n\n", S(psr_field(p, "reasons")));
    print_notice(fp, x, p);
    fprintf(fp, "## Representations during the standstill\n\n");
    if (!psr_count(p, "representation"))
        fprintf(fp, "None made.\n");
    else
        fprintf(fp, "| Ref | Date | From | Summary | Response |\n|---|---|---|---|---|\n");
    psr_each(p, "representation", rep_line, fp);
    print_dates(fp, x, p);
    fprintf(fp, "Every change to this record is in the audit trail (catchment history %s). "
                "This record supports the authority's record-keeping; it is not legal advice.\n",
            S(p->id));
}

static void json_rows(json *j, const psr_proc *p, const char *kind, const char *const *names)
{
    json_key(j, kind);
    json_arr(j);
    for (int i = 0; i < p->n; i++) {
        if (strcmp(p->row[i].kind, kind) != 0)
            continue;
        json_obj(j);
        json_key(j, "key");
        json_str(j, p->row[i].key);
        for (int f = 0; names[f]; f++) {
            json_key(j, names[f]);
            json_str(j, f < p->row[i].nf && *p->row[i].f[f] ? p->row[i].f[f] : NULL);
        }
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void print_json(FILE *fp, const psr_proc *p)
{
    static psr_results r;
    json j;
    psr_results_build(p, &r);
    json_init(&j, fp);
    json_obj(&j);
    json_key(&j, "id");
    json_str(&j, p->id);
    json_key(&j, "fields");
    json_obj(&j);
    for (const char *const *f = psr_field_names(); *f; f++) {
        json_key(&j, *f);
        json_str(&j, *psr_field(p, *f) ? psr_field(p, *f) : NULL);
    }
    json_obj_end(&j);
    json_rows(&j, p, "condition", (const char *const[]){"answer", "evidence", NULL});
    json_rows(&j, p, "maker", (const char *const[]){"role", NULL});
    json_rows(&j, p, "criterion", (const char *const[]){"weight", "how", NULL});
    json_rows(&j, p, "bidder", (const char *const[]){"name", "address", NULL});
    json_rows(&j, p, "question", (const char *const[]){"criterion", "weight", "max", "role", "text", NULL});
    json_rows(&j, p, "evaluator", (const char *const[]){"role", "name", NULL});
    json_rows(&j, p, "conflict", (const char *const[]){"declaration", "management", "excluded", NULL});
    json_rows(&j, p, "moderation", (const char *const[]){"score", "rationale", NULL});
    json_rows(&j, p, "representation", (const char *const[]){"date", "from", "summary", "response", NULL});
    json_key(&j, "totals");
    json_arr(&j);
    for (int b = 0; b < r.nb; b++) {
        json_obj(&j);
        json_key(&j, "bidder");
        json_str(&j, r.bidder[b]->key);
        json_key(&j, "total");
        json_num(&j, r.total[b], 2);
        json_key(&j, "rank");
        r.rank[b] ? json_int(&j, r.rank[b]) : json_null(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    json_done(&j);
}

int psr_cmd_record(psr_ctx *x, int argc, char **argv)
{
    psr_proc p;
    out_format f = FMT_MD;
    if (argc == 4 && strcmp(argv[2], "--format") == 0) {
        if (cli_format("psr", argv[3], true, &f) || (f != FMT_MD && f != FMT_JSON))
            return cli_usage("psr", "record: --format md or json");
    } else if (argc != 2) {
        return cli_usage("psr", "record needs ID [--format md|json]");
    }
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    if (f == FMT_JSON)
        print_json(stdout, &p);
    else
        print_record(stdout, x, &p);
    psr_free(&p);
    return EXIT_OK;
}

int psr_cmd_annual(psr_ctx *x, int argc, char **argv)
{
    static char ids[256][CODE_MAX];
    long year;
    err e;
    if (argc != 2 || text_long(argv[1], &year) < 0 || year < 2024 || year > 2100)
        return cli_usage("psr", "annual needs a YEAR (2024 on: the regime began 1 January 2024)");
    store *s = cli_store(x->c, false);
    int n = s ? psr_ids(s, ids, 256, &e) : -1;
    if (n < 0)
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    int count[PSR_ROUTES] = {0}, reps = 0, total = 0;
    for (int i = 0; i < n; i++) {
        psr_proc p;
        if (psr_load(s, ids[i], &p, &e) > 0 && text_date(psr_field(&p, "award")) / 10000 == year) {
            const psr_route *r = psr_route_find(x->rg, psr_field(&p, "route"));
            if (r)
                count[r - x->rg->route]++;
            reps += psr_count(&p, "representation");
            total++;
        }
        psr_free(&p);
    }
    printf("Annual summary %ld (%s): contracts awarded, by route\n", year, x->rg->annual_ref);
    for (int i = 0; i < x->rg->nroutes; i++)
        printf("  %-32s %d\n", x->rg->route[i].name, count[i]);
    printf("  %-32s %d\nRepresentations logged: %d\n", "All routes", total, reps);
    return EXIT_OK;
}
