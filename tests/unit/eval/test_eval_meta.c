/* test_eval_meta.c - meta-evaluation against hand-computed values: Pearson, Spearman and Kendall
 * tau-b with and without ties, undefined cases, system- and summary-level correlation on a small
 * matrix, and the bootstrap intervals (determinism, paired draws, degenerate resampling). */
#include "test_util.h"

#include "eval/meta.h"

/* No ties: x = 1..5, y = 2 1 4 3 5. Deviations from the mean 3: (-2,-1,0,1,2) and (-1,-2,1,0,2):
 * Pearson 8/10; ranks are the values, so Spearman is 0.8 too; 8 concordant and 2 discordant
 * pairs ((1,2) and (3,4)) give tau 6/10. */
static void test_meta_coefficients_without_ties(void **state) {
    (void)state;
    const double x[] = {1, 2, 3, 4, 5}, y[] = {2, 1, 4, 3, 5};
    assert_double_near(eval_pearson(x, y, 5), 0.8, 1e-12);
    assert_double_near(eval_spearman(x, y, 5), 0.8, 1e-12);
    assert_double_near(eval_kendall(x, y, 5), 0.6, 1e-12);
    /* the scale of either side does not matter; reversing one side flips the sign */
    const double x10[] = {10, 20, 30, 40, 50}, yr[] = {-2, -1, -4, -3, -5};
    assert_double_near(eval_pearson(x10, y, 5), 0.8, 1e-12);
    assert_double_near(eval_spearman(x, yr, 5), -0.8, 1e-12);
    assert_double_near(eval_kendall(x, yr, 5), -0.6, 1e-12);
}

/* Ties: x = 1 2 2 3, y = 1 3 2 2. Pearson: deviations (-1,0,0,1) and (-1,1,0,0): 1/2.
 * Mid-ranks (1, 2.5, 2.5, 4) and (1, 4, 2.5, 2.5): deviations (-1.5,0,0,1.5), (-1.5,1.5,0,0):
 * Spearman 2.25/4.5 = 1/2. Kendall: pairs (1,2) (1,3) (1,4) concordant, (2,4) discordant, (2,3)
 * tied in x, (3,4) tied in y: tau-b = (3-1)/sqrt((6-1)(6-1)) = 0.4 (tau-a would be 2/6). */
static void test_meta_coefficients_with_ties(void **state) {
    (void)state;
    const double x[] = {1, 2, 2, 3}, y[] = {1, 3, 2, 2};
    assert_double_near(eval_pearson(x, y, 4), 0.5, 1e-12);
    assert_double_near(eval_spearman(x, y, 4), 0.5, 1e-12);
    assert_double_near(eval_kendall(x, y, 4), 0.4, 1e-12);
    /* a pair tied on both sides counts once in each tie total: x = 1 1 2, y = 5 5 6:
     * concordant 2, n0 = 3, one tie a side: 2 / sqrt(2 * 2) = 1 */
    const double a[] = {1, 1, 2}, b[] = {5, 5, 6};
    assert_double_near(eval_kendall(a, b, 3), 1.0, 1e-12);
    assert_double_near(eval_spearman(a, b, 3), 1.0, 1e-12);
    /* a tie that rounding made: 0.1 + 0.2 and 0.3 are one value for ranks and pairs */
    const double c[] = {0.1 + 0.2, 0.3, 0.5}, d[] = {1, 1, 2};
    assert_double_near(eval_kendall(c, d, 3), 1.0, 1e-12);
    assert_double_near(eval_spearman(c, d, 3), 1.0, 1e-12);
}

static void test_meta_undefined_coefficients_are_nan(void **state) {
    (void)state;
    const double x[] = {1, 2, 3}, k[] = {4, 4, 4};
    assert_true(isnan(eval_pearson(x, k, 3)));
    assert_true(isnan(eval_spearman(x, k, 3)));
    assert_true(isnan(eval_kendall(k, x, 3)));
    assert_true(isnan(eval_pearson(x, x, 1)));
    assert_true(isnan(eval_kendall(x, x, 0)));
}

/* Three systems, two topics (rows are systems):
 *   metric  0.1 0.3 | 0.2 0.2 | 0.4 0.5      human  1 3 | 2 2 | 3 4
 * System level: means (0.2, 0.2, 0.45) and (2, 2, 3.5): exactly proportional deviations, so
 * every coefficient is 1 (the tie between the first two systems is on both sides).
 * Summary level, topic 1: (0.1, 0.2, 0.4) vs (1, 2, 3), deviations (-2/15, -1/30, 1/6) and
 * (-1, 0, 1): Pearson 0.3 / sqrt(0.14/3 * 2); topic 2: (0.3, 0.2, 0.5) vs (3, 2, 4), deviations
 * (-1/30, -2/15, 1/6) and (0, -1, 1): the same; ranks agree in both. */
static void test_meta_levels_on_a_small_matrix(void **state) {
    (void)state;
    const double metric[] = {0.1, 0.3, 0.2, 0.2, 0.4, 0.5};
    const double human[] = {1, 3, 2, 2, 3, 4};
    eval_meta_result r;
    assert_int_equal(eval_meta_correlate(metric, human, 3, 2, EVAL_RESAMPLE_BOTH, 0, 0.95, 1, &r),
                     0);
    for (int c = 0; c < EVAL_N_COEFS; c++)
        assert_double_near(r.value[EVAL_LEVEL_SYSTEM][c], 1.0, 1e-12);
    double p1 = 0.3 / sqrt(0.14 / 3 * 2), p2 = p1;
    assert_double_near(r.value[EVAL_LEVEL_SUMMARY][EVAL_PEARSON], (p1 + p2) / 2, 1e-12);
    assert_double_near(r.value[EVAL_LEVEL_SUMMARY][EVAL_SPEARMAN], 1.0, 1e-12);
    assert_double_near(r.value[EVAL_LEVEL_SUMMARY][EVAL_KENDALL], 1.0, 1e-12);
    /* without resamples the interval is the value */
    assert_double_near(r.lo[EVAL_LEVEL_SUMMARY][EVAL_PEARSON], (p1 + p2) / 2, 1e-12);
    assert_double_near(r.hi[EVAL_LEVEL_SUMMARY][EVAL_PEARSON], (p1 + p2) / 2, 1e-12);
}

