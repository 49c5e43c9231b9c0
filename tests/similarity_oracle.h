/* similarity_oracle.h - the test oracle of vectors/similarity.c: the cosine matrix of a
 * tfidf_matrix by naive sparse loops with double accumulation, against which the CBLAS path and
 * the rankers are checked. Test code only: the library does not carry it. */
#ifndef ARS_TEST_SIMILARITY_ORACLE_H
#define ARS_TEST_SIMILARITY_ORACLE_H

#include <assert.h>

#include "vectors/tfidf.h"

/* Fills S (n_rows * n_rows floats, row-major) with the dot products of the rows of x. */
static inline void similarity_naive(const tfidf_matrix *x, float *S) {
    assert(x && (S || x->n_rows == 0));
    size_t n = x->n_rows;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i; j < n; j++) {
            size_t a = x->row_ptr[i], a_end = x->row_ptr[i + 1];
            size_t b = x->row_ptr[j], b_end = x->row_ptr[j + 1];
            double sum = 0.0;
            while (a < a_end && b < b_end) {
                if (x->col[a] < x->col[b]) {
                    a++;
                } else if (x->col[a] > x->col[b]) {
                    b++;
                } else {
                    sum += (double)x->val[a++] * (double)x->val[b++];
                }
            }
            S[i * n + j] = (float)sum;
            S[j * n + i] = (float)sum;
        }
    }
}

#endif
