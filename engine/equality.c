#include "engine/equality.h"

#include <math.h>
#include <string.h>

static const struct {
    const char *key, *heading, *group;
    int protected_characteristic;
} rows[EQ_MEASURES] = {
    {"age65", "Age", "aged 65 and over", 1},
    {"age75", "Age", "aged 75 and over", 1},
    {"disabled", "Disability", "disabled under the Equality Act", 1},
    {"not_white_british", "Race", "ethnic group other than White British", 1},
    {"core20", "Deprivation (Core20)", "living in the most deprived 20% of areas (IMD deciles 1-2)", 0},
    {"no_car", "Access to transport", "in households without a car or van", 0},
    {"rural", "Rurality", "living in rural areas", 0},
};

const char *equality_key(int m) { return m >= 0 && m < EQ_MEASURES ? rows[m].key : "?"; }

const char *equality_heading(int m) { return m >= 0 && m < EQ_MEASURES ? rows[m].heading : "?"; }
const char *equality_group(int m) { return m >= 0 && m < EQ_MEASURES ? rows[m].group : "?"; }
int equality_protected(int m) { return m >= 0 && m < EQ_MEASURES && rows[m].protected_characteristic; }

double equality_ratio(double part, double total)
{
    return total > 0 && isfinite(part) && part >= 0 && part <= total ? part / total : NAN;
}

static bool known(double s) { return isfinite(s) && s >= 0 && s <= 1; }

/* Area i's patients and its flows [f, f + nf) into every group. */
static void add_area(eq_pack *out, const eq_shares *s, const disp_area *a,
                     const disp_flow *f, int nf, double reasonable_km)
{
    for (int m = 0; m < EQ_MEASURES; m++) {
        double w = s->share[m];
        eq_row *r = &out->row[m];
        if (!known(w))
            continue;
        r->assessed += (double)a->patients;
        r->displaced += w * (double)a->patients;
        for (int k = 0; k < nf; k++) {
            double n = w * (double)f[k].patients;
            if (f[k].to < 0) {
                r->unplaced += n;
                continue;
            }
            r->placed += n;
            if (f[k].km > reasonable_km)
                r->beyond += n;
        }
    }
}

void equality_baseline_add(eq_baseline_sums *sum, const eq_base *b)
{
    sum->patients += b->patients;
    for (int m = 0; m < EQ_MEASURES; m++)
        if (known(b->s.share[m])) {
            sum->part[m] += b->patients * b->s.share[m];
            sum->whole[m] += b->patients;
        }
}

void equality_baseline_finish(const eq_baseline_sums *sum, eq_baseline *out)
{
    *out = (eq_baseline){.patients = sum->patients}; /* no date: the caller knows it */
    for (int m = 0; m < EQ_MEASURES; m++)
        out->share[m] = sum->whole[m] > 0 ? sum->part[m] / sum->whole[m] : NAN;
}

int equality_compute(const disp_area *a, const eq_shares *as, int na, const disp_result *res,
                     double reasonable_km, const eq_baseline *base, eq_pack *out, err *e)
{
    memset(out, 0, sizeof *out);
    if (!res || res->nareas != na)
        return err_set(e, "equality: result does not match the areas");
    int k = 0;
    for (int i = 0; i < na; i++) {
        int k0 = k;
        while (k < res->nflows && res->flows[k].area == i)
            k++;
        out->displaced += a[i].patients;
        add_area(out, &as[i], &a[i], res->flows + k0, k - k0, reasonable_km);
    }
    if (k != res->nflows)
        return err_set(e, "equality: flows are not grouped by area");
    out->base_patients = base ? base->patients : 0;
    out->base_date = base ? base->date : 0;
    out->base_oldest = base ? base->oldest : 0;
    out->base_modelled = base && base->modelled;
    for (int m = 0; m < EQ_MEASURES; m++)
        out->row[m].baseline = base ? base->share[m] : NAN;
    for (int m = 0; m < EQ_MEASURES; m++)
        out->row[m].share = out->row[m].assessed > 0
                                ? out->row[m].displaced / out->row[m].assessed : NAN;
    return 0;
}
