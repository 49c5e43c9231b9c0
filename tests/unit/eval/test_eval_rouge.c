/* test_eval_rouge.c - ROUGE details the conformance cases do not reach: -l/-b truncation of
 * system and reference summaries at read time, jackknifing, alpha, -f B tie-breaking, empty
 * summaries, and hand-computed counts. */
#include "test_util.h"

#include "eval/rouge.h"
#include "eval/text.h"
#include "eval/tokenize.h"

typedef struct {
    eval_tokenizer *tok;
    vocab *v;
} fx;

static int fx_setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    o.pretokenized = 1;
    if (!f || eval_tokenizer_new(&o, &f->tok) || vocab_new(&f->v) != ARS_OK) return -1;
    *state = f;
    return 0;
}

static int fx_teardown(void **state) {
    fx *f = *state;
    eval_tokenizer_free(f->tok);
    vocab_free(f->v);
    free(f);
    return 0;
}

static void load(fx *f, const char *s, size_t words, size_t bytes, eval_text *t) {
    eval_text_init(t);
    eval_text_limits lim = {words, bytes};
    assert_int_equal(eval_text_from_bytes(t, f->tok, f->v, s, strlen(s), &lim), 0);
}

static void test_rouge_word_limit_cuts_inside_the_sentence_that_reaches_it(void **state) {
    fx *f = *state;
    eval_text t;
    load(f, "a b c\n\nd e f\ng h\n", 4, 0, &t);
    assert_int_equal(t.n_tokens, 4);
    assert_int_equal(t.n_sents, 2);
    assert_int_equal(t.sent_end[0], 3);
    assert_int_equal(t.sent_end[1], 4);
    eval_text_free(&t);
    load(f, "a b c\nd e f", 3, 0, &t); /* limit reached exactly at a line end */
    assert_int_equal(t.n_tokens, 3);
    assert_int_equal(t.n_sents, 1);
    eval_text_free(&t);
}

static void test_rouge_byte_limit_counts_line_bytes_and_keeps_utf8_whole(void **state) {
    fx *f = *state;
    eval_text t;
    load(f, "ab cd\nef gh\n", 8, 0, &t); /* 8 words: everything */
    assert_int_equal(t.n_tokens, 4);
    eval_text_free(&t);
    load(f, "ab cd\nef gh\n", 0, 8, &t); /* 5 bytes + "ef " */
    assert_int_equal(t.n_tokens, 3);
    assert_int_equal(t.n_sents, 2);
    eval_text_free(&t);
    /* "ب" is two bytes: a cut after its first byte backs up before it */
    load(f, "ab \xd8\xa8", 0, 4, &t);
    assert_int_equal(t.n_tokens, 1);
    eval_text_free(&t);
}

static void test_rouge_hand_computed_counts(void **state) {
    fx *f = *state;
    eval_text peer, ref;
    load(f, "the cat sat on the mat", 0, 0, &peer);
    load(f, "the cat is on the mat", 0, 0, &ref);
    rouge_options o;
    eval_rouge_options_init(&o);
    rouge_prf out[ROUGE_N_METRICS];
    assert_int_equal(eval_rouge_score(&peer, &ref, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].r, 5.0 / 6.0, 1e-12);
    assert_double_near(out[ROUGE_2].r, 3.0 / 5.0, 1e-12); /* the-cat, on-the, the-mat */
    assert_double_near(out[ROUGE_L].r, 5.0 / 6.0, 1e-12);
    /* SU4 over 6 tokens: 5 unigrams + (5+4+3+2+1) skip-bigrams = 20 grams per side */
    rouge_counts c;
    rouge_prf su;
    assert_int_equal(eval_rouge_metric(&peer, &ref, 1, ROUGE_SU4, &o, &su, &c), 0);
    assert_double_near(c.model, 20, 0);
    assert_double_near(c.peer, 20, 0);
    /* alpha weights precision: alpha 1 gives P, alpha 0 gives R */
    eval_text longer;
    load(f, "the cat sat on the mat today", 0, 0, &longer);
    o.alpha = 1.0;
    assert_int_equal(eval_rouge_score(&longer, &ref, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].f, out[ROUGE_1].p, 1e-12);
    o.alpha = 0.0;
    assert_int_equal(eval_rouge_score(&longer, &ref, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].f, out[ROUGE_1].r, 1e-12);
    eval_text_free(&peer);
    eval_text_free(&ref);
    eval_text_free(&longer);
}

