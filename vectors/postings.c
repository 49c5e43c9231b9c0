/* postings.c - an inverted index of sparse rows (see postings.h). */
#include "vectors/postings.h"

#include <stdlib.h>

ars_status postings_build(postings *p, size_t n_rows, size_t n_cols, const size_t *row_ptr,
                          const uint32_t *col, const float *val) {
    size_t nnz = row_ptr[n_rows];
    p->ptr = calloc(n_cols + 1, sizeof *p->ptr);
    p->len = calloc(n_cols + 1, sizeof *p->len);
    p->rows = malloc((nnz ? nnz : 1) * sizeof *p->rows);
    p->vals = malloc((nnz ? nnz : 1) * sizeof *p->vals);
    if (!p->ptr || !p->len || !p->rows || !p->vals) return ARS_ENOMEM;
    for (size_t e = 0; e < nnz; e++)
        p->len[col[e]]++;
    for (size_t t = 0; t < n_cols; t++) {
        p->ptr[t + 1] = p->ptr[t] + p->len[t];
        p->len[t] = 0;
    }
    for (size_t r = 0; r < n_rows; r++)
        for (size_t e = row_ptr[r]; e < row_ptr[r + 1]; e++) {
            size_t at = p->ptr[col[e]] + p->len[col[e]]++;
            p->rows[at] = r;
            p->vals[at] = val[e];
        }
    return ARS_OK;
}

void postings_free(postings *p) {
    free(p->ptr);
    free(p->len);
    free(p->rows);
    free(p->vals);
    p->ptr = p->len = p->rows = NULL;
    p->vals = NULL;
}

size_t postings_dot(postings *p, const uint32_t *cols, const float *vals, size_t n,
                    const unsigned char *flags, unsigned char gone, double *dot,
                    unsigned char *marked, size_t *touched) {
    size_t n_touched = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t t = cols[k];
        size_t at = p->ptr[t], kept = 0;
        /* Rows that are gone leave the postings when they are met, so each costs once. */
        for (size_t j = 0; j < p->len[t]; j++) {
            size_t i = p->rows[at + j];
            if (flags[i] & gone) continue;
            float v = p->vals[at + j];
            p->rows[at + kept] = i;
            p->vals[at + kept] = v;
            kept++;
            if (!marked[i]) {
                marked[i] = 1;
                dot[i] = 0.0;
                touched[n_touched++] = i;
            }
            dot[i] += (double)vals[k] * (double)v;
        }
        p->len[t] = kept;
    }
    return n_touched;
}
