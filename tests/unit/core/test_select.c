/* test_select.c - unit tests of selection and ordering (summarize/rank/select.c): word budget,
 * the hard similarity cap, MMR's preference for novelty, deterministic ties, output order. */
#include "test_util.h"

#include "summarize/rank/select.h"
#include "vectors/tfidf.h"

/* Sentences 0 and 1 are identical, 2 overlaps them partly, 3 and 4 are unrelated to all. */
static void build(tfidf_matrix *x) {
    uint32_t terms[] = {0, 1, 2, /**/ 0, 1, 2, /**/ 0, 3, 4, /**/ 5, 6, /**/ 7, 8};
    size_t offsets[] = {0, 3, 6, 9, 11, 13};
    assert_int_equal(tfidf_build(terms, offsets, 5, 9, x), ARS_OK);
}

static void test_select_never_takes_two_sentences_over_the_cap(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 10}, {0.99, 10}, {0.5, 10}, {0.4, 10}, {0.3, 10}};
    select_params p = {0, 0.7, 0.5, 0, 0, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            assert_true(rank_graph_sim(&g, chosen[a], chosen[b]) < 0.5);
    assert_int_equal(chosen[0], 0);
    for (size_t a = 0; a < n; a++)
        assert_int_not_equal(chosen[a], 1); /* the duplicate */
    tfidf_free(&x);
}

static void test_select_respects_word_budget_without_cutting(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 30}, {0.9, 10}, {0.8, 25}, {0.7, 15}, {0.6, 5}};
    select_params p = {0,  0.7, 1.01,
                       50, 0,   SELECT_BUDGET_STRICT}; /* no cap: 0 and 1 are duplicates */
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    size_t words = 0;
    for (size_t a = 0; a < n; a++)
        words += items[chosen[a]].n_words;
    assert_true(words <= 50);
    /* 30 + 10 fit; 25 does not; 15 does not (55); 5 does: 45. */
    assert_int_equal(n, 3);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 1);
    assert_int_equal(chosen[2], 4);
    tfidf_free(&x);
}

/* Strict: nothing fits, nothing is chosen (the caller reports it); the budget is a limit. */
static void test_select_strict_chooses_nothing_when_nothing_fits(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{0.2, 30}, {0.9, 40}, {0.8, 25}, {0.7, 15}, {0.6, 50}};
    select_params p = {1, 0.7, 0.5, 3, 0, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 7;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 0);
    tfidf_free(&x);
}

/* First: the best sentence may run past the budget, up to twice it, when it comes first; after
 * it, sentences must fit. */
static void test_select_first_lets_only_the_first_sentence_run_over(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 30}, {0.9, 40}, {0.8, 5}, {0.7, 15}, {0.6, 2}};
    select_params p = {0, 1.0, 1.01, 25, 0, SELECT_BUDGET_FIRST};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 1); /* 30 words already: nothing else fits in 25 */
    assert_int_equal(chosen[0], 0);
    items[0].n_words = 20; /* 20 + 5 = 25 fits, then nothing */
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(chosen[1], 2);
    items[0].n_words = 51; /* over twice the budget: never, the next best comes first */
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(chosen[0], 1);
    tfidf_free(&x);
}

/* Fill: sentences are added until the budget is reached; the summary stays within twice it. */
static void test_select_fill_reaches_the_budget(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 10}, {0.9, 10}, {0.8, 45}, {0.7, 20}, {0.6, 5}};
    select_params p = {0, 1.0, 1.01, 25, 0, SELECT_BUDGET_FILL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    /* 10 + 10 = 20 < 25; 45 would make 65 > 50; 20 makes 40: the budget is reached. */
    assert_int_equal(n, 3);
    assert_int_equal(chosen[2], 3);
    tfidf_free(&x);
}

/* A sentence of relevance 0 (an article left out) is never chosen, whatever the budget. */
static void test_select_never_takes_zero_relevance(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 1}, {0.0, 1}, {0.0, 1}, {0.5, 1}, {0.0, 1}};
    select_params p = {0, 1.0, 1.01, 0, 0, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    tfidf_free(&x);
}

static void test_select_sentence_budget_stops_selection(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{1.0, 1}, {0.9, 1}, {0.8, 1}, {0.7, 1}, {0.6, 1}};
    select_params p = {1, 0.7, 1.0, 0, 2, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    tfidf_free(&x);
}

static void test_mmr_prefers_novel_sentence_over_redundant_one(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    /* 2 overlaps 0; 3 is new. By relevance alone 2 comes second; MMR with lambda 0.5 takes 3. */
    select_item items[5] = {{1.0, 1}, {0.0, 1}, {0.9, 1}, {0.8, 1}, {0.0, 1}};
    select_params greedy = {0, 0.5, 1.0, 0, 2, SELECT_BUDGET_STRICT},
                  mmr = {1, 0.5, 1.0, 0, 2, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &greedy, chosen, &n), ARS_OK);
    assert_int_equal(chosen[1], 2);
    assert_int_equal(select_sentences(&g, items, 5, &mmr, chosen, &n), ARS_OK);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    tfidf_free(&x);
}

static void test_select_breaks_ties_by_source_order(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x, NULL};
    select_item items[5] = {{0.5, 1}, {0.5, 1}, {0.5, 1}, {0.5, 1}, {0.5, 1}};
    select_params p = {0, 0.7, 1.01, 0, 0, SELECT_BUDGET_STRICT};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(chosen[i], i);
    tfidf_free(&x);
}

static void test_order_source_and_score(void **state) {
    (void)state;
    size_t idx[] = {4, 0, 3, 1, 2};
    double key[] = {0.1, 0.9, 0.5, 0.5, 0.7};
    select_order(idx, 5, NULL);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(idx[i], i);
    select_order(idx, 5, key);
    size_t expect[] = {1, 4, 2, 3, 0}; /* 2 and 3 tie: lower index first */
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(idx[i], expect[i]);
}

static void test_order_large_input_is_sorted(void **state) {
    (void)state;
    enum { N = 1000 };
    size_t *idx = malloc(N * sizeof *idx);
    double *key = malloc(N * sizeof *key);
    assert_non_null(idx);
    assert_non_null(key);
    uint32_t r = 12345;
    for (size_t i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        idx[i] = (i * 7919) % N;
        key[i] = (double)(r % 50);
    }
    select_order(idx, N, key);
    for (size_t i = 1; i < N; i++) {
        assert_true(key[idx[i - 1]] >= key[idx[i]]);
        if (key[idx[i - 1]] == key[idx[i]]) assert_true(idx[i - 1] < idx[i]);
    }
    free(idx);
    free(key);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_never_takes_two_sentences_over_the_cap),
        cmocka_unit_test(test_select_respects_word_budget_without_cutting),
        cmocka_unit_test(test_select_strict_chooses_nothing_when_nothing_fits),
        cmocka_unit_test(test_select_first_lets_only_the_first_sentence_run_over),
        cmocka_unit_test(test_select_fill_reaches_the_budget),
        cmocka_unit_test(test_select_never_takes_zero_relevance),
        cmocka_unit_test(test_select_sentence_budget_stops_selection),
        cmocka_unit_test(test_mmr_prefers_novel_sentence_over_redundant_one),
        cmocka_unit_test(test_select_breaks_ties_by_source_order),
        cmocka_unit_test(test_order_source_and_score),
        cmocka_unit_test(test_order_large_input_is_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