static void test_rouge_jackknife_averages_leave_one_out_subsets(void **state) {
    fx *f = *state;
    eval_text peer, refs[3];
    load(f, "a b c d", 0, 0, &peer);
    load(f, "a b x y", 0, 0, &refs[0]);
    load(f, "a b c z", 0, 0, &refs[1]);
    load(f, "q r s t", 0, 0, &refs[2]);
    rouge_options o;
    eval_rouge_options_init(&o);
    o.jackknife = 1;
    rouge_prf out[ROUGE_N_METRICS];
    assert_int_equal(eval_rouge_score(&peer, refs, 3, &o, out), 0);
    /* pooled recall of the subsets {1,2}: 3/8, {0,2}: 2/8, {0,1}: 5/8 */
    assert_double_near(out[ROUGE_1].r, (3.0 + 2.0 + 5.0) / 8.0 / 3.0, 1e-12);
    o.pool = ROUGE_POOL_BEST; /* best of each subset: 3/4, 2/4, 3/4 */
    assert_int_equal(eval_rouge_score(&peer, refs, 3, &o, out), 0);
    assert_double_near(out[ROUGE_1].r, (3.0 + 2.0 + 3.0) / 4.0 / 3.0, 1e-12);
    o.jackknife = 0;
    assert_int_equal(eval_rouge_score(&peer, refs, 3, &o, out), 0);
    assert_double_near(out[ROUGE_1].r, 0.75, 1e-12);
    for (int i = 0; i < 3; i++)
        eval_text_free(&refs[i]);
    eval_text_free(&peer);
}

static void test_rouge_best_reference_keeps_the_first_on_ties(void **state) {
    fx *f = *state;
    eval_text peer, refs[2];
    load(f, "a b", 0, 0, &peer);
    load(f, "a x", 0, 0, &refs[0]);     /* R 1/2, P 1/2 */
    load(f, "b y z w", 0, 0, &refs[1]); /* R 1/4 */
    rouge_options o;
    eval_rouge_options_init(&o);
    o.pool = ROUGE_POOL_BEST;
    rouge_prf r;
    assert_int_equal(eval_rouge_metric(&peer, refs, 2, ROUGE_1, &o, &r, NULL), 0);
    assert_double_near(r.r, 0.5, 1e-12);
    eval_text_free(&refs[1]);
    load(f, "b y", 0, 0, &refs[1]); /* the same recall: the first reference stays */
    rouge_counts c;
    assert_int_equal(eval_rouge_metric(&peer, refs, 2, ROUGE_1, &o, &r, &c), 0);
    assert_double_near(c.hit, 1, 0);
    assert_double_near(c.model, 2, 0);
    eval_text_free(&refs[0]);
    eval_text_free(&refs[1]);
    eval_text_free(&peer);
}

static void test_rouge_empty_summaries_score_zero(void **state) {
    fx *f = *state;
    eval_text peer, ref;
    load(f, "", 0, 0, &peer);
    load(f, "a b c", 0, 0, &ref);
    rouge_options o;
    eval_rouge_options_init(&o);
    rouge_prf out[ROUGE_N_METRICS];
    assert_int_equal(eval_rouge_score(&peer, &ref, 1, &o, out), 0);
    for (int m = 0; m < ROUGE_N_METRICS; m++) {
        assert_double_near(out[m].r, 0, 0);
        assert_double_near(out[m].p, 0, 0);
        assert_double_near(out[m].f, 0, 0);
    }
    assert_int_equal(eval_rouge_score(&ref, &peer, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].f, 0, 0);
    eval_text_free(&peer);
    eval_text_free(&ref);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rouge_word_limit_cuts_inside_the_sentence_that_reaches_it),
        cmocka_unit_test(test_rouge_byte_limit_counts_line_bytes_and_keeps_utf8_whole),
        cmocka_unit_test(test_rouge_hand_computed_counts),
        cmocka_unit_test(test_rouge_jackknife_averages_leave_one_out_subsets),
        cmocka_unit_test(test_rouge_best_reference_keeps_the_first_on_ties),
        cmocka_unit_test(test_rouge_empty_summaries_score_zero),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
