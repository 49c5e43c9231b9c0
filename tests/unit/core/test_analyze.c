/* test_analyze.c - unit tests of sentence analysis (summarize/analyze.c): content terms, stopword
 * removal, stemming switch, and the extraction-damage signal (ف, عل, إل, الت standing alone). */
#include "test_util.h"

#include "summarize/analyze.h"
#include "vectors/vocab.h"

typedef struct {
    analyzer *a;
    vocab *v;
    uint32_t *terms;
    size_t n, cap;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    if (analyzer_new(ARS_STEM_SNOWBALL, &f->a, NULL) != ARS_OK || vocab_new(&f->v) != ARS_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    analyzer_free(f->a);
    vocab_free(f->v);
    free(f->terms);
    free(f);
    return 0;
}

static analyze_stats run(fixture *f, const char *s) {
    analyze_stats st;
    f->n = 0;
    assert_int_equal(analyzer_sentence(f->a, f->v, s, strlen(s), &f->terms, &f->n, &f->cap, &st),
                     ARS_OK);
    return st;
}

static void test_analyze_counts_words_and_drops_stopwords(void **state) {
    fixture *f = *state;
    analyze_stats st = run(f, "أعلنت الحكومة في بيان أنها ستبدأ الانسحاب من المنطقة.");
    assert_int_equal(st.n_words, 9);
    assert_int_equal(st.n_broken, 0);
    assert_true(st.n_terms < st.n_words); /* في and من at least are stopwords */
    assert_true(st.n_terms >= 5);
    assert_int_equal(st.n_terms, f->n);
    assert_int_equal(st.n_arabic, 9);
}

static void test_analyze_flags_pdf_glyph_loss(void **state) {
    fixture *f = *state;
    /* في -> ف, على -> عل, التي -> الت: function words that lost their final ي/ى. إلى -> إل is
     * not counted: once normalised it is the article written alone before a number (الـ 15). */
    analyze_stats st = run(f, "انتشر الجنود ف مرتفعات كاراباخ عل الحدود الت اضطرت إل التنازل");
    assert_int_equal(st.n_broken, 3);
    st = run(f, "انتشر الجنود في مرتفعات كاراباخ على الحدود التي اضطرت إلى التنازل");
    assert_int_equal(st.n_broken, 0);
}

/* Each truncated form alone is damage, and so is nothing one letter longer or shorter: the forms
 * are matched by exact length (the table's NUL padding), not as prefixes. */
static void test_analyze_damage_is_the_whole_form(void **state) {
    fixture *f = *state;
    static const char *const forms[] = {"ف", "وف", "عل", "وعل", "الت", "الذ", "والذ", "حت", "لد"};
    char buf[64];
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        assert_int_equal(run(f, forms[k]).n_broken, 1);
        snprintf(buf, sizeof buf, "%sم", forms[k]); /* one letter more */
        assert_int_equal(run(f, buf).n_broken, 0);
        snprintf(buf, sizeof buf, "م%s", forms[k]);
        assert_int_equal(run(f, buf).n_broken, 0);
        size_t n = strlen(forms[k]);
        if (n > 2) { /* one letter less (وف less و is ف, a form itself: skipped) */
            snprintf(buf, sizeof buf, "%.*s", (int)(n - 2), forms[k]);
            int is_form = 0;
            for (size_t j = 0; j < sizeof forms / sizeof forms[0]; j++)
                is_form |= strcmp(buf, forms[j]) == 0;
            if (!is_form) assert_int_equal(run(f, buf).n_broken, 0);
        }
    }
}

/* Lone letters and short forms that ordinary typography makes are not damage (the false
 * positives of the earlier rule, seen in EASC, ANT and MultiLing). */
static void test_analyze_typography_is_not_damage(void **state) {
    fixture *f = *state;
    static const char *const fine[] = {
        "ولد عام 1770 م في مدينة بون",                    /* era mark */
        "قالت الوكالة (اف ب) إن المحادثات انتهت",         /* agency code */
        "وصل البحارة الـ 15 إلى المطار",                  /* article with tatweel */
        "نددت أذربيجان بـ\"ضغوط\" فرنسية",                /* preposition before a quote */
        "أعلنت والت ديزني عن أرباحها",                    /* the name Walt */
        "وصدر القرار في العام 2005 هـ بعد مشاورات طويلة", /* Hijri mark */
    };
    for (size_t k = 0; k < sizeof fine / sizeof fine[0]; k++) {
        analyze_stats st = run(f, fine[k]);
        if (st.n_broken != 0) {
            print_error("%s: %zu damaged tokens\n", fine[k], st.n_broken);
            fail();
        }
    }
}

static void test_analyze_conjunction_waw_is_not_damage(void **state) {
    fixture *f = *state;
    analyze_stats st = run(f, "قال الوزير و أضاف المتحدث أن الاتفاق صامد");
    assert_int_equal(st.n_broken, 0);
}

static void test_analyze_same_stem_gives_same_term(void **state) {
    fixture *f = *state;
    run(f, "المفاوضات");
    assert_int_equal(f->n, 1);
    uint32_t first = f->terms[0];
    run(f, "والمفاوضات");
    assert_int_equal(f->n, 1);
    assert_int_equal(f->terms[0], first);
}

