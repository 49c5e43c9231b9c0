/* cluster.c - centroid-linkage clustering of document vectors for the briefing (see cluster.h).
 *
 * Links. The pairs at or above the link threshold t are found without comparing all pairs: for a
 * unit vector x split into a prefix P (its most common terms) with |x_P| < t and the rest S,
 * cos(x, y) <= |x_P| + <x_S, y>, so any y with cos(x, y) >= t shares a term of S(x) with x. Only
 * the S parts go into the inverted index (the all-pairs prefix filter of Bayardo, Ma and
 * Srikant, 2007), which keeps the long posting lists of common words out of it. A candidate's
 * products on its indexed terms are summed as the postings are walked; its other terms (the
 * commonest of all, a few hundred columns) are read against a small copy of the probing row. Only
 * the pairs this estimate puts at the threshold are scored exactly: on the 14,692 articles of ANT
 * 42.8 million candidates, 1.6 million scored (docs/BRIEFING.md, "70,000 files").
 *
 * Clusters. Inside each group of linked rows, clusters merge greedily by the cosine of their
 * centroids. That needs only the matrix of the rows' pairwise similarities: the dot product of
 * two clusters' sums is the sum of their pairs' similarities, so merging adds two rows of the
 * matrix. Centroid linkage lets a diffuse story (articles on several turns of one event) hold
 * together where average linkage would split it, and keeps unrelated events apart: measured in
 * docs/BRIEFING.md. */
#include "summarize/briefing/cluster.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/swar.h"
#include "vectors/similarity.h"

/* The prefix's squared norm stays below t^2 by this relative margin, so that float rounding in
 * the norms can only make the index larger (more candidates, all verified), never miss a pair. */
#define CLUSTER_PREFIX_MARGIN 1e-4

/* A pair whose cosine, summed term by term in index order, falls short of the link threshold by
 * more than this cannot reach it in tfidf_dot's order: the two sums of a few hundred products of
 * unit vectors' entries differ by rounding, about 1e-15, far below it. */
#define CLUSTER_SUM_MARGIN 1e-6

/* A term held by more than this share of the rows (and by more than CLUSTER_COMMON_MIN rows)
 * links no rows by itself: it stays out of the inverted index, whose posting lists would
 * otherwise make every row a candidate of every other. Pairs that share a rarer term as well
 * are found through it and scored on all their terms. */
#define CLUSTER_COMMON_SHARE 32
#define CLUSTER_COMMON_MIN   64

/* At most this many links per row on average (plus a million): the memory of the link graph. */
#define CLUSTER_MAX_LINKS 64

/* How far the link threshold rises at each step when a group is too large for its dense matrix,
 * or the links too many. */
#define CLUSTER_SPLIT_STEP 0.05

static void *cluster_alloc(size_t n, size_t size) {
    if (n != 0 && n > SIZE_MAX / size) return NULL;
    return malloc(n ? n * size : 1);
}

static double cluster_pair_weight(const cluster_params *p, size_t i, size_t j) {
    return p->weight ? p->weight(p->weight_ctx, i, j) : 1.0;
}

/* A growing list of pairs and their similarities. */
typedef struct {
    size_t *pairs;
    float *sims;
    size_t n, cap;
} cluster_edges;

static ars_status cluster_edges_push(cluster_edges *e, size_t i, size_t j, float sim) {
    if (e->n == e->cap) {
        size_t nc = e->cap ? e->cap * 2 : 256;
        size_t *np = realloc(e->pairs, nc * 2 * sizeof *np);
        if (!np) return ARS_ENOMEM;
        e->pairs = np;
        float *ns = realloc(e->sims, nc * sizeof *ns);
        if (!ns) return ARS_ENOMEM;
        e->sims = ns;
        e->cap = nc;
    }
    e->pairs[2 * e->n] = i;
    e->pairs[2 * e->n + 1] = j;
    e->sims[e->n++] = sim;
    return ARS_OK;
}

/* An entry of a row in renumbered columns. */
typedef struct {
    uint32_t col;
    float val;
} cluster_entry;

/* A column and its document frequency, for ordering columns most frequent first. */
typedef struct {
    size_t df;
    uint32_t col;
} cluster_col_df;

