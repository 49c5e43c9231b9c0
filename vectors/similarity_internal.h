/* similarity_internal.h - internals of similarity.c exposed to its unit test only (not part of the
 * vectors/ contract): lets a test force the column chunking that large inputs trigger. */
#ifndef ARS_VECTORS_SIMILARITY_INTERNAL_H
#define ARS_VECTORS_SIMILARITY_INTERNAL_H

#include <stddef.h>
#include "vectors/tfidf.h"

/* Default bound on the dense n x k gather block of similarity_dense, in bytes. */
#define SIMILARITY_BLOCK_BYTES ((size_t)256 * 1024 * 1024)

/* similarity_dense with the gather block bounded by block_bytes: the used columns are processed in
 * chunks of at most max(1, block_bytes / (4 n)) columns, accumulated into S. Same result and
 * returns as similarity_dense, which calls it with SIMILARITY_BLOCK_BYTES. */
ars_status similarity_dense_blocked(const tfidf_matrix *x, float *S, size_t block_bytes);

#if defined(ARS_BLAS_SONAME)
/* similarity_blas_load with the library named: soname is opened unless a BLAS is loaded already
 * (the tests give a name that does not exist to see the failure). */
ars_status similarity_blas_open(const char *soname, char *why, size_t why_size);
#endif

#endif
