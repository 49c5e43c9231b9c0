/* test_stories.c - unit tests of the stories of a selection (summarize/rank/stories.c): the link
 * threshold from the median pair cosine, which articles an added one tells (against a plain
 * comparison of every pair), and the inputs where no pair stands out. */
#include "test_util.h"

#include <math.h>

#include "summarize/rank/stories.h"
#include "vectors/tfidf.h"

/* Sentences of articles on topics: article d has `per_doc` sentences of 4 terms drawn from its
 * topic's 6 terms (topic = topic_of(d)) and one from 10 terms every article uses. */
typedef struct {
    tfidf_matrix x;
    size_t *doc_of;
    size_t n_docs;
} corpus;

static void corpus_build(corpus *c, size_t n_docs, size_t per_doc, size_t n_topics, uint64_t seed) {
    size_t n = n_docs * per_doc;
    uint32_t *terms = malloc(n * 5 * sizeof *terms);
    size_t *offsets = malloc((n + 1) * sizeof *offsets), k = 0;
    c->doc_of = malloc(n * sizeof *c->doc_of);
    c->n_docs = n_docs;
    assert_true(terms && offsets && c->doc_of);
    for (size_t i = 0; i < n; i++) {
        size_t d = i / per_doc, topic = (d * 7) % n_topics;
        c->doc_of[i] = d;
        offsets[i] = k;
        for (int t = 0; t < 4; t++)
            terms[k++] = (uint32_t)(10 + topic * 6 + test_util_next(&seed) % 6);
        terms[k++] = (uint32_t)(test_util_next(&seed) % 10);
    }
    offsets[n] = k;
    assert_int_equal(tfidf_build(terms, offsets, n, 10 + 6 * n_topics, &c->x), ARS_OK);
    free(terms);
    free(offsets);
}

static void corpus_free(corpus *c) {
    tfidf_free(&c->x);
    free(c->doc_of);
}

/* The articles' unit vectors, dense (n_docs x n_cols), summed and scaled as the definition says. */
static double *dense_articles(const corpus *c) {
    size_t nc = c->x.n_cols;
    double *v = calloc(c->n_docs * nc, sizeof *v);
    assert_non_null(v);
    for (size_t r = 0; r < c->x.n_rows; r++)
        for (size_t e = c->x.row_ptr[r]; e < c->x.row_ptr[r + 1]; e++)
            v[c->doc_of[r] * nc + c->x.col[e]] += c->x.val[e];
    for (size_t d = 0; d < c->n_docs; d++) {
        double norm = 0.0;
        for (size_t t = 0; t < nc; t++)
            norm += v[d * nc + t] * v[d * nc + t];
        for (size_t t = 0; norm > 0.0 && t < nc; t++)
            v[d * nc + t] /= sqrt(norm);
    }
    return v;
}

static double cosine(const double *v, size_t nc, size_t a, size_t b) {
    double dot = 0.0;
    for (size_t t = 0; t < nc; t++)
        dot += v[a * nc + t] * v[b * nc + t];
    return dot;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median cosine of every pair of the n_docs articles (the middle two averaged). */
static double median_of_every_pair(const double *v, size_t nc, size_t n_docs) {
    size_t n = 0;
    double *p = malloc(n_docs * n_docs * sizeof *p);
    assert_non_null(p);
    for (size_t a = 0; a < n_docs; a++)
        for (size_t b = a + 1; b < n_docs; b++)
            p[n++] = cosine(v, nc, a, b);
    qsort(p, n, sizeof *p, cmp_double);
    double m = n % 2 ? p[n / 2] : 0.5 * (p[n / 2 - 1] + p[n / 2]);
    free(p);
    return m;
}

/* The link threshold is max(STORIES_MIN_COSINE, STORIES_OVER_MEDIAN * the median of every pair's
 * cosine), and an added article tells exactly the other articles at that cosine or above. */
static void check_against_every_pair(size_t n_docs, size_t n_topics, uint64_t seed,
                                     size_t *n_linked) {
    corpus c;
    corpus_build(&c, n_docs, 5, n_topics, seed);
    double *v = dense_articles(&c);
    size_t nc = c.x.n_cols;
    double link =
        fmax(STORIES_MIN_COSINE, STORIES_OVER_MEDIAN * median_of_every_pair(v, nc, n_docs));
    stories *s = NULL;
    assert_int_equal(stories_new(&c.x, c.doc_of, n_docs, &s), ARS_OK);
    assert_true(fabs(stories_link(s) - link) < 1e-6); /* floats against doubles */
    unsigned char *told = calloc(n_docs, 1);
    assert_non_null(told);
    *n_linked = 0;
    /* Articles added in a scattered order; after each, told is what every pair says. */
    for (size_t k = 0; k < n_docs; k += 3) {
        size_t d = (k * 17) % n_docs;
        stories_add(s, d);
        for (size_t b = 0; b < n_docs; b++)
            if (b != d && cosine(v, nc, d, b) >= link + 1e-9) {
                *n_linked += !told[b];
                told[b] = 1;
            }
        for (size_t b = 0; b < n_docs; b++)
            if (fabs(cosine(v, nc, d, b) - link) > 1e-6) /* no pair on the line by rounding */
                assert_int_equal(stories_told(s, b), told[b]);
    }
    stories_free(s);
    free(told);
    free(v);
    corpus_free(&c);
}

static void test_stories_match_every_pair(void **state) {
    (void)state;
    size_t linked = 0;
    /* Many topics, two or three articles each: a morning of many stories. */
    check_against_every_pair(60, 25, 3, &linked);
    assert_true(linked > 0); /* the test reaches the links */
    check_against_every_pair(40, 15, 5, &linked);
    assert_true(linked > 0);
    /* Few topics: pairs are alike on average, so few or none stand out. */
    check_against_every_pair(30, 2, 9, &linked);
}

/* One topic: every article alike, none far above the median: adding one tells nothing. */
static void test_stories_one_topic_links_nothing(void **state) {
    (void)state;
    corpus c;
    corpus_build(&c, 10, 6, 1, 11);
    stories *s = NULL;
    assert_int_equal(stories_new(&c.x, c.doc_of, c.n_docs, &s), ARS_OK);
    assert_true(stories_link(s) > STORIES_MIN_COSINE);
    stories_add(s, 4);
    for (size_t d = 0; d < c.n_docs; d++)
        assert_false(stories_told(s, d));
    stories_free(s);
    corpus_free(&c);
}

/* Two articles: their one pair is the median, so they are never one story, however alike. */
static void test_stories_two_articles_are_two_stories(void **state) {
    (void)state;
    uint32_t terms[] = {0, 1, 2, /**/ 0, 1, 2, /**/ 0, 1, 3};
    size_t offsets[] = {0, 3, 6, 9}, doc_of[] = {0, 0, 1};
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, 3, 4, &x), ARS_OK);
    stories *s = NULL;
    assert_int_equal(stories_new(&x, doc_of, 2, &s), ARS_OK);
    stories_add(s, 0);
    assert_false(stories_told(s, 0)); /* its own story: its next sentence is no repeat */
    assert_false(stories_told(s, 1));
    stories_add(s, 0); /* again: nothing changes */
    assert_false(stories_told(s, 1));
    stories_free(s);
    tfidf_free(&x);
}

