/* tfidf.c - builds the sentence-term CSR matrix for vectors/: counts each row's terms, weights
 * them with sublinear tf and smoothed idf, and scales rows to unit length.
 * The output is fully determined by the input: columns sorted per row, no hashing, no threads. */
#include "vectors/tfidf.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* malloc of n elements with the multiplication checked; never returns NULL for n == 0 so that
 * a NULL result always means failure. */
static void *tfidf_alloc(size_t n, size_t size) {
    if (n != 0 && n > SIZE_MAX / size) return NULL;
    return malloc(n ? n * size : 1);
}

static int tfidf_cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Sorts short rows in place without qsort's call overhead; sentences rarely exceed a few dozen
 * terms. Equal keys are indistinguishable, so stability does not matter. */
static void tfidf_sort_terms(uint32_t *t, size_t n) {
    if (n > 32) {
        qsort(t, n, sizeof *t, tfidf_cmp_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t key = t[i];
        size_t j = i;
        while (j > 0 && t[j - 1] > key) {
            t[j] = t[j - 1];
            j--;
        }
        t[j] = key;
    }
}

ars_status tfidf_build(const uint32_t *terms, const size_t *offsets, size_t n_rows, size_t n_cols,
                       tfidf_matrix *out) {
    assert(offsets && out);
    memset(out, 0, sizeof *out);
    size_t total = offsets[n_rows] - offsets[0];
    size_t longest = 0;
    for (size_t r = 0; r < n_rows; r++) {
        assert(offsets[r] <= offsets[r + 1]);
        size_t n = offsets[r + 1] - offsets[r];
        if (n > longest) longest = n;
    }
    assert(terms || total == 0);

    tfidf_matrix m = {.n_rows = n_rows, .n_cols = n_cols};
    uint32_t *sorted = tfidf_alloc(longest, sizeof *sorted);
    size_t *df = calloc(n_cols ? n_cols : 1, sizeof *df);
    m.row_ptr = tfidf_alloc(n_rows + 1, sizeof *m.row_ptr);
    m.col = tfidf_alloc(total, sizeof *m.col);
    m.val = tfidf_alloc(total, sizeof *m.val);
    m.idf = tfidf_alloc(n_cols, sizeof *m.idf);
    if (!sorted || !df || !m.row_ptr || !m.col || !m.val || !m.idf) {
        free(sorted);
        free(df);
        tfidf_free(&m);
        return ARS_ENOMEM;
    }

    /* Pass 1: distinct terms of each row in column order, with the sublinear tf parked in val
     * (a raw count in a float would stop being exact past 2^24 repeats). */
    size_t nnz = 0;
    m.row_ptr[0] = 0;
    for (size_t r = 0; r < n_rows; r++) {
        size_t n = offsets[r + 1] - offsets[r];
        if (n) memcpy(sorted, terms + offsets[r], n * sizeof *sorted);
        tfidf_sort_terms(sorted, n);
        for (size_t i = 0; i < n;) {
            size_t j = i + 1;
            while (j < n && sorted[j] == sorted[i])
                j++;
            assert(sorted[i] < n_cols);
            m.col[nnz] = sorted[i];
            m.val[nnz] = (float)(1.0 + log((double)(j - i)));
            df[sorted[i]]++;
            nnz++;
            i = j;
        }
        m.row_ptr[r + 1] = nnz;
    }
    free(sorted);

    for (size_t t = 0; t < n_cols; t++)
        m.idf[t] = (float)(log((1.0 + (double)n_rows) / (1.0 + (double)df[t])) + 1.0);
    free(df);

    /* Pass 2: weights and norms in double; an empty row keeps its zero norm. */
    for (size_t r = 0; r < n_rows; r++) {
        double sq = 0.0;
        for (size_t e = m.row_ptr[r]; e < m.row_ptr[r + 1]; e++) {
            double w = (double)m.val[e] * (double)m.idf[m.col[e]];
            m.val[e] = (float)w;
            sq += w * w;
        }
        if (sq > 0.0) {
            double inv = 1.0 / sqrt(sq);
            for (size_t e = m.row_ptr[r]; e < m.row_ptr[r + 1]; e++)
                m.val[e] = (float)((double)m.val[e] * inv);
        }
    }

    /* Repeats made nnz smaller than the input; give the slack back. Shrinking cannot lose data,
     * so a refused realloc just keeps the larger block. */
    if (nnz < total) {
        uint32_t *c = realloc(m.col, (nnz ? nnz : 1) * sizeof *c);
        if (c) m.col = c;
        float *v = realloc(m.val, (nnz ? nnz : 1) * sizeof *v);
        if (v) m.val = v;
    }
    *out = m;
    return ARS_OK;
}

void tfidf_free(tfidf_matrix *m) {
    if (!m) return;
    free(m->row_ptr);
    free(m->col);
    free(m->val);
    free(m->idf);
    memset(m, 0, sizeof *m);
}

float tfidf_dot(const tfidf_matrix *m, size_t i, size_t j) {
    assert(m && i < m->n_rows && j < m->n_rows);
    size_t a = m->row_ptr[i], a_end = m->row_ptr[i + 1];
    size_t b = m->row_ptr[j], b_end = m->row_ptr[j + 1];
    double sum = 0.0;
    while (a < a_end && b < b_end) {
        if (m->col[a] < m->col[b]) {
            a++;
        } else if (m->col[a] > m->col[b]) {
            b++;
        } else {
            sum += (double)m->val[a] * (double)m->val[b];
            a++;
            b++;
        }
    }
    return (float)sum;
}

float tfidf_dot_dense(const tfidf_matrix *m, size_t i, const float *dense) {
    assert(m && i < m->n_rows && (dense || m->n_cols == 0));
    double sum = 0.0;
    for (size_t e = m->row_ptr[i]; e < m->row_ptr[i + 1]; e++)
        sum += (double)m->val[e] * (double)dense[m->col[e]];
    return (float)sum;
}
