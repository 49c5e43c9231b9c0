/* cluster.h - briefing stage "cluster": groups unit-length document vectors into stories by
 * centroid linkage: the two clusters whose centroids have the highest cosine merge, while that
 * cosine is at least a threshold. Articles are first linked to the articles they resemble (pairs
 * with a cosine of at least a lower link threshold and a term in common that is not among the
 * input's commonest, found through an inverted index with prefix filtering, never by comparing
 * all pairs), and clusters form inside the connected groups of that
 * graph, each on its own dense matrix: the cost follows the links, not the square of the input.
 * Sits between the document vectors (briefing.c) and the story ranking (story.c). */
#ifndef ARS_BRIEFING_CLUSTER_H
#define ARS_BRIEFING_CLUSTER_H

#include <stddef.h>

#include "summarize/summarize.h"
#include "vectors/tfidf.h"

/* How much the cosine of documents i and j counts, in [0, 1]: the briefing makes articles written
 * far apart unrelated (0). Called for the pairs whose cosine reaches the link threshold and for
 * every pair inside a linked group. */
typedef double (*cluster_weight_fn)(void *ctx, size_t i, size_t j);

/* Groups larger than this are not clustered on one dense matrix (CLUSTER_DENSE_MAX^2 floats,
 * 64 MiB): their weakest links are dropped, step by step, until every piece fits. */
#define CLUSTER_DENSE_MAX 4096

typedef struct {
    double threshold;         /* (0, 1]: clusters merge while their centroids' cosine >= it */
    double link;              /* (0, threshold]: articles are linked when their cosine >= it;
                                 clusters never span two groups that no link joins */
    cluster_weight_fn weight; /* NULL: every pair counts fully */
    void *weight_ctx;         /* passed to weight */
    size_t dense_max;         /* 0 = CLUSTER_DENSE_MAX; tests lower it to force the split */
    size_t max_pairs;         /* cluster_similar_pairs: ARS_ELIMIT past this many (0 = none);
                                 cluster_centroid_link sets its own bound */
} cluster_params;

/* Clusters the rows of x (unit length, or empty: an empty row is a cluster of its own). The
 * similarity of rows i and j is cos(i, j) * weight(i, j); that of two clusters is the cosine of
 * their sums (the centroid cosine; with weights, the sum of their pairs' similarities over the
 * norms of the two sums computed the same way). Within each group of rows connected by links,
 * the most similar pair of clusters merges while its similarity is at least p->threshold. label
 * (x->n_rows entries) gets each row's cluster, numbered from 0 in the order of each cluster's
 * first row; *n_clusters the count. Deterministic: ties go to the lower row. Returns ARS_OK,
 * ARS_ENOMEM, or ARS_ELIMIT from the dense similarity. */
ars_status cluster_centroid_link(const tfidf_matrix *x, const cluster_params *p, size_t *label,
                                 size_t *n_clusters);

/* The pairs (i < j) whose similarity (as above) is at least p->link, found through an inverted
 * index with prefix filtering, estimated through it and scored exactly (tfidf_dot's float) when
 * the estimate reaches p->link; a term held by more than 1 row in
 * 32 (and more than 64 rows) links nothing by itself (cluster.c says why). *pairs gets 2 * *n_pairs
 * row indices (i, j), in order of j then i, and *sims their similarities (both malloc'd, the caller
 * frees; NULL when there are none). Exposed for its test. Returns ARS_OK, ARS_ENOMEM, or ARS_ELIMIT
 * when there are more than p->max_pairs (nothing returned then). */
ars_status cluster_similar_pairs(const tfidf_matrix *x, const cluster_params *p, size_t **pairs,
                                 float **sims, size_t *n_pairs);

#endif
