/* How well a modelled dispersal matches what happened: the figures the
 * back-test reports, on plain arrays (one entry per scored practice). */
#ifndef CATCHMENT_FIT_H
#define CATCHMENT_FIT_H

/* Share of the positive observed excess growth that went to practices the
 * model sends anyone (modelled > 0); NAN when nobody grew beyond trend. */
double fit_share(const long *modelled, const long *observed, int n);

/* Spearman's rank correlation (ties get their average rank); NAN with
 * fewer than three practices or when either side is constant. */
double fit_spearman(const long *modelled, const long *observed, int n);

/* Mean absolute error |modelled - observed| over the k practices with the
 * biggest observed excess (ties by the lower index); NAN when n is 0. */
double fit_mae_top(const long *modelled, const long *observed, int n, int k);

/* Sum of |modelled - observed| over every practice. */
double fit_abs_error(const long *modelled, const long *observed, int n);

#endif
