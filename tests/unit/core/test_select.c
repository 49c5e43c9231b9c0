/* test_select.c - unit tests of selection and ordering (summarize/rank/select.c): word budget,
 * the hard similarity cap, MMR's preference for novelty, deterministic ties, output order. */
#include "test_util.h"

#include "summarize/rank/select.h"
#include "vectors/tfidf.h"

/* Sentences 0 and 1 are identical, 2 overlaps them partly, 3 and 4 are unrelated to all. */
static void build(tfidf_matrix *x) {
    uint32_t terms[] = {0, 1, 2, /**/ 0, 1, 2, /**/ 0, 3, 4, /**/ 5, 6, /**/ 7, 8};
    size_t offsets[] = {0, 3, 6, 9, 11, 13};
    assert_int_equal(tfidf_build(terms, offsets, 5, 9, x), ARS_OK);
}

static void test_select_never_takes_two_sentences_over_the_cap(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 10}, {0.99, 10}, {0.5, 10}, {0.4, 10}, {0.3, 10}};
    select_params p = {0, 0.7, 0.5, 0, 0, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            assert_true(rank_graph_sim(&g, chosen[a], chosen[b]) < 0.5);
    assert_int_equal(chosen[0], 0);
    for (size_t a = 0; a < n; a++)
        assert_int_not_equal(chosen[a], 1); /* the duplicate */
    tfidf_free(&x);
}

static void test_select_respects_word_budget_without_cutting(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 30}, {0.9, 10}, {0.8, 25}, {0.7, 15}, {0.6, 5}};
    select_params p = {0,    0.7,  1.01, 50,  0, SELECT_BUDGET_STRICT,
                       NULL, NULL, NULL, NULL}; /* no cap: 0 and 1 are duplicates */
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    size_t words = 0;
    for (size_t a = 0; a < n; a++)
        words += items[chosen[a]].n_words;
    assert_true(words <= 50);
    /* 30 + 10 fit; 25 does not; 15 does not (55); 5 does: 45. */
    assert_int_equal(n, 3);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 1);
    assert_int_equal(chosen[2], 4);
    tfidf_free(&x);
}

/* Strict: nothing fits, nothing is chosen (the caller reports it); the budget is a limit. */
static void test_select_strict_chooses_nothing_when_nothing_fits(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{0.2, 30}, {0.9, 40}, {0.8, 25}, {0.7, 15}, {0.6, 50}};
    select_params p = {1, 0.7, 0.5, 3, 0, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 7;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 0);
    tfidf_free(&x);
}

/* First: the best sentence may run past the budget, up to twice it, when it comes first; after
 * it, sentences must fit. */
static void test_select_first_lets_only_the_first_sentence_run_over(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 30}, {0.9, 40}, {0.8, 5}, {0.7, 15}, {0.6, 2}};
    select_params p = {0, 1.0, 1.01, 25, 0, SELECT_BUDGET_FIRST, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 1); /* 30 words already: nothing else fits in 25 */
    assert_int_equal(chosen[0], 0);
    items[0].n_words = 20; /* 20 + 5 = 25 fits, then nothing */
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(chosen[1], 2);
    items[0].n_words = 51; /* over twice the budget: never, the next best comes first */
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(chosen[0], 1);
    tfidf_free(&x);
}

/* Fill: sentences are added until the budget is reached; the summary stays within twice it. */
static void test_select_fill_reaches_the_budget(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 10}, {0.9, 10}, {0.8, 45}, {0.7, 20}, {0.6, 5}};
    select_params p = {0, 1.0, 1.01, 25, 0, SELECT_BUDGET_FILL, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    /* 10 + 10 = 20 < 25; 45 would make 65 > 50; 20 makes 40: the budget is reached. */
    assert_int_equal(n, 3);
    assert_int_equal(chosen[2], 3);
    tfidf_free(&x);
}

/* A sentence of relevance 0 (an article left out) is never chosen, whatever the budget. */
static void test_select_never_takes_zero_relevance(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 1}, {0.0, 1}, {0.0, 1}, {0.5, 1}, {0.0, 1}};
    select_params p = {0, 1.0, 1.01, 0, 0, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    tfidf_free(&x);
}

static void test_select_sentence_budget_stops_selection(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{1.0, 1}, {0.9, 1}, {0.8, 1}, {0.7, 1}, {0.6, 1}};
    select_params p = {1, 0.7, 1.0, 0, 2, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    tfidf_free(&x);
}

