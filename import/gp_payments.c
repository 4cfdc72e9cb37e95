/* NHS Payments to General Practice (NHS England, annual, the practice
 * CSV): contract type, dispensing status, rurality, patients, total
 * payments and payment per weighted patient.  Column names drift from
 * year to year; each spelling seen is accepted.  The financial year comes
 * from the Year column ("2022/23") or the file's name ("...-22-23-..."). */
#include "import/evidence_fields.h"
#include "import/kinds.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

static const ev_column cols[] = {
    {"?Contract Type|CONTRACT_TYPE|Contract", "pay.contract", EV_TEXT, 0},
    {"?Dispensing Practice|DISPENSING_PRACTICE|Dispensing", "pay.dispensing", EV_TEXT, 0},
    {"?Practice Rurality|PRACTICE_RURALITY|Rurality", "pay.rurality", EV_TEXT, 0},
    {"?Number of Registered Patients (Last Known Figure)|Average Number of Registered Patients"
     "|NUMBER_OF_REGISTERED_PATIENTS",
     "pay.patients", EV_NUMBER, 1e6},
    {"?Number of Weighted Patients (Last Known Figure)|Average Number of Weighted Patients"
     "|NUMBER_OF_WEIGHTED_PATIENTS",
     "pay.weighted", EV_NUMBER, 1e6},
    {"?Total NHS Payments to General Practice|Total NHS Payments|TOTAL_NHS_PAYMENTS",
     "pay.total", EV_NUMBER, 1e9},
    {"?Average payments per weighted patient|Average Payments per Weighted Patient"
     "|PAYMENT_PER_WEIGHTED_PATIENT",
     "pay.per_weighted", EV_NUMBER, 1e5},
};

static int when(import_ctx *ic, const csvr_row *row, const char *year, long *date,
                char *period, size_t psz, err *e)
{
    *date = ev_financial_year(year);
    if (!*date && !*year) {
        const char *name = strrchr(csvr_name(ic->r), '/');
        *date = ev_financial_year(name ? name + 1 : csvr_name(ic->r));
    }
    if (!*date)
        return err_at(e, csvr_name(ic->r), row->line, 0,
                      "no financial year: the Year column (2022/23) or the file's name "
                      "(nhspaymentsgp-22-23-prac-csv.csv) must say it");
    ev_year_period(*date, period, psz);
    return 0;
}

static const ev_wide wide = {"gp-payments", "Practice Code|PRACTICE_CODE",
                             "?Year|Financial Year|YEAR", when, cols,
                             (int)(sizeof cols / sizeof *cols)};

static int detect(const csvr_row *row)
{
    bool code = imp_find(row, "Practice Code") >= 0 || imp_find(row, "PRACTICE_CODE") >= 0;
    return code && ev_wide_count(&wide, row) >= 3 ? 90 : 0;
}

static int run(import_ctx *ic, err *e) { return ev_wide_run(ic, &wide, e); }

const import_kind kind_gp_payments = {
    "gp-payments",
    "NHS Payments to General Practice, practice CSV (contract type, dispensing; annual)",
    detect, run};
