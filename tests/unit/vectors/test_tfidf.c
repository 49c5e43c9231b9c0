/* test_tfidf.c - unit tests of vectors/tfidf.c: a TF-IDF example worked out by hand, empty rows,
 * sublinear tf on repeats, caller idf, sorted unit-length rows, and the two dot products. */
#include "test_util.h"

#include "vectors/tfidf.h"

#define TOL 1e-6

/* Checks the CSR invariants every matrix must keep: row_ptr monotone from 0, columns strictly
 * increasing and < n_cols within a row, and every non-empty row of unit L2 norm. */
static void check_invariants(const tfidf_matrix *m) {
    assert_int_equal(m->row_ptr[0], 0);
    for (size_t r = 0; r < m->n_rows; r++) {
        assert_true(m->row_ptr[r] <= m->row_ptr[r + 1]);
        double sq = 0.0;
        for (size_t e = m->row_ptr[r]; e < m->row_ptr[r + 1]; e++) {
            assert_true(m->col[e] < m->n_cols);
            if (e > m->row_ptr[r]) assert_true(m->col[e - 1] < m->col[e]);
            sq += (double)m->val[e] * m->val[e];
        }
        if (m->row_ptr[r + 1] > m->row_ptr[r]) assert_double_near(sq, 1.0, 1e-6);
    }
}

/* The worked example. N = 3 rows, n_cols = 4:
 *   row 0: terms {2, 0, 0} -> tf(0) = 2, tf(2) = 1
 *   row 1: terms {1, 2}    -> tf(1) = 1, tf(2) = 1
 *   row 2: no terms
 * df: t0 = 1, t1 = 1, t2 = 2, t3 = 0
 * idf = ln((1+N)/(1+df)) + 1:
 *   t0 = t1 = ln(4/2) + 1 = 1.693147181
 *   t2      = ln(4/3) + 1 = 1.287682072
 *   t3      = ln(4/1) + 1 = 2.386294361   (never occurs, still reported)
 * row 0: tf' (t0) = 1 + ln 2 = 1.693147181, so w = 1.693147181 * 1.693147181 = 2.866747375;
 *        w(t2) = 1 * 1.287682072; norm = sqrt(2.866747375^2 + 1.287682072^2) = 3.142668553
 *        -> t0 = 0.912201630, t2 = 0.409741610
 * row 1: w(t1) = 1.693147181, w(t2) = 1.287682072; norm = 2.127174768
 *        -> t1 = 0.795960542, t2 = 0.605348508
 * row 2: empty, norm 0.
 * dot(row0, row1) = only t2 is shared: 0.409741610 * 0.605348508 = 0.248036472. */
static const uint32_t EX_TERMS[] = {2, 0, 0, 1, 2};
static const size_t EX_OFFSETS[] = {0, 3, 5, 5};

static void build_example(tfidf_matrix *m) {
    assert_int_equal(tfidf_build(EX_TERMS, EX_OFFSETS, 3, 4, m), ARS_OK);
}

static void test_tfidf_matches_hand_computed_example(void **state) {
    (void)state;
    tfidf_matrix m;
    build_example(&m);
    assert_int_equal(m.n_rows, 3);
    assert_int_equal(m.n_cols, 4);
    assert_double_near(m.idf[0], 1.693147181, TOL);
    assert_double_near(m.idf[1], 1.693147181, TOL);
    assert_double_near(m.idf[2], 1.287682072, TOL);
    assert_double_near(m.idf[3], 2.386294361, TOL);

    assert_int_equal(m.row_ptr[0], 0);
    assert_int_equal(m.row_ptr[1], 2);
    assert_int_equal(m.row_ptr[2], 4);
    assert_int_equal(m.row_ptr[3], 4);
    assert_int_equal(m.col[0], 0);
    assert_int_equal(m.col[1], 2);
    assert_int_equal(m.col[2], 1);
    assert_int_equal(m.col[3], 2);
    assert_double_near(m.val[0], 0.912201630, TOL);
    assert_double_near(m.val[1], 0.409741610, TOL);
    assert_double_near(m.val[2], 0.795960542, TOL);
    assert_double_near(m.val[3], 0.605348508, TOL);
    check_invariants(&m);
    tfidf_free(&m);
}

