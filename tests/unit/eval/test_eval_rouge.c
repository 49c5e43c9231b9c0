/* test_eval_rouge.c - ROUGE details the conformance cases do not reach: -l/-b truncation of
 * system and reference summaries at read time, jackknifing, alpha, -f B tie-breaking, empty
 * summaries, hand-computed counts, ROUGE-N beyond 2, ROUGE-S/SU with any gap, ROUGE-W, and the
 * metric names. */
#include "test_util.h"

#include "eval/rouge.h"
#include "eval/text.h"
#include "eval/tokenize.h"

typedef struct {
    eval_tokenizer *tok;
    vocab *v;
} fx;

/* The default metric set and where each metric sits in it. */
enum { ROUGE_1, ROUGE_2, ROUGE_L, ROUGE_SU4 };
static rouge_metric dm[ROUGE_DEFAULT_METRICS];

static int score(const eval_text *peer, const eval_text *refs, size_t n, const rouge_options *o,
                 rouge_prf *out) {
    return eval_rouge_score(peer, refs, n, o, dm, ROUGE_DEFAULT_METRICS, out);
}

static int fx_setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    eval_tokenize_options o;
    eval_tokenize_options_init(&o);
    o.pretokenized = 1;
    if (!f || eval_tokenizer_new(&o, &f->tok) || vocab_new(&f->v) != ARS_OK) return -1;
    eval_rouge_default_metrics(dm);
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
    rouge_prf out[ROUGE_DEFAULT_METRICS];
    assert_int_equal(score(&peer, &ref, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].r, 5.0 / 6.0, 1e-12);
    assert_double_near(out[ROUGE_2].r, 3.0 / 5.0, 1e-12); /* the-cat, on-the, the-mat */
    assert_double_near(out[ROUGE_L].r, 5.0 / 6.0, 1e-12);
    /* SU4 over 6 tokens: 5 unigrams + (5+4+3+2+1) skip-bigrams = 20 grams per side */
    rouge_counts c;
    rouge_prf su;
    assert_int_equal(eval_rouge_metric(&peer, &ref, 1, &dm[ROUGE_SU4], &o, &su, &c), 0);
    assert_double_near(c.model, 20, 0);
    assert_double_near(c.peer, 20, 0);
    /* alpha weights precision: alpha 1 gives P, alpha 0 gives R */
    eval_text longer;
    load(f, "the cat sat on the mat today", 0, 0, &longer);
    o.alpha = 1.0;
    assert_int_equal(score(&longer, &ref, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].f, out[ROUGE_1].p, 1e-12);
    o.alpha = 0.0;
    assert_int_equal(score(&longer, &ref, 1, &o, out), 0);
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
    rouge_prf out[ROUGE_DEFAULT_METRICS];
    assert_int_equal(score(&peer, refs, 3, &o, out), 0);
    /* pooled recall of the subsets {1,2}: 3/8, {0,2}: 2/8, {0,1}: 5/8 */
    assert_double_near(out[ROUGE_1].r, (3.0 + 2.0 + 5.0) / 8.0 / 3.0, 1e-12);
    o.pool = ROUGE_POOL_BEST; /* best of each subset: 3/4, 2/4, 3/4 */
    assert_int_equal(score(&peer, refs, 3, &o, out), 0);
    assert_double_near(out[ROUGE_1].r, (3.0 + 2.0 + 3.0) / 4.0 / 3.0, 1e-12);
    o.jackknife = 0;
    assert_int_equal(score(&peer, refs, 3, &o, out), 0);
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
    assert_int_equal(eval_rouge_metric(&peer, refs, 2, &dm[ROUGE_1], &o, &r, NULL), 0);
    assert_double_near(r.r, 0.5, 1e-12);
    eval_text_free(&refs[1]);
    load(f, "b y", 0, 0, &refs[1]); /* the same recall: the first reference stays */
    rouge_counts c;
    assert_int_equal(eval_rouge_metric(&peer, refs, 2, &dm[ROUGE_1], &o, &r, &c), 0);
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
    rouge_prf out[ROUGE_DEFAULT_METRICS];
    assert_int_equal(score(&peer, &ref, 1, &o, out), 0);
    for (int m = 0; m < ROUGE_DEFAULT_METRICS; m++) {
        assert_double_near(out[m].r, 0, 0);
        assert_double_near(out[m].p, 0, 0);
        assert_double_near(out[m].f, 0, 0);
    }
    assert_int_equal(score(&ref, &peer, 1, &o, out), 0);
    assert_double_near(out[ROUGE_1].f, 0, 0);
    eval_text_free(&peer);
    eval_text_free(&ref);
}