static void test_mmr_prefers_novel_sentence_over_redundant_one(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    /* 2 overlaps 0; 3 is new. By relevance alone 2 comes second; MMR with lambda 0.5 takes 3. */
    select_item items[5] = {{1.0, 1}, {0.0, 1}, {0.9, 1}, {0.8, 1}, {0.0, 1}};
    select_params greedy = {0, 0.5, 1.0, 0, 2, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL},
                  mmr = {1, 0.5, 1.0, 0, 2, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &greedy, chosen, &n), ARS_OK);
    assert_int_equal(chosen[1], 2);
    assert_int_equal(select_sentences(&g, items, 5, &mmr, chosen, &n), ARS_OK);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    tfidf_free(&x);
}

static void test_select_breaks_ties_by_source_order(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    select_item items[5] = {{0.5, 1}, {0.5, 1}, {0.5, 1}, {0.5, 1}, {0.5, 1}};
    select_params p = {0, 0.7, 1.01, 0, 0, SELECT_BUDGET_STRICT, NULL, NULL, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(chosen[i], i);
    tfidf_free(&x);
}

/* Nothing quadratic: 200,000 sentences without a shared term and no budget, with MMR. Choosing
 * all of them compared every pair before (4e10 look-ups: hours); now only sentences that share a
 * term with a choice are visited. The ctest TIMEOUT (tests/CMakeLists.txt) is the limit. */
static void test_select_all_of_many_sentences_is_not_quadratic(void **state) {
    (void)state;
    enum { N = 200000 };
    uint32_t *terms = malloc(N * sizeof *terms);
    size_t *offsets = malloc((N + 1) * sizeof *offsets);
    select_item *items = malloc(N * sizeof *items);
    size_t *chosen = malloc(N * sizeof *chosen);
    assert_true(terms && offsets && items && chosen);
    for (size_t i = 0; i < N; i++) {
        terms[i] = (uint32_t)i;
        offsets[i] = i;
        items[i] = (select_item){(double)(N - i), 5};
    }
    offsets[N] = N;
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, N, N, &x), ARS_OK);
    rank_graph g = {&x};
    select_params p = {1, 0.7, 0.5, 0, 0, SELECT_BUDGET_FIRST, NULL, NULL, NULL, NULL};
    size_t n = 0;
    assert_int_equal(select_sentences(&g, items, N, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, N);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(chosen[i], i);
    tfidf_free(&x);
    free(terms);
    free(offsets);
    free(items);
    free(chosen);
}

/* The greedy choice with redundancy, checked against the plain O(n * chosen) loop it replaces on
 * a graph where sentences overlap in many ways, for each policy and MMR weight. */
/* With p->stories, the plain rule the oracle follows: the articles' unit vectors (dense), the
 * median of every pair's cosine, and article b told once another article a with cos(a, b) >= the
 * link threshold has a chosen sentence. */
typedef struct {
    size_t n_docs;
    double *cos, link; /* n_docs x n_docs */
    unsigned char *told;
} naive_stories;

static void naive_stories_build(const tfidf_matrix *x, const size_t *doc_of, naive_stories *ns) {
    size_t n_docs = x->n_rows ? doc_of[x->n_rows - 1] + 1 : 0, nc = x->n_cols;
    double *v = calloc(n_docs * nc + 1, sizeof *v);
    ns->n_docs = n_docs;
    ns->cos = calloc(n_docs * n_docs + 1, sizeof *ns->cos);
    ns->told = calloc(n_docs + 1, 1);
    assert_true(v && ns->cos && ns->told);
    for (size_t r = 0; r < x->n_rows; r++)
        for (size_t e = x->row_ptr[r]; e < x->row_ptr[r + 1]; e++)
            v[doc_of[r] * nc + x->col[e]] += x->val[e];
    for (size_t d = 0; d < n_docs; d++) {
        double norm = 0.0;
        for (size_t t = 0; t < nc; t++)
            norm += v[d * nc + t] * v[d * nc + t];
        for (size_t t = 0; norm > 0.0 && t < nc; t++)
            v[d * nc + t] /= sqrt(norm);
    }
    double *pairs = malloc(n_docs * n_docs * sizeof *pairs + 1);
    size_t n_pairs = 0;
    assert_non_null(pairs);
    for (size_t a = 0; a < n_docs; a++)
        for (size_t b = 0; b < n_docs; b++) {
            double dot = 0.0;
            for (size_t t = 0; t < nc; t++)
                dot += v[a * nc + t] * v[b * nc + t];
            ns->cos[a * n_docs + b] = dot;
            if (a < b) pairs[n_pairs++] = dot;
        }
    /* the median (every article here has a vector, and the pairs are fewer than the sample) */
    for (size_t i = 1; i < n_pairs; i++)
        for (size_t j = i; j > 0 && pairs[j - 1] > pairs[j]; j--) {
            double t = pairs[j];
            pairs[j] = pairs[j - 1];
            pairs[j - 1] = t;
        }
    double median = n_pairs == 0       ? 0.0
                    : n_pairs % 2 == 1 ? pairs[n_pairs / 2]
                                       : 0.5 * (pairs[n_pairs / 2 - 1] + pairs[n_pairs / 2]);
    ns->link = fmax(STORIES_MIN_COSINE, STORIES_OVER_MEDIAN * median);
    free(pairs);
    free(v);
}