static void test_tfidf_dot_matches_hand_computed_example(void **state) {
    (void)state;
    tfidf_matrix m;
    build_example(&m);
    assert_double_near(tfidf_dot(&m, 0, 1), 0.248036472, TOL);
    assert_double_near(tfidf_dot(&m, 1, 0), 0.248036472, TOL);
    assert_double_near(tfidf_dot(&m, 0, 0), 1.0, TOL);
    assert_double_near(tfidf_dot(&m, 1, 1), 1.0, TOL);
    assert_double_near(tfidf_dot(&m, 0, 2), 0.0, 0.0);
    assert_double_near(tfidf_dot(&m, 2, 2), 0.0, 0.0);
    tfidf_free(&m);
}

static void test_tfidf_dot_dense_uses_only_the_row_columns(void **state) {
    (void)state;
    tfidf_matrix m;
    build_example(&m);
    const float dense[4] = {2.0f, -1.0f, 3.0f, 100.0f};
    /* row 0: 0.912201630*2 + 0.409741610*3 = 3.053628090 */
    assert_double_near(tfidf_dot_dense(&m, 0, dense), 3.053628090, 1e-5);
    /* row 1: 0.795960542*(-1) + 0.605348508*3 = 1.020084982 */
    assert_double_near(tfidf_dot_dense(&m, 1, dense), 1.020084982, 1e-5);
    assert_double_near(tfidf_dot_dense(&m, 2, dense), 0.0, 0.0);
    tfidf_free(&m);
}

static void test_tfidf_empty_rows_have_no_entries(void **state) {
    (void)state;
    const uint32_t terms[] = {1};
    const size_t offsets[] = {0, 0, 1, 1, 1};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(terms, offsets, 4, 2, &m), ARS_OK);
    assert_int_equal(m.row_ptr[1], 0);
    assert_int_equal(m.row_ptr[2], 1);
    assert_int_equal(m.row_ptr[3], 1);
    assert_int_equal(m.row_ptr[4], 1);
    assert_int_equal(m.col[0], 1);
    assert_double_near(m.val[0], 1.0, TOL);
    /* df(1) = 1 of N = 4 rows: ln(5/2) + 1; df(0) = 0: ln(5) + 1 */
    assert_double_near(m.idf[1], 1.916290732, TOL);
    assert_double_near(m.idf[0], 2.609437912, TOL);
    tfidf_free(&m);
}

static void test_tfidf_accepts_no_rows_and_no_terms(void **state) {
    (void)state;
    const size_t offsets[] = {0};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(NULL, offsets, 0, 0, &m), ARS_OK);
    assert_int_equal(m.n_rows, 0);
    assert_int_equal(m.n_cols, 0);
    assert_non_null(m.row_ptr);
    assert_int_equal(m.row_ptr[0], 0);
    tfidf_free(&m);

    const size_t empty_offsets[] = {0, 0, 0};
    assert_int_equal(tfidf_build(NULL, empty_offsets, 2, 3, &m), ARS_OK);
    assert_int_equal(m.row_ptr[2], 0);
    /* No row contains anything: every idf is ln(3/1) + 1. */
    for (size_t t = 0; t < 3; t++)
        assert_double_near(m.idf[t], 2.098612289, TOL);
    tfidf_free(&m);
}

static void test_tfidf_repeated_term_uses_sublinear_tf(void **state) {
    (void)state;
    /* Term 5 ten times, term 6 once, in the only row: both idf are ln(2/2) + 1 = 1, so the weights
     * are (1 + ln 10, 1) = (3.302585093,
     * 1), norm sqrt(3.302585093^2 + 1) = 3.450662008 -> 0.957087389, 0.289799464. A linear tf
     * would give 10/sqrt(101) = 0.995037190 instead. */
    const uint32_t terms[] = {5, 5, 6, 5, 5, 5, 5, 5, 5, 5, 5};
    const size_t offsets[] = {0, 11};
    tfidf_matrix m;
    assert_int_equal(tfidf_build(terms, offsets, 1, 7, &m), ARS_OK);
    assert_int_equal(m.row_ptr[1], 2);
    assert_int_equal(m.col[0], 5);
    assert_int_equal(m.col[1], 6);
    assert_double_near(m.val[0], 0.957087389, TOL);
    assert_double_near(m.val[1], 0.289799464, TOL);
    tfidf_free(&m);
}