/* Two outlets' accounts among unrelated articles are one story: adding either tells the other.
 * An article without candidates (its rows gone) has no vector and tells nothing. */
static void test_stories_empty_articles_and_a_pair_that_stands_out(void **state) {
    (void)state;
    /* Articles 0 and 2 share their terms; 1 and 3..11 have terms of their own; 12 has no rows. */
    enum { ROWS = 12, DOCS = 13 };
    uint32_t terms[3 * ROWS + 1];
    size_t offsets[ROWS + 1], doc_of[ROWS], k = 0;
    for (size_t d = 0; d < ROWS; d++) {
        offsets[d] = k;
        doc_of[d] = d;
        for (uint32_t t = 0; t < 3; t++)
            terms[k++] = d == 2 ? t : (uint32_t)(3 * d) + t;
        if (d == 2) terms[k++] = 3 * ROWS; /* and one of its own */
    }
    offsets[ROWS] = k;
    tfidf_matrix x;
    assert_int_equal(tfidf_build(terms, offsets, ROWS, 3 * ROWS + 1, &x), ARS_OK);
    stories *s = NULL;
    assert_int_equal(stories_new(&x, doc_of, DOCS, &s), ARS_OK);
    assert_true(fabs(stories_link(s) - STORIES_MIN_COSINE) < 1e-12); /* the mean is small */
    stories_add(s, 2);
    for (size_t d = 0; d < DOCS; d++)
        assert_int_equal(stories_told(s, d), d == 0);
    stories_add(s, 12);
    for (size_t d = 0; d < DOCS; d++)
        assert_int_equal(stories_told(s, d), d == 0);
    stories_free(s);
    tfidf_free(&x);
}

/* Over STORIES_MEDIAN_PAIRS pairs the median is of a fixed sample of them: close to the median of
 * every pair, and the same on every run. */
static void test_stories_median_of_a_sample(void **state) {
    (void)state;
    enum { DOCS = 200 }; /* 19,900 pairs */
    corpus c;
    corpus_build(&c, DOCS, 3, 1, 13);
    double *v = dense_articles(&c);
    double median = median_of_every_pair(v, c.x.n_cols, DOCS);
    stories *s = NULL, *again = NULL;
    assert_int_equal(stories_new(&c.x, c.doc_of, DOCS, &s), ARS_OK);
    assert_int_equal(stories_new(&c.x, c.doc_of, DOCS, &again), ARS_OK);
    assert_true(STORIES_OVER_MEDIAN * median > STORIES_MIN_COSINE); /* the median decides */
    assert_true(fabs(stories_link(s) / STORIES_OVER_MEDIAN - median) < 0.1 * median);
    assert_true(stories_link(s) == stories_link(again));
    stories_free(s);
    stories_free(again);
    free(v);
    corpus_free(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stories_match_every_pair),
        cmocka_unit_test(test_stories_one_topic_links_nothing),
        cmocka_unit_test(test_stories_two_articles_are_two_stories),
        cmocka_unit_test(test_stories_empty_articles_and_a_pair_that_stands_out),
        cmocka_unit_test(test_stories_median_of_a_sample),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