/* A summary-level topic where the metric is constant has no correlation: it is left out of the
 * mean rather than counted as 0. */
static void test_meta_summary_level_skips_undefined_topics(void **state) {
    (void)state;
    const double metric[] = {0.1, 0.5, 0.2, 0.5, 0.4, 0.5};
    const double human[] = {1, 3, 2, 1, 3, 2};
    eval_meta_result r;
    assert_int_equal(eval_meta_correlate(metric, human, 3, 2, EVAL_RESAMPLE_BOTH, 0, 0.95, 1, &r),
                     0);
    assert_double_near(r.value[EVAL_LEVEL_SUMMARY][EVAL_KENDALL], 1.0, 1e-12);
    assert_double_near(r.value[EVAL_LEVEL_SUMMARY][EVAL_SPEARMAN], 1.0, 1e-12);
}

static void test_meta_bootstrap_intervals(void **state) {
    (void)state;
    /* 6 systems x 4 topics, human grades a noisy function of the metric */
    double metric[24], human[24], other[24];
    for (int s = 0; s < 6; s++)
        for (int t = 0; t < 4; t++) {
            metric[s * 4 + t] = 0.1 * s + 0.03 * ((s * 7 + t * 3) % 5);
            human[s * 4 + t] = 1 + s * 0.5 + ((s + t) % 3);
            other[s * 4 + t] = -metric[s * 4 + t];
        }
    eval_meta_result a, b, o;
    assert_int_equal(eval_meta_correlate(metric, human, 6, 4, EVAL_RESAMPLE_BOTH, 500, 0.95, 7, &a),
                     0);
    assert_int_equal(eval_meta_correlate(metric, human, 6, 4, EVAL_RESAMPLE_BOTH, 500, 0.95, 7, &b),
                     0);
    assert_int_equal(memcmp(&a, &b, sizeof a), 0); /* same seed, same intervals */
    /* the same draws for every metric: a negated metric has the negated interval */
    assert_int_equal(eval_meta_correlate(other, human, 6, 4, EVAL_RESAMPLE_BOTH, 500, 0.95, 7, &o),
                     0);
    for (int l = 0; l < EVAL_N_LEVELS; l++)
        for (int c = 0; c < EVAL_N_COEFS; c++) {
            assert_true(a.lo[l][c] <= a.hi[l][c]);
            assert_true(a.lo[l][c] >= -1 && a.hi[l][c] <= 1);
            assert_double_near(o.value[l][c], -a.value[l][c], 1e-12);
            assert_double_near(o.lo[l][c], -a.hi[l][c], 1e-12);
            assert_double_near(o.hi[l][c], -a.lo[l][c], 1e-12);
        }
    assert_true(a.value[EVAL_LEVEL_SYSTEM][EVAL_PEARSON] > 0.5);
    assert_true(a.lo[EVAL_LEVEL_SYSTEM][EVAL_PEARSON] < a.value[EVAL_LEVEL_SYSTEM][EVAL_PEARSON]);
    /* resampling these 3 systems, of which the first two have the same means on both sides,
     * gives a constant side whenever the draw holds only the first two (8/27) or only the third
     * (1/27): a third of the draws have no correlation; they are left out and counted */
    const double m3[] = {0.1, 0.3, 0.2, 0.2, 0.4, 0.5}, h3[] = {1, 3, 2, 2, 3, 4};
    assert_int_equal(eval_meta_correlate(m3, h3, 3, 2, EVAL_RESAMPLE_SYSTEMS, 900, 0.95, 7, &b), 0);
    assert_true(b.undefined[EVAL_LEVEL_SYSTEM][EVAL_PEARSON] > 200);
    assert_true(b.undefined[EVAL_LEVEL_SYSTEM][EVAL_PEARSON] < 400);
    assert_true(b.lo[EVAL_LEVEL_SYSTEM][EVAL_PEARSON] <= 1.0);
    /* every topic alike: resampling topics alone changes nothing, the interval is the value */
    double m2[24], h2[24];
    for (int s = 0; s < 6; s++)
        for (int t = 0; t < 4; t++) {
            m2[s * 4 + t] = metric[s * 4];
            h2[s * 4 + t] = human[s * 4];
        }
    assert_int_equal(eval_meta_correlate(m2, h2, 6, 4, EVAL_RESAMPLE_TOPICS, 200, 0.95, 3, &b), 0);
    for (int l = 0; l < EVAL_N_LEVELS; l++)
        for (int c = 0; c < EVAL_N_COEFS; c++) {
            assert_double_near(b.lo[l][c], b.value[l][c], 1e-12);
            assert_double_near(b.hi[l][c], b.value[l][c], 1e-12);
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meta_coefficients_without_ties),
        cmocka_unit_test(test_meta_coefficients_with_ties),
        cmocka_unit_test(test_meta_undefined_coefficients_are_nan),
        cmocka_unit_test(test_meta_levels_on_a_small_matrix),
        cmocka_unit_test(test_meta_summary_level_skips_undefined_topics),
        cmocka_unit_test(test_meta_bootstrap_intervals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
