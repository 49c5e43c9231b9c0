/* similarity_paths.c - measures the similarity paths of vectors/similarity.c on real TF-IDF
 * matrices, to decide which runs where (docs/BENCHMARKS.md): the dense n*n matrix through
 * cblas_ssyrk over the columns that occur, the same over the columns shared by two sentences or
 * more, the thresholded graph built row by row through the column index (LexRank), and the rows
 * of similarities the selector's cap needs (one per chosen sentence). Prints one line per size:
 * median milliseconds of several runs. A benchmark, not a test. Built with the project
 * (target bench_similarity_paths); run from the repository root:
 *   build/bench/bench_similarity_paths FILE... (the .txt files of one bench input) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summarize/summarize.h"
#include "summarize/summarizer_internal.h"
#include "vectors/similarity.h"

#define RUNS 5

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* The first n rows of x, keeping only the columns that two rows or more of them share: what a
 * dense product restricted to shared terms multiplies (the other columns only add to the
 * diagonal). Rows are not renormalised: off-diagonal products are unchanged. */
static void shared_columns(const tfidf_matrix *x, size_t n, tfidf_matrix *out) {
    size_t nnz = x->row_ptr[n];
    size_t *df = calloc(x->n_cols + 1, sizeof *df);
    for (size_t e = 0; e < nnz; e++)
        df[x->col[e]]++;
    out->n_rows = n;
    out->n_cols = x->n_cols;
    out->row_ptr = malloc((n + 1) * sizeof *out->row_ptr);
    out->col = malloc((nnz + 1) * sizeof *out->col);
    out->val = malloc((nnz + 1) * sizeof *out->val);
    out->idf = NULL;
    size_t k = 0;
    for (size_t r = 0; r < n; r++) {
        out->row_ptr[r] = k;
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++)
            if (df[x->col[e]] >= 2) {
                out->col[k] = x->col[e];
                out->val[k++] = x->val[e];
            }
    }
    out->row_ptr[n] = k;
    free(df);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: bench_similarity_paths FILE...\n", stderr);
        return 2;
    }
    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    if (ars_summarizer_new(NULL, &s, &err) != ARS_OK) return 1;
    for (int i = 1; i < argc; i++)
        if (ars_summarizer_add_file(s, argv[i], &err) != ARS_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
    tfidf_matrix x;
    if (summarizer_matrix(s, &x, &err) != ARS_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    printf("# %zu sentences, %zu terms, %zu nonzeros; milliseconds, median of %d runs\n", x.n_rows,
           x.n_cols, x.row_ptr[x.n_rows], RUNS);
    printf("%6s %10s %12s %12s %12s %12s\n", "n", "nnz", "dense_ssyrk", "dense_shared",
           "graph_rows", "cap_10_rows");
    static const size_t sizes[] = {100, 250, 500, 1000, 2000, 4096};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t n = sizes[k];
        if (n > x.n_rows) break;
        tfidf_matrix v = x;
        v.n_rows = n; /* the first n rows: a view */
        tfidf_matrix sh;
        shared_columns(&x, n, &sh);
        float *S = malloc(n * n * sizeof *S);
        double t_dense[RUNS], t_shared[RUNS], t_graph[RUNS], t_cap[RUNS];
        for (int run = 0; run < RUNS; run++) {
            double t0 = now();
            similarity_dense(&v, S);
            double t1 = now();
            similarity_dense(&sh, S);
            double t2 = now();
            similarity_graph g;
            similarity_graph_build(&v, 0.1f, &g);
            double t3 = now();
            similarity_graph_free(&g);
            double t4 = now();
            similarity_index ix;
            similarity_index_build(&v, &ix);
            double *acc = calloc(n, sizeof *acc);
            float *row = malloc(n * sizeof *row), sink = 0.0f;
            for (size_t pick = 0; pick < 10; pick++) {
                similarity_row(&ix, &v, pick * (n / 10), acc, row);
                sink += row[0];
            }
            free(acc);
            free(row);
            similarity_index_free(&ix);
            double t5 = now();
            if (sink < -1.0f) puts("");
            t_dense[run] = t1 - t0;
            t_shared[run] = t2 - t1;
            t_graph[run] = t3 - t2;
            t_cap[run] = t5 - t4;
        }
        printf("%6zu %10zu %12.3f %12.3f %12.3f %12.3f\n", n, v.row_ptr[n],
               1e3 * median(t_dense, RUNS), 1e3 * median(t_shared, RUNS),
               1e3 * median(t_graph, RUNS), 1e3 * median(t_cap, RUNS));
        fflush(stdout);
        free(S);
        free(sh.row_ptr);
        free(sh.col);
        free(sh.val);
    }
    tfidf_free(&x);
    ars_summarizer_free(s);
    return 0;
}
