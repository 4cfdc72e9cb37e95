#include "core/psr_dates.h"

#include <string.h>

#include "engine/milestones.h"
#include "engine/workdays.h"
#include "util/text.h"

void psr_dates_of(const psr_regime *rg, const psr_proc *p, psr_dates *d)
{
    long days[64], skipped[64];
    int ns;
    const psr_route *r = psr_route_find(rg, psr_field(p, "route"));
    memset(d, 0, sizeof *d);
    d->notice = text_date(psr_field(p, "notice"));
    d->award = text_date(psr_field(p, "award"));
    d->commencement = text_date(psr_field(p, "commencement"));
    d->notice = d->notice > 0 ? d->notice : 0;
    d->award = d->award > 0 ? d->award : 0;
    d->commencement = d->commencement > 0 ? d->commencement : 0;
    d->award_recorded = d->award > 0;
    if (d->notice && (!r || r->standstill)) {
        long last = workdays_after(d->notice, (int)rg->standstill_days, rg->hol_date, rg->nhol,
                                   days, 64, skipped, 64, &ns, &d->year_needed);
        d->standstill_end = last > 0 ? last : 0;
    }
    if (!d->award && d->standstill_end) {
        long day = d->standstill_end;
        do
            day = workdays_step(day, 1);
        while (!workdays_is_working(day, rg->hol_date, rg->nhol));
        d->award = day;
    }
    if (d->commencement)
        d->mobilisation = milestone_months_before(d->commencement, rg->mobilisation_months);
}

struct finder {
    const char *code;
    char *id;
    int found;
};

static int has_practice(const psr_row *r, void *ctx)
{
    struct finder *f = ctx;
    size_t n = strlen(f->code);
    if (strcmp(r->kind, "field") != 0 || strcmp(r->key, "practices") != 0)
        return 0;
    for (const char *p = r->value; (p = strstr(p, f->code)) != NULL; p += n) {
        bool start = p == r->value || p[-1] == ',' || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end) {
            memcpy(f->id, r->proc, CODE_MAX);
            f->found = 1;
        }
    }
    return 0;
}

int psr_find_practice(store *s, const char *code, char id[CODE_MAX], err *e)
{
    struct finder f = {code, id, 0};
    if (store_read_begin(s, e) < 0)
        return -1;
    int rc = store_psr_each(s, NULL, NULL, has_practice, &f, e);
    store_read_end(s);
    return rc < 0 ? -1 : f.found;
}
