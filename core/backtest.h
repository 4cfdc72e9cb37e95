/* The model checked against closures that already happened: between two
 * list-size extracts in the store, which practices closed, which of them
 * were transfers (the ODS successor file, or a neighbour's growth) and
 * which dispersals; each dispersal modelled as at the earlier extract with
 * every policy and compared with every other practice's change beyond the
 * trend; and the distance decay beta that fits best. */
#ifndef CATCHMENT_BACKTEST_H
#define CATCHMENT_BACKTEST_H

#include "config/config.h"
#include "core/world.h"
#include "store/store.h"

typedef enum {
    BT_DISPERSAL,        /* scored */
    BT_TRANSFER,         /* named by the successor file: not scored */
    BT_LIKELY_TRANSFER,  /* a neighbour grew by half its list: not scored */
    BT_NOT_CLOSED        /* missing from the later extract, open in the register */
} bt_kind;

typedef struct bt_closure {
    int practice;         /* world index */
    long list_from;       /* its list at the earlier extract */
    bt_kind kind;
    int to;               /* transfer: the practice taking over, -1 unknown */
    char to_code[CODE_MAX];
    char reason[SHORT_MAX]; /* successor file's reason */
    long to_excess;       /* likely transfer: its growth beyond trend */
} bt_closure;

typedef struct bt_policy {
    long placed, unplaced;
    double share;         /* of observed excess growth, at modelled receivers */
    double rho;           /* Spearman: modelled gain vs observed excess */
    double mae;           /* over the ten biggest observed receivers */
} bt_policy;

enum { BT_GRID = 15, BT_TOP = 10 };

typedef struct backtest {
    long from, to;        /* the extracts compared */
    long nboth;           /* practices with a list in both */
    double trend;         /* their total list at `to` over at `from` */
    bt_closure *closures;
    int nclosures, ndispersals, ntransfers;
    long displaced;       /* the dispersed practices' lists at `from` */
    bool have_succ;       /* a successor file is in the store */
    int *cand;            /* scored practices (world indexes) */
    long *excess;         /* their change beyond trend */
    int ncand;
    long observed;        /* positive excess over the scored practices */
    bt_policy pol[CONFIG_POLICY_COUNT]; /* by config_policy */
    double grid_beta[BT_GRID], grid_err[BT_GRID];
    double beta;          /* fitted (least absolute error); NAN none */
    double max_km;
} backtest;

/* Runs the back-test between the earliest extract on or after from and
 * the newest on or before to (0: the earliest and the newest).  Returns
 * 0, or -1 with e set (fewer than two extracts, out of memory). */
int backtest_run(const world *w, store *s, const config *cfg, long from, long to,
                 backtest *out, err *e);
void backtest_free(backtest *bt);

const char *backtest_kind_name(bt_kind k);

/* The saved record of a run (for catchment backtest --save). */
void backtest_record(const backtest *bt, backtest_rec *r);

/* Saves the run as the store's last back-test (its fitted beta is what
 * rules.choice_beta: fitted uses), signed and dated, in one write. */
int backtest_save(store *s, const backtest *bt, int64_t now, err *e);

#endif
