/* select.c - MMR selection with a hard redundancy cap and a word budget, and output ordering.
 * Nothing here is quadratic: a choice updates only the sentences that share a term with it
 * (found through an inverted index of the TF-IDF rows), and the next choice comes from a lazy
 * max-heap, so a run costs O(nnz + n log n) plus the postings the chosen sentences touch, at most
 * O(chosen * n) (--ratio 1 on megabytes of news no longer compares every pair). */
#include "summarize/rank/select.h"

#include <stdint.h>
#include <stdlib.h>

#include "vectors/postings.h"

/* words + len <= limit, without overflow. */
static int select_within(size_t words, size_t len, size_t limit) {
    return len <= limit && words <= limit - len;
}

int select_fits(select_budget budget, size_t max_words, size_t words, size_t n_chosen, size_t len) {
    if (!max_words) return 1;
    size_t ceiling = max_words > SIZE_MAX / SELECT_OVERFLOW_FACTOR
                         ? SIZE_MAX
                         : max_words * SELECT_OVERFLOW_FACTOR;
    switch (budget) {
    case SELECT_BUDGET_FIRST:
        if (n_chosen == 0) return len <= ceiling;
        return select_within(words, len, max_words);
    case SELECT_BUDGET_FILL:
        return words < max_words && select_within(words, len, ceiling);
    case SELECT_BUDGET_STRICT:
    default:
        return select_within(words, len, max_words);
    }
}

/* A max-heap of (score, index): the higher score first, the lower index on ties (source order). */
typedef struct {
    double *key;
    size_t *idx;
    size_t n;
} select_heap;

static int select_above(const select_heap *h, size_t a, size_t b) {
    if (h->key[a] != h->key[b]) return h->key[a] > h->key[b];
    return h->idx[a] < h->idx[b];
}

static void select_swap(select_heap *h, size_t a, size_t b) {
    double k = h->key[a];
    size_t i = h->idx[a];
    h->key[a] = h->key[b];
    h->idx[a] = h->idx[b];
    h->key[b] = k;
    h->idx[b] = i;
}

static void select_push(select_heap *h, double key, size_t idx) {
    size_t c = h->n++;
    h->key[c] = key;
    h->idx[c] = idx;
    while (c > 0 && select_above(h, c, (c - 1) / 2)) {
        select_swap(h, c, (c - 1) / 2);
        c = (c - 1) / 2;
    }
}

static void select_pop(select_heap *h) {
    h->n--;
    h->key[0] = h->key[h->n];
    h->idx[0] = h->idx[h->n];
    for (size_t c = 0;;) {
        size_t l = 2 * c + 1, r = l + 1, top = c;
        if (l < h->n && select_above(h, l, top)) top = l;
        if (r < h->n && select_above(h, r, top)) top = r;
        if (top == c) break;
        select_swap(h, c, top);
        c = top;
    }
}

/* The state of one selection. state[i]: SELECT_OPEN, SELECT_CHOSEN, SELECT_CLOSED (over the cap,
 * no relevance, past the budget: whether a sentence fits only ever goes from yes to no, or leaning
 * on a sentence that cannot be chosen) or SELECT_WAITING (out of the heap until the sentence it
 * leans on is chosen, its redundancy kept up to date meanwhile). */
/* Bits, so that chosen and closed rows leave the postings together (postings_dot's `gone`). */
enum { SELECT_OPEN = 0, SELECT_CHOSEN = 1, SELECT_CLOSED = 2, SELECT_WAITING = 4 };

typedef struct {
    const rank_graph *g;
    const select_item *items;
    const select_params *p;
    double scale;       /* relevance scale: the best is 1 */
    double *redundancy; /* highest cosine to a chosen sentence */
    unsigned char *state;
    double *dot;           /* sparse dot products with the last choice */
    unsigned char *marked; /* the rows listed in touched */
    size_t *touched;       /* the open rows that share a term with the last choice */
    postings post;         /* of x's rows; chosen and closed rows leave it */
    select_heap heap;
} select_run;

static double select_score(const select_run *r, size_t i) {
    double rel = r->items[i].relevance * r->scale;
    return r->p->mmr ? r->p->lambda * rel - (1.0 - r->p->lambda) * r->redundancy[i] : rel;
}

/* After choosing `pick`: the cosine of every open sentence that shares a term with it raises its
 * redundancy and may close it (the cap). Sentences sharing no term have cosine 0, which changes
 * neither. The sparse products are summed in column order in double and rounded to float, as
 * tfidf_dot does, so every cosine is the one rank_graph_sim gives. */
static void select_update(select_run *r, size_t pick) {
    const tfidf_matrix *x = r->g->x;
    size_t at = x->row_ptr[pick];
    size_t n_touched =
        postings_dot(&r->post, x->col + at, x->val + at, x->row_ptr[pick + 1] - at, r->state,
                     SELECT_CHOSEN | SELECT_CLOSED, r->dot, r->marked, r->touched);
    for (size_t k = 0; k < n_touched; k++) {
        size_t i = r->touched[k];
        r->marked[i] = 0;
        double s = (double)(float)r->dot[i];
        if (s > r->redundancy[i]) r->redundancy[i] = s;
        if (s >= r->p->max_sim) r->state[i] = SELECT_CLOSED;
    }
}

static void select_run_free(select_run *r) {
    free(r->redundancy);
    free(r->state);
    free(r->dot);
    free(r->marked);
    free(r->touched);
    postings_free(&r->post);
    free(r->heap.key);
    free(r->heap.idx);
}

