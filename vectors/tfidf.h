/* tfidf.h - sparse sentence-term matrix (CSR) with TF-IDF weights, rows L2-normalised.
 * Second unit of vectors/: turns bags of term ids into the rows that similarity.h compares. */
#ifndef ARS_VECTORS_TFIDF_H
#define ARS_VECTORS_TFIDF_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/summarize.h" /* ars_status */

/* Compressed sparse rows. Row r holds entries [row_ptr[r], row_ptr[r+1]) of col/val, columns
 * strictly increasing within a row. A row with no terms is all-zero (norm 0). */
typedef struct {
    size_t n_rows;
    size_t n_cols;   /* number of terms (columns) */
    size_t *row_ptr; /* n_rows + 1 entries */
    uint32_t *col;   /* nnz entries */
    float *val;      /* nnz entries */
    float *idf;      /* n_cols entries: the idf used for each column */
} tfidf_matrix;

/* Weighting: tf' = 1 + ln(tf) (sublinear) for tf >= 1; idf(t) = ln((1 + N) / (1 + df(t))) + 1
 * (smoothed; N = number of rows, df = rows containing t); then each row is scaled to unit L2 norm.
 * Input: row r's term ids are terms[offsets[r] .. offsets[r+1]) (repeats allowed, any order), all
 * < n_cols. offsets has n_rows + 1 entries.
 * Returns ARS_OK or ARS_ENOMEM; on success *out owns its arrays (free with tfidf_free). */
ars_status tfidf_build(const uint32_t *terms, const size_t *offsets, size_t n_rows, size_t n_cols,
                       tfidf_matrix *out);

/* Frees the arrays of m and zeroes it. NULL-safe, idempotent. */
void tfidf_free(tfidf_matrix *m);

/* Sparse dot product of rows i and j (both < n_rows). */
float tfidf_dot(const tfidf_matrix *m, size_t i, size_t j);

/* Dot product of row i with a dense vector of n_cols floats. */
float tfidf_dot_dense(const tfidf_matrix *m, size_t i, const float *dense);

#endif
