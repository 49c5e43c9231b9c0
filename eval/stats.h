/* stats.h - the statistics of the harness: a seeded generator (same numbers on every machine),
 * bootstrap confidence intervals of a macro average, and paired significance tests between two
 * systems scored on the same topics. Part of eval/; no I/O. */
#ifndef ARS_EVAL_STATS_H
#define ARS_EVAL_STATS_H

#include <stddef.h>
#include <stdint.h>

/* splitmix64: tiny, fast, and fully determined by its 64-bit seed. */
typedef struct {
    uint64_t state;
} eval_rng;

void eval_rng_seed(eval_rng *r, uint64_t seed);
uint64_t eval_rng_next(eval_rng *r);
/* Uniform integer in [0, n), n >= 1, without modulo bias. */
size_t eval_rng_below(eval_rng *r, size_t n);

/* Arithmetic mean; 0 for n == 0. */
double eval_mean(const double *x, size_t n);

/* Percentile bootstrap interval of the mean of x[0..n): `resamples` means of n draws with
 * replacement, sorted, and the `level` (e.g. 0.95) interval read off them with ROUGE-1.5.5's
 * interpolation between neighbouring order statistics. Same seed, same interval. With n == 0 both
 * bounds are 0; with resamples == 0 both are the mean. Returns 0 or ENOMEM. */
int eval_bootstrap_ci(const double *x, size_t n, size_t resamples, double level, uint64_t seed,
                      double *lo, double *hi);

/* Sorts x[0..n) in increasing order (no NaN). */
void eval_sort_doubles(double *x, size_t n);

/* The q quantile (0 <= q <= 1) of sorted[0..n) (n >= 1), interpolated linearly between the order
 * statistics around q(n-1) (numpy's default): symmetric, so that a negated sample has the negated
 * quantiles. */
double eval_quantile(const double *sorted, size_t n, double q);

/* Two-sided approximate randomisation test of the mean paired difference of a and b: each trial
 * swaps every pair with probability 1/2; p = (1 + trials with |mean diff| >= observed) / (1 +
 * trials). When all 2^n swap patterns fit in `trials` (n <= 20) they are enumerated instead and p
 * is exact: the share of patterns at least as extreme as observed (at least 2/2^n). Returns 0
 * (n == 0 gives p = 1). */
int eval_paired_randomization(const double *a, const double *b, size_t n, size_t trials,
                              uint64_t seed, double *p);

/* Paired bootstrap (Berg-Kirkpatrick et al. 2012): d = mean(a - b); p = share of resamples whose
 * mean difference, in the direction of d, exceeds 2|d| (the null-shifted distribution). One-sided
 * in the direction observed; d == 0 gives p = 1. Returns 0. */
int eval_paired_bootstrap(const double *a, const double *b, size_t n, size_t resamples,
                          uint64_t seed, double *p);

#endif
