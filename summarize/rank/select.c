/* select.c - MMR selection with a hard redundancy cap and a word budget, and output ordering.
 * Only similarities to already chosen sentences are needed, so the cost is O(n * chosen). */
#include "summarize/rank/select.h"

#include <stdlib.h>

int select_fits(select_budget budget, size_t max_words, size_t words, size_t n_chosen, size_t len) {
    if (!max_words) return 1;
    size_t ceiling = max_words * SELECT_OVERFLOW_FACTOR;
    switch (budget) {
    case SELECT_BUDGET_FIRST:
        if (n_chosen == 0) return len <= ceiling;
        return words + len <= max_words;
    case SELECT_BUDGET_FILL:
        return words < max_words && words + len <= ceiling;
    case SELECT_BUDGET_STRICT:
    default:
        return words + len <= max_words;
    }
}

ars_status select_sentences(const rank_graph *g, const select_item *items, size_t n,
                            const select_params *p, size_t *chosen, size_t *n_chosen) {
    *n_chosen = 0;
    if (n == 0) return ARS_OK;
    double *redundancy = calloc(n, sizeof *redundancy);
    unsigned char *state = calloc(n, 1); /* 0 open, 1 chosen, 2 blocked by the cap */
    if (!redundancy || !state) {
        free(redundancy);
        free(state);
        return ARS_ENOMEM;
    }
    double best_rel = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].relevance > best_rel) best_rel = items[i].relevance;
        if (!(items[i].relevance > 0.0)) state[i] = 2;
    }
    double scale = best_rel > 0.0 ? 1.0 / best_rel : 1.0;
    size_t words = 0;
    for (;;) {
        if (p->max_sentences && *n_chosen >= p->max_sentences) break;
        size_t pick = n;
        double pick_score = 0.0;
        for (size_t i = 0; i < n; i++) {
            if (state[i] ||
                !select_fits(p->budget, p->max_words, words, *n_chosen, items[i].n_words))
                continue;
            double rel = items[i].relevance * scale;
            double score = p->mmr ? p->lambda * rel - (1.0 - p->lambda) * redundancy[i] : rel;
            if (pick == n || score > pick_score) {
                pick = i;
                pick_score = score;
            }
        }
        if (pick == n) break;
        state[pick] = 1;
        chosen[(*n_chosen)++] = pick;
        words += items[pick].n_words;
        for (size_t i = 0; i < n; i++) {
            if (state[i]) continue;
            double s = rank_graph_sim(g, i, pick);
            if (s > redundancy[i]) redundancy[i] = s;
            if (s >= p->max_sim) state[i] = 2;
        }
    }
    free(redundancy);
    free(state);
    return ARS_OK;
}

/* 1 when index a goes before index b: by key descending (when given), then by index. */
static int select_before(size_t a, size_t b, const double *key) {
    if (key && key[a] != key[b]) return key[a] > key[b];
    return a < b;
}

/* Bottom-up merge sort with the key passed along: qsort has no context argument in C11 and a
 * file-level static would make the library thread-unsafe. Falls back to insertion sort (still
 * correct, O(n^2)) if the scratch buffer cannot be allocated. */
void select_order(size_t *idx, size_t n, const double *by_key) {
    size_t *tmp = n > 1 ? malloc(n * sizeof *tmp) : NULL;
    if (!tmp) {
        for (size_t i = 1; i < n; i++) {
            size_t v = idx[i], j = i;
            for (; j > 0 && select_before(v, idx[j - 1], by_key); j--)
                idx[j] = idx[j - 1];
            idx[j] = v;
        }
        return;
    }
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = select_before(idx[b], idx[a], by_key) ? idx[b++] : idx[a++];
            while (a < mid)
                tmp[k++] = idx[a++];
            while (b < hi)
                tmp[k++] = idx[b++];
        }
        for (size_t i = 0; i < n; i++)
            idx[i] = tmp[i];
    }
    free(tmp);
}
