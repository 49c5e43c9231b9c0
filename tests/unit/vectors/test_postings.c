/* test_postings.c - unit tests of the inverted index of sparse rows (vectors/postings.c): the
 * dot products of a vector with every row that shares a column with it, each row listed once,
 * and rows that leave for good. */
#include "test_util.h"

#include "vectors/postings.h"

/* Random sparse rows: row r's entries [row_ptr[r], row_ptr[r + 1]), distinct columns. */
enum { ROWS = 60, COLS = 25, PER_ROW = 6 };

static void random_rows(size_t *row_ptr, uint32_t *col, float *val, uint64_t seed) {
    size_t k = 0;
    for (size_t r = 0; r < ROWS; r++) {
        row_ptr[r] = k;
        unsigned used = 0;
        for (int j = 0; j < PER_ROW; j++) {
            uint32_t t = (uint32_t)(test_util_next(&seed) % COLS);
            if (used & (1u << t)) continue;
            used |= 1u << t;
            col[k] = t;
            val[k++] = (float)(1 + test_util_next(&seed) % 100) / 64.0f;
        }
    }
    row_ptr[ROWS] = k;
}

static double plain_dot(const size_t *row_ptr, const uint32_t *col, const float *val, size_t r,
                        const uint32_t *cols, const float *vals, size_t n, int *shares) {
    double dot = 0.0;
    *shares = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t e = row_ptr[r]; e < row_ptr[r + 1]; e++)
            if (col[e] == cols[k]) {
                dot += (double)vals[k] * (double)val[e];
                *shares = 1;
            }
    return dot;
}

static void test_postings_dot_matches_every_row(void **state) {
    (void)state;
    size_t row_ptr[ROWS + 1];
    uint32_t col[ROWS * PER_ROW];
    float val[ROWS * PER_ROW];
    random_rows(row_ptr, col, val, 5);
    postings p;
    assert_int_equal(postings_build(&p, ROWS, COLS, row_ptr, col, val), ARS_OK);
    unsigned char flags[ROWS] = {0}, marked[ROWS] = {0}, listed[ROWS];
    double dot[ROWS];
    size_t touched[ROWS];
    /* Each row in turn is the vector; then it and every third row it touched are gone (flag 2;
     * flag 1 is not asked for and keeps a row in). */
    for (size_t q = 0; q < ROWS; q++) {
        const uint32_t *cols = col + row_ptr[q];
        const float *vals = val + row_ptr[q];
        size_t n = row_ptr[q + 1] - row_ptr[q];
        size_t n_touched = postings_dot(&p, cols, vals, n, flags, 2, dot, marked, touched);
        memset(listed, 0, sizeof listed);
        for (size_t k = 0; k < n_touched; k++) {
            size_t r = touched[k];
            assert_true(marked[r]);
            assert_false(listed[r]); /* once */
            listed[r] = 1;
            marked[r] = 0;
        }
        for (size_t r = 0; r < ROWS; r++) {
            int shares;
            double want = plain_dot(row_ptr, col, val, r, cols, vals, n, &shares);
            assert_int_equal(listed[r], shares && !(flags[r] & 2));
            if (listed[r]) assert_true(fabs(dot[r] - want) < 1e-9);
        }
        flags[q] = 2;
        for (size_t k = 0; k < n_touched; k += 3)
            flags[touched[k]] |= touched[k] % 2 ? 1 : 2;
    }
    postings_free(&p);
    postings_free(&p); /* freed members are NULL: a second free is harmless */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_postings_dot_matches_every_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
