/* similarity.c - cosine similarity of TF-IDF rows for vectors/: the dense n*n matrix through
 * cblas_ssyrk on the columns that occur, and the matrix-free product X(X^T v) for graph ranking
 * (the tests hold both to naive loops: tests/similarity_oracle.h). The only file in the tree that
 * includes cblas.h, and the one place where sizes become BLAS ints.
 *
 * Where the build defines ARS_BLAS_SONAME (CMake's ARS_BLAS_LAZY, the default with gcc or clang
 * and a shared BLAS), the BLAS is not linked: it is opened by that name when a dense product is
 * first asked for. Only the briefing's clustering asks, and loading Debian's OpenBLAS (16,000
 * symbol relocations, a thread pool started by its constructor) costs every run a few
 * milliseconds of start-up otherwise: most of what a one-cluster summary takes. */
#include "vectors/similarity.h"
#include "vectors/similarity_internal.h"

#include <assert.h>
#include <cblas.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

ars_status similarity_blas_int(size_t n, int *out) {
    assert(out);
    if (n > (size_t)INT_MAX) return ARS_ELIMIT;
    *out = (int)n;
    return ARS_OK;
}

#if defined(ARS_BLAS_SONAME)
#include <dlfcn.h>
#include <pthread.h>

/* The exact type of cblas_ssyrk as this cblas.h declares it (its int and enum types differ between
 * CBLAS headers); naming it takes no reference to the symbol. */
typedef __typeof__(&cblas_ssyrk) similarity_ssyrk_fn;
typedef int (*similarity_shutdown_fn)(void);

/* The loaded library, set once under the lock and never unloaded (OpenBLAS's threads outlive any
 * one call). parked: ars_tune_process asked for the thread pool to be stopped, which is then done
 * as soon as the library is loaded. */
static pthread_mutex_t similarity_blas_lock = PTHREAD_MUTEX_INITIALIZER;
static similarity_ssyrk_fn similarity_ssyrk;
static similarity_shutdown_fn similarity_shutdown;
static int similarity_parked;

/* A symbol of handle h as a function pointer (POSIX guarantees the representations agree; ISO C
 * has no conversion, hence the copy). NULL when h lacks it. */
static void similarity_blas_sym(void *h, const char *name, void *fn, size_t fn_size) {
    void *sym = dlsym(h, name);
    assert(fn_size == sizeof sym);
    memcpy(fn, &sym, fn_size);
}

ars_status similarity_blas_open(const char *soname, char *why, size_t why_size) {
    assert(soname && (why || why_size == 0));
    ars_status st = ARS_OK;
    pthread_mutex_lock(&similarity_blas_lock);
    if (!similarity_ssyrk) {
        void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char *msg = dlerror();
            if (why_size) snprintf(why, why_size, "%s", msg ? msg : soname);
            st = ARS_EINTERNAL;
        } else {
            similarity_ssyrk_fn f;
            similarity_blas_sym(h, "cblas_ssyrk", &f, sizeof f);
            similarity_blas_sym(h, "blas_thread_shutdown_", &similarity_shutdown,
                                sizeof similarity_shutdown);
            if (!f) {
                dlclose(h);
                similarity_shutdown = NULL;
                if (why_size) snprintf(why, why_size, "%s: no cblas_ssyrk", soname);
                st = ARS_EINTERNAL;
            } else {
                similarity_ssyrk = f;
                if (similarity_parked && similarity_shutdown) similarity_shutdown();
            }
        }
    }
    pthread_mutex_unlock(&similarity_blas_lock);
    return st;
}

ars_status similarity_blas_load(char *why, size_t why_size) {
    return similarity_blas_open(ARS_BLAS_SONAME, why, why_size);
}

void similarity_blas_park(void) {
    pthread_mutex_lock(&similarity_blas_lock);
    similarity_parked = 1;
    if (similarity_shutdown) similarity_shutdown();
    pthread_mutex_unlock(&similarity_blas_lock);
}

int similarity_blas_loaded(void) {
    pthread_mutex_lock(&similarity_blas_lock);
    int loaded = similarity_ssyrk != NULL;
    pthread_mutex_unlock(&similarity_blas_lock);
    return loaded;
}

/* The loaded cblas_ssyrk (similarity_blas_load succeeded before). */
static similarity_ssyrk_fn similarity_blas_ssyrk(void) {
    pthread_mutex_lock(&similarity_blas_lock);
    similarity_ssyrk_fn f = similarity_ssyrk;
    pthread_mutex_unlock(&similarity_blas_lock);
    return f;
}
#define SIMILARITY_SSYRK (similarity_blas_ssyrk())

#else /* the BLAS is linked */

/* OpenBLAS's own stop of its thread pool (what its fork handler calls), declared weak so that any
 * other CBLAS links as well and the call is skipped. */
#if defined(__GNUC__)
extern int blas_thread_shutdown_(void) __attribute__((weak));
#endif

