/* stories.c - which articles tell a story the summary already has (see stories.h): the articles'
 * unit vectors, an inverted index of them, and the link threshold from the median pair cosine. */
#include "summarize/rank/stories.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "summarize/rank/rank.h"
#include "vectors/postings.h"

struct stories {
    size_t n_docs;
    /* The articles' unit vectors (CSR, columns in no particular order). */
    size_t *row_ptr;
    uint32_t *col;
    float *val;
    postings post; /* their inverted index; told articles leave it as they are met */
    double link;
    unsigned char *added, *told;
    /* stories_add's scratch: the dot products with the added article, and which are listed. */
    double *dot;
    unsigned char *marked;
    size_t *touched;
};

void stories_free(stories *s) {
    if (!s) return;
    free(s->row_ptr);
    free(s->col);
    free(s->val);
    postings_free(&s->post);
    free(s->added);
    free(s->told);
    free(s->dot);
    free(s->marked);
    free(s->touched);
    free(s);
}

/* The article vectors: each article's rows summed (sum[t] over the terms listed in `terms`), then
 * scaled to unit length. sum (n_cols doubles) is all zero before and after. */
static void stories_vectors(stories *s, const tfidf_matrix *x, const size_t *doc_of, double *sum,
                            uint32_t *terms) {
    size_t k = 0;
    for (size_t r = 0, d = 0; d < s->n_docs; d++) {
        s->row_ptr[d] = k;
        size_t n_terms = 0;
        for (; r < x->n_rows && doc_of[r] == d; r++)
            for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++) {
                uint32_t t = x->col[e];
                if (sum[t] == 0.0) terms[n_terms++] = t;
                sum[t] += x->val[e];
            }
        double norm = 0.0;
        for (size_t j = 0; j < n_terms; j++)
            norm += sum[terms[j]] * sum[terms[j]];
        norm = sqrt(norm);
        for (size_t j = 0; j < n_terms; j++) {
            uint32_t t = terms[j];
            if (norm > 0.0) {
                s->col[k] = t;
                s->val[k++] = (float)(sum[t] / norm);
            }
            sum[t] = 0.0;
        }
    }
    s->row_ptr[s->n_docs] = k;
}

/* The cosine of articles a and b: b's terms read against a's vector spread over dense (n_cols
 * floats, all zero before and after). */
static double stories_cosine(const stories *s, size_t a, size_t b, float *dense) {
    for (size_t e = s->row_ptr[a]; e < s->row_ptr[a + 1]; e++)
        dense[s->col[e]] = s->val[e];
    double dot = 0.0;
    for (size_t e = s->row_ptr[b]; e < s->row_ptr[b + 1]; e++)
        dot += (double)s->val[e] * (double)dense[s->col[e]];
    for (size_t e = s->row_ptr[a]; e < s->row_ptr[a + 1]; e++)
        dense[s->col[e]] = 0.0f;
    return dot;
}

/* The median cosine of the pairs of the m articles listed in `with` (those with a vector), m >= 2:
 * of every pair when there are at most STORIES_MEDIAN_PAIRS, else of that many pairs drawn by a
 * fixed generator (the same pairs on every run). pairs has room for STORIES_MEDIAN_PAIRS. */
static double stories_median(const stories *s, const size_t *with, size_t m, float *dense,
                             double *pairs) {
    size_t n = 0;
    if (m - 1 <= 2 * STORIES_MEDIAN_PAIRS / m) { /* m (m - 1) / 2 <= STORIES_MEDIAN_PAIRS */
        for (size_t i = 0; i < m; i++)
            for (size_t j = i + 1; j < m; j++)
                pairs[n++] = stories_cosine(s, with[i], with[j], dense);
    } else {
        uint64_t g = 0x9E3779B97F4A7C15u; /* a 64-bit LCG (Knuth's MMIX constants) */
        for (; n < STORIES_MEDIAN_PAIRS; n++) {
            g = g * 6364136223846793005u + 1442695040888963407u;
            size_t i = (size_t)((g >> 33) % m);
            g = g * 6364136223846793005u + 1442695040888963407u;
            size_t j = (size_t)((g >> 33) % (m - 1));
            if (j >= i) j++;
            pairs[n] = stories_cosine(s, with[i], with[j], dense);
        }
    }
    return rank_median_sort(pairs, n);
}

ars_status stories_new(const tfidf_matrix *x, const size_t *doc_of, size_t n_docs, stories **out) {
    *out = NULL;
    stories *s = calloc(1, sizeof *s);
    if (!s) return ARS_ENOMEM;
    s->n_docs = n_docs;
    size_t nnz = x->row_ptr[x->n_rows], nc = x->n_cols ? x->n_cols : 1, nd = n_docs ? n_docs : 1;
    double *sum = calloc(nc, sizeof *sum), *pairs = malloc(STORIES_MEDIAN_PAIRS * sizeof *pairs);
    float *dense = calloc(nc, sizeof *dense);
    uint32_t *terms = malloc((nnz ? nnz : 1) * sizeof *terms);
    size_t *with = malloc(nd * sizeof *with);
    s->row_ptr = malloc((nd + 1) * sizeof *s->row_ptr);
    s->col = malloc((nnz ? nnz : 1) * sizeof *s->col);
    s->val = malloc((nnz ? nnz : 1) * sizeof *s->val);
    s->added = calloc(nd, 1);
    s->told = calloc(nd, 1);
    s->dot = calloc(nd, sizeof *s->dot);
    s->marked = calloc(nd, 1);
    s->touched = malloc(nd * sizeof *s->touched);
    ars_status st = ARS_OK;
    if (!sum || !pairs || !dense || !terms || !with || !s->row_ptr || !s->col || !s->val ||
        !s->added || !s->told || !s->dot || !s->marked || !s->touched)
        st = ARS_ENOMEM;
    if (st == ARS_OK) {
        stories_vectors(s, x, doc_of, sum, terms);
        size_t m = 0;
        for (size_t d = 0; d < n_docs; d++)
            if (s->row_ptr[d + 1] > s->row_ptr[d]) with[m++] = d;
        double median = m >= 2 ? stories_median(s, with, m, dense, pairs) : 0.0;
        s->link = STORIES_OVER_MEDIAN * median > STORIES_MIN_COSINE ? STORIES_OVER_MEDIAN * median
                                                                    : STORIES_MIN_COSINE;
    }
    free(sum);
    free(pairs);
    free(dense);
    free(terms);
    free(with);
    if (st == ARS_OK) st = postings_build(&s->post, n_docs, x->n_cols, s->row_ptr, s->col, s->val);
    if (st != ARS_OK) {
        stories_free(s);
        return st;
    }
    *out = s;
    return ARS_OK;
}

double stories_link(const stories *s) {
    return s->link;
}

int stories_told(const stories *s, size_t d) {
    return s->told[d];
}

void stories_add(stories *s, size_t d) {
    if (s->added[d]) return;
    s->added[d] = 1;
    size_t at = s->row_ptr[d];
    size_t n_touched = postings_dot(&s->post, s->col + at, s->val + at, s->row_ptr[d + 1] - at,
                                    s->told, 1, s->dot, s->marked, s->touched);
    for (size_t j = 0; j < n_touched; j++) {
        size_t b = s->touched[j];
        s->marked[b] = 0;
        /* d itself (cosine 1) is no other outlet's account: its next sentence is no repeat */
        if (b != d && s->dot[b] >= s->link) s->told[b] = 1;
    }
}
