/* rank.h - pipeline stage "rank": relevance scores for every candidate sentence.
 * Lead, centroid, TextRank (weighted PageRank on the cosine graph) and LexRank (PageRank on the
 * thresholded graph). Works on the L2-normalised TF-IDF rows; a dense similarity matrix is used
 * when the caller has one, the matrix-free product X(X^T v) otherwise. */
#ifndef ARS_RANK_H
#define ARS_RANK_H

#include <stddef.h>
#include "vectors/similarity.h"
#include "vectors/tfidf.h"

/* The cosine graph between candidate sentences: the rows of x. No n*n matrix: every ranker works
 * from the rows (docs/BENCHMARKS.md measures why). */
typedef struct {
    const tfidf_matrix *x;
} rank_graph;

/* Cosine of sentences i and j: the sparse dot product (tfidf_dot). */
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

/* LexRank: PageRank on the unweighted graph with an edge where cos(i,j) >= threshold (i != j),
 * built from the rows (similarity_graph_build: quadratic time in n, memory in the edges). Returns
 * ARS_OK, ARS_ENOMEM or ARS_ELIMIT. */
ars_status rank_lexrank(const rank_graph *g, double threshold, const rank_pagerank_params *p,
                        double *scores, int *iterations);

/* Centroid: cosine of each sentence with the mean of all rows. Returns ARS_OK or ARS_ENOMEM. */
ars_status rank_centroid(const tfidf_matrix *x, double *scores);

/* Lead: position[i] is the sentence's index within its document; earlier is better, and the
 * documents take turns (round-robin): score = 1 / (1 + position). */
void rank_lead(const size_t *position, size_t n, double *scores);

/* Document centrality, for weighting documents against each other in a cluster: the cosine
 * between the sum of a document's rows and the sum of every other row (leave-one-out, so a
 * document is not measured against itself). doc[r] is the document of row r; rows of a document
 * are contiguous. centrality has n_docs entries; a document without rows gets 0, and the only
 * document of a single-document run gets 1. Returns ARS_OK or ARS_ENOMEM. */
ars_status rank_document_centrality(const tfidf_matrix *x, const size_t *doc, size_t n_docs,
                                    double *centrality);

/* Documents about an older event than the rest of the cluster. year[d] is when document d was
 * written, as far as its text tells (its date line, or the latest year it mentions; 0 =
 * unknown). A document is older when it is dated RANK_OLDER_YEARS or more before the median date
 * of the dated documents and less central than the median document; at least
 * RANK_OLDER_MIN_DOCS documents, and as many dated ones, are needed to say what is typical.
 * older (n_docs bytes) gets 1 for such documents. Returns ARS_OK or ARS_ENOMEM. */
#define RANK_OLDER_YEARS    2
#define RANK_OLDER_MIN_DOCS 3
ars_status rank_older_documents(const int *year, const double *centrality, size_t n_docs,
                                unsigned char *older);

/* The median of v[0..n), n > 0 (the middle two averaged when n is even); sorts v. */
double rank_median_sort(double *v, size_t n);

typedef struct {
    double position_weight;  /* exponent of the lead prior: 1 full, 0 none */
    double centrality_floor; /* epsilon: how much a sentence keeps when it is not central */
    double document_weight;  /* weight of the document's centrality: 0 none */
} rank_lead_graph_params;

/* The default relevance of news sentences: where the sentence stands in its article, how central
 * it is in the sentence graph, how central its article is in the cluster:
 *   score_i = (1 / (1 + position_i))^position_weight
 *             * (centrality_floor + centrality_i / max centrality)
 *             * (1 + document_weight * doc_weight_i)
 * centrality is a sentence centrality (TextRank); doc_weight_i is the centrality of sentence i's
 * document, scaled to a maximum of 1 (0 excludes nothing by itself). Scores are then scaled so
 * that the best is 1. centrality and scores may be the same array. */
void rank_lead_graph(const double *centrality, const size_t *position, const double *doc_weight,
                     const rank_lead_graph_params *p, size_t n, double *scores);

#endif
