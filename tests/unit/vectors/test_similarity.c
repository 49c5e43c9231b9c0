/* test_similarity.c - unit tests of vectors/similarity.c: the BLAS path held against the naive
 * loop on seeded random sparse matrices of many shapes (column chunking forced through the
 * internal entry point), symmetry and diagonal, the matrix-free product, the size guards, and a
 * BLAS opened on first use (ARS_BLAS_SONAME): absent until then, failures told. */
#include "test_util.h"

#include "similarity_oracle.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#if defined(ARS_BLAS_SONAME)
#include <dlfcn.h>
#endif
#include "vectors/similarity.h"
#include "vectors/similarity_internal.h"

#define TOL 1e-5

/* xorshift64*: a fixed, platform-independent stream so failures reproduce. */
typedef struct {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r) {
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717u;
}

static size_t rng_below(rng *r, size_t n) {
    return (size_t)(rng_next(r) % n);
}

/* Uniform in [-1, 1). */
static float rng_signed(rng *r) {
    return (float)((double)(rng_next(r) >> 11) / 9007199254740992.0 * 2.0 - 1.0);
}

/* A random TF-IDF matrix: each row is empty with probability empty_pct/100, else holds 1..max_len
 * terms drawn from n_cols (repeats likely). */
static void random_matrix(uint64_t seed, size_t n_rows, size_t n_cols, size_t max_len,
                          unsigned empty_pct, tfidf_matrix *m) {
    rng r = {seed};
    size_t *offsets = malloc((n_rows + 1) * sizeof *offsets);
    uint32_t *terms = malloc((n_rows * max_len + 1) * sizeof *terms);
    assert_non_null(offsets);
    assert_non_null(terms);
    size_t n = 0;
    for (size_t i = 0; i < n_rows; i++) {
        offsets[i] = n;
        if (rng_below(&r, 100) < empty_pct) continue;
        size_t len = 1 + rng_below(&r, max_len);
        for (size_t j = 0; j < len; j++)
            terms[n++] = (uint32_t)rng_below(&r, n_cols);
    }
    offsets[n_rows] = n;
    assert_int_equal(tfidf_build(terms, offsets, n_rows, n_cols, m), ARS_OK);
    free(offsets);
    free(terms);
}

static float *alloc_square(size_t n) {
    float *S = malloc((n ? n * n : 1) * sizeof *S);
    assert_non_null(S);
    /* Garbage in the caller's buffer must not leak into the result. */
    for (size_t i = 0; i < n * n; i++)
        S[i] = NAN;
    return S;
}

/* Checks S against the naive oracle, exact symmetry, and the diagonal (1 for a non-empty row,
 * 0 for an empty one). */
static void check_against_naive(const tfidf_matrix *m, const float *S) {
    size_t n = m->n_rows;
    float *ref = alloc_square(n);
    similarity_naive(m, ref);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            assert_double_near(S[i * n + j], ref[i * n + j], TOL);
            assert_true(memcmp(&S[i * n + j], &S[j * n + i], sizeof(float)) == 0);
        }
        int empty = m->row_ptr[i] == m->row_ptr[i + 1];
        assert_double_near(S[i * n + i], empty ? 0.0 : 1.0, TOL);
    }
    free(ref);
}

static void run_dense_case(uint64_t seed, size_t n_rows, size_t n_cols, size_t max_len,
                           unsigned empty_pct) {
    tfidf_matrix m;
    random_matrix(seed, n_rows, n_cols, max_len, empty_pct, &m);
    float *S = alloc_square(n_rows);
    assert_int_equal(similarity_dense(&m, S), ARS_OK);
    check_against_naive(&m, S);
    free(S);
    tfidf_free(&m);
}

#if defined(ARS_BLAS_SONAME)
/* Whether the BLAS library is mapped in this process (RTLD_NOLOAD opens nothing). */
static int blas_mapped(void) {
    void *h = dlopen(ARS_BLAS_SONAME, RTLD_NOW | RTLD_NOLOAD);
    if (h) dlclose(h); /* the reference RTLD_NOLOAD took */
    return h != NULL;
}

/* Runs first: this program links the library's units as the programs do, and nothing has asked
 * for a dense product yet, so the BLAS must not be in the process. Then what failing to open one
 * says, and the first dense product, which opens it. */
static void test_similarity_blas_is_opened_on_first_use(void **state) {
    (void)state;
    assert_false(blas_mapped());
    assert_false(similarity_blas_loaded());
    char why[200];
    assert_int_equal(similarity_blas_open("libars-no-such-blas.so.0", why, sizeof why),
                     ARS_EINTERNAL);
    assert_non_null(strstr(why, "libars-no-such-blas.so.0"));
#if defined(__GLIBC__)
    /* A library that opens but is no CBLAS. */
    assert_int_equal(similarity_blas_open("libm.so.6", why, sizeof why), ARS_EINTERNAL);
    assert_string_equal(why, "libm.so.6: no cblas_ssyrk");
#endif
    assert_false(similarity_blas_loaded());
    assert_false(blas_mapped());
    run_dense_case(1, 5, 40, 6, 0);
    assert_true(similarity_blas_loaded());
    assert_true(blas_mapped());
    assert_int_equal(similarity_blas_load(why, sizeof why), ARS_OK);
}
#endif

