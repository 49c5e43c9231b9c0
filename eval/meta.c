/* meta.c - correlation of metric scores with human grades at system and summary level, and the
 * bootstrap of Deutsch, Dror and Roth (2021) over topics, systems or both for their intervals.
 * Deterministic: the harness's own generator and explicit seeds. Part of eval/, beside stats.c. */
#include "eval/meta.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/stats.h"

double eval_pearson(const double *x, const double *y, size_t n) {
    if (n < 2) return NAN;
    double mx = eval_mean(x, n), my = eval_mean(y, n);
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx <= 0 || syy <= 0) return NAN;
    double r = sxy / sqrt(sxx * syy);
    /* Rounding can push a perfect correlation a hair past 1. */
    return r > 1 ? 1 : r < -1 ? -1 : r;
}

/* Values this close are ties. Grades are means of small integers and system-level values means
 * over topics: sums taken in another order can differ in the last bit, which must not break a
 * tie between two systems that people graded alike. */
static int meta_same(double a, double b) {
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-12 * (scale > 1 ? scale : 1);
}

/* Mean ranks (1-based) of x into rank; idx is scratch of n. */
static void meta_ranks(const double *x, size_t n, size_t *idx, double *rank) {
    /* Insertion sort of the indices by value: n is the number of systems, small. */
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && x[idx[j - 1]] > x[i]) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && meta_same(x[idx[j + 1]], x[idx[i]]))
            j++;
        double r = ((double)i + (double)j) / 2.0 + 1.0;
        for (size_t k = i; k <= j; k++)
            rank[idx[k]] = r;
        i = j + 1;
    }
}

double eval_spearman(const double *x, const double *y, size_t n) {
    if (n < 2) return NAN;
    size_t *idx = malloc(n * sizeof *idx);
    double *rx = malloc(n * sizeof *rx), *ry = malloc(n * sizeof *ry);
    double rho = NAN;
    if (idx && rx && ry) {
        meta_ranks(x, n, idx, rx);
        meta_ranks(y, n, idx, ry);
        rho = eval_pearson(rx, ry, n);
    }
    free(idx);
    free(rx);
    free(ry);
    return rho;
}

double eval_kendall(const double *x, const double *y, size_t n) {
    if (n < 2) return NAN;
    double concordant = 0, discordant = 0, tied_x = 0, tied_y = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int sx = meta_same(x[i], x[j]), sy = meta_same(y[i], y[j]);
            tied_x += sx;
            tied_y += sy;
            if (sx || sy) continue;
            double dx = x[i] - x[j], dy = y[i] - y[j];
            if ((dx > 0) == (dy > 0))
                concordant++;
            else
                discordant++;
        }
    double n0 = (double)n * (double)(n - 1) / 2.0;
    double den = (n0 - tied_x) * (n0 - tied_y);
    if (den <= 0) return NAN;
    return (concordant - discordant) / sqrt(den);
}

static double meta_coef(int c, const double *x, const double *y, size_t n) {
    return c == EVAL_PEARSON    ? eval_pearson(x, y, n)
           : c == EVAL_SPEARMAN ? eval_spearman(x, y, n)
                                : eval_kendall(x, y, n);
}

typedef struct {
    double *x, *y; /* n_sys each */
} meta_scratch;

/* Coefficients at both levels on the systems sys[0..ns) and topics top[0..nt) of the matrices
 * (indices may repeat, as a bootstrap draws them). */