ars_status similarity_blas_load(char *why, size_t why_size) {
    (void)why;
    (void)why_size;
    return ARS_OK;
}

void similarity_blas_park(void) {
#if defined(__GNUC__)
    if (blas_thread_shutdown_) blas_thread_shutdown_();
#endif
}

int similarity_blas_loaded(void) {
    return 1;
}
#define SIMILARITY_SSYRK cblas_ssyrk
#endif

ars_status similarity_dense(const tfidf_matrix *x, float *S) {
    return similarity_dense_blocked(x, S, SIMILARITY_BLOCK_BYTES);
}

/* Compact index for each column that occurs, in column order, so that a row's sorted entries map
 * to increasing compact indices; UINT32_MAX marks an unused column. Returns the count k. */
static size_t similarity_compact_columns(const tfidf_matrix *x, uint32_t *map) {
    size_t nnz = x->row_ptr[x->n_rows];
    for (size_t c = 0; c < x->n_cols; c++)
        map[c] = UINT32_MAX;
    for (size_t e = 0; e < nnz; e++)
        map[x->col[e]] = 0;
    size_t k = 0;
    for (size_t c = 0; c < x->n_cols; c++)
        if (map[c] == 0) map[c] = (uint32_t)k++;
    return k;
}

ars_status similarity_dense_blocked(const tfidf_matrix *x, float *S, size_t block_bytes) {
    assert(x);
    size_t n = x->n_rows;
    if (n > SIMILARITY_DENSE_MAX) return ARS_ELIMIT;
    if (n == 0) return ARS_OK;
    assert(S);
    ars_status loaded = similarity_blas_load(NULL, 0);
    if (loaded != ARS_OK) return loaded;
    if (n > SIZE_MAX / n || n * n > SIZE_MAX / sizeof *S) return ARS_ELIMIT;
    int n_blas;
    if (similarity_blas_int(n, &n_blas) != ARS_OK) return ARS_ELIMIT;
    /* ssyrk with beta = 0 should ignore what S held, but zeroing it costs little next to the
     * product and keeps stray NaNs in a caller's buffer out of the result whatever BLAS does. */
    memset(S, 0, n * n * sizeof *S);

    /* Column ids are uint32_t, so the map's size never overflows on a 64-bit size_t; the check
     * is for 32-bit targets. */
    if (x->n_cols > SIZE_MAX / sizeof(uint32_t)) return ARS_ELIMIT;
    uint32_t *map = malloc((x->n_cols ? x->n_cols : 1) * sizeof *map);
    if (!map) return ARS_ENOMEM;
    size_t k = similarity_compact_columns(x, map);
    if (k == 0) {
        free(map);
        return ARS_OK;
    }

    size_t row_bytes = n * sizeof(float);
    size_t chunk = block_bytes / row_bytes;
    if (chunk == 0) chunk = 1;
    if (chunk > k) chunk = k;
    int chunk_blas;
    if (similarity_blas_int(chunk, &chunk_blas) != ARS_OK) {
        free(map);
        return ARS_ELIMIT;
    }
    float *block = malloc(n * chunk * sizeof *block);
    /* Per-row read position: a chunk covers a range of compact columns, and each row's entries
     * are sorted, so every row resumes where the previous chunk left it (O(nnz) in total). */
    size_t *cursor = malloc(n * sizeof *cursor);
    if (!block || !cursor) {
        free(block);
        free(cursor);
        free(map);
        return ARS_ENOMEM;
    }
    memcpy(cursor, x->row_ptr, n * sizeof *cursor);

    for (size_t c0 = 0; c0 < k; c0 += chunk) {
        size_t width = k - c0 < chunk ? k - c0 : chunk;
        int width_blas;
        (void)similarity_blas_int(width, &width_blas); /* width <= chunk, which fits */
        memset(block, 0, n * width * sizeof *block);
        for (size_t r = 0; r < n; r++) {
            size_t e = cursor[r], end = x->row_ptr[r + 1];
            for (; e < end && map[x->col[e]] < c0 + width; e++)
                block[r * width + (map[x->col[e]] - c0)] = x->val[e];
            cursor[r] = e;
        }
        SIMILARITY_SSYRK(CblasRowMajor, CblasUpper, CblasNoTrans, n_blas, width_blas, 1.0f, block,
                         width_blas, c0 == 0 ? 0.0f : 1.0f, S, n_blas);
    }
    free(block);
    free(cursor);
    free(map);

    /* ssyrk wrote only the upper triangle (row-major: j >= i); copy it across so that S[i][j] and
     * S[j][i] are the same float, not two roundings of the same sum. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            S[j * n + i] = S[i * n + j];
    return ARS_OK;
}

void similarity_matvec(const tfidf_matrix *x, const float *v, float *out, float *scratch) {
    assert(x && (v || x->n_rows == 0) && (out || x->n_rows == 0));
    assert(scratch || x->n_cols == 0);
    if (x->n_cols) memset(scratch, 0, x->n_cols * sizeof *scratch);
    /* scratch = X^T v, then out = X scratch: two passes over the nonzeros. */
    for (size_t r = 0; r < x->n_rows; r++) {
        float vr = v[r];
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++)
            scratch[x->col[e]] += x->val[e] * vr;
    }
    for (size_t r = 0; r < x->n_rows; r++) {
        double sum = 0.0;
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++)
            sum += (double)x->val[e] * (double)scratch[x->col[e]];
        out[r] = (float)sum;
    }
}