static void test_similarity_dense_matches_naive_for_single_row(void **state) {
    (void)state;
    run_dense_case(1, 1, 5, 4, 0);
    run_dense_case(2, 1, 5, 4, 100); /* the single row is empty */
}

static void test_similarity_dense_matches_naive_when_columns_outnumber_rows(void **state) {
    (void)state;
    run_dense_case(3, 7, 200, 30, 0);
    run_dense_case(4, 12, 5000, 40, 20);
}

static void test_similarity_dense_matches_naive_when_rows_outnumber_columns(void **state) {
    (void)state;
    run_dense_case(5, 300, 20, 6, 0);
    run_dense_case(6, 257, 3, 5, 10);
}

static void test_similarity_dense_matches_naive_with_empty_rows(void **state) {
    (void)state;
    run_dense_case(7, 64, 64, 10, 40);
    run_dense_case(8, 100, 1000, 25, 5);
}

static void test_similarity_dense_gives_zeros_when_every_row_is_empty(void **state) {
    (void)state;
    const size_t offsets[] = {0, 0, 0, 0};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(NULL, offsets, 3, 10, &m), ARS_OK);
    float *S = alloc_square(3);
    assert_int_equal(similarity_dense(&m, S), ARS_OK);
    for (size_t i = 0; i < 9; i++)
        assert_double_near(S[i], 0.0, 0.0);
    free(S);
    tfidf_free(&m);
}

static void test_similarity_dense_accepts_zero_rows(void **state) {
    (void)state;
    const size_t offsets[] = {0};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(NULL, offsets, 0, 0, &m), ARS_OK);
    float S[1] = {NAN};
    assert_int_equal(similarity_dense(&m, S), ARS_OK);
    assert_true(isnan(S[0])); /* nothing written */
    tfidf_free(&m);
}

static void test_similarity_dense_gives_one_for_rows_with_the_same_terms(void **state) {
    (void)state;
    /* Rows 0 and 2 are the same bag of terms, so their cosine is 1. */
    const uint32_t terms[] = {0, 4, 4, 9, 1, 2, 9, 4, 0, 4};
    const size_t offsets[] = {0, 4, 6, 10};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(terms, offsets, 3, 10, &m), ARS_OK);
    float *S = alloc_square(3);
    assert_int_equal(similarity_dense(&m, S), ARS_OK);
    check_against_naive(&m, S);
    assert_double_near(S[0 * 3 + 2], 1.0, TOL);
    free(S);
    tfidf_free(&m);
}

/* Column chunking: a tiny block budget forces many chunks; the result must not move beyond
 * rounding from the single-block one, and both must match the oracle. */
static void test_similarity_dense_chunked_columns_match_single_block(void **state) {
    (void)state;
    const size_t shapes[][3] = {{40, 500, 30}, {9, 50, 8}, {150, 37, 6}, {1, 20, 10}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t n = shapes[s][0];
        tfidf_matrix m;
        random_matrix(100 + s, n, shapes[s][1], shapes[s][2], 15, &m);
        float *whole = alloc_square(n);
        assert_int_equal(similarity_dense(&m, whole), ARS_OK);
        /* 1 byte -> one column per chunk; 7 columns and 64 columns -> chunks that do not divide
         * the used column count evenly (with a last short chunk). */
        const size_t budgets[] = {1, 7 * n * sizeof(float), 64 * n * sizeof(float) + 3};
        for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
            float *S = alloc_square(n);
            assert_int_equal(similarity_dense_blocked(&m, S, budgets[b]), ARS_OK);
            check_against_naive(&m, S);
            for (size_t i = 0; i < n * n; i++)
                assert_double_near(S[i], whole[i], TOL);
            free(S);
        }
        free(whole);
        tfidf_free(&m);
    }
}

static void test_similarity_dense_is_deterministic(void **state) {
    (void)state;
    tfidf_matrix m;
    random_matrix(77, 120, 800, 20, 10, &m);
    float *a = alloc_square(120), *b = alloc_square(120);
    assert_int_equal(similarity_dense(&m, a), ARS_OK);
    assert_int_equal(similarity_dense(&m, b), ARS_OK);
    assert_memory_equal(a, b, 120 * 120 * sizeof *a);
    free(a);
    free(b);
    tfidf_free(&m);
}

static void test_similarity_dense_refuses_more_rows_than_dense_max(void **state) {
    (void)state;
    size_t n = (size_t)SIMILARITY_DENSE_MAX + 1;
    size_t *offsets = calloc(n + 1, sizeof *offsets);
    assert_non_null(offsets);
    tfidf_matrix m;
    assert_int_equal(tfidf_build(NULL, offsets, n, 1, &m), ARS_OK);
    float S[4] = {5.0f, 5.0f, 5.0f, 5.0f}; /* far too small: must not be touched */
    assert_int_equal(similarity_dense(&m, S), ARS_ELIMIT);
    assert_int_equal(similarity_dense_blocked(&m, S, 1), ARS_ELIMIT);
    for (size_t i = 0; i < 4; i++)
        assert_double_near(S[i], 5.0, 0.0);
    tfidf_free(&m);
    free(offsets);
}