static void test_analyze_counts_latin_tokens(void **state) {
    fixture *f = *state;
    analyze_stats st = run(f, "Jannah Theme License is not validated");
    assert_int_equal(st.n_latin, 6);
    assert_int_equal(st.n_arabic, 0);
}

static void test_analyze_without_stemming_keeps_surface_forms(void **state) {
    (void)state;
    analyzer *a = NULL;
    assert_int_equal(analyzer_new(ARS_STEM_NONE, &a, NULL), ARS_OK);
    vocab *v = NULL;
    assert_int_equal(vocab_new(&v), ARS_OK);
    uint32_t *terms = NULL;
    size_t n = 0, cap = 0;
    analyze_stats stats;
    const char *s = "المفاوضات والمفاوضات";
    assert_int_equal(analyzer_sentence(a, v, s, strlen(s), &terms, &n, &cap, &stats), ARS_OK);
    assert_int_equal(n, 2);
    assert_int_not_equal(terms[0], terms[1]);
    free(terms);
    vocab_free(v);
    analyzer_free(a);
}

/* The token cache changes nothing: sentences analysed through one analyzer (each token stemmed
 * once) give the ids and counts of an analyzer that forgets its cache before every sentence, and a
 * new vocabulary starts from id 0 with the same ids in it. */
static void test_analyze_token_cache_gives_the_same_terms(void **state) {
    fixture *f = *state;
    static const char *const sents[] = {"قالت الحكومة إن المفاوضات مع الحكومة ستستمر غدا.",
                                        "والحكومة تقول إن ف المفاوضات عل وشك الانتهاء في الحكومة.",
                                        "The Government said 2018 talks go on, قالت الحكومة.",
                                        "المفاوضات، المفاوضات، والمفاوضات!"};
    size_t n_sents = sizeof sents / sizeof *sents;
    uint32_t *plain = NULL;
    size_t n_plain = 0, cap_plain = 0;
    vocab *v2 = NULL;
    assert_int_equal(vocab_new(&v2), ARS_OK);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < n_sents; k++) {
            analyze_stats a, b;
            if (pass == 0) { /* cached, into f->v */
                assert_int_equal(analyzer_sentence(f->a, f->v, sents[k], strlen(sents[k]),
                                                   &f->terms, &f->n, &f->cap, &a),
                                 ARS_OK);
                continue;
            }
            analyzer_forget(f->a); /* uncached, into v2 */
            assert_int_equal(analyzer_sentence(f->a, v2, sents[k], strlen(sents[k]), &plain,
                                               &n_plain, &cap_plain, &b),
                             ARS_OK);
        }
    assert_int_equal(n_plain, f->n);
    assert_memory_equal(plain, f->terms, f->n * sizeof *plain);
    assert_int_equal(vocab_size(v2), vocab_size(f->v));
    assert_true(f->n > 10);
    free(plain);
    vocab_free(v2);
}

/* A sentence gives the terms of its tokens analysed one by one, each by an analyzer that has
 * forgotten everything, in order: a token new to the cache gets its outcome (kept in its slot)
 * as its look-up adds it, a repeat of it later in the sentence reads that outcome back, and the
 * stems are interned in the order their tokens first appear. */
static void test_analyze_sentence_is_its_tokens_one_by_one(void **state) {
    fixture *f = *state;
    static const char *const words[] = {"الحكومة",   "المفاوضات", "في",       "الحكومة", "ف",
                                        "وزير",      "talks",     "2018",     "الوزير",  "عل",
                                        "المفاوضات", "وزراء",     "الحكومات", "في",      "ستستمر"};
    const size_t n_words = sizeof words / sizeof *words;
    uint32_t *one = NULL;
    size_t n_one = 0, cap_one = 0, broken_one = 0;
    vocab *v2 = NULL;
    assert_int_equal(vocab_new(&v2), ARS_OK);
    char sentence[2048];
    size_t len = 0;
    for (int round = 0; round < 3; round++) /* later rounds find every token in the cache */
        for (size_t k = 0; k < n_words; k++) {
            size_t wl = strlen(words[k]);
            memcpy(sentence + len, words[k], wl);
            len += wl;
            sentence[len++] = ' ';
            analyze_stats b;
            analyzer_forget(f->a);
            assert_int_equal(analyzer_sentence(f->a, v2, words[k], wl, &one, &n_one, &cap_one, &b),
                             ARS_OK);
            assert_int_equal(b.n_words, 1);
            broken_one += b.n_broken;
        }
    sentence[len] = '\0';
    analyzer_forget(f->a);
    analyze_stats a = run(f, sentence); /* into f->v */
    assert_int_equal(a.n_words, 3 * n_words);
    assert_int_equal(a.n_broken, broken_one);
    assert_int_equal(broken_one, 6);
    assert_int_equal(f->n, n_one);
    assert_memory_equal(f->terms, one, n_one * sizeof *one);
    assert_int_equal(vocab_size(f->v), vocab_size(v2));
    free(one);
    vocab_free(v2);
}

