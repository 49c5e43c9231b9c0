/* select.h - pipeline stages "select" and "order": choose sentences under a length budget with
 * MMR (relevance against redundancy) and a hard similarity cap, then put them in output order. */
#ifndef ARS_SELECT_H
#define ARS_SELECT_H

#include <stddef.h>
#include "summarize/rank/rank.h"
#include "summarize/rank/stories.h"

typedef struct {
    double relevance; /* from the ranker, already weighted by well-formedness; >= 0 */
    size_t n_words;   /* the sentence's length in budget units */
} select_item;

/* What happens at the word budget N. Sentences are never cut. */
typedef enum {
    SELECT_BUDGET_STRICT, /* the summary has at most N words; a sentence that does not fit is
                             skipped */
    SELECT_BUDGET_FIRST,  /* as strict, but the first sentence chosen may run past N (up to
                             SELECT_OVERFLOW_FACTOR * N words): a best sentence longer than N is
                             not lost to a tight budget */
    SELECT_BUDGET_FILL    /* sentences are added until N is reached; the last may run past N, the
                             summary never past SELECT_OVERFLOW_FACTOR * N */
} select_budget;

/* No budget policy lets a summary grow beyond this many times the word budget. */
#define SELECT_OVERFLOW_FACTOR 2

/* May a sentence of `len` words join a summary of `words` words in `n_chosen` sentences, under
 * `budget` with a word budget of max_words (0 = none)? */
int select_fits(select_budget budget, size_t max_words, size_t words, size_t n_chosen, size_t len);

/* What a sentence needs before it may be chosen (select_params.lean). */
typedef enum {
    SELECT_LEAN_NONE,     /* nothing */
    SELECT_LEAN_PREVIOUS, /* sentence i - 1 chosen first: it leans on it (discourse.h) */
    SELECT_LEAN_NEVER     /* it leans on a sentence that cannot be chosen */
} select_lean;

typedef struct {
    int mmr;              /* 1: MMR score lambda*rel - (1-lambda)*redundancy; 0: relevance only */
    double lambda;        /* in [0,1] */
    double max_sim;       /* never choose a sentence with cosine >= max_sim to one already chosen */
    size_t max_words;     /* 0 = no word budget */
    size_t max_sentences; /* 0 = no sentence budget */
    select_budget budget; /* policy at the word budget */
    /* NULL, or what sentence i needs (select_lean), asked when i is about to be chosen: one that
     * leans on sentence i - 1 waits until that is chosen (still ranked and capped meanwhile) and
     * is never chosen without it. */
    select_lean (*lean)(const void *ctx, size_t i);
    const void *lean_ctx;
    /* NULL, or the stories of the sentences' articles (stories.h; sentence i is of article
     * doc_of[i]): a sentence whose story another article's chosen sentence already tells waits,
     * ranked and capped meanwhile, until no other sentence is left; from then on the order is by
     * score alone. */
    stories *stories;
    const size_t *doc_of;
} select_params;

/* Greedy selection over the n sentences of g (items[i] describes row i of g->x). Relevance is
 * scaled so the best is 1; a sentence of relevance 0 is never chosen; redundancy is the highest
 * cosine to an already chosen sentence. A choice visits only the sentences that share a term
 * with it (an inverted index of g->x), and the next choice comes from a lazy max-heap: the cost
 * is O(nnz + n log n) plus those visits, never a pass over all n sentences per choice.
 * The word budget follows p->budget; when nothing fits, nothing is chosen. A sentence that leans on
 * the one before it (p->lean) is chosen only after it, so never first. With p->stories, a
 * sentence whose story another article already tells in the summary waits until no sentence of
 * an untold story is left that fits. Ties go to the lower
 * index (source order), so the result is deterministic. chosen (n entries, caller-allocated) gets
 * indices in choice order. Returns ARS_OK or ARS_ENOMEM; *n_chosen gets the count. */
ars_status select_sentences(const rank_graph *g, const select_item *items, size_t n,
                            const select_params *p, size_t *chosen, size_t *n_chosen);

/* Sorts idx[0..n) ascending when by_key is NULL (source order: indices are in source order), or by
 * key descending with the index as tie-break (score order): a total order, so the result is
 * deterministic. In place, O(n log n), allocates nothing. */
void select_order(size_t *idx, size_t n, const double *by_key);

#endif
