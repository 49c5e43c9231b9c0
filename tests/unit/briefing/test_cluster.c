/* test_cluster.c - unit tests of the briefing's clustering (summarize/briefing/cluster.c): the
 * prefix-filtered pair search against all pairs, centroid linkage against a naive oracle (greedy
 * merging on the full matrix, recomputing every cluster similarity from the rows each time), the
 * pair weights, and the split of groups too large for one dense matrix. */
#include "test_util.h"

#include "summarize/briefing/cluster.h"
#include "vectors/tfidf.h"

/* Deterministic pseudo-random numbers (xorshift), so the tests need no seed handling. */
static uint32_t rng_state = 2463534242u;
static uint32_t rng_next(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* Documents drawn around k topics: each document takes `own` terms from its topic's pool of 12
 * and `noise` terms from a shared pool of 40 (ids after the topics'). topic[i] records the truth.
 */
static void build_topics(tfidf_matrix *x, size_t n, size_t k, size_t own, size_t noise,
                         size_t *topic) {
    uint32_t *terms = malloc(n * (own + noise) * sizeof *terms);
    size_t *offsets = malloc((n + 1) * sizeof *offsets), t = 0;
    assert_non_null(terms);
    assert_non_null(offsets);
    offsets[0] = 0;
    for (size_t i = 0; i < n; i++) {
        topic[i] = rng_next() % k;
        for (size_t j = 0; j < own; j++)
            terms[t++] = (uint32_t)(topic[i] * 12 + rng_next() % 12);
        for (size_t j = 0; j < noise; j++)
            terms[t++] = (uint32_t)(k * 12 + rng_next() % 40);
        offsets[i + 1] = t;
    }
    assert_int_equal(tfidf_build(terms, offsets, n, k * 12 + 40, x), ARS_OK);
    free(terms);
    free(offsets);
}

typedef struct {
    const size_t *group; /* documents in different groups weigh 0 */
} weight_ctx;

static double weight_by_group(void *ctx, size_t i, size_t j) {
    const weight_ctx *w = ctx;
    return w->group[i] == w->group[j] ? 1.0 : 0.0;
}

/* Centroid linkage the slow way: S[i][j] = cos * weight (S[i][i] = 1); the similarity of
 * clusters A and C is sum(S over A x C) / sqrt(sum(S over A x A) * sum(S over C x C)); only
 * clusters in the same group of rows linked at p->link may merge; the most similar pair (the
 * first in row order among equals) merges while its similarity is >= p->threshold. Returns the
 * number of clusters; labels numbered by first row. */
static size_t oracle_centroid(const tfidf_matrix *x, const cluster_params *p, size_t *label) {
    size_t n = x->n_rows;
    double *S = malloc(n * n * sizeof *S);
    size_t *of = malloc(n * sizeof *of), *group = malloc(n * sizeof *group);
    assert_non_null(S);
    assert_non_null(of);
    assert_non_null(group);
    for (size_t i = 0; i < n; i++) {
        of[i] = group[i] = i;
        for (size_t j = 0; j < n; j++)
            S[i * n + j] = i == j ? 1.0
                                  : (double)tfidf_dot(x, i, j) *
                                        (p->weight ? p->weight(p->weight_ctx, i, j) : 1.0);
    }
    for (int changed = 1; changed;) { /* groups: connected by links */
        changed = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (i != j && S[i * n + j] >= p->link && group[j] != group[i]) {
                    size_t lo = group[i] < group[j] ? group[i] : group[j];
                    group[i] = group[j] = lo;
                    changed = 1;
                }
    }
    for (;;) {
        double best = -1.0;
        size_t ba = 0, bb = 0;
        for (size_t a = 0; a < n; a++) {
            if (of[a] != a) continue;
            for (size_t b = a + 1; b < n; b++) {
                if (of[b] != b || group[a] != group[b]) continue;
                double ab = 0.0, aa = 0.0, bbs = 0.0;
                for (size_t i = 0; i < n; i++)
                    for (size_t j = 0; j < n; j++) {
                        if (of[i] == a && of[j] == b) ab += S[i * n + j];
                        if (of[i] == a && of[j] == a) aa += S[i * n + j];
                        if (of[i] == b && of[j] == b) bbs += S[i * n + j];
                    }
                double sim = ab / sqrt(aa * bbs);
                if (sim > best) {
                    best = sim;
                    ba = a;
                    bb = b;
                }
            }
        }
        if (best < p->threshold) break;
        for (size_t i = 0; i < n; i++)
            if (of[i] == bb) of[i] = ba;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        label[i] = of[i] == i ? k++ : label[of[i]];
    free(S);
    free(of);
    free(group);
    return k;
}

static void test_similar_pairs_finds_every_pair_above_threshold(void **state) {
    (void)state;
    size_t topic[120];
    tfidf_matrix x;
    build_topics(&x, 120, 6, 5, 6, topic);
    const double ts[] = {0.1, 0.25, 0.4, 0.7};
    for (size_t q = 0; q < sizeof ts / sizeof *ts; q++) {
        cluster_params p = {ts[q], ts[q], NULL, NULL, 0, 0};
        size_t *pairs, n_pairs;
        float *sims;
        assert_int_equal(cluster_similar_pairs(&x, &p, &pairs, &sims, &n_pairs), ARS_OK);
        size_t e = 0;
        for (size_t j = 0; j < x.n_rows; j++)
            for (size_t i = 0; i < j; i++) {
                float s = tfidf_dot(&x, i, j);
                if ((double)s < ts[q]) continue;
                assert_true(e < n_pairs);
                assert_int_equal(pairs[2 * e], i);
                assert_int_equal(pairs[2 * e + 1], j);
                assert_double_near(sims[e], s, 1e-7);
                e++;
            }
        assert_int_equal(e, n_pairs);
        free(pairs);
        free(sims);
    }
    tfidf_free(&x);
}

/* Rows whose common terms (here the shared pool, each in about 240 of 1,200 rows) stay out of the
 * index: a pair is found when it reaches the threshold and shares a rarer term, and its
 * similarity is tfidf_dot's float exactly, though the search sums the terms in another order. */
static void test_similar_pairs_with_common_terms_match_oracle(void **state) {
    (void)state;
    enum { N = 1200 };
    static size_t topic[N];
    tfidf_matrix x;
    build_topics(&x, N, 30, 5, 8, topic);
    size_t *df = calloc(x.n_cols, sizeof *df);
    assert_non_null(df);
    for (size_t k = 0; k < x.row_ptr[N]; k++)
        df[x.col[k]]++;
    size_t common = 64; /* cluster.c: more than max(N / 32, 64) rows */
    size_t n_common = 0;
    for (size_t c = 0; c < x.n_cols; c++)
        n_common += df[c] > common;
    assert_true(n_common >= 30); /* the test is about them */
    const double ts[] = {0.1, 0.3};
    for (size_t q = 0; q < sizeof ts / sizeof *ts; q++) {
        cluster_params p = {ts[q], ts[q], NULL, NULL, 0, 0};
        size_t *pairs, n_pairs;
        float *sims;
        assert_int_equal(cluster_similar_pairs(&x, &p, &pairs, &sims, &n_pairs), ARS_OK);
        size_t e = 0, n_common_only = 0;
        for (size_t j = 0; j < N; j++)
            for (size_t i = 0; i < j; i++) {
                float s = tfidf_dot(&x, i, j);
                if ((double)s < ts[q]) continue;
                int rare = 0;
                for (size_t a = x.row_ptr[i]; a < x.row_ptr[i + 1] && !rare; a++)
                    for (size_t b = x.row_ptr[j]; b < x.row_ptr[j + 1] && !rare; b++)
                        rare = x.col[a] == x.col[b] && df[x.col[a]] <= common;
                if (!rare) {
                    n_common_only++;
                    continue;
                }
                assert_true(e < n_pairs);
                assert_int_equal(pairs[2 * e], i);
                assert_int_equal(pairs[2 * e + 1], j);
                assert_true(sims[e] == s);
                e++;
            }
        assert_int_equal(e, n_pairs);
        assert_true(n_pairs > 1000);
        if (q == 0) assert_true(n_common_only > 0); /* pairs alike only in common words exist */
        free(pairs);
        free(sims);
    }
    free(df);
    tfidf_free(&x);
}

static void assert_same_labels(const size_t *a, const size_t *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        assert_int_equal(a[i], b[i]);
}

static void test_centroid_link_matches_slow_oracle(void **state) {
    (void)state;
    size_t topic[50], got[50], want[50], k_got, k_want;
    for (int round = 0; round < 4; round++) {
        tfidf_matrix x;
        build_topics(&x, 50, 5 + (size_t)round, 4, 3 + (size_t)round * 2, topic);
        const double ts[] = {0.15, 0.3, 0.5}, links[] = {0.25, 0.5, 1.0};
        for (size_t q = 0; q < 3; q++) {
            cluster_params p = {ts[q], ts[q] * links[(q + (size_t)round) % 3], NULL, NULL, 0, 0};
            assert_int_equal(cluster_centroid_link(&x, &p, got, &k_got), ARS_OK);
            k_want = oracle_centroid(&x, &p, want);
            assert_int_equal(k_got, k_want);
            assert_same_labels(got, want, 50);
        }
        tfidf_free(&x);
    }
}

static void test_centroid_link_recovers_topics(void **state) {
    (void)state;
    size_t topic[80], got[80], k;
    tfidf_matrix x;
    build_topics(&x, 80, 4, 8, 2, topic); /* mean cosine 0.35 within a topic, 0.01 across */
    cluster_params p = {0.3, 0.15, NULL, NULL, 0, 0};
    assert_int_equal(cluster_centroid_link(&x, &p, got, &k), ARS_OK);
    assert_int_equal(k, 4);
    for (size_t i = 0; i < 80; i++)
        for (size_t j = 0; j < 80; j++)
            assert_int_equal(got[i] == got[j], topic[i] == topic[j]);
    tfidf_free(&x);
}

static void test_zero_weight_keeps_documents_apart(void **state) {
    (void)state;
    size_t topic[40], group[40], got[40], want[40], k, kw;
    tfidf_matrix x;
    build_topics(&x, 40, 2, 8, 2, topic);
    for (size_t i = 0; i < 40; i++)
        group[i] = i % 3 == 0; /* a third of each topic was written years apart */
    weight_ctx w = {group};
    cluster_params p = {0.3, 0.15, weight_by_group, &w, 0, 0};
    assert_int_equal(cluster_centroid_link(&x, &p, got, &k), ARS_OK);
    kw = oracle_centroid(&x, &p, want);
    assert_int_equal(k, kw);
    assert_same_labels(got, want, 40);
    assert_true(k >= 4); /* at least each topic in each group */
    for (size_t i = 0; i < 40; i++)
        for (size_t j = 0; j < 40; j++)
            if (group[i] != group[j]) assert_true(got[i] != got[j]);
    tfidf_free(&x);
}

static void test_empty_rows_and_identical_rows(void **state) {
    (void)state;
    /* rows 0 and 2 identical, row 1 empty, row 3 unrelated */
    uint32_t terms[] = {0, 1, 2, 0, 1, 2, 5, 6};
    size_t offsets[] = {0, 3, 3, 6, 8};
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, 4, 7, &x), ARS_OK);
    size_t got[4], k;
    cluster_params p = {0.99, 0.99, NULL, NULL, 0, 0}; /* identical rows merge at any threshold */
    assert_int_equal(cluster_centroid_link(&x, &p, got, &k), ARS_OK);
    assert_int_equal(k, 3);
    assert_int_equal(got[0], 0);
    assert_int_equal(got[1], 1);
    assert_int_equal(got[2], 0);
    assert_int_equal(got[3], 2);
    tfidf_free(&x);
}

static void test_large_component_is_split_and_keeps_tight_clusters(void **state) {
    (void)state;
    /* Four tight topics chained into one group by weak links: with room for 30 rows per dense
     * matrix the group (80 rows) is split at a higher link threshold, and the tight clusters come
     * out as without the limit. */
    size_t topic[80], got[80], want[80], k, kw;
    tfidf_matrix x;
    build_topics(&x, 80, 4, 8, 3, topic);
    cluster_params p = {0.3, 0.05, NULL, NULL, 0, 0};
    kw = 0;
    assert_int_equal(cluster_centroid_link(&x, &p, want, &kw), ARS_OK);
    p.dense_max = 30;
    assert_int_equal(cluster_centroid_link(&x, &p, got, &k), ARS_OK);
    /* Every cluster of the split run fits the limit and lies inside one cluster of the exact run
     * or one topic. */
    size_t count[80] = {0};
    for (size_t i = 0; i < 80; i++)
        count[got[i]]++;
    for (size_t c = 0; c < k; c++)
        assert_true(count[c] <= 30);
    for (size_t i = 0; i < 80; i++)
        for (size_t j = 0; j < 80; j++)
            if (got[i] == got[j]) assert_true(topic[i] == topic[j] || want[i] == want[j]);
    assert_true(k >= kw);
    tfidf_free(&x);
}

static void test_too_many_links_fall_back_to_chunks(void **state) {
    (void)state;
    /* Five groups of 60 identical rows (a term of their own, and two every row has): 8,850
     * links, over a bound of 100; the link threshold rises to the clustering threshold, then
     * the rows are taken in chunks of dense_max (100), each chunk clustered on its own. */
    enum { N = 300, GROUP = 60 };
    uint32_t terms[N * 3];
    size_t offsets[N + 1];
    offsets[0] = 0;
    for (size_t i = 0; i < N; i++) {
        terms[3 * i] = 0;
        terms[3 * i + 1] = 1;
        terms[3 * i + 2] = (uint32_t)(2 + i / GROUP);
        offsets[i + 1] = 3 * (i + 1);
    }
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, N, 2 + N / GROUP, &x), ARS_OK);
    cluster_params p = {0.9, 0.45, NULL, NULL, 100, 100};
    size_t *pairs, n_pairs;
    float *sims;
    assert_int_equal(cluster_similar_pairs(&x, &p, &pairs, &sims, &n_pairs), ARS_ELIMIT);
    size_t label[N], k;
    assert_int_equal(cluster_centroid_link(&x, &p, label, &k), ARS_OK);
    assert_true(k >= 5 && k <= 10);
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++)
            if (label[i] == label[j]) assert_int_equal(i / GROUP, j / GROUP);
    tfidf_free(&x);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_similar_pairs_finds_every_pair_above_threshold),
        cmocka_unit_test(test_similar_pairs_with_common_terms_match_oracle),
        cmocka_unit_test(test_centroid_link_matches_slow_oracle),
        cmocka_unit_test(test_centroid_link_recovers_topics),
        cmocka_unit_test(test_zero_weight_keeps_documents_apart),
        cmocka_unit_test(test_empty_rows_and_identical_rows),
        cmocka_unit_test(test_large_component_is_split_and_keeps_tight_clusters),
        cmocka_unit_test(test_too_many_links_fall_back_to_chunks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
