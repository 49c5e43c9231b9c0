/* similarity.h - cosine similarities between the rows of a tfidf_matrix through CBLAS.
 * The only place in the tree that includes cblas.h. Dense n*n blocks for moderate n; the
 * matrix-free product S.v = X(X^T v) for graph ranking at any scale. */
#ifndef ARS_VECTORS_SIMILARITY_H
#define ARS_VECTORS_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>
#include "vectors/tfidf.h"

/* Largest n for which similarity_dense accepts a full n*n matrix (memory guard). */
#define SIMILARITY_DENSE_MAX 16384

/* Fills S (n_rows*n_rows floats, row-major, caller-allocated) with S[i][j] = <x_i, x_j>, which is
 * the cosine because rows are unit length (0 for empty rows). Gathers only the columns that occur
 * into a dense n x k block and calls cblas_ssyrk, then mirrors the triangle so S is exactly
 * symmetric. Returns ARS_OK, ARS_ENOMEM, ARS_ELIMIT when n_rows > SIMILARITY_DENSE_MAX or a
 * dimension does not fit a BLAS int, or ARS_EINTERNAL when the BLAS cannot be loaded (see
 * similarity_blas_load). */
ars_status similarity_dense(const tfidf_matrix *x, float *S);

/* out = X (X^T v): the product of the full similarity matrix (diagonal included) with v, without
 * forming it. v and out have n_rows entries; scratch has n_cols entries. O(nnz). */
void similarity_matvec(const tfidf_matrix *x, const float *v, float *out, float *scratch);

/* The columns of a tfidf_matrix as lists of (row, value), rows increasing: the transpose (CSC),
 * through which the similarities of one row with all rows cost O(n_rows + the sum of the document
 * frequencies of its terms) instead of a sparse dot product per pair. */
typedef struct {
    size_t n_rows, n_cols;
    size_t *col_ptr; /* n_cols + 1 entries */
    uint32_t *row;   /* nnz entries */
    float *val;      /* nnz entries */
} similarity_index;

/* Builds the index of x. Returns ARS_OK, ARS_ENOMEM, or ARS_ELIMIT when x has more than
 * UINT32_MAX rows; on failure *out is zeroed. Free with similarity_index_free. */
ars_status similarity_index_build(const tfidf_matrix *x, similarity_index *out);

/* Frees the arrays of ix and zeroes it. NULL-safe, idempotent. */
void similarity_index_free(similarity_index *ix);

/* out[r] = <x_r, x_j> for every row r (n_rows floats). Each value is the same float tfidf_dot(x,
 * r, j) gives: the same products, added in the same (column) order in double. acc is n_rows
 * doubles of scratch, all zero on entry and again on return. */
void similarity_row(const similarity_index *ix, const tfidf_matrix *x, size_t j, double *acc,
                    float *out);

/* The graph of pairs i != j with <x_i, x_j> >= threshold, as sorted neighbour lists (CSR): the
 * neighbours of i are col[row_ptr[i] .. row_ptr[i+1]). Each row is computed through the index
 * (similarity_row), so the cost is the sum over rows of their terms' document frequencies:
 * quadratic in n for common terms, which is why its caller bounds n. */
typedef struct {
    size_t n_rows;
    size_t *row_ptr; /* n_rows + 1 entries */
    uint32_t *col;   /* one entry per edge */
} similarity_graph;

/* Returns ARS_OK, ARS_ENOMEM or ARS_ELIMIT (as similarity_index_build); on failure *out is
 * zeroed. Free with similarity_graph_free. */
ars_status similarity_graph_build(const tfidf_matrix *x, float threshold, similarity_graph *out);

/* Frees the arrays of g and zeroes it. NULL-safe, idempotent. */
void similarity_graph_free(similarity_graph *g);

/* Stops the worker threads OpenBLAS starts when it is loaded (see ars_tune_process); they
 * start again when a BLAS call needs them. Does nothing with another BLAS. With a BLAS loaded on
 * first use (ARS_BLAS_SONAME) the request is kept and honoured as soon as the library is loaded.
 * Thread-safe. */
void similarity_blas_park(void);

/* Makes the BLAS callable: with ARS_BLAS_SONAME, opens that library on the first call (later
 * calls return at once); otherwise the BLAS is linked and this returns ARS_OK. Returns
 * ARS_EINTERNAL when the library cannot be opened or lacks cblas_ssyrk, with the loader's
 * message in why (why_size bytes, NUL-terminated; why may be NULL when why_size is 0); a failed
 * attempt is made again on the next call. similarity_dense calls it; a caller that reports
 * errors calls it first for the message. Thread-safe. */
ars_status similarity_blas_load(char *why, size_t why_size);

/* Whether the BLAS is in the process (always 1 when it is linked). */
int similarity_blas_loaded(void);

/* Checked conversion of a size to a BLAS int: returns ARS_OK and sets *out, or ARS_ELIMIT. */
ars_status similarity_blas_int(size_t n, int *out);

#endif