ars_status select_sentences(const rank_graph *g, const select_item *items, size_t n,
                            const select_params *p, size_t *chosen, size_t *n_chosen) {
    *n_chosen = 0;
    if (n == 0) return ARS_OK;
    select_run r = {
        g, items, p, 1.0, NULL, NULL, NULL, NULL, NULL, {NULL, NULL, NULL, NULL}, {NULL, NULL, 0}};
    r.redundancy = calloc(n, sizeof *r.redundancy);
    r.state = calloc(n, 1);
    r.dot = calloc(n, sizeof *r.dot);
    r.marked = calloc(n, 1);
    r.touched = malloc(n * sizeof *r.touched);
    r.heap.key = malloc(n * sizeof *r.heap.key);
    r.heap.idx = malloc(n * sizeof *r.heap.idx);
    if (!r.redundancy || !r.state || !r.dot || !r.marked || !r.touched || !r.heap.key ||
        !r.heap.idx ||
        postings_build(&r.post, g->x->n_rows, g->x->n_cols, g->x->row_ptr, g->x->col, g->x->val) !=
            ARS_OK) {
        select_run_free(&r);
        return ARS_ENOMEM;
    }
    double best_rel = 0.0;
    for (size_t i = 0; i < n; i++)
        if (items[i].relevance > best_rel) best_rel = items[i].relevance;
    r.scale = best_rel > 0.0 ? 1.0 / best_rel : 1.0;
    for (size_t i = 0; i < n; i++) {
        if (!(items[i].relevance > 0.0))
            r.state[i] = SELECT_CLOSED;
        else
            select_push(&r.heap, select_score(&r, i), i);
    }
    size_t words = 0;
    /* With stories: the sentences of a story already told, set aside in the first round. */
    size_t *later = NULL, n_later = 0;
    int first_round = p->stories != NULL;
    if (first_round && !(later = malloc(n * sizeof *later))) {
        select_run_free(&r);
        return ARS_ENOMEM;
    }
    for (;;) {
        if (r.heap.n == 0) {
            if (n_later == 0) break;
            /* Every story with a sentence left is told: the rest by score alone. */
            first_round = 0;
            for (size_t k = 0; k < n_later; k++)
                if (r.state[later[k]] == SELECT_OPEN)
                    select_push(&r.heap, select_score(&r, later[k]), later[k]);
            n_later = 0;
            continue;
        }
        if (p->max_sentences && *n_chosen >= p->max_sentences) break;
        size_t i = r.heap.idx[0];
        double stored = r.heap.key[0];
        select_pop(&r.heap);
        if (r.state[i] != SELECT_OPEN) continue;
        /* Scores only fall (redundancy only rises), so a stored score is an upper bound: one that
         * is out of date goes back in with its current value; one that is current is the best. */
        double now = select_score(&r, i);
        if (now != stored) {
            select_push(&r.heap, now, i);
            continue;
        }
        if (!select_fits(p->budget, p->max_words, words, *n_chosen, items[i].n_words)) {
            r.state[i] = SELECT_CLOSED;
            continue;
        }
        select_lean lean = p->lean ? p->lean(p->lean_ctx, i) : SELECT_LEAN_NONE;
        if (lean == SELECT_LEAN_NEVER || (lean == SELECT_LEAN_PREVIOUS && i == 0)) {
            r.state[i] = SELECT_CLOSED;
            continue;
        }
        if (lean == SELECT_LEAN_PREVIOUS && r.state[i - 1] != SELECT_CHOSEN) {
            r.state[i] = r.state[i - 1] == SELECT_CLOSED ? SELECT_CLOSED : SELECT_WAITING;
            continue;
        }
        if (first_round && stories_told(p->stories, p->doc_of[i])) {
            later[n_later++] = i; /* still open: capped meanwhile, back in the heap later */
            continue;
        }
        r.state[i] = SELECT_CHOSEN;
        chosen[(*n_chosen)++] = i;
        words += items[i].n_words;
        select_update(&r, i);
        if (p->stories) stories_add(p->stories, p->doc_of[i]);
        /* The sentence after it may have been waiting for it: back in the heap, with its score as
         * it stands now (the update above has just raised its redundancy). */
        if (i + 1 < n && r.state[i + 1] == SELECT_WAITING) {
            r.state[i + 1] = SELECT_OPEN;
            select_push(&r.heap, select_score(&r, i + 1), i + 1);
        }
    }
    free(later);
    select_run_free(&r);
    return ARS_OK;
}

/* 1 when index a goes before index b: by key descending (when given), then by index. */
static int select_before(size_t a, size_t b, const double *key) {
    if (key && key[a] != key[b]) return key[a] > key[b];
    return a < b;
}

/* Heapsort in place under select_before, a total order (the index breaks every tie), so the result
 * is the one any correct sort gives: deterministic without stability, O(n log n), and with no
 * scratch to allocate (qsort has no context argument in C11, and a file-level key would make the
 * library thread-unsafe). */
static void select_sift(size_t *idx, size_t root, size_t n, const double *key) {
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n) return;
        /* A max-heap of "goes later": the root is the last in output order. */
        if (child + 1 < n && select_before(idx[child], idx[child + 1], key)) child++;
        if (!select_before(idx[root], idx[child], key)) return;
        size_t t = idx[root];
        idx[root] = idx[child];
        idx[child] = t;
        root = child;
    }
}

void select_order(size_t *idx, size_t n, const double *by_key) {
    if (n < 2) return;
    for (size_t i = n / 2; i-- > 0;)
        select_sift(idx, i, n, by_key);
    for (size_t end = n - 1; end > 0; end--) {
        size_t t = idx[0];
        idx[0] = idx[end];
        idx[end] = t;
        select_sift(idx, 0, end, by_key);
    }
}