/* The lines and full stops of a text as the sentences of one batch (analyzer_sentences), with an
 * empty one and one of long tokens among them, give what the same pieces give analysed one by one
 * by another analyzer into another vocabulary: the same terms in the same order, the same counts
 * for each piece, the same stems under the same ids. Also in two batches, the second finding the
 * first's tokens in the cache. */
static void test_analyze_batch_is_its_sentences_one_by_one(void **state) {
    (void)state;
    size_t len = 0;
    char *text =
        test_util_read_file(test_util_source_path("examples/multiling2011-M001/M0010.txt"), &len);
    assert_non_null(text);
    const char extra[] = "\n\nكلمةطويلةجداجداجداجداجدا واخرىطويلةجداجداجداجداجدا ف عل الت\n";
    char *all = malloc(len + sizeof extra);
    assert_non_null(all);
    memcpy(all, text, len);
    memcpy(all + len, extra, sizeof extra);
    len += sizeof extra - 1;
    analyze_span spans[512];
    size_t n = 0;
    for (size_t i = 0; i < len && n < 512;) {
        size_t e = i;
        while (e < len && all[e] != '\n' && all[e] != '.')
            e++;
        spans[n++] = (analyze_span){i, e};
        i = e + 1;
    }
    assert_true(n > 10);
    analyzer *a = NULL, *b = NULL;
    vocab *va = NULL, *vb = NULL;
    assert_int_equal(analyzer_new(ARS_STEM_SNOWBALL, &a, NULL), ARS_OK);
    assert_int_equal(analyzer_new(ARS_STEM_SNOWBALL, &b, NULL), ARS_OK);
    assert_int_equal(vocab_new(&va), ARS_OK);
    assert_int_equal(vocab_new(&vb), ARS_OK);
    analyze_stats *sa = calloc(n, sizeof *sa), *sb = calloc(n, sizeof *sb);
    uint32_t *ta = NULL, *tb = NULL;
    size_t na = 0, ca = 0, nb = 0, cb = 0, done = 0;
    for (int round = 0; round < 2; round++) {
        size_t half = n / 2;
        assert_int_equal(analyzer_sentences(a, va, all, spans, half, &ta, &na, &ca, sa, &done),
                         ARS_OK);
        assert_int_equal(done, half);
        assert_int_equal(
            analyzer_sentences(a, va, all, spans + half, n - half, &ta, &na, &ca, sa + half, &done),
            ARS_OK);
        assert_int_equal(done, n - half);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(analyzer_sentence(b, vb, all + spans[k].start,
                                               spans[k].end - spans[k].start, &tb, &nb, &cb,
                                               &sb[k]),
                             ARS_OK);
        assert_int_equal(na, nb);
        assert_memory_equal(ta, tb, na * sizeof *ta);
        for (size_t k = 0; k < n; k++) {
            assert_int_equal(sa[k].n_words, sb[k].n_words);
            assert_int_equal(sa[k].n_terms, sb[k].n_terms);
            assert_int_equal(sa[k].n_broken, sb[k].n_broken);
            assert_int_equal(sa[k].n_arabic, sb[k].n_arabic);
            assert_int_equal(sa[k].n_latin, sb[k].n_latin);
        }
    }
    assert_int_equal(sa[n - 1].n_broken, 3); /* the last line's ف عل الت */
    assert_int_equal(sa[n - 2].n_words, 0);  /* the empty one */
    assert_int_equal(vocab_size(va), vocab_size(vb));
    for (uint32_t id = 0; id < vocab_size(va); id++) {
        size_t la = 0, lb = 0;
        const char *xa = vocab_term(va, id, &la), *xb = vocab_term(vb, id, &lb);
        assert_int_equal(la, lb);
        assert_memory_equal(xa, xb, la);
    }
    assert_true(na > 200);
    /* No sentence at all: nothing appended. */
    assert_int_equal(analyzer_sentences(a, va, all, spans, 0, &ta, &na, &ca, sa, &done), ARS_OK);
    assert_int_equal(done, 0);
    assert_int_equal(na, nb);
    free(sa);
    free(sb);
    free(ta);
    free(tb);
    vocab_free(va);
    vocab_free(vb);
    analyzer_free(a);
    analyzer_free(b);
    free(all);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_analyze_counts_words_and_drops_stopwords, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_analyze_flags_pdf_glyph_loss, setup, teardown),
        cmocka_unit_test_setup_teardown(test_analyze_damage_is_the_whole_form, setup, teardown),
        cmocka_unit_test_setup_teardown(test_analyze_typography_is_not_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_analyze_conjunction_waw_is_not_damage, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_analyze_same_stem_gives_same_term, setup, teardown),
        cmocka_unit_test_setup_teardown(test_analyze_counts_latin_tokens, setup, teardown),
        cmocka_unit_test(test_analyze_without_stemming_keeps_surface_forms),
        cmocka_unit_test_setup_teardown(test_analyze_sentence_is_its_tokens_one_by_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_analyze_token_cache_gives_the_same_terms, setup,
                                        teardown),
        cmocka_unit_test(test_analyze_batch_is_its_sentences_one_by_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