static void naive_select(const rank_graph *g, const select_item *items, size_t n,
                         const select_params *p, size_t *chosen, size_t *n_chosen) {
    double *red = calloc(n, sizeof *red), best = 0.0;
    unsigned char *st = calloc(n, 1);
    assert_true(red && st);
    naive_stories ns = {0, NULL, 0.0, NULL};
    if (p->stories) naive_stories_build(g->x, p->doc_of, &ns);
    int first_round = p->stories != NULL;
    for (size_t i = 0; i < n; i++) {
        if (items[i].relevance > best) best = items[i].relevance;
        if (!(items[i].relevance > 0.0)) st[i] = 2;
    }
    double scale = best > 0.0 ? 1.0 / best : 1.0;
    size_t words = 0;
    *n_chosen = 0;
    for (;;) {
        if (p->max_sentences && *n_chosen >= p->max_sentences) break;
        size_t pick = n;
        double pick_score = 0.0;
        for (size_t i = 0; i < n; i++) {
            if (st[i] || !select_fits(p->budget, p->max_words, words, *n_chosen, items[i].n_words))
                continue;
            select_lean lean = p->lean ? p->lean(p->lean_ctx, i) : SELECT_LEAN_NONE;
            if (lean == SELECT_LEAN_NEVER ||
                (lean == SELECT_LEAN_PREVIOUS && (i == 0 || st[i - 1] != 1)))
                continue;                                       /* not yet, or never */
            if (first_round && ns.told[p->doc_of[i]]) continue; /* its story is told */
            double rel = items[i].relevance * scale;
            double score = p->mmr ? p->lambda * rel - (1.0 - p->lambda) * red[i] : rel;
            if (pick == n || score > pick_score) {
                pick = i;
                pick_score = score;
            }
        }
        if (pick == n && first_round) {
            first_round = 0; /* every story with a sentence left is told */
            continue;
        }
        if (pick == n) break;
        if (p->stories)
            for (size_t b = 0; b < ns.n_docs; b++)
                if (b != p->doc_of[pick] && ns.cos[p->doc_of[pick] * ns.n_docs + b] >= ns.link)
                    ns.told[b] = 1;
        st[pick] = 1;
        chosen[(*n_chosen)++] = pick;
        words += items[pick].n_words;
        for (size_t i = 0; i < n; i++) {
            if (st[i]) continue;
            double s = rank_graph_sim(g, i, pick);
            if (s > red[i]) red[i] = s;
            if (s >= p->max_sim) st[i] = 2;
        }
    }
    free(red);
    free(st);
    free(ns.cos);
    free(ns.told);
}

/* A lean table for the tests: ctx is an array of select_lean, one per sentence. */
static select_lean lean_from_table(const void *ctx, size_t i) {
    return ((const select_lean *)ctx)[i];
}

