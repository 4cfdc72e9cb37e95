/* The disease registers (QOF prevalence) the closing practices' lists
 * carry: the patients on each register, summed over the closing
 * practices from each one's newest QOF year. */
#ifndef CATCHMENT_REGISTERS_H
#define CATCHMENT_REGISTERS_H

#include "core/world.h"

typedef struct reg_sum {
    char measure[SHORT_MAX];  /* "qof.DM" */
    double patients;          /* on the register */
    double list;              /* the lists they are counted against */
    char period[SHORT_MAX];   /* the newest year among the practices */
    int practices;            /* closing practices with this register */
} reg_sum;

/* Inside a read transaction; *out is allocated (free it), by measure. */
int registers_read(store *s, const world *w, const int *closing, int n, reg_sum **out,
                   int *nout, err *e);

#endif
