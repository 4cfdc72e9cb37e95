/* catchment psr standstill, regime and milestones: the regime's dates. */
#include "cli/psr_cli.h"

#include <string.h>

#include "core/psr_dates.h"
#include "engine/workdays.h"
#include "util/text.h"

enum { DAYS_MAX = 64 };

typedef struct standstill {
    long last, days[DAYS_MAX], skipped[DAYS_MAX];
    int nskipped, year_needed;
} standstill;

/* The standstill after a notice published on `from`; -1 when the regime
 * holds no bank holidays for a year the count reaches. */
static int standstill_of(const psr_regime *rg, long from, standstill *st)
{
    st->last = workdays_after(from, (int)rg->standstill_days, rg->hol_date, rg->nhol, st->days,
                              DAYS_MAX, st->skipped, DAYS_MAX, &st->nskipped, &st->year_needed);
    if (st->last < 0) {
        cli_fail("no bank holidays are known for %d: add them to the regime's "
                        "bank_holidays (see catchment psr regime)", st->year_needed);
        return -1;
    }
    return 0;
}

long psr_cli_standstill_end(const psr_regime *rg, long notice)
{
    standstill st;
    return standstill_of(rg, notice, &st) < 0 ? -1 : st.last;
}

static long next_working(const psr_regime *rg, long day)
{
    do
        day = workdays_step(day, 1);
    while (!workdays_is_working(day, rg->hol_date, rg->nhol));
    return day;
}

static const char *iso(long ymd, char *buf, size_t n) { return text_date_or_dash(ymd, buf, n); }

int psr_cmd_standstill(psr_ctx *x, int argc, char **argv)
{
    const psr_regime *rg = x->rg;
    standstill st;
    char a[16];
    long from = argc == 2 ? text_date(argv[1]) : -1;
    if (from <= 0)
        return cli_usage("psr", "standstill needs the date the notice was published (YYYY-MM-DD)");
    if (standstill_of(rg, from, &st) < 0)
        return EXIT_FAIL;
    printf("Notice of intention to award published %s (%s).\n", iso(from, a, sizeof a),
           workdays_day_name(from));
    printf("Standstill: %ld working days, counted from %s\n(%s).\n\n", rg->standstill_days,
           rg->standstill_starts, rg->standstill_ref);
    for (int i = 0; i < rg->standstill_days; i++)
        printf("  %2d  %s  %s\n", i + 1, iso(st.days[i], a, sizeof a),
               workdays_day_name(st.days[i]));
    if (st.nskipped)
        printf("\nNot counted:\n");
    for (int i = 0; i < st.nskipped; i++) {
        const psr_holiday *h = psr_holiday_find(rg, st.skipped[i]);
        printf("      %s  %-9s %s%s\n", iso(st.skipped[i], a, sizeof a),
               workdays_day_name(st.skipped[i]), h ? h->title : "weekend",
               h && h->projected ? " (projected: not yet announced on GOV.UK)" : "");
    }
    printf("\nLast day of the standstill: %s (%s), ending at midnight.\n",
           iso(st.last, a, sizeof a), workdays_day_name(st.last));
    printf("The contract may be awarded after that if no representations are made\n"
           "(if they are, reg. 12 says what must happen first); the next working day\n"
           "is %s.\n", iso(next_working(rg, st.last), a, sizeof a));
    printf("Bank holidays: England and Wales, GOV.UK (regime: %s).\n", rg->source);
    return EXIT_OK;
}

int psr_cmd_regime(psr_ctx *x, int argc, char **argv)
{
    const psr_regime *rg = x->rg;
    char a[16], b[16];
    if (argc == 2 && strcmp(argv[1], "--yaml") == 0) {
        unsigned long n = 0;
        const char *text = psr_regime_builtin(&n);
        fwrite(text, 1, n, stdout);
        return EXIT_OK;
    }
    printf("%s\n%s\nRegime file: %s\n\nRoutes:\n", rg->regulations, rg->guidance, rg->source);
    for (int i = 0; i < rg->nroutes; i++) {
        const psr_route *r = &rg->route[i];
        printf("  %-5s %s (%s)%s\n", r->id, r->name, r->reference,
               r->standstill ? "; notice and standstill" : "");
        for (int j = 0; j < r->ncond; j++)
            printf("        %-20s %s [%s]\n", r->cond[j].id, r->cond[j].question,
                   r->cond[j].must_be_yes ? "yes" : "no");
    }
    printf("\nKey criteria:\n");
    for (int i = 0; i < rg->ncrit; i++)
        printf("  %-12s %s (%s)\n", rg->crit[i].id, rg->crit[i].name, rg->crit[i].reference);
    int proj = 0;
    for (int i = 0; i < rg->nhol; i++)
        proj += rg->hol[i].projected;
    printf("\nStandstill: %ld working days (%s)\nBank holidays: %d, %s to %s",
           rg->standstill_days, rg->standstill_ref, rg->nhol, iso(rg->hol[0].date, a, sizeof a),
           iso(rg->hol[rg->nhol - 1].date, b, sizeof b));
    printf(" (%d projected, not yet announced on GOV.UK)\n", proj);
    return EXIT_OK;
}

int psr_cmd_milestones(psr_ctx *x, int argc, char **argv)
{
    psr_proc p;
    psr_dates d;
    char a[16], b[16];
    if (argc != 2)
        return cli_usage("psr", "milestones needs ID");
    if (psr_cli_load(x, argv[1], &p) < 0)
        return EXIT_FAIL;
    psr_dates_of(x->rg, &p, &d);
    const psr_route *r = psr_route_find(x->rg, psr_field(&p, "route"));
    printf("Milestones of %s (%s)\n", p.id, psr_field(&p, "title"));
    printf("  Notice of intention to award  %s\n", iso(d.notice, a, sizeof a));
    if (r && !r->standstill)
        printf("  Standstill                    none for %s\n", r->name);
    else if (d.standstill_end)
        printf("  Standstill ends               %s (%ld working days)\n",
               iso(d.standstill_end, a, sizeof a), x->rg->standstill_days);
    else if (d.year_needed)
        printf("  Standstill ends               - (no bank holidays known for %d)\n",
               d.year_needed);
    else
        printf("  Standstill ends               - (no notice date yet)\n");
    printf("  Award                         %s%s\n", iso(d.award, a, sizeof a),
           d.award_recorded ? "" : d.award ? " (earliest: not yet awarded)" : " (not yet awarded)");
    printf("  Mobilisation from             %s%s\n", iso(d.mobilisation, a, sizeof a),
           d.mobilisation ? "" : " (no commencement date yet)");
    if (d.mobilisation)
        printf("                                (%ld months before commencement)\n",
               x->rg->mobilisation_months);
    printf("  Commencement                  %s\n", iso(d.commencement, b, sizeof b));
    if (d.award && d.mobilisation && d.mobilisation < d.award)
        printf("WARNING: the award leaves less than %ld months' mobilisation.\n",
               x->rg->mobilisation_months);
    psr_free(&p);
    return EXIT_OK;
}