static void test_select_matches_the_plain_greedy_loop(void **state) {
    (void)state;
    enum { N = 300, TERMS = 40, TOPICS = 12, SECTIONS = 4 };
    uint32_t terms[N * 9];
    size_t offsets[N + 1], k = 0;
    select_item items[N];
    uint32_t r = 7;
    for (size_t i = 0; i < N; i++) {
        /* Sentences of article i / 10 hold terms of its section's TERMS (its topic's section:
         * sentences of a section overlap in many ways) and 3 of its topic's 4, so that articles
         * of one topic stand out as one story. */
        size_t topic = (i / 10 * 7) % TOPICS, section = topic % SECTIONS;
        offsets[i] = k;
        unsigned used = 0;
        for (int t = 0; t < 6; t++) {
            r = r * 1103515245u + 12345u;
            unsigned term = (r >> 8) % TERMS;
            if (used & (1u << (term % 32))) continue;
            used |= 1u << (term % 32);
            terms[k++] = (uint32_t)(section * TERMS + term);
        }
        r = r * 1103515245u + 12345u;
        for (unsigned t = 0; t < 4; t++)
            if (t != (r >> 8) % 4) terms[k++] = (uint32_t)(SECTIONS * TERMS + 4 * topic + t);
        r = r * 1103515245u + 12345u;
        items[i] = (select_item){(double)((r >> 8) % 97) / 8.0, 3 + (r >> 20) % 30};
    }
    offsets[N] = k;
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, N, SECTIONS * TERMS + 4 * TOPICS, &x), ARS_OK);
    /* Every fourth sentence leans on the one before it, every eleventh on one never chosen. */
    select_lean leans[N];
    for (size_t i = 0; i < N; i++)
        leans[i] = i % 11 == 5  ? SELECT_LEAN_NEVER
                   : i % 4 == 1 ? SELECT_LEAN_PREVIOUS
                                : SELECT_LEAN_NONE;
    /* Articles of 10 sentences each; those of one topic stand out as one story. */
    size_t doc_of[N], spread_changed = 0;
    size_t plain[2][3][4][N], n_plain[2][3][4];
    for (size_t i = 0; i < N; i++)
        doc_of[i] = i / 10;
    for (int with_stories = 0; with_stories < 2; with_stories++)
        for (int with_lean = 0; with_lean < 2; with_lean++)
            for (int budget = 0; budget < 3; budget++)
                for (int m = 0; m < 4; m++) {
                    rank_graph g = {&x};
                    select_params p = {m > 0,
                                       m == 1   ? 1.0
                                       : m == 2 ? 0.6
                                                : 0.2,
                                       m == 3 ? 0.3 : 0.7,
                                       m == 0 ? 0 : 150 + 100 * (size_t)m,
                                       m == 2 ? 9 : 0,
                                       (select_budget)budget,
                                       with_lean ? lean_from_table : NULL,
                                       leans,
                                       NULL,
                                       doc_of};
                    if (with_stories)
                        assert_int_equal(stories_new(&x, doc_of, N / 10, &p.stories), ARS_OK);
                    size_t a[N], b[N], na = 0, nb = 0;
                    assert_int_equal(select_sentences(&g, items, N, &p, a, &na), ARS_OK);
                    naive_select(&g, items, N, &p, b, &nb);
                    stories_free(p.stories);
                    assert_int_equal(na, nb);
                    assert_memory_equal(a, b, na * sizeof *a);
                    if (!with_stories) {
                        memcpy(plain[with_lean][budget][m], a, na * sizeof *a);
                        n_plain[with_lean][budget][m] = na;
                    } else {
                        spread_changed += na != n_plain[with_lean][budget][m] ||
                                          memcmp(a, plain[with_lean][budget][m], na * sizeof *a);
                    }
                }
    assert_true(spread_changed > 0); /* the stories reorder some selections */
    tfidf_free(&x);
}

/* A sentence that leans on the one before it waits for it: chosen only after it, never first, and
 * never when the one before is capped away or cannot be chosen. */
