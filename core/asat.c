#include "core/asat.h"

#include <stdio.h>
#include <string.h>

#include "engine/milestones.h"
#include "util/clock.h"
#include "util/text.h"

/* The span of the list-size extracts from the import records: a few
 * dozen records, where the points themselves are millions. */
static int span_of_import(const provenance *p, void *ctx)
{
    asat *a = ctx;
    if (strcmp(p->kind, "list-size") != 0 || p->rows_kept <= 0 || p->extract_date <= 0)
        return 0;
    if (!a->earliest || p->extract_date < a->earliest)
        a->earliest = p->extract_date;
    if (p->extract_date > a->newest)
        a->newest = p->extract_date;
    return 0;
}

int asat_resolve(store *s, long requested, asat *out, err *e)
{
    char d[16], first[16];
    memset(out, 0, sizeof *out);
    if (store_provenance_each(s, span_of_import, out, e) < 0)
        return -1;
    /* Points put without an import record (a store built by hand): read
     * them all. */
    if (!out->newest && store_list_span(s, &out->earliest, &out->newest, e))
        return -1;
    /* An import record keeps its file's newest date only: before calling
     * a date too early, read the points themselves. */
    if (requested > 0 && out->earliest && requested < out->earliest &&
        store_list_span(s, &out->earliest, &out->newest, e))
        return -1;
    out->given = requested > 0;
    out->date = requested > 0 ? requested : out->newest ? out->newest : clock_today();
    out->facts = out->given || clock_today() < out->date ? out->date : clock_today();
    if (out->given && out->earliest && requested < out->earliest) {
        text_date_iso(requested, d, sizeof d);
        text_date_iso(out->earliest, first, sizeof first);
        return err_set(e, "no list-size extract on or before %s; the earliest is %s (run as "
                       "at %s or later)", d, first, first);
    }
    return 0;
}

int asat_load(store *s, long requested, asat *out, err *e)
{
    if (store_read_begin(s, e))
        return -1;
    int rc = asat_resolve(s, requested, out, e);
    store_read_end(s);
    return rc;
}

static bool status_active(const char *status)
{
    return strcmp(status, "ACTIVE") == 0 || status[0] == '\0';
}

bool asat_open(const practice *p, long date)
{
    if (p->open_date > 0 && p->open_date > date)
        return false;
    if (p->close_date > 0)
        return date < p->close_date;
    return status_active(p->status);
}

/* The first of the month before the day (the first of its own month when
 * the day is later in the month): a date the practice was still open. */
static long month_start_before(long ymd)
{
    return ymd % 100 > 1 ? ymd / 100 * 100 + 1 : milestone_months_before(ymd, 1);
}

void asat_refusal(const practice *p, long date, char *out, size_t n)
{
    char name[NAME_MAX * 4], d1[16], d2[16];
    text_escape(p->name, name, sizeof name);
    if (p->open_date > 0 && p->open_date > date) {
        text_date_iso(p->open_date, d1, sizeof d1);
        text_date_iso(date, d2, sizeof d2);
        snprintf(out, n, "%s %s opened on %s, after %s; to model its closure run as at a "
                 "later date (--as-at %s)", p->code, name, d1, d2, d1);
    } else if (p->close_date > 0) {
        text_date_iso(p->close_date, d1, sizeof d1);
        text_date_iso(month_start_before(p->close_date), d2, sizeof d2);
        snprintf(out, n, "%s %s closed on %s; to model its closure run as at an earlier "
                 "date (--as-at %s)", p->code, name, d1, d2);
    } else {
        snprintf(out, n, "%s %s is %s in the register with no close date, so it cannot be "
                 "modelled as closing", p->code, name, p->status);
    }
}

bool asat_stale(long fig_date, long date)
{
    return fig_date > 0 && fig_date < milestone_months_before(date, ASAT_STALE_MONTHS);
}

const char *asat_default_note(const asat *at)
{
    if (at->given)
        return "";
    return at->newest ? " (the newest list-size extract)"
                      : " (today: no list-size extract in the store)";
}