static void test_tfidf_sorts_columns_and_normalises_every_row(void **state) {
    (void)state;
    /* Rows long enough to take both sorting paths, terms in scrambled order with repeats. */
    enum { ROWS = 6, COLS = 97 };
    uint32_t terms[ROWS * 80];
    size_t offsets[ROWS + 1];
    size_t n = 0;
    uint32_t x = 12345;
    for (size_t r = 0; r < ROWS; r++) {
        offsets[r] = n;
        size_t len = r * 15;
        for (size_t i = 0; i < len; i++) {
            x = x * 1103515245u + 12345u;
            terms[n++] = (x >> 16) % COLS;
        }
    }
    offsets[ROWS] = n;
    tfidf_matrix m;
    assert_int_equal(tfidf_build(terms, offsets, ROWS, COLS, &m), ARS_OK);
    check_invariants(&m);
    /* Every input term appears in its row, and the entry count is the number of distinct terms. */
    for (size_t r = 0; r < ROWS; r++) {
        unsigned char seen[COLS] = {0};
        size_t distinct = 0;
        for (size_t i = offsets[r]; i < offsets[r + 1]; i++)
            if (!seen[terms[i]]++) distinct++;
        assert_int_equal(m.row_ptr[r + 1] - m.row_ptr[r], distinct);
        for (size_t e = m.row_ptr[r]; e < m.row_ptr[r + 1]; e++)
            assert_true(seen[m.col[e]]);
        assert_double_near(tfidf_dot(&m, r, r), r == 0 ? 0.0 : 1.0, 1e-6);
    }
    tfidf_free(&m);
}

static void test_tfidf_is_independent_of_term_order_within_a_row(void **state) {
    (void)state;
    /* The same multiset of terms per row, in two different orders. */
    const uint32_t a_terms[] = {3, 1, 3, 0, 2, 1, 2, 0};
    const uint32_t b_terms[] = {0, 3, 1, 3, 2, 0, 2, 1};
    const size_t offsets[] = {0, 4, 8};
    tfidf_matrix a, b;
    assert_int_equal(tfidf_build(a_terms, offsets, 2, 4, &a), ARS_OK);
    assert_int_equal(tfidf_build(b_terms, offsets, 2, 4, &b), ARS_OK);
    assert_int_equal(a.row_ptr[1], 3);
    assert_int_equal(a.row_ptr[2], b.row_ptr[2]);
    assert_memory_equal(a.col, b.col, a.row_ptr[2] * sizeof *a.col);
    assert_memory_equal(a.val, b.val, a.row_ptr[2] * sizeof *a.val);
    assert_memory_equal(a.idf, b.idf, 4 * sizeof *a.idf);
    tfidf_free(&a);
    tfidf_free(&b);
}

static void test_tfidf_reads_terms_at_offsets_not_starting_at_zero(void **state) {
    (void)state;
    /* offsets index terms directly: the first two entries belong to no row. */
    const uint32_t terms[] = {9, 9, 2, 0, 0, 1, 2};
    const size_t offsets[] = {2, 5, 7, 7};
    tfidf_matrix m, ref;
    assert_int_equal(tfidf_build(terms, offsets, 3, 4, &m), ARS_OK);
    build_example(&ref);
    assert_int_equal(m.row_ptr[3], ref.row_ptr[3]);
    assert_memory_equal(m.row_ptr, ref.row_ptr, 4 * sizeof *m.row_ptr);
    assert_memory_equal(m.col, ref.col, 4 * sizeof *m.col);
    assert_memory_equal(m.val, ref.val, 4 * sizeof *m.val);
    tfidf_free(&m);
    tfidf_free(&ref);
}

static void test_tfidf_free_zeroes_and_is_idempotent(void **state) {
    (void)state;
    tfidf_matrix m;
    build_example(&m);
    tfidf_free(&m);
    assert_null(m.row_ptr);
    assert_null(m.col);
    assert_null(m.val);
    assert_null(m.idf);
    assert_int_equal(m.n_rows, 0);
    assert_int_equal(m.n_cols, 0);
    tfidf_free(&m);
    tfidf_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tfidf_matches_hand_computed_example),
        cmocka_unit_test(test_tfidf_dot_matches_hand_computed_example),
        cmocka_unit_test(test_tfidf_dot_dense_uses_only_the_row_columns),
        cmocka_unit_test(test_tfidf_empty_rows_have_no_entries),
        cmocka_unit_test(test_tfidf_accepts_no_rows_and_no_terms),
        cmocka_unit_test(test_tfidf_repeated_term_uses_sublinear_tf),
        cmocka_unit_test(test_tfidf_sorts_columns_and_normalises_every_row),
        cmocka_unit_test(test_tfidf_is_independent_of_term_order_within_a_row),
        cmocka_unit_test(test_tfidf_reads_terms_at_offsets_not_starting_at_zero),
        cmocka_unit_test(test_tfidf_free_zeroes_and_is_idempotent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