/* One metric of peer against one reference, as text. */
static rouge_prf one(fx *f, const char *peer, const char *ref, rouge_metric m, rouge_counts *c) {
    eval_text p, r;
    load(f, peer, 0, 0, &p);
    load(f, ref, 0, 0, &r);
    rouge_options o;
    eval_rouge_options_init(&o);
    rouge_prf out;
    assert_int_equal(eval_rouge_metric(&p, &r, 1, &m, &o, &out, c), 0);
    eval_text_free(&p);
    eval_text_free(&r);
    return out;
}

static void test_rouge_n_beyond_bigrams(void **state) {
    fx *f = *state;
    rouge_counts c;
    /* trigrams: 4 a side, "on the mat" shared */
    rouge_prf x = one(f, "the cat sat on the mat", "the cat is on the mat", eval_rouge_n(3), &c);
    assert_double_near(c.hit, 1, 0);
    assert_double_near(c.model, 4, 0);
    assert_double_near(x.r, 0.25, 1e-12);
    /* 4-grams cross sentence ends like the others; a repeated 4-gram is clipped */
    x = one(f, "a b c d\na b c d", "a b c d e", eval_rouge_n(4), &c);
    assert_double_near(c.hit, 1, 0);
    assert_double_near(c.peer, 5, 0);
    assert_double_near(c.model, 2, 0);
    /* same prefix, different last word: no match */
    x = one(f, "x y z", "x y w", eval_rouge_n(3), &c);
    assert_double_near(c.hit, 0, 0);
    /* longer than the text: no grams, scores 0 */
    x = one(f, "a b", "a b", eval_rouge_n(5), &c);
    assert_double_near(c.model, 0, 0);
    assert_double_near(x.f, 0, 0);
}

static void test_rouge_skip_bigrams_with_and_without_unigrams(void **state) {
    fx *f = *state;
    rouge_counts c;
    /* 6 tokens: 15 skip-bigrams a side within gap 4; 10 shared (the-mat twice) */
    rouge_prf x = one(f, "the cat sat on the mat", "the cat is on the mat", eval_rouge_s(4, 0), &c);
    assert_double_near(c.model, 15, 0);
    assert_double_near(c.hit, 10, 0);
    assert_double_near(x.r, 10.0 / 15.0, 1e-12);
    /* SU4 adds the unigrams but the last: 5 a side, 4 shared */
    x = one(f, "the cat sat on the mat", "the cat is on the mat", eval_rouge_s(4, 1), &c);
    assert_double_near(c.model, 20, 0);
    assert_double_near(c.hit, 14, 0);
    /* gap 0 is plain bigrams; any gap is every ordered pair */
    x = one(f, "a b c d", "a x b c", eval_rouge_s(0, 0), &c);
    assert_double_near(c.hit, 1, 0);
    assert_double_near(c.model, 3, 0);
    x = one(f, "a b c d", "a x b c", eval_rouge_s(ROUGE_GAP_ANY, 0), &c);
    assert_double_near(c.hit, 3, 0); /* a-b, a-c, b-c */
    assert_double_near(c.model, 6, 0);
    assert_double_near(x.p, 0.5, 1e-12);
    /* gap 1 leaves out pairs two words apart */
    x = one(f, "a b c d", "a x b c", eval_rouge_s(1, 0), &c);
    assert_double_near(c.model, 5, 0); /* ax ab xb xc bc */
    assert_double_near(c.hit, 2, 0);   /* ab bc */
}

static void test_rouge_w_weights_runs_as_rouge155(void **state) {
    fx *f = *state;
    rouge_counts c;
    /* weight 2: runs a-b and d-e weigh 2^2 each; the reference length is weighted twice as in
     * ROUGE-1.5.5 (5^2, then (5^2)^2 when pooled), the candidate's once */
    rouge_prf x = one(f, "a b x d e", "a b c d e", eval_rouge_w(2.0), &c);
    assert_double_near(c.hit, 8, 1e-12);
    assert_double_near(c.model, 625, 1e-9);
    assert_double_near(c.peer, 25, 1e-12);
    assert_double_near(x.r, sqrt(8.0 / 625.0), 1e-12);
    assert_double_near(x.p, sqrt(8.0 / 25.0), 1e-12);
    /* two reference sentences: each run is weighed within its sentence */
    x = one(f, "a b c d", "a b\nc d", eval_rouge_w(2.0), &c);
    assert_double_near(c.hit, 8, 1e-12);
    assert_double_near(c.model, 64, 1e-9);
    assert_double_near(x.r, sqrt(8.0 / 64.0), 1e-12);
    assert_double_near(x.p, sqrt(8.0 / 16.0), 1e-12);
    /* weight 1 is ROUGE-L */
    rouge_prf l = one(f, "a c b d e a", "a b c d e\nb a e", eval_rouge_l(), NULL);
    rouge_prf w1 = one(f, "a c b d e a", "a b c d e\nb a e", eval_rouge_w(1.0), NULL);
    assert_double_near(w1.r, l.r, 1e-12);
    assert_double_near(w1.p, l.p, 1e-12);
    /* ROUGE-1.5.5 closes a run only on a hit: the run a-b, followed by a c already spent on the
     * first reference sentence, is never added; ROUGE-L counts it */
    x = one(f, "a b c", "c\na b c", eval_rouge_w(1.0), &c);
    assert_double_near(c.hit, 1, 1e-12);
    l = one(f, "a b c", "c\na b c", eval_rouge_l(), &c);
    assert_double_near(c.hit, 3, 1e-12);
    /* the usual 1.2: a perfect match has P = 1 but R = 3^-0.2 (the double weighting) */
    x = one(f, "a b c", "a b c", eval_rouge_w(1.2), &c);
    assert_double_near(x.p, 1.0, 1e-12);
    assert_double_near(x.r, pow(3.0, -0.2), 1e-12);
}

