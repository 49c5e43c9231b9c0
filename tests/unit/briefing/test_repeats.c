/* test_repeats.c - unit tests of the brief's repeat check (summarize/briefing/repeats.c): the
 * prefix-filtered search against every indexed set compared by hand, for several thresholds and
 * term orders; empty sets; identical sets at the threshold 1. */
#include "test_util.h"

#include <math.h>

#include "summarize/briefing/repeats.h"

static uint32_t rng_state = 88172645u;
static uint32_t rng_next(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

enum { N_TERMS = 300, MAX_SET = 24 };

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A set of 1..MAX_SET distinct terms, ascending; the 20 lowest ids are drawn far more often (common
 * words), and a set often copies part of an earlier one (near repeats). */
static size_t random_set(uint32_t *out, const uint32_t *earlier, size_t n_earlier) {
    size_t n = 1 + rng_next() % MAX_SET, k = 0;
    unsigned char in[N_TERMS] = {0};
    size_t copy = n_earlier && rng_next() % 2 ? rng_next() % (n_earlier + 1) : 0;
    for (size_t i = 0; i < copy && k < n; i++)
        if (!in[earlier[i]]) in[out[k++] = earlier[i]] = 1;
    while (k < n) {
        uint32_t t = rng_next() % 4 ? rng_next() % N_TERMS : rng_next() % 20;
        if (!in[t]) in[out[k++] = t] = 1;
    }
    qsort(out, k, sizeof *out, cmp_u32);
    return k;
}

static size_t overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    size_t o = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            o += a[i] == b[j];
    return o;
}

static void check_against_all_sets(double max_sim, const size_t *df, size_t n_df) {
    enum { N_SETS = 600 };
    static uint32_t sets[N_SETS][MAX_SET];
    size_t size[N_SETS], n_indexed = 0, n_found = 0;
    repeats_set s;
    repeats_init(&s, max_sim, df, n_df);
    for (size_t i = 0; i < N_SETS; i++) {
        size_t from = i ? rng_next() % i : 0;
        size[i] = random_set(sets[i], i ? sets[from] : NULL, i ? size[from] : 0);
        int want = 0, got = -1;
        for (size_t j = 0; j < n_indexed; j++) {
            size_t o = overlap(sets[i], size[i], sets[j], size[j]);
            if ((double)o / sqrt((double)size[i] * (double)size[j]) >= max_sim) want = 1;
        }
        assert_int_equal(repeats_check(&s, sets[i], size[i], &got), ARS_OK);
        assert_int_equal(got, want);
        n_found += (size_t)want;
        if (!want) { /* as the brief does: what repeats is dropped, the rest indexed */
            assert_int_equal(repeats_add(&s, sets[i], size[i]), ARS_OK);
            if (n_indexed != i) {
                memmove(sets[n_indexed], sets[i], sizeof sets[i]);
                size[n_indexed] = size[i];
            }
            n_indexed++;
        }
    }
    assert_true(n_found >= 5 && n_indexed >= 50); /* both answers were asked for */
    repeats_free(&s);
    repeats_free(&s); /* idempotent */
}

static void test_prefix_search_matches_every_pair(void **state) {
    (void)state;
    size_t df[N_TERMS], reversed[N_TERMS];
    for (size_t t = 0; t < N_TERMS; t++) {
        df[t] = t < 20 ? 1000 - t : 1 + t % 7; /* the common ids last, as a corpus orders them */
        reversed[t] = N_TERMS - t;             /* common ids first: slower, the same answers */
    }
    const double sims[] = {0.2, 0.5, 0.75, 1.0};
    for (size_t k = 0; k < sizeof sims / sizeof *sims; k++) {
        check_against_all_sets(sims[k], df, N_TERMS);
        check_against_all_sets(sims[k], reversed, N_TERMS);
        check_against_all_sets(sims[k], NULL, 0);
        check_against_all_sets(sims[k], df, 10); /* terms past n_df count as the rarest */
    }
}

static void test_empty_and_identical_sets(void **state) {
    (void)state;
    repeats_set s;
    repeats_init(&s, 1.0, NULL, 0);
    int found = -1;
    assert_int_equal(repeats_check(&s, NULL, 0, &found), ARS_OK);
    assert_int_equal(found, 0);
    const uint32_t a[] = {3, 70000, 70001}, b[] = {3, 70000};
    assert_int_equal(repeats_add(&s, NULL, 0), ARS_OK); /* an empty set repeats nothing */
    assert_int_equal(repeats_add(&s, a, 3), ARS_OK);
    assert_int_equal(repeats_check(&s, b, 2, &found), ARS_OK);
    assert_int_equal(found, 0); /* cosine 2 / sqrt(6) < 1 */
    assert_int_equal(repeats_check(&s, a, 3, &found), ARS_OK);
    assert_int_equal(found, 1);
    assert_int_equal(repeats_check(&s, NULL, 0, &found), ARS_OK);
    assert_int_equal(found, 0);
    repeats_free(&s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefix_search_matches_every_pair),
        cmocka_unit_test(test_empty_and_identical_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