ars_status similarity_index_build(const tfidf_matrix *x, similarity_index *out) {
    assert(x && out);
    memset(out, 0, sizeof *out);
    if (x->n_rows > UINT32_MAX) return ARS_ELIMIT;
    size_t nnz = x->row_ptr[x->n_rows];
    similarity_index ix = {x->n_rows, x->n_cols, calloc(x->n_cols + 1, sizeof(size_t)),
                           malloc((nnz ? nnz : 1) * sizeof(uint32_t)),
                           malloc((nnz ? nnz : 1) * sizeof(float))};
    if (!ix.col_ptr || !ix.row || !ix.val) {
        similarity_index_free(&ix);
        return ARS_ENOMEM;
    }
    /* Counting sort by column: rows are visited in order, so each column's rows increase. */
    for (size_t e = 0; e < nnz; e++)
        ix.col_ptr[x->col[e] + 1]++;
    for (size_t c = 0; c < x->n_cols; c++)
        ix.col_ptr[c + 1] += ix.col_ptr[c];
    size_t *fill = malloc((x->n_cols ? x->n_cols : 1) * sizeof *fill);
    if (!fill) {
        similarity_index_free(&ix);
        return ARS_ENOMEM;
    }
    if (x->n_cols) memcpy(fill, ix.col_ptr, x->n_cols * sizeof *fill);
    for (size_t r = 0; r < x->n_rows; r++)
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++) {
            size_t k = fill[x->col[e]]++;
            ix.row[k] = (uint32_t)r;
            ix.val[k] = x->val[e];
        }
    free(fill);
    *out = ix;
    return ARS_OK;
}

void similarity_index_free(similarity_index *ix) {
    if (!ix) return;
    free(ix->col_ptr);
    free(ix->row);
    free(ix->val);
    memset(ix, 0, sizeof *ix);
}

void similarity_row(const similarity_index *ix, const tfidf_matrix *x, size_t j, double *acc,
                    float *out) {
    assert(ix && x && j < x->n_rows && acc && out);
    /* Row j's columns ascend, so every acc[r] receives its products in column order, as the
     * merge in tfidf_dot adds them: the same doubles, the same float. */
    for (size_t e = x->row_ptr[j]; e < x->row_ptr[j + 1]; e++) {
        double v = (double)x->val[e];
        size_t c = x->col[e];
        for (size_t k = ix->col_ptr[c]; k < ix->col_ptr[c + 1]; k++)
            acc[ix->row[k]] += (double)ix->val[k] * v;
    }
    for (size_t r = 0; r < x->n_rows; r++) {
        out[r] = (float)acc[r];
        acc[r] = 0.0;
    }
}

ars_status similarity_graph_build(const tfidf_matrix *x, float threshold, similarity_graph *out) {
    assert(x && out);
    memset(out, 0, sizeof *out);
    size_t n = x->n_rows;
    similarity_graph g = {n, malloc((n + 1) * sizeof(size_t)), NULL};
    similarity_index ix;
    ars_status st = similarity_index_build(x, &ix);
    double *acc = calloc(n ? n : 1, sizeof *acc);
    float *row = malloc((n ? n : 1) * sizeof *row);
    size_t cap = 0, n_edges = 0;
    if (st == ARS_OK && (!g.row_ptr || !acc || !row)) st = ARS_ENOMEM;
    for (size_t i = 0; st == ARS_OK && i < n; i++) {
        g.row_ptr[i] = n_edges;
        similarity_row(&ix, x, i, acc, row);
        for (size_t j = 0; j < n; j++) {
            if (j == i || !(row[j] >= threshold)) continue;
            if (n_edges == cap) {
                size_t nc = cap ? 2 * cap : 1024;
                uint32_t *grown = realloc(g.col, nc * sizeof *grown);
                if (!grown) {
                    st = ARS_ENOMEM;
                    break;
                }
                g.col = grown;
                cap = nc;
            }
            g.col[n_edges++] = (uint32_t)j; /* rows <= UINT32_MAX: the index checked */
        }
    }
    similarity_index_free(&ix);
    free(acc);
    free(row);
    if (st != ARS_OK) {
        similarity_graph_free(&g);
        return st;
    }
    g.row_ptr[n] = n_edges;
    *out = g;
    return ARS_OK;
}

void similarity_graph_free(similarity_graph *g) {
    if (!g) return;
    free(g->row_ptr);
    free(g->col);
    memset(g, 0, sizeof *g);
}
