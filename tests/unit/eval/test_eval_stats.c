/* test_eval_stats.c - the harness statistics: the seeded generator, bootstrap intervals (same
 * seed, same interval; sensible coverage), and the paired tests (exact enumeration, sampled
 * randomisation, paired bootstrap). */
#include "test_util.h"

#include "eval/stats.h"

static void test_stats_rng_is_reproducible_and_in_range(void **state) {
    (void)state;
    eval_rng a, b;
    eval_rng_seed(&a, 42);
    eval_rng_seed(&b, 42);
    size_t hist[7] = {0};
    for (int i = 0; i < 7000; i++) {
        assert_true(eval_rng_next(&a) == eval_rng_next(&b));
        size_t k = eval_rng_below(&a, 7);
        eval_rng_below(&b, 7);
        assert_true(k < 7);
        hist[k]++;
    }
    for (int k = 0; k < 7; k++)
        assert_true(hist[k] > 850 && hist[k] < 1150);
    eval_rng_seed(&b, 43);
    eval_rng_seed(&a, 42);
    assert_true(eval_rng_next(&a) != eval_rng_next(&b));
}

static void test_stats_bootstrap_same_seed_same_interval(void **state) {
    (void)state;
    double x[50];
    for (int i = 0; i < 50; i++)
        x[i] = (double)((i * 37) % 50) / 50.0;
    double lo1, hi1, lo2, hi2, lo3, hi3;
    assert_int_equal(eval_bootstrap_ci(x, 50, 1000, 0.95, 7, &lo1, &hi1), 0);
    assert_int_equal(eval_bootstrap_ci(x, 50, 1000, 0.95, 7, &lo2, &hi2), 0);
    assert_true(lo1 == lo2 && hi1 == hi2);
    assert_int_equal(eval_bootstrap_ci(x, 50, 1000, 0.95, 8, &lo3, &hi3), 0);
    assert_true(lo3 != lo1 || hi3 != hi1);
    double mean = eval_mean(x, 50);
    assert_double_near(mean, 0.49, 1e-12);
    assert_true(lo1 < mean && mean < hi1);
    /* The standard error of this mean is about 0.29/sqrt(50) = 0.041: a 95% interval spans
     * roughly +-0.08. */
    assert_double_near(hi1 - lo1, 2 * 1.96 * 0.2887 / sqrt(50.0), 0.03);
    double lo9, hi9;
    assert_int_equal(eval_bootstrap_ci(x, 50, 1000, 0.50, 7, &lo9, &hi9), 0);
    assert_true(hi9 - lo9 < hi1 - lo1);
}

static void test_stats_bootstrap_degenerate_inputs(void **state) {
    (void)state;
    double lo, hi;
    assert_int_equal(eval_bootstrap_ci(NULL, 0, 1000, 0.95, 1, &lo, &hi), 0);
    assert_true(lo == 0 && hi == 0);
    double c[4] = {0.3, 0.3, 0.3, 0.3};
    assert_int_equal(eval_bootstrap_ci(c, 4, 100, 0.95, 1, &lo, &hi), 0);
    assert_double_near(lo, 0.3, 1e-12);
    assert_double_near(hi, 0.3, 1e-12);
    double one[3] = {0.1, 0.2, 0.6};
    assert_int_equal(eval_bootstrap_ci(one, 3, 0, 0.95, 1, &lo, &hi), 0);
    assert_double_near(lo, 0.3, 1e-12);
    assert_double_near(hi, 0.3, 1e-12);
}

static void test_stats_randomization_exact_for_few_topics(void **state) {
    (void)state;
    /* a beats b on all 5 topics: of the 32 swap patterns only "none" and "all" are as extreme. */
    double a[5] = {0.5, 0.6, 0.7, 0.4, 0.55}, b[5] = {0.4, 0.5, 0.6, 0.3, 0.45};
    double p;
    assert_int_equal(eval_paired_randomization(a, b, 5, 10000, 1, &p), 0);
    assert_double_near(p, 2.0 / 32.0, 1e-12);
    assert_int_equal(eval_paired_randomization(a, a, 5, 10000, 1, &p), 0);
    assert_double_near(p, 1.0, 1e-12);
}

static void test_stats_randomization_sampled_separates_real_from_null(void **state) {
    (void)state;
    double a[200], b[200], c[200];
    eval_rng r;
    eval_rng_seed(&r, 3);
    for (int i = 0; i < 200; i++) {
        double base = (double)(eval_rng_next(&r) >> 11) / 9007199254740992.0;
        double noise = (double)(eval_rng_next(&r) >> 11) / 9007199254740992.0 - 0.5;
        a[i] = base + 0.05 + 0.1 * noise;
        b[i] = base;
        c[i] = 0.1 * ((double)(eval_rng_next(&r) >> 11) / 9007199254740992.0 - 0.5);
    }
    /* c - b: noise with its sample mean removed plus a shift of about a quarter of its standard
     * error (0.1 * 0.29 / sqrt(200) = 0.002): no test should call that significant. */
    double cm = eval_mean(c, 200);
    for (int i = 0; i < 200; i++)
        c[i] = b[i] + c[i] - cm + 0.0005;
    double p1, p2, p3;
    assert_int_equal(eval_paired_randomization(a, b, 200, 5000, 9, &p1), 0);
    assert_true(p1 < 0.001);
    assert_int_equal(eval_paired_randomization(c, b, 200, 5000, 9, &p2), 0);
    assert_true(p2 > 0.5);
    assert_int_equal(eval_paired_randomization(c, b, 200, 5000, 9, &p3), 0);
    assert_true(p2 == p3);
    double q1, q2;
    assert_int_equal(eval_paired_bootstrap(a, b, 200, 5000, 9, &q1), 0);
    assert_true(q1 < 0.001);
    assert_int_equal(eval_paired_bootstrap(c, b, 200, 5000, 9, &q2), 0);
    assert_true(q2 > 0.2);
    assert_int_equal(eval_paired_bootstrap(b, b, 200, 5000, 9, &q2), 0);
    assert_double_near(q2, 1.0, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_rng_is_reproducible_and_in_range),
        cmocka_unit_test(test_stats_bootstrap_same_seed_same_interval),
        cmocka_unit_test(test_stats_bootstrap_degenerate_inputs),
        cmocka_unit_test(test_stats_randomization_exact_for_few_topics),
        cmocka_unit_test(test_stats_randomization_sampled_separates_real_from_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