static void test_select_leaning_sentence_waits_for_the_one_before(void **state) {
    (void)state;
    tfidf_matrix x;
    build(&x);
    rank_graph g = {&x};
    /* 4 (unrelated to all) is the best and leans on 3: it waits until 3 is chosen. */
    select_item items[5] = {{0.5, 10}, {0.1, 10}, {0.2, 10}, {0.4, 10}, {1.0, 10}};
    select_lean leans[5] = {SELECT_LEAN_NONE, SELECT_LEAN_NONE, SELECT_LEAN_NONE, SELECT_LEAN_NONE,
                            SELECT_LEAN_PREVIOUS};
    select_params p = {0, 1.0, 0.5, 0, 0, SELECT_BUDGET_STRICT, lean_from_table, leans, NULL, NULL};
    size_t chosen[5], n = 0;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 4); /* 0, then 3, then 4 at once, then 2 (1 is over the cap with 0) */
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    assert_int_equal(chosen[2], 4);
    assert_int_equal(chosen[3], 2);
    /* Two sentences at most: 4 is never chosen before 3, so 0 and 3. */
    p.max_sentences = 2;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(chosen[0], 0);
    assert_int_equal(chosen[1], 3);
    /* 1 leans on 0 but duplicates it: capped while it waits, never chosen. 2 leans on 1. */
    p.max_sentences = 0;
    leans[4] = SELECT_LEAN_NONE;
    leans[1] = leans[2] = SELECT_LEAN_PREVIOUS;
    items[0].relevance = 0.3;
    items[1].relevance = 0.9;
    items[2].relevance = 0.8;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    for (size_t a = 0; a < n; a++) {
        assert_int_not_equal(chosen[a], 1);
        assert_int_not_equal(chosen[a], 2);
    }
    /* A sentence that cannot be chosen, or the first one leaning back, never is. */
    leans[0] = SELECT_LEAN_PREVIOUS;
    leans[1] = leans[2] = SELECT_LEAN_NONE;
    leans[3] = SELECT_LEAN_NEVER;
    assert_int_equal(select_sentences(&g, items, 5, &p, chosen, &n), ARS_OK);
    for (size_t a = 0; a < n; a++) {
        assert_int_not_equal(chosen[a], 0);
        assert_int_not_equal(chosen[a], 3);
    }
    tfidf_free(&x);
}

/* A word budget near SIZE_MAX: twice it does not wrap around to a small ceiling. */
static void test_select_fits_huge_budgets_without_overflow(void **state) {
    (void)state;
    size_t huge = SIZE_MAX / 2 + 2;
    assert_true(select_fits(SELECT_BUDGET_FIRST, huge, 0, 0, 10));
    assert_true(select_fits(SELECT_BUDGET_FILL, huge, 5, 1, 10));
    assert_true(select_fits(SELECT_BUDGET_STRICT, SIZE_MAX, SIZE_MAX - 10, 3, 10));
    assert_false(select_fits(SELECT_BUDGET_STRICT, SIZE_MAX, SIZE_MAX - 10, 3, 11));
    assert_false(select_fits(SELECT_BUDGET_FILL, 10, SIZE_MAX - 1, 2, 5));
}

static void test_order_source_and_score(void **state) {
    (void)state;
    size_t idx[] = {4, 0, 3, 1, 2};
    double key[] = {0.1, 0.9, 0.5, 0.5, 0.7};
    select_order(idx, 5, NULL);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(idx[i], i);
    select_order(idx, 5, key);
    size_t expect[] = {1, 4, 2, 3, 0}; /* 2 and 3 tie: lower index first */
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(idx[i], expect[i]);
}

static void test_order_large_input_is_sorted(void **state) {
    (void)state;
    enum { N = 1000 };
    size_t *idx = malloc(N * sizeof *idx);
    double *key = malloc(N * sizeof *key);
    assert_non_null(idx);
    assert_non_null(key);
    uint32_t r = 12345;
    for (size_t i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        idx[i] = (i * 7919) % N;
        key[i] = (double)(r % 50);
    }
    select_order(idx, N, key);
    for (size_t i = 1; i < N; i++) {
        assert_true(key[idx[i - 1]] >= key[idx[i]]);
        if (key[idx[i - 1]] == key[idx[i]]) assert_true(idx[i - 1] < idx[i]);
    }
    free(idx);
    free(key);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_never_takes_two_sentences_over_the_cap),
        cmocka_unit_test(test_select_respects_word_budget_without_cutting),
        cmocka_unit_test(test_select_strict_chooses_nothing_when_nothing_fits),
        cmocka_unit_test(test_select_first_lets_only_the_first_sentence_run_over),
        cmocka_unit_test(test_select_fill_reaches_the_budget),
        cmocka_unit_test(test_select_never_takes_zero_relevance),
        cmocka_unit_test(test_select_sentence_budget_stops_selection),
        cmocka_unit_test(test_mmr_prefers_novel_sentence_over_redundant_one),
        cmocka_unit_test(test_select_breaks_ties_by_source_order),
        cmocka_unit_test(test_select_all_of_many_sentences_is_not_quadratic),
        cmocka_unit_test(test_select_matches_the_plain_greedy_loop),
        cmocka_unit_test(test_select_leaning_sentence_waits_for_the_one_before),
        cmocka_unit_test(test_select_fits_huge_budgets_without_overflow),
        cmocka_unit_test(test_order_source_and_score),
        cmocka_unit_test(test_order_large_input_is_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
