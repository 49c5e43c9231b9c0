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

#endif
