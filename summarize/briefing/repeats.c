/* repeats.c - the brief's content-word sets and the repeat check (see repeats.h).
 *
 * Of two sets x and y with cos = |x & y| / sqrt(|x| |y|) >= t, each shares at least t^2 of its
 * own size with the other (|x & y| <= |y| gives |x & y| >= t sqrt(|x| |x & y|)). With every
 * set's terms in one order, the first term they share lies among the first |x| - ceil(t^2 |x|)
 * + 1 terms of x and among the first |y| - ceil(t^2 |y|) + 1 of y (everything before it in each
 * is unshared). So only those prefixes are indexed and probed, rarest terms first, which keeps
 * the long posting lists of common words out of the search (prefix filtering, as cluster.c does
 * for cosines of vectors); each candidate is then compared on all its terms. */
#include "summarize/briefing/repeats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void repeats_init(repeats_set *s, double max_sim, const size_t *df, size_t n_df) {
    memset(s, 0, sizeof *s);
    s->max_sim = max_sim;
    s->df = df;
    s->n_df = n_df;
}

void repeats_free(repeats_set *s) {
    if (!s) return;
    free(s->pre);
    free(s->head);
    free(s->in_cur);
    free(s->post_sent);
    free(s->post_next);
    free(s->pool);
    free(s->set_of);
    free(s->size_of);
    free(s->touched_mark);
    free(s->touched);
    memset(s, 0, sizeof *s);
}

/* Grows *p to hold need elements of `size` bytes (capacity *cap). 1 on success. */
static int repeats_grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 1;
    if (need > (SIZE_MAX / size - 64) / 2) return 0;
    size_t nc = need * 2 + 64;
    void *g = realloc(*p, nc * size);
    if (!g) return 0;
    *p = g;
    *cap = nc;
    return 1;
}

/* Puts terms[0..n) into s->pre, rarest first (ties by id), and returns the prefix length. */
static size_t repeats_prefix(repeats_set *s, const uint32_t *terms, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint32_t key = terms[i];
        size_t kdf = key < s->n_df ? s->df[key] : 0, j = i;
        for (; j > 0; j--) {
            uint32_t o = s->pre[j - 1];
            size_t odf = o < s->n_df ? s->df[o] : 0;
            if (odf < kdf || (odf == kdf && o < key)) break;
            s->pre[j] = o;
        }
        s->pre[j] = key;
    }
    if (n == 0) return 0;
    /* The least overlap, rounded down a hair so that rounding can only lengthen the prefix. */
    double least = ceil(s->max_sim * s->max_sim * (double)n * (1.0 - 1e-9));
    size_t need = least < 1.0 ? 1 : least >= (double)n ? n : (size_t)least;
    return n - need + 1;
}

ars_status repeats_check(repeats_set *s, const uint32_t *terms, size_t n, int *found) {
    *found = 0;
    if (!repeats_grow((void **)&s->pre, &s->cap_pre, n, sizeof *s->pre)) return ARS_ENOMEM;
    size_t n_touched = 0, n_pre = repeats_prefix(s, terms, n);
    for (size_t i = 0; i < n_pre; i++) {
        uint32_t t = s->pre[i];
        if (t >= s->cap_head) continue;
        for (size_t e = s->head[t]; e != SIZE_MAX; e = s->post_next[e]) {
            size_t q = s->post_sent[e];
            if (!s->touched_mark[q]) {
                s->touched_mark[q] = 1;
                s->touched[n_touched++] = q;
            }
        }
    }
    /* The candidates' terms looked up in a table of the set's own: every indexed term is below
     * cap_head, so a term at or above it is in no indexed set. */
    for (size_t i = 0; i < n; i++)
        if (terms[i] < s->cap_head) s->in_cur[terms[i]] = 1;
    for (size_t k = 0; k < n_touched; k++) {
        size_t q = s->touched[k], overlap = 0;
        const uint32_t *b = s->pool + s->set_of[q];
        for (size_t j = 0; j < s->size_of[q]; j++)
            overlap += s->in_cur[b[j]];
        double cos = (double)overlap / sqrt((double)n * (double)s->size_of[q]);
        if (cos >= s->max_sim) *found = 1;
        s->touched_mark[q] = 0;
    }
    for (size_t i = 0; i < n; i++)
        if (terms[i] < s->cap_head) s->in_cur[terms[i]] = 0;
    return ARS_OK;
}

ars_status repeats_add(repeats_set *s, const uint32_t *terms, size_t n) {
    if (!repeats_grow((void **)&s->pre, &s->cap_pre, n, sizeof *s->pre)) return ARS_ENOMEM;
    if (s->n_sets == s->cap_sets) {
        size_t nc = s->cap_sets ? s->cap_sets * 2 : 64;
        size_t *a = realloc(s->size_of, nc * sizeof *a);
        if (!a) return ARS_ENOMEM;
        s->size_of = a;
        size_t *f = realloc(s->set_of, nc * sizeof *f);
        if (!f) return ARS_ENOMEM;
        s->set_of = f;
        size_t *t = realloc(s->touched, nc * sizeof *t);
        if (!t) return ARS_ENOMEM;
        s->touched = t;
        unsigned char *m = realloc(s->touched_mark, nc);
        if (!m) return ARS_ENOMEM;
        memset(m + s->cap_sets, 0, nc - s->cap_sets);
        s->touched_mark = m;
        s->cap_sets = nc;
    }
    size_t need = n ? (size_t)terms[n - 1] + 1 : 0; /* terms ascend */
    if (need > s->cap_head) {
        size_t nc = need * 2;
        size_t *h = realloc(s->head, nc * sizeof *h);
        if (!h) return ARS_ENOMEM;
        for (size_t t = s->cap_head; t < nc; t++)
            h[t] = SIZE_MAX;
        s->head = h;
        unsigned char *m = realloc(s->in_cur, nc);
        if (!m) return ARS_ENOMEM; /* head is larger than cap_head says: harmless */
        memset(m + s->cap_head, 0, nc - s->cap_head);
        s->in_cur = m;
        s->cap_head = nc;
    }
    size_t n_pre = repeats_prefix(s, terms, n);
    if (!repeats_grow((void **)&s->pool, &s->cap_pool, s->n_pool + n, sizeof *s->pool))
        return ARS_ENOMEM;
    if (s->n_post + n_pre > s->cap_post) {
        size_t cap = s->cap_post;
        if (!repeats_grow((void **)&s->post_sent, &cap, s->n_post + n_pre, sizeof *s->post_sent))
            return ARS_ENOMEM;
        size_t cap2 = s->cap_post;
        if (!repeats_grow((void **)&s->post_next, &cap2, s->n_post + n_pre, sizeof *s->post_next))
            return ARS_ENOMEM;
        s->cap_post = cap < cap2 ? cap : cap2;
    }
    size_t q = s->n_sets++;
    s->size_of[q] = n;
    s->set_of[q] = s->n_pool;
    if (n) memcpy(s->pool + s->n_pool, terms, n * sizeof *terms);
    s->n_pool += n;
    for (size_t i = 0; i < n_pre; i++) {
        size_t e = s->n_post++;
        s->post_sent[e] = q;
        s->post_next[e] = s->head[s->pre[i]];
        s->head[s->pre[i]] = e;
    }
    return ARS_OK;
}
