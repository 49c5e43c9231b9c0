/* rank.h - pipeline stage "rank": relevance scores for every candidate sentence.
 * Lead, centroid, TextRank (weighted PageRank on the cosine graph) and LexRank (PageRank on the
 * thresholded graph). Works on the L2-normalised TF-IDF rows; a dense similarity matrix is used
 * when the caller has one, the matrix-free product X(X^T v) otherwise. */
#ifndef ARS_RANK_H
#define ARS_RANK_H

#include <stddef.h>
#include "vectors/tfidf.h"

/* The cosine graph between candidate sentences: rows of x, plus optionally the dense matrix
 * S = X X^T (n*n, row-major) when it was affordable. */
typedef struct {
    const tfidf_matrix *x;
    const float *dense; /* NULL when not computed */
} rank_graph;

/* Cosine of sentences i and j (dense look-up or sparse dot product). */
float rank_graph_sim(const rank_graph *g, size_t i, size_t j);

typedef struct {
    double damping;   /* 0.85 */
    double tolerance; /* stop when the L1 change of the score vector falls below this */
    int max_iter;     /* iteration cap */
} rank_pagerank_params;

/* TextRank: PageRank on the graph with edge weights w_ij = cos(i,j) for i != j. Computed
 * matrix-free: W v = X(X^T v) - diag(X X^T) v, so the cost is O(nnz) per iteration at any n.
 * Sentences without edges (dangling) spread their mass uniformly. scores (n entries) sum to 1.
 * *iterations gets the iterations run. Returns ARS_OK or ARS_ENOMEM. */
ars_status rank_textrank(const rank_graph *g, const rank_pagerank_params *p, double *scores,
                         int *iterations);

/* LexRank: PageRank on the unweighted graph with an edge where cos(i,j) >= threshold (i != j).
 * Needs g->dense (asserted: the caller computes it first). Returns ARS_OK or ARS_ENOMEM. */
ars_status rank_lexrank(const rank_graph *g, double threshold, const rank_pagerank_params *p,
                        double *scores, int *iterations);

/* Centroid: cosine of each sentence with the mean of all rows. Returns ARS_OK or ARS_ENOMEM. */
ars_status rank_centroid(const tfidf_matrix *x, double *scores);

/* Lead: position[i] is the sentence's index within its document; earlier is better, and the
 * documents take turns (round-robin): score = 1 / (1 + position). */
void rank_lead(const size_t *position, size_t n, double *scores);

#endif
