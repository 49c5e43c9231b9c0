/* stats.c - seeded resampling for the harness: bootstrap intervals of macro averages and paired
 * significance tests. Deterministic by construction (own generator, explicit seeds). Part of
 * eval/. */
#include "eval/stats.h"

/* Up to this many pairs the randomisation test enumerates all swap patterns. */
#define STATS_EXACT_MAX_PAIRS 20

#include <errno.h>
#include <math.h>
#include <stdlib.h>

void eval_rng_seed(eval_rng *r, uint64_t seed) {
    r->state = seed;
}

uint64_t eval_rng_next(eval_rng *r) {
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t eval_rng_below(eval_rng *r, size_t n) {
    uint64_t bound = (uint64_t)n;
    /* Reject the top sliver that would make small values more likely. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x;
    do
        x = eval_rng_next(r);
    while (x >= limit);
    return (size_t)(x % bound);
}

double eval_mean(const double *x, size_t n) {
    if (n == 0) return 0.0;
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s / (double)n;
}

static int stats_cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ROUGE-1.5.5 reads the interval at delta = R(1-level)/2 from each end and interpolates between
 * the two order statistics around that point; indices are clamped for tiny R. */
static double stats_order(const double *s, size_t r, double pos) {
    if (pos <= 0) return s[0];
    if (pos >= (double)(r - 1)) return s[r - 1];
    size_t a = (size_t)pos;
    double frac = pos - (double)a;
    return s[a] + (s[a + 1] - s[a]) * frac;
}

/* The `level` interval of sorted[0..n) as ROUGE-1.5.5 reads it from its resampled means. */
static void stats_rouge_interval(const double *sorted, size_t n, double level, double *lo,
                                 double *hi) {
    double r = (double)n;
    double delta = r * (1.0 - level) / 2.0;
    double upper = r - delta - 1.0;
    /* Both ends use the fractional part of the upper position, as the script does. */
    double frac = upper - floor(upper);
    *lo = stats_order(sorted, n, floor(delta) + frac);
    *hi = stats_order(sorted, n, upper);
}

int eval_bootstrap_ci(const double *x, size_t n, size_t resamples, double level, uint64_t seed,
                      double *lo, double *hi) {
    if (n == 0) {
        *lo = *hi = 0;
        return 0;
    }
    if (resamples == 0) {
        *lo = *hi = eval_mean(x, n);
        return 0;
    }
    double *means = malloc(resamples * sizeof *means);
    if (!means) return ENOMEM;
    eval_rng rng;
    eval_rng_seed(&rng, seed);
    for (size_t k = 0; k < resamples; k++) {
        double s = 0;
        for (size_t i = 0; i < n; i++)
            s += x[eval_rng_below(&rng, n)];
        means[k] = s / (double)n;
    }
    eval_sort_doubles(means, resamples);
    stats_rouge_interval(means, resamples, level, lo, hi);
    free(means);
    return 0;
}

void eval_sort_doubles(double *x, size_t n) {
    qsort(x, n, sizeof *x, stats_cmp_double);
}

double eval_quantile(const double *sorted, size_t n, double q) {
    return stats_order(sorted, n, q * (double)(n - 1));
}

int eval_paired_randomization(const double *a, const double *b, size_t n, size_t trials,
                              uint64_t seed, double *p) {
    if (n == 0) {
        *p = 1.0;
        return 0;
    }
    double observed = 0;
    for (size_t i = 0; i < n; i++)
        observed += a[i] - b[i];
    observed = fabs(observed);
    /* Sums, not means: the same comparison without n divisions; the slack absorbs rounding. */
    double eps = 1e-12 * (observed + 1.0);
    size_t extreme = 0;
    if (n <= STATS_EXACT_MAX_PAIRS && ((size_t)1 << n) <= trials) {
        /* Few topics: every one of the 2^n swap patterns, i.e. the exact permutation test. */
        size_t patterns = (size_t)1 << n;
        for (size_t mask = 0; mask < patterns; mask++) {
            double s = 0;
            for (size_t i = 0; i < n; i++)
                s += (mask >> i & 1) ? -(a[i] - b[i]) : a[i] - b[i];
            if (fabs(s) >= observed - eps) extreme++;
        }
        *p = (double)extreme / (double)patterns;
        return 0;
    }
    eval_rng rng;
    eval_rng_seed(&rng, seed);
    for (size_t t = 0; t < trials; t++) {
        double s = 0;
        for (size_t i = 0; i < n; i++) {
            double d = a[i] - b[i];
            s += (eval_rng_next(&rng) >> 63) ? -d : d;
        }
        if (fabs(s) >= observed - eps) extreme++;
    }
    *p = (double)(extreme + 1) / (double)(trials + 1);
    return 0;
}

int eval_paired_bootstrap(const double *a, const double *b, size_t n, size_t resamples,
                          uint64_t seed, double *p) {
    double d = 0;
    for (size_t i = 0; i < n; i++)
        d += a[i] - b[i];
    if (n == 0 || d == 0 || resamples == 0) {
        *p = 1.0;
        return 0;
    }
    d /= (double)n;
    double sign = d > 0 ? 1.0 : -1.0;
    eval_rng rng;
    eval_rng_seed(&rng, seed);
    size_t beyond = 0;
    for (size_t k = 0; k < resamples; k++) {
        double s = 0;
        for (size_t i = 0; i < n; i++) {
            size_t j = eval_rng_below(&rng, n);
            s += a[j] - b[j];
        }
        if (sign * (s / (double)n) > 2.0 * fabs(d)) beyond++;
    }
    *p = (double)beyond / (double)resamples;
    return 0;
}