static int cluster_cmp_col(const void *a, const void *b) {
    const cluster_col_df *x = a, *y = b;
    if (x->df != y->df) return x->df > y->df ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

/* Where row r's suffix starts among its entries ordered by rank: the entries before it (the
 * common terms) have a squared norm below t^2. order holds the row's entries (indices into
 * x->col/val) sorted by rank. */
static size_t cluster_suffix_start(const tfidf_matrix *x, const size_t *order, size_t n,
                                   double t2) {
    double sq = 0.0;
    size_t k = 0;
    for (; k < n; k++) {
        double v = (double)x->val[order[k]];
        if (sq + v * v >= t2) break;
        sq += v * v;
    }
    return k;
}

ars_status cluster_similar_pairs(const tfidf_matrix *x, const cluster_params *p, size_t **pairs,
                                 float **sims, size_t *n_pairs) {
    *pairs = NULL;
    *sims = NULL;
    *n_pairs = 0;
    size_t n = x->n_rows, nc = x->n_cols, nnz = x->row_ptr[n];
    double t = p->link, t2 = t * t * (1.0 - CLUSTER_PREFIX_MARGIN);
    size_t *df = calloc(nc ? nc : 1, sizeof *df);
    size_t *rank = cluster_alloc(nc, sizeof *rank);
    cluster_col_df *cols = cluster_alloc(nc, sizeof *cols);
    size_t *in_suffix = cluster_alloc(nnz, sizeof *in_suffix); /* entry -> 1 when indexed */
    size_t *post_ptr = calloc(nc + 1, sizeof *post_ptr);
    size_t *order = cluster_alloc(nc, sizeof *order);
    size_t n_words = n / 64 + 1;
    uint64_t *seen = calloc(n_words, sizeof *seen); /* candidates of the row being probed */
    size_t *post = NULL, *rest_ptr = cluster_alloc(n + 1, sizeof *rest_ptr);
    float *post_val = NULL;
    cluster_entry *rest = NULL;
    uint32_t *rest_col = cluster_alloc(nc, sizeof *rest_col);
    double *acc = cluster_alloc(n, sizeof *acc), *dense = calloc(nc ? nc : 1, sizeof *dense);
    double *full = calloc(nc ? nc : 1, sizeof *full); /* the probing row, by column */
    cluster_edges e = {0};
    ars_status st = ARS_OK;
    if (!df || !rank || !cols || !in_suffix || !post_ptr || !order || !seen || !rest_ptr ||
        !rest_col || !acc || !dense || !full) {
        st = ARS_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nnz; k++)
        df[x->col[k]]++;
    for (size_t c = 0; c < nc; c++)
        cols[c] = (cluster_col_df){df[c], (uint32_t)c};
    qsort(cols, nc, sizeof *cols, cluster_cmp_col);
    for (size_t r = 0; r < nc; r++)
        rank[cols[r].col] = r;

    /* Which entries are indexed: each row's suffix in rank order. */
    for (size_t r = 0; r < n; r++) {
        size_t a = x->row_ptr[r], len = x->row_ptr[r + 1] - a;
        for (size_t k = 0; k < len; k++)
            order[k] = a + k;
        /* Insertion sort by rank: rows are short (a document's distinct terms) and this runs once
         * per row. */
        for (size_t k = 1; k < len; k++) {
            size_t key = order[k], j = k;
            while (j > 0 && rank[x->col[order[j - 1]]] > rank[x->col[key]]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = key;
        }
        size_t s = cluster_suffix_start(x, order, len, t2);
        for (size_t k = 0; k < len; k++)
            in_suffix[order[k]] = k >= s;
    }
    /* The index: for each column, the rows that hold it in their suffix, in row order; common
     * columns stay out (CLUSTER_COMMON_SHARE). */
    size_t common = n / CLUSTER_COMMON_SHARE > CLUSTER_COMMON_MIN ? n / CLUSTER_COMMON_SHARE
                                                                  : CLUSTER_COMMON_MIN;
    for (size_t k = 0; k < nnz; k++) {
        if (df[x->col[k]] > common) in_suffix[k] = 0;
        if (in_suffix[k]) post_ptr[x->col[k] + 1]++;
    }
    for (size_t c = 0; c < nc; c++)
        post_ptr[c + 1] += post_ptr[c];
    post = cluster_alloc(post_ptr[nc], sizeof *post);
    post_val = cluster_alloc(post_ptr[nc], sizeof *post_val);
    rest = cluster_alloc(nnz - post_ptr[nc], sizeof *rest);
    if (!post || !post_val || !rest) {
        st = ARS_ENOMEM;
        goto done;
    }
    memcpy(order, post_ptr, nc * sizeof *order); /* fill cursors */
    /* Each row's other entries (its prefix and common terms), in columns numbered anew from 0 in
     * order of first use: they are few (the commonest terms), so y's copy in those columns is a
     * small array that stays in cache while every candidate is read against it. */
    for (size_t c = 0; c < nc; c++)
        rest_col[c] = UINT32_MAX;
    rest_ptr[0] = 0;
    for (size_t r = 0, nr = 0, n_rest_cols = 0; r < n; r++) {
        for (size_t k = x->row_ptr[r]; k < x->row_ptr[r + 1]; k++)
            if (in_suffix[k]) {
                post_val[order[x->col[k]]] = x->val[k];
                post[order[x->col[k]]++] = r;
            } else {
                if (rest_col[x->col[k]] == UINT32_MAX)
                    rest_col[x->col[k]] = (uint32_t)n_rest_cols++;
                rest[nr++] = (cluster_entry){rest_col[x->col[k]], x->val[k]};
            }
        rest_ptr[r + 1] = nr;
    }

    /* Probe each row with all its terms against the earlier rows' suffixes; a pair {x, y} at or
     * above t shares a suffix term of each, so probing y finds x < y. The candidates' bits in
     * `seen`, read word by word, give them in row order, so the pairs come out sorted and the
     * result is deterministic. */
    for (size_t y = 0; y < n && st == ARS_OK; y++) {
        for (size_t k = x->row_ptr[y]; k < x->row_ptr[y + 1]; k++) {
            size_t c = x->col[k];
            double v = (double)x->val[k];
            full[c] = v;
            if (rest_col[c] != UINT32_MAX) dense[rest_col[c]] = v;
            for (size_t q = post_ptr[c]; q < post_ptr[c + 1] && post[q] < y; q++) {
                size_t r = post[q];
                uint64_t bit = (uint64_t)1 << (r % 64);
                if (!(seen[r / 64] & bit)) {
                    seen[r / 64] |= bit;
                    acc[r] = 0.0;
                }
                acc[r] += (double)post_val[q] * v;
            }
        }
        for (size_t w = 0; w <= y / 64 && w < n_words; w++) {
            for (uint64_t bits = seen[w]; bits && st == ARS_OK; bits &= bits - 1) {
                size_t r = w * 64 + swar_lowest_bit(bits);
                /* acc holds the candidate's indexed terms; its other terms are read from y's copy
                 * in their columns: the cosine, summed in another order than tfidf_dot's. Only
                 * pairs that reach t by it (less a margin for that order) are scored exactly. */
                double est = acc[r];
                for (size_t q = rest_ptr[r]; q < rest_ptr[r + 1]; q++)
                    est += (double)rest[q].val * dense[rest[q].col];
                if (est < t - CLUSTER_SUM_MARGIN) continue;
                /* tfidf_dot's value, bit for bit: the same products in the same (column) order,
                 * the columns y lacks adding zeros. */
                double sum = 0.0;
                for (size_t q = x->row_ptr[r]; q < x->row_ptr[r + 1]; q++)
                    sum += (double)x->val[q] * full[x->col[q]];
                double sim = (double)(float)sum;
                if (sim < t) continue;
                sim *= cluster_pair_weight(p, r, y);
                if (sim >= t) st = cluster_edges_push(&e, r, y, (float)sim);
                if (st == ARS_OK && p->max_pairs && e.n > p->max_pairs) st = ARS_ELIMIT;
            }
            seen[w] = 0;
        }
        for (size_t k = x->row_ptr[y]; k < x->row_ptr[y + 1]; k++) {
            full[x->col[k]] = 0.0;
            if (rest_col[x->col[k]] != UINT32_MAX) dense[rest_col[x->col[k]]] = 0.0;
        }
    }
done:
    free(df);
    free(rank);
    free(cols);
    free(in_suffix);
    free(post_ptr);
    free(order);
    free(seen);
    free(full);
    free(post);
    free(post_val);
    free(rest);
    free(rest_ptr);
    free(rest_col);
    free(acc);
    free(dense);
    if (st != ARS_OK) {
        free(e.pairs);
        free(e.sims);
        return st;
    }
    *pairs = e.pairs;
    *sims = e.sims;
    *n_pairs = e.n;
    return ARS_OK;
}

/* Union-find over rows, path halving; the root is always the smallest row of its set. */
static size_t cluster_find(size_t *parent, size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void cluster_union(size_t *parent, size_t a, size_t b) {
    a = cluster_find(parent, a);
    b = cluster_find(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

/* The rows of one component as a matrix of their own (for the dense similarity). */
static ars_status cluster_submatrix(const tfidf_matrix *x, const size_t *rows, size_t m,
                                    tfidf_matrix *out) {
    memset(out, 0, sizeof *out);
    size_t nnz = 0;
    for (size_t k = 0; k < m; k++)
        nnz += x->row_ptr[rows[k] + 1] - x->row_ptr[rows[k]];
    out->n_rows = m;
    out->n_cols = x->n_cols;
    out->row_ptr = cluster_alloc(m + 1, sizeof *out->row_ptr);
    out->col = cluster_alloc(nnz, sizeof *out->col);
    out->val = cluster_alloc(nnz, sizeof *out->val);
    if (!out->row_ptr || !out->col || !out->val) {
        tfidf_free(out);
        return ARS_ENOMEM;
    }
    out->row_ptr[0] = 0;
    for (size_t k = 0; k < m; k++) {
        size_t a = x->row_ptr[rows[k]], len = x->row_ptr[rows[k] + 1] - a;
        memcpy(out->col + out->row_ptr[k], x->col + a, len * sizeof *out->col);
        memcpy(out->val + out->row_ptr[k], x->val + a, len * sizeof *out->val);
        out->row_ptr[k + 1] = out->row_ptr[k] + len;
    }
    return ARS_OK;
}

/* Greedy centroid linkage on one component. D (m*m, overwritten) holds the similarities of its
 * rows; for clusters A and C, D[A][C] becomes the sum of their pairs' similarities, which is the
 * dot product of their sums of unit vectors, and D[A][A] the squared norm of A's sum, so the
 * cosine of two centroids is D[A][C] / sqrt(D[A][A] D[C][C]) and a merge costs O(m). Each live
 * cluster keeps its best partner; a merge can raise a cluster's similarity to the merged one (the
 * linkage is not monotone), which the update below catches. owner (m entries) gets, for each
 * member, the member that stands for its cluster (the smallest index in it). */
static ars_status cluster_greedy_centroid(float *D, size_t m, double t, size_t *owner) {
    size_t *best = cluster_alloc(m, sizeof *best);
    double *best_cos = cluster_alloc(m, sizeof *best_cos), *norm2 = cluster_alloc(m, sizeof *norm2);
    unsigned char *live = cluster_alloc(m, 1);
    if (!best || !best_cos || !norm2 || !live) {
        free(best);
        free(best_cos);
        free(norm2);
        free(live);
        return ARS_ENOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        owner[i] = i;
        live[i] = 1;
        norm2[i] = 1.0; /* rows are unit length; D's diagonal is not read */
    }
#define CLUSTER_COS(a, c) ((double)D[(a)*m + (c)] / sqrt(norm2[a] * norm2[c]))
    /* best[a]: the live cluster with the highest cosine to a, the smallest index among ties. */
    for (size_t a = 0; a < m; a++) {
        best[a] = SIZE_MAX;
        best_cos[a] = -1.0;
        for (size_t c = 0; c < m; c++)
            if (c != a && CLUSTER_COS(a, c) > best_cos[a]) {
                best_cos[a] = CLUSTER_COS(a, c);
                best[a] = c;
            }
    }
    for (;;) {
        size_t a = SIZE_MAX;
        for (size_t i = 0; i < m; i++)
            if (live[i] && best[i] != SIZE_MAX && (a == SIZE_MAX || best_cos[i] > best_cos[a]))
                a = i;
        if (a == SIZE_MAX || best_cos[a] < t) break;
        size_t b = best[a], keep = a < b ? a : b, drop = a < b ? b : a;
        norm2[keep] = norm2[keep] + norm2[drop] + 2.0 * (double)D[keep * m + drop];
        live[drop] = 0;
        owner[drop] = keep;
        for (size_t c = 0; c < m; c++) {
            if (!live[c] || c == keep) continue;
            float v = (float)((double)D[keep * m + c] + (double)D[drop * m + c]);
            D[keep * m + c] = D[c * m + keep] = v;
        }
        best[keep] = SIZE_MAX;
        best_cos[keep] = -1.0;
        for (size_t c = 0; c < m; c++) {
            if (!live[c] || c == keep) continue;
            double cos = CLUSTER_COS(keep, c);
            if (cos > best_cos[keep]) {
                best_cos[keep] = cos;
                best[keep] = c;
            }
            if (best[c] == keep || best[c] == drop) {
                /* Its partner changed: look again. */
                best[c] = SIZE_MAX;
                best_cos[c] = -1.0;
                for (size_t e = 0; e < m; e++)
                    if (e != c && live[e] && CLUSTER_COS(c, e) > best_cos[c]) {
                        best_cos[c] = CLUSTER_COS(c, e);
                        best[c] = e;
                    }
            } else if (cos > best_cos[c] || (cos == best_cos[c] && keep < best[c])) {
                best_cos[c] = cos;
                best[c] = keep;
            }
        }
    }
#undef CLUSTER_COS
    for (size_t i = 0; i < m; i++) {
        size_t o = owner[i];
        while (owner[o] != o)
            o = owner[o];
        owner[i] = o;
    }
    free(best);
    free(best_cos);
    free(norm2);
    free(live);
    return ARS_OK;
}

/* Clusters one component (rows, m of them, at least 2) and records each row's representative
 * (the smallest row of its cluster) in rep. */
static ars_status cluster_component(const tfidf_matrix *x, const cluster_params *p,
                                    const size_t *rows, size_t m, size_t *rep) {
    tfidf_matrix sub;
    ars_status st = cluster_submatrix(x, rows, m, &sub);
    if (st != ARS_OK) return st;
    float *S = cluster_alloc(m * m, sizeof *S);
    size_t *owner = cluster_alloc(m, sizeof *owner);
    if (!S || !owner) st = ARS_ENOMEM;
    if (st == ARS_OK) st = similarity_dense(&sub, S);
    tfidf_free(&sub);
    if (st == ARS_OK && p->weight)
        for (size_t i = 0; i < m; i++)
            for (size_t j = i + 1; j < m; j++) {
                float v = (float)((double)S[i * m + j] * cluster_pair_weight(p, rows[i], rows[j]));
                S[i * m + j] = S[j * m + i] = v;
            }
    if (st == ARS_OK) st = cluster_greedy_centroid(S, m, p->threshold, owner);
    if (st == ARS_OK)
        for (size_t i = 0; i < m; i++)
            rep[rows[i]] = rows[owner[i]];
    free(S);
    free(owner);
    return st;
}

/* Components of the graph of the edges at or above `at`, as lists of rows: members (n entries)
 * holds the rows grouped by component, each component's rows in order, components in order of
 * their first row; start (n + 1 entries) the offsets; returns the count in *n_comp. Rows outside
 * `subset` (when not NULL: subset[r] != 0 selects) are left out. */
static ars_status cluster_components(size_t n, const size_t *pairs, const float *sims,
                                     size_t n_pairs, double at, const unsigned char *subset,
                                     size_t *members, size_t *start, size_t *n_comp) {
    size_t *parent = cluster_alloc(n, sizeof *parent), *count = calloc(n + 1, sizeof *count);
    if (!parent || !count) {
        free(parent);
        free(count);
        return ARS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t e = 0; e < n_pairs; e++) {
        size_t i = pairs[2 * e], j = pairs[2 * e + 1];
        if ((double)sims[e] >= at && (!subset || (subset[i] && subset[j])))
            cluster_union(parent, i, j);
    }
    /* Roots are the smallest rows of their sets: number components by root order. */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if ((!subset || subset[i]) && cluster_find(parent, i) == i) count[i] = ++k;
    for (size_t c = 0; c <= k; c++)
        start[c] = 0;
    for (size_t i = 0; i < n; i++)
        if (!subset || subset[i]) start[count[cluster_find(parent, i)]]++;
    /* start[c] holds the size of component c (1-based) now; turn sizes into offsets. */
    size_t off = 0;
    for (size_t c = 1; c <= k; c++) {
        size_t sz = start[c];
        start[c - 1] = off;
        off += sz;
    }
    start[k] = off;
    size_t *fill = cluster_alloc(k + 1, sizeof *fill);
    if (!fill) {
        free(parent);
        free(count);
        return ARS_ENOMEM;
    }
    memcpy(fill, start, (k + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        if (!subset || subset[i]) members[fill[count[cluster_find(parent, i)] - 1]++] = i;
    free(fill);
    free(parent);
    free(count);
    *n_comp = k;
    return ARS_OK;
}

/* Clusters the rows selected by subset (all when NULL) over the links at or above `at`: each
 * group small enough is clustered on its dense matrix; a larger one is split again at a higher
 * link threshold. Stories rarely hang on the weakest links of a group that large, so the split
 * costs little; it keeps memory bounded when a corpus chains many articles together. */
static ars_status cluster_level(const tfidf_matrix *x, const cluster_params *p, const size_t *pairs,
                                const float *sims, size_t n_pairs, double at,
                                const unsigned char *subset, size_t *rep) {
    size_t n = x->n_rows, dense_max = p->dense_max ? p->dense_max : CLUSTER_DENSE_MAX;
    size_t *members = cluster_alloc(n, sizeof *members),
           *start = cluster_alloc(n + 1, sizeof *start);
    unsigned char *sub = NULL;
    size_t n_comp = 0;
    ars_status st = members && start ? ARS_OK : ARS_ENOMEM;
    if (st == ARS_OK)
        st = cluster_components(n, pairs, sims, n_pairs, at, subset, members, start, &n_comp);
    for (size_t c = 0; st == ARS_OK && c < n_comp; c++) {
        const size_t *rows = members + start[c];
        size_t m = start[c + 1] - start[c];
        if (m == 1) {
            rep[rows[0]] = rows[0];
        } else if (m <= dense_max) {
            st = cluster_component(x, p, rows, m, rep);
        } else if (at + CLUSTER_SPLIT_STEP <= 1.0) {
            if (!sub && !(sub = calloc(n, 1))) st = ARS_ENOMEM;
            for (size_t k = 0; st == ARS_OK && k < m; k++)
                sub[rows[k]] = 1;
            if (st == ARS_OK)
                st = cluster_level(x, p, pairs, sims, n_pairs, at + CLUSTER_SPLIT_STEP, sub, rep);
            for (size_t k = 0; sub && k < m; k++)
                sub[rows[k]] = 0;
        } else {
            /* Near-identical documents beyond the limit: chunks in row order. */
            for (size_t k0 = 0; st == ARS_OK && k0 < m; k0 += dense_max) {
                size_t len = m - k0 < dense_max ? m - k0 : dense_max;
                if (len == 1)
                    rep[rows[k0]] = rows[k0];
                else
                    st = cluster_component(x, p, rows + k0, len, rep);
            }
        }
    }
    free(members);
    free(start);
    free(sub);
    return st;
}

ars_status cluster_centroid_link(const tfidf_matrix *x, const cluster_params *p, size_t *label,
                                 size_t *n_clusters) {
    assert(x && p && label && n_clusters);
    assert(p->threshold > 0.0 && p->threshold <= 1.0 && p->link > 0.0 && p->link <= p->threshold);
    size_t n = x->n_rows, *pairs = NULL, n_pairs = 0;
    float *sims = NULL;
    *n_clusters = 0;
    /* Links are bounded (CLUSTER_MAX_LINKS per row): an input where everything resembles
     * everything (thousands of copies of one text) is linked at a higher threshold, and past the
     * clustering threshold itself its rows are taken in chunks of dense_max. */
    cluster_params q = *p;
    q.max_pairs = n > SIZE_MAX / CLUSTER_MAX_LINKS ? SIZE_MAX : n * CLUSTER_MAX_LINKS + 1000000;
    ars_status st;
    while ((st = cluster_similar_pairs(x, &q, &pairs, &sims, &n_pairs)) == ARS_ELIMIT &&
           q.link < q.threshold)
        q.link =
            q.link + CLUSTER_SPLIT_STEP < q.threshold ? q.link + CLUSTER_SPLIT_STEP : q.threshold;
    if (st == ARS_ELIMIT) { /* no link at all: every row is past the bound */
        st = ARS_OK;
        n_pairs = 0;
        q.link = 1.0;
        if (n > 1) {
            /* One group of all rows, split in chunks by cluster_level (nothing above 1.0). */
            pairs = malloc(2 * (n - 1) * sizeof *pairs);
            sims = malloc((n - 1) * sizeof *sims);
            if (!pairs || !sims) st = ARS_ENOMEM;
            for (size_t i = 0; st == ARS_OK && i + 1 < n; i++) {
                pairs[2 * i] = i;
                pairs[2 * i + 1] = i + 1;
                sims[i] = 1.0f;
            }
            n_pairs = st == ARS_OK ? n - 1 : 0;
        }
    }
    if (st == ARS_OK) st = cluster_level(x, &q, pairs, sims, n_pairs, q.link, NULL, label);
    free(pairs);
    free(sims);
    if (st != ARS_OK) return st;
    /* label holds each row's representative (the first row of its cluster): number them. */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        label[i] = label[i] == i ? k++ : label[label[i]];
    *n_clusters = k;
    return ARS_OK;
}
