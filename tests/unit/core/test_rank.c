/* test_rank.c - unit tests of the rankers (summarize/rank/rank.c): TextRank's matrix-free power
 * iteration against a naive dense PageRank oracle, LexRank, centroid and lead. */
#include "test_util.h"

#include "similarity_oracle.h"

#include "summarize/rank/rank.h"
#include "vectors/similarity.h"
#include "vectors/tfidf.h"

/* Builds a TF-IDF matrix from rows of term ids given as -1-terminated lists. */
static void build(tfidf_matrix *x, const int rows[][8], size_t n_rows, size_t n_cols) {
    uint32_t terms[256];
    size_t offsets[33], k = 0;
    offsets[0] = 0;
    for (size_t r = 0; r < n_rows; r++) {
        for (size_t j = 0; j < 8 && rows[r][j] >= 0; j++)
            terms[k++] = (uint32_t)rows[r][j];
        offsets[r + 1] = k;
    }
    assert_int_equal(tfidf_build(terms, offsets, n_rows, n_cols, x), ARS_OK);
}

/* Plain PageRank over the dense weight matrix W (zero diagonal), as TextRank defines it. */
static void oracle_pagerank(const float *S, size_t n, double d, int lex, double *out) {
    double W[32][32], deg[32], p[32], next[32];
    for (size_t i = 0; i < n; i++) {
        deg[i] = 0;
        for (size_t j = 0; j < n; j++) {
            double w = i == j ? 0.0 : S[i * n + j];
            if (lex) w = w >= 0.1 ? 1.0 : 0.0;
            W[i][j] = w;
            deg[i] += w;
        }
        p[i] = 1.0 / (double)n;
    }
    for (int it = 0; it < 1000; it++) {
        double dangling = 0.0;
        for (size_t j = 0; j < n; j++)
            if (deg[j] == 0.0) dangling += p[j];
        for (size_t i = 0; i < n; i++) {
            double acc = 0.0;
            for (size_t j = 0; j < n; j++)
                if (deg[j] > 0.0) acc += W[j][i] * p[j] / deg[j];
            next[i] = (1.0 - d) / (double)n + d * (acc + dangling / (double)n);
        }
        for (size_t i = 0; i < n; i++)
            p[i] = next[i];
    }
    for (size_t i = 0; i < n; i++)
        out[i] = p[i];
}

static const int ROWS[][8] = {
    {0, 1, 2, -1}, {0, 1, 3, -1}, {1, 2, 3, 4, -1}, {5, 6, -1}, {0, 0, 1, 7, -1}, {8, -1},
};
#define N_ROWS (sizeof ROWS / sizeof *ROWS)

static void test_textrank_matches_dense_pagerank_oracle(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x, ROWS, N_ROWS, 9);
    float S[N_ROWS * N_ROWS];
    similarity_naive(&x, S);
    double expect[N_ROWS], got[N_ROWS];
    oracle_pagerank(S, N_ROWS, 0.85, 0, expect);
    rank_graph g = {&x};
    rank_pagerank_params p = {0.85, 1e-12, 1000};
    int iters = 0;
    assert_int_equal(rank_textrank(&g, &p, got, &iters), ARS_OK);
    assert_true(iters > 1 && iters < 1000);
    double sum = 0.0;
    for (size_t i = 0; i < N_ROWS; i++) {
        assert_double_near(got[i], expect[i], 1e-6);
        sum += got[i];
    }
    assert_double_near(sum, 1.0, 1e-9);
    /* Row 5 shares no term with anything: it only gets the teleport and dangling mass. */
    assert_true(got[5] < got[0]);
    tfidf_free(&x);
}

static void test_textrank_stops_at_iteration_cap(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x, ROWS, N_ROWS, 9);
    rank_graph g = {&x};
    rank_pagerank_params p = {0.85, 1e-300, 3};
    double got[N_ROWS];
    int iters = 0;
    assert_int_equal(rank_textrank(&g, &p, got, &iters), ARS_OK);
    assert_int_equal(iters, 3);
    tfidf_free(&x);
}

static void test_lexrank_matches_oracle(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x, ROWS, N_ROWS, 9);
    float S[N_ROWS * N_ROWS];
    similarity_naive(&x, S);
    rank_graph g = {&x};
    rank_pagerank_params p = {0.85, 1e-12, 1000};
    double got[N_ROWS], expect[N_ROWS];
    int iters;
    assert_int_equal(rank_lexrank(&g, 0.1, &p, got, &iters), ARS_OK);
    oracle_pagerank(S, N_ROWS, 0.85, 1, expect);
    for (size_t i = 0; i < N_ROWS; i++)
        assert_double_near(got[i], expect[i], 1e-9);
    tfidf_free(&x);
}

static void test_centroid_prefers_the_typical_sentence(void **state) {
    (void)state;
    static const int rows[][8] = {{0, 1, -1}, {0, 1, -1}, {0, 2, -1}, {3, -1}};
    tfidf_matrix x;
    build(&x, rows, 4, 4);
    double s[4];
    assert_int_equal(rank_centroid(&x, s), ARS_OK);
    assert_true(s[0] > s[2]);
    assert_true(s[2] > s[3]);
    assert_double_near(s[0], s[1], 1e-12);
    for (size_t i = 0; i < 4; i++)
        assert_true(s[i] >= 0.0 && s[i] <= 1.0 + 1e-9);
    tfidf_free(&x);
}

static void test_lead_scores_earlier_positions_higher(void **state) {
    (void)state;
    size_t pos[] = {0, 1, 2, 0, 1};
    double s[5];
    rank_lead(pos, 5, s);
    assert_double_near(s[0], 1.0, 0);
    assert_double_near(s[3], 1.0, 0);
    assert_true(s[1] > s[2]);
    assert_double_near(s[1], s[4], 0);
}

static void test_median_sorts_and_takes_the_middle(void **state) {
    (void)state;
    double odd[] = {0.5, 0.1, 0.9}, even[] = {0.4, 0.0, 1.0, 0.2}, one[] = {0.7};
    assert_double_near(rank_median_sort(odd, 3), 0.5, 0);
    assert_double_near(rank_median_sort(even, 4), 0.3, 1e-12); /* the middle two averaged */
    assert_double_near(even[0], 0.0, 0);                       /* sorted */
    assert_double_near(even[3], 1.0, 0);
    assert_double_near(rank_median_sort(one, 1), 0.7, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textrank_matches_dense_pagerank_oracle),
        cmocka_unit_test(test_textrank_stops_at_iteration_cap),
        cmocka_unit_test(test_lexrank_matches_oracle),
        cmocka_unit_test(test_centroid_prefers_the_typical_sentence),
        cmocka_unit_test(test_lead_scores_earlier_positions_higher),
        cmocka_unit_test(test_median_sorts_and_takes_the_middle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
