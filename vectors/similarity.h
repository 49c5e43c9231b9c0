/* similarity.h - cosine similarities between the rows of a tfidf_matrix through CBLAS.
 * The only place in the tree that includes cblas.h. Dense n*n blocks for moderate n; the
 * matrix-free product S.v = X(X^T v) for graph ranking at any scale. */
#ifndef ARS_VECTORS_SIMILARITY_H
#define ARS_VECTORS_SIMILARITY_H

#include <stddef.h>
#include "vectors/tfidf.h"

/* Largest n for which similarity_dense accepts a full n*n matrix (memory guard). */
#define SIMILARITY_DENSE_MAX 16384

/* Fills S (n_rows*n_rows floats, row-major, caller-allocated) with S[i][j] = <x_i, x_j>, which is
 * the cosine because rows are unit length (0 for empty rows). Gathers only the columns that occur
 * into a dense n x k block and calls cblas_ssyrk, then mirrors the triangle so S is exactly
 * symmetric. Returns ARS_OK, ARS_ENOMEM, or ARS_ELIMIT when n_rows > SIMILARITY_DENSE_MAX or a
 * dimension does not fit a BLAS int. */
ars_status similarity_dense(const tfidf_matrix *x, float *S);

/* out = X (X^T v): the product of the full similarity matrix (diagonal included) with v, without
 * forming it. v and out have n_rows entries; scratch has n_cols entries. O(nnz). */
void similarity_matvec(const tfidf_matrix *x, const float *v, float *out, float *scratch);

/* Checked conversion of a size to a BLAS int: returns ARS_OK and sets *out, or ARS_ELIMIT. */
ars_status similarity_blas_int(size_t n, int *out);

#endif
