/* rank.c - relevance rankers over the sentence cosine graph (see rank.h). Loops run in a fixed
 * order so scores are the same bytes whatever the thread count. */
#include "summarize/rank/rank.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

float rank_graph_sim(const rank_graph *g, size_t i, size_t j) {
    return tfidf_dot(g->x, i, j);
}

/* Power iteration shared by TextRank and LexRank. apply(ctx, u, out) computes out = W u for the
 * symmetric non-negative weight matrix W; deg holds the row sums of W. */
typedef void (*rank_apply_fn)(void *ctx, const double *u, double *out);

static ars_status rank_power(size_t n, const double *deg, rank_apply_fn apply, void *ctx,
                             const rank_pagerank_params *p, double *scores, int *iterations) {
    double *u = malloc(n * sizeof *u), *next = malloc(n * sizeof *next);
    if (!u || !next) {
        free(u);
        free(next);
        return ARS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        scores[i] = 1.0 / (double)n;
    int it = 0;
    while (it < p->max_iter) {
        double dangling = 0.0;
        for (size_t i = 0; i < n; i++) {
            if (deg[i] > 0.0)
                u[i] = scores[i] / deg[i];
            else {
                u[i] = 0.0;
                dangling += scores[i];
            }
        }
        apply(ctx, u, next);
        double base = (1.0 - p->damping) / (double)n + p->damping * dangling / (double)n;
        double change = 0.0, total = 0.0;
        for (size_t i = 0; i < n; i++) {
            next[i] = base + p->damping * next[i];
            total += next[i];
        }
        for (size_t i = 0; i < n; i++) {
            next[i] /= total; /* guards against drift; the sum is 1 in exact arithmetic */
            change += fabs(next[i] - scores[i]);
            scores[i] = next[i];
        }
        it++;
        if (change < p->tolerance) break;
    }
    *iterations = it;
    free(u);
    free(next);
    return ARS_OK;
}

typedef struct {
    const tfidf_matrix *x;
    float *vin, *vout, *scratch; /* float buffers for similarity_matvec */
    double *self;                /* diagonal of X X^T: 1 for non-empty rows, 0 for empty ones */
} rank_textrank_ctx;

static void rank_textrank_apply(void *vctx, const double *u, double *out) {
    rank_textrank_ctx *c = vctx;
    size_t n = c->x->n_rows;
    for (size_t i = 0; i < n; i++)
        c->vin[i] = (float)u[i];
    similarity_matvec(c->x, c->vin, c->vout, c->scratch);
    for (size_t i = 0; i < n; i++) {
        double v = (double)c->vout[i] - c->self[i] * u[i];
        out[i] = v > 0.0 ? v : 0.0; /* rounding must not create negative mass */
    }
}

ars_status rank_textrank(const rank_graph *g, const rank_pagerank_params *p, double *scores,
                         int *iterations) {
    const tfidf_matrix *x = g->x;
    size_t n = x->n_rows;
    *iterations = 0;
    if (n == 0) return ARS_OK;
    rank_textrank_ctx c = {x, malloc(n * sizeof(float)), malloc(n * sizeof(float)),
                           malloc((x->n_cols ? x->n_cols : 1) * sizeof(float)),
                           malloc(n * sizeof(double))};
    double *deg = malloc(n * sizeof *deg), *ones = malloc(n * sizeof *ones);
    ars_status rc = ARS_ENOMEM;
    if (!c.vin || !c.vout || !c.scratch || !c.self || !deg || !ones) goto done;
    for (size_t i = 0; i < n; i++) {
        c.self[i] = x->row_ptr[i + 1] > x->row_ptr[i] ? (double)tfidf_dot(x, i, i) : 0.0;
        ones[i] = 1.0;
    }
    rank_textrank_apply(&c, ones, deg);
    for (size_t i = 0; i < n; i++)
        if (deg[i] < 1e-9) deg[i] = 0.0; /* float residue of an isolated sentence */
    rc = rank_power(n, deg, rank_textrank_apply, &c, p, scores, iterations);
done:
    free(c.vin);
    free(c.vout);
    free(c.scratch);
    free(c.self);
    free(deg);
    free(ones);
    return rc;
}

/* Unweighted adjacency: out[i] = sum of u over the neighbours of i. */
static void rank_lexrank_apply(void *vctx, const double *u, double *out) {
    const similarity_graph *g = vctx;
    for (size_t i = 0; i < g->n_rows; i++) {
        double acc = 0.0;
        for (size_t e = g->row_ptr[i]; e < g->row_ptr[i + 1]; e++)
            acc += u[g->col[e]];
        out[i] = acc;
    }
}

ars_status rank_lexrank(const rank_graph *g, double threshold, const rank_pagerank_params *p,
                        double *scores, int *iterations) {
    size_t n = g->x->n_rows;
    *iterations = 0;
    if (n == 0) return ARS_OK;
    similarity_graph adj;
    ars_status rc = similarity_graph_build(g->x, (float)threshold, &adj);
    if (rc != ARS_OK) return rc;
    double *deg = malloc(n * sizeof *deg), *ones = malloc(n * sizeof *ones);
    if (!deg || !ones) {
        free(deg);
        free(ones);
        similarity_graph_free(&adj);
        return ARS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        ones[i] = 1.0;
    rank_lexrank_apply(&adj, ones, deg);
    rc = rank_power(n, deg, rank_lexrank_apply, &adj, p, scores, iterations);
    free(deg);
    free(ones);
    similarity_graph_free(&adj);
    return rc;
}

ars_status rank_centroid(const tfidf_matrix *x, double *scores) {
    size_t n = x->n_rows;
    float *centroid = calloc(x->n_cols ? x->n_cols : 1, sizeof *centroid);
    if (!centroid) return ARS_ENOMEM;
    for (size_t i = 0; i < n; i++)
        for (size_t k = x->row_ptr[i]; k < x->row_ptr[i + 1]; k++)
            centroid[x->col[k]] += x->val[k];
    double norm = 0.0;
    for (size_t t = 0; t < x->n_cols; t++)
        norm += (double)centroid[t] * centroid[t];
    norm = sqrt(norm);
    for (size_t i = 0; i < n; i++)
        scores[i] = norm > 0.0 ? (double)tfidf_dot_dense(x, i, centroid) / norm : 0.0;
    free(centroid);
    return ARS_OK;
}

void rank_lead(const size_t *position, size_t n, double *scores) {
    for (size_t i = 0; i < n; i++)
        scores[i] = 1.0 / (1.0 + (double)position[i]);
}

ars_status rank_document_centrality(const tfidf_matrix *x, const size_t *doc, size_t n_docs,
                                    double *centrality) {
    for (size_t d = 0; d < n_docs; d++)
        centrality[d] = 0.0;
    if (n_docs == 0) return ARS_OK;
    if (n_docs == 1) {
        centrality[0] = 1.0;
        return ARS_OK;
    }
    size_t nc = x->n_cols ? x->n_cols : 1;
    double *all = calloc(nc, sizeof *all), *mine = calloc(nc, sizeof *mine);
    uint32_t *terms = malloc((x->row_ptr[x->n_rows] ? x->row_ptr[x->n_rows] : 1) * sizeof *terms);
    if (!all || !mine || !terms) {
        free(all);
        free(mine);
        free(terms);
        return ARS_ENOMEM;
    }
    for (size_t r = 0; r < x->n_rows; r++)
        for (size_t k = x->row_ptr[r]; k < x->row_ptr[r + 1]; k++)
            all[x->col[k]] += x->val[k];
    double all_sq = 0.0;
    for (size_t t = 0; t < x->n_cols; t++)
        all_sq += all[t] * all[t];
    /* Rows of one document are contiguous in source order, so each document is one pass, and only
     * its own terms are visited: with rest = all - mine,
     *   rest.mine = sum over its terms of (all - mine) mine,
     *   |rest|^2 = |all|^2 - sum over its terms of (all^2 - rest^2),
     * which keeps the cost in the document's size, not the vocabulary's. */
    for (size_t r = 0; r < x->n_rows;) {
        size_t d = doc[r], end = r, n_terms = 0;
        while (end < x->n_rows && doc[end] == d)
            end++;
        for (size_t q = r; q < end; q++)
            for (size_t k = x->row_ptr[q]; k < x->row_ptr[q + 1]; k++) {
                uint32_t t = x->col[k];
                if (mine[t] == 0.0) terms[n_terms++] = t;
                mine[t] += x->val[k];
            }
        double dot = 0.0, n_mine = 0.0, removed = 0.0;
        for (size_t k = 0; k < n_terms; k++) {
            uint32_t t = terms[k];
            double rest = all[t] - mine[t];
            dot += rest * mine[t];
            n_mine += mine[t] * mine[t];
            removed += all[t] * all[t] - rest * rest;
            mine[t] = 0.0;
        }
        double n_rest = all_sq - removed;
        centrality[d] = n_rest > 0.0 && n_mine > 0.0 ? dot / sqrt(n_rest * n_mine) : 0.0;
        r = end;
    }
    free(all);
    free(mine);
    free(terms);
    return ARS_OK;
}

static int rank_double_cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double rank_median_sort(double *v, size_t n) {
    qsort(v, n, sizeof *v, rank_double_cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The median of v[0..n), n > 0, computed on a copy in scratch. */
static double rank_median(const double *v, size_t n, double *scratch) {
    memcpy(scratch, v, n * sizeof *scratch);
    return rank_median_sort(scratch, n);
}

ars_status rank_older_documents(const int *year, const double *centrality, size_t n_docs,
                                unsigned char *older) {
    memset(older, 0, n_docs);
    if (n_docs < RANK_OLDER_MIN_DOCS) return ARS_OK;
    double *years = malloc(n_docs * sizeof *years), *scratch = malloc(n_docs * sizeof *scratch);
    if (!years || !scratch) {
        free(years);
        free(scratch);
        return ARS_ENOMEM;
    }
    size_t n_dated = 0;
    for (size_t d = 0; d < n_docs; d++)
        if (year[d] > 0) years[n_dated++] = year[d];
    if (n_dated >= RANK_OLDER_MIN_DOCS) {
        double typical = rank_median(years, n_dated, scratch);
        double middle = rank_median(centrality, n_docs, scratch);
        for (size_t d = 0; d < n_docs; d++)
            older[d] = year[d] > 0 && (double)year[d] <= typical - RANK_OLDER_YEARS &&
                       centrality[d] < middle;
    }
    free(years);
    free(scratch);
    return ARS_OK;
}

void rank_lead_graph(const double *centrality, const size_t *position, const double *doc_weight,
                     const rank_lead_graph_params *p, size_t n, double *scores) {
    double top = 0.0;
    for (size_t i = 0; i < n; i++)
        if (centrality[i] > top) top = centrality[i];
    for (size_t i = 0; i < n; i++) {
        double c = top > 0.0 ? centrality[i] / top : 0.0;
        double lead = pow(1.0 / (1.0 + (double)position[i]), p->position_weight);
        scores[i] = lead * (p->centrality_floor + c) * (1.0 + p->document_weight * doc_weight[i]);
    }
    double best = 0.0;
    for (size_t i = 0; i < n; i++)
        if (scores[i] > best) best = scores[i];
    if (best > 0.0)
        for (size_t i = 0; i < n; i++)
            scores[i] /= best;
}