static void test_rouge_metric_names_round_trip(void **state) {
    (void)state;
    const rouge_metric ms[] = {eval_rouge_n(1),     eval_rouge_n(12),
                               eval_rouge_l(),      eval_rouge_w(1.2),
                               eval_rouge_s(4, 1),  eval_rouge_s(9, 0),
                               eval_rouge_s(-3, 1), eval_rouge_s(ROUGE_GAP_ANY, 0)};
    const char *lower[] = {"rouge-1",   "rouge-12", "rouge-l",   "rouge-w-1.2",
                           "rouge-su4", "rouge-s9", "rouge-su*", "rouge-s*"};
    const char *upper[] = {"ROUGE-1",   "ROUGE-12", "ROUGE-L",   "ROUGE-W-1.2",
                           "ROUGE-SU4", "ROUGE-S9", "ROUGE-SU*", "ROUGE-S*"};
    char buf[ROUGE_NAME_MAX];
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++) {
        assert_string_equal(eval_rouge_metric_name(&ms[i], 0, buf, sizeof buf), lower[i]);
        assert_string_equal(eval_rouge_metric_name(&ms[i], 1, buf, sizeof buf), upper[i]);
        rouge_metric back;
        assert_int_equal(eval_rouge_metric_parse(lower[i], &back), 0);
        assert_true(eval_rouge_metric_equal(&back, &ms[i]));
        assert_int_equal(eval_rouge_metric_parse(upper[i], &back), 0);
        assert_true(eval_rouge_metric_equal(&back, &ms[i]));
    }
    rouge_metric m;
    assert_int_equal(eval_rouge_metric_parse("rouge-0", &m), -1);
    assert_int_equal(eval_rouge_metric_parse("rouge-w", &m), -1);
    assert_int_equal(eval_rouge_metric_parse("rouge-w-0", &m), -1);
    assert_int_equal(eval_rouge_metric_parse("rouge-s", &m), -1);
    assert_int_equal(eval_rouge_metric_parse("rouge-2x", &m), -1);
    assert_int_equal(eval_rouge_metric_parse("bleu", &m), -1);
    assert_false(eval_rouge_metric_equal(&ms[4], &ms[5]));
    /* A weight with more digits than the tag prints (%.15g) is kept as the tag reads, so the name
     * still parses back to the metric (found by fuzz_cli_parse). */
    assert_int_equal(eval_rouge_metric_parse("rouge-w-1.11844674471846474", &m), 0);
    rouge_metric again;
    assert_string_equal(eval_rouge_metric_name(&m, 0, buf, sizeof buf), "rouge-w-1.11844674471846");
    assert_int_equal(eval_rouge_metric_parse(buf, &again), 0);
    assert_true(eval_rouge_metric_equal(&m, &again));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rouge_word_limit_cuts_inside_the_sentence_that_reaches_it),
        cmocka_unit_test(test_rouge_byte_limit_counts_line_bytes_and_keeps_utf8_whole),
        cmocka_unit_test(test_rouge_hand_computed_counts),
        cmocka_unit_test(test_rouge_jackknife_averages_leave_one_out_subsets),
        cmocka_unit_test(test_rouge_best_reference_keeps_the_first_on_ties),
        cmocka_unit_test(test_rouge_empty_summaries_score_zero),
        cmocka_unit_test(test_rouge_n_beyond_bigrams),
        cmocka_unit_test(test_rouge_skip_bigrams_with_and_without_unigrams),
        cmocka_unit_test(test_rouge_w_weights_runs_as_rouge155),
        cmocka_unit_test(test_rouge_metric_names_round_trip),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
