/* meta.h - meta-evaluation: how well a metric agrees with human grades. Pearson, Spearman and
 * Kendall tau-b between the two, at system level (per-system means over topics) and summary level
 * (per topic, over systems, then averaged), with bootstrap intervals that resample topics,
 * systems or both (Deutsch, Dror and Roth 2021). Part of eval/, beside stats.c; no I/O (the
 * tables are written by report.c). */
#ifndef ARS_EVAL_META_H
#define ARS_EVAL_META_H

#include <stddef.h>
#include <stdint.h>

/* Correlation coefficients of the pairs (x[i], y[i]), i < n. Each is NaN when undefined: n < 2, or
 * one side constant. Spearman and Kendall treat values within 1e-12 (relative) as ties, so that
 * rounding in means does not break them. */
/* Pearson's r. */
double eval_pearson(const double *x, const double *y, size_t n);
/* Spearman's rho: Pearson's r of the ranks, tied values sharing their mean rank. */
double eval_spearman(const double *x, const double *y, size_t n);
/* Kendall's tau-b: (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)), n0 = n(n-1)/2 and
 * n1, n2 the pairs tied in x and in y; a pair tied in either side counts as neither. */
double eval_kendall(const double *x, const double *y, size_t n);

enum { EVAL_PEARSON = 0, EVAL_SPEARMAN = 1, EVAL_KENDALL = 2, EVAL_N_COEFS = 3 };
enum { EVAL_LEVEL_SYSTEM = 0, EVAL_LEVEL_SUMMARY = 1, EVAL_N_LEVELS = 2 };
/* What the bootstrap resamples (with replacement). */
enum { EVAL_RESAMPLE_BOTH = 0, EVAL_RESAMPLE_TOPICS = 1, EVAL_RESAMPLE_SYSTEMS = 2 };

/* Correlations of one metric with the grades and their intervals, [level][coefficient]. A
 * value or bound that is undefined is NaN. */
typedef struct {
    double value[EVAL_N_LEVELS][EVAL_N_COEFS];
    double lo[EVAL_N_LEVELS][EVAL_N_COEFS], hi[EVAL_N_LEVELS][EVAL_N_COEFS];
    size_t undefined[EVAL_N_LEVELS][EVAL_N_COEFS]; /* resamples without a value, left out */
} eval_meta_result;

/* Correlates metric[] with human[], both n_sys x n_topics row-major ([s * n_topics + t]).
 * System level: the coefficient over systems of their means over topics. Summary level: the
 * coefficient over systems within each topic, averaged over the topics where it is defined.
 * Intervals: `resamples` draws of systems and/or topics with replacement (`resample`), the
 * coefficients recomputed on each, and the `level` percentile interval of those defined (linear
 * interpolation between order statistics, eval_quantile). Same
 * seed, same draws, whatever the metric: intervals of different metrics are paired. Returns 0 or
 * ENOMEM. */
int eval_meta_correlate(const double *metric, const double *human, size_t n_sys, size_t n_topics,
                        int resample, size_t resamples, double level, uint64_t seed,
                        eval_meta_result *out);

/* What eval_report_meta_csv and eval_report_meta_text (report.h) print: one row block per metric
 * (R, P and F of each ROUGE metric), named as in the rouge CSV with the score appended:
 * "rouge-2-f". */
typedef struct {
    const char *const *names;        /* n metric names */
    const eval_meta_result *results; /* n */
    size_t n;
    /* settings, echoed by the text writer */
    size_t n_systems, n_topics;
    const char *grades, *column;
    const char *settings; /* a line on the ROUGE settings, or NULL */
    int resample;
    size_t resamples;
    double level;
    unsigned long long seed;
} eval_meta_report;

#endif