static void test_similarity_blas_int_rejects_sizes_beyond_int_max(void **state) {
    (void)state;
    int out = -1;
    assert_int_equal(similarity_blas_int(0, &out), ARS_OK);
    assert_int_equal(out, 0);
    assert_int_equal(similarity_blas_int(12345, &out), ARS_OK);
    assert_int_equal(out, 12345);
    assert_int_equal(similarity_blas_int((size_t)INT_MAX, &out), ARS_OK);
    assert_int_equal(out, INT_MAX);
    assert_int_equal(similarity_blas_int((size_t)INT_MAX + 1, &out), ARS_ELIMIT);
    assert_int_equal(similarity_blas_int(SIZE_MAX, &out), ARS_ELIMIT);
}

/* out = X(X^T v) must equal S v with S from the oracle (S includes its diagonal). */
static void run_matvec_case(uint64_t seed, size_t n_rows, size_t n_cols, size_t max_len,
                            unsigned empty_pct) {
    tfidf_matrix m;
    random_matrix(seed, n_rows, n_cols, max_len, empty_pct, &m);
    rng r = {seed ^ 0x9e3779b97f4a7c15u};
    float *v = malloc(n_rows * sizeof *v);
    float *out = malloc(n_rows * sizeof *out);
    float *scratch = malloc(n_cols * sizeof *scratch);
    float *S = alloc_square(n_rows);
    assert_non_null(v);
    assert_non_null(out);
    assert_non_null(scratch);
    for (size_t i = 0; i < n_rows; i++)
        v[i] = rng_signed(&r);
    for (size_t c = 0; c < n_cols; c++)
        scratch[c] = NAN; /* matvec must clear its scratch itself */
    similarity_naive(&m, S);
    similarity_matvec(&m, v, out, scratch);
    for (size_t i = 0; i < n_rows; i++) {
        double want = 0.0, scale = 0.0;
        for (size_t j = 0; j < n_rows; j++) {
            want += (double)S[i * n_rows + j] * v[j];
            scale += fabs((double)S[i * n_rows + j] * v[j]);
        }
        assert_double_near(out[i], want, TOL * (1.0 + scale));
    }
    /* A second call with stale scratch gives the same answer. */
    float *again = malloc(n_rows * sizeof *again);
    assert_non_null(again);
    similarity_matvec(&m, v, again, scratch);
    assert_memory_equal(out, again, n_rows * sizeof *out);
    free(again);
    free(S);
    free(scratch);
    free(out);
    free(v);
    tfidf_free(&m);
}

static void test_similarity_matvec_matches_naive_matrix_times_vector(void **state) {
    (void)state;
    run_matvec_case(11, 1, 4, 3, 0);
    run_matvec_case(12, 50, 400, 20, 20);
    run_matvec_case(13, 200, 15, 5, 5);
}

static void test_similarity_matvec_of_basis_vector_is_similarity_column(void **state) {
    (void)state;
    tfidf_matrix m;
    random_matrix(21, 30, 60, 8, 10, &m);
    float *S = alloc_square(30);
    assert_int_equal(similarity_dense(&m, S), ARS_OK);
    float v[30] = {0}, out[30], scratch[60];
    v[17] = 1.0f;
    similarity_matvec(&m, v, out, scratch);
    for (size_t i = 0; i < 30; i++)
        assert_double_near(out[i], S[i * 30 + 17], TOL);
    free(S);
    tfidf_free(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
#if defined(ARS_BLAS_SONAME)
        cmocka_unit_test(test_similarity_blas_is_opened_on_first_use), /* first: see there */
#endif
        cmocka_unit_test(test_similarity_dense_matches_naive_for_single_row),
        cmocka_unit_test(test_similarity_dense_matches_naive_when_columns_outnumber_rows),
        cmocka_unit_test(test_similarity_dense_matches_naive_when_rows_outnumber_columns),
        cmocka_unit_test(test_similarity_dense_matches_naive_with_empty_rows),
        cmocka_unit_test(test_similarity_dense_gives_zeros_when_every_row_is_empty),
        cmocka_unit_test(test_similarity_dense_accepts_zero_rows),
        cmocka_unit_test(test_similarity_dense_gives_one_for_rows_with_the_same_terms),
        cmocka_unit_test(test_similarity_dense_chunked_columns_match_single_block),
        cmocka_unit_test(test_similarity_dense_is_deterministic),
        cmocka_unit_test(test_similarity_dense_refuses_more_rows_than_dense_max),
        cmocka_unit_test(test_similarity_blas_int_rejects_sizes_beyond_int_max),
        cmocka_unit_test(test_similarity_matvec_matches_naive_matrix_times_vector),
        cmocka_unit_test(test_similarity_matvec_of_basis_vector_is_similarity_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