static void meta_levels(const double *metric, const double *human, size_t n_topics,
                        const size_t *sys, size_t ns, const size_t *top, size_t nt, meta_scratch *w,
                        double out[EVAL_N_LEVELS][EVAL_N_COEFS]) {
    for (size_t i = 0; i < ns; i++) {
        double sm = 0, sh = 0;
        for (size_t k = 0; k < nt; k++) {
            sm += metric[sys[i] * n_topics + top[k]];
            sh += human[sys[i] * n_topics + top[k]];
        }
        w->x[i] = sm / (double)nt;
        w->y[i] = sh / (double)nt;
    }
    for (int c = 0; c < EVAL_N_COEFS; c++)
        out[EVAL_LEVEL_SYSTEM][c] = meta_coef(c, w->x, w->y, ns);
    for (int c = 0; c < EVAL_N_COEFS; c++) {
        double sum = 0;
        size_t defined = 0;
        for (size_t k = 0; k < nt; k++) {
            for (size_t i = 0; i < ns; i++) {
                w->x[i] = metric[sys[i] * n_topics + top[k]];
                w->y[i] = human[sys[i] * n_topics + top[k]];
            }
            double v = meta_coef(c, w->x, w->y, ns);
            if (!isnan(v)) {
                sum += v;
                defined++;
            }
        }
        out[EVAL_LEVEL_SUMMARY][c] = defined ? sum / (double)defined : NAN;
    }
}

int eval_meta_correlate(const double *metric, const double *human, size_t n_sys, size_t n_topics,
                        int resample, size_t resamples, double level, uint64_t seed,
                        eval_meta_result *out) {
    memset(out, 0, sizeof *out);
    size_t ns = n_sys ? n_sys : 1, nt = n_topics ? n_topics : 1;
    size_t nr = resamples ? resamples : 1;
    meta_scratch w = {malloc(ns * sizeof(double)), malloc(ns * sizeof(double))};
    size_t *sys = malloc(ns * sizeof *sys), *top = malloc(nt * sizeof *top);
    double *draws = malloc(nr * EVAL_N_LEVELS * EVAL_N_COEFS * sizeof *draws);
    int rc = 0;
    if (!w.x || !w.y || !sys || !top || !draws) {
        rc = ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n_sys; i++)
        sys[i] = i;
    for (size_t k = 0; k < n_topics; k++)
        top[k] = k;
    if (n_sys == 0 || n_topics == 0) {
        for (int l = 0; l < EVAL_N_LEVELS; l++)
            for (int c = 0; c < EVAL_N_COEFS; c++)
                out->value[l][c] = out->lo[l][c] = out->hi[l][c] = NAN;
        goto done;
    }
    meta_levels(metric, human, n_topics, sys, n_sys, top, n_topics, &w, out->value);
    eval_rng rng;
    eval_rng_seed(&rng, seed);
    double one[EVAL_N_LEVELS][EVAL_N_COEFS];
    size_t count[EVAL_N_LEVELS][EVAL_N_COEFS] = {{0}};
    for (size_t b = 0; b < resamples; b++) {
        /* Both index sets are always drawn, so a metric's draws do not depend on the mode. */
        for (size_t i = 0; i < n_sys; i++) {
            size_t d = eval_rng_below(&rng, n_sys);
            sys[i] = resample == EVAL_RESAMPLE_TOPICS ? i : d;
        }
        for (size_t k = 0; k < n_topics; k++) {
            size_t d = eval_rng_below(&rng, n_topics);
            top[k] = resample == EVAL_RESAMPLE_SYSTEMS ? k : d;
        }
        meta_levels(metric, human, n_topics, sys, n_sys, top, n_topics, &w, one);
        for (int l = 0; l < EVAL_N_LEVELS; l++)
            for (int c = 0; c < EVAL_N_COEFS; c++) {
                if (isnan(one[l][c])) {
                    out->undefined[l][c]++;
                    continue;
                }
                draws[((size_t)l * EVAL_N_COEFS + (size_t)c) * nr + count[l][c]++] = one[l][c];
            }
    }
    for (int l = 0; l < EVAL_N_LEVELS; l++)
        for (int c = 0; c < EVAL_N_COEFS; c++) {
            double *d = draws + ((size_t)l * EVAL_N_COEFS + (size_t)c) * nr;
            size_t n = count[l][c];
            if (n == 0) {
                out->lo[l][c] = out->hi[l][c] = resamples ? NAN : out->value[l][c];
                continue;
            }
            eval_sort_doubles(d, n);
            out->lo[l][c] = eval_quantile(d, n, (1.0 - level) / 2.0);
            out->hi[l][c] = eval_quantile(d, n, (1.0 + level) / 2.0);
        }
done:
    free(w.x);
    free(w.y);
    free(sys);
    free(top);
    free(draws);
    return rc;
}
