/* test_summarizer.c - the public API end to end (summarize/summarizer.c): options, error paths,
 * and the acceptance properties on the five seed articles (no boilerplate, no PDF damage, no
 * redundancy over the cap, at most one sentence from the off-topic article). */
#include "test_util.h"

#include "summarize/analyze.h"
#include "summarize/summarize.h"
#include "vectors/tfidf.h"
#include "vectors/vocab.h"

static const char *const SEEDS[] = {
    "tests/data/seeds/000_37eaa8ce959699e6.txt", "tests/data/seeds/001_1bb4ffb61d3243be.txt",
    "tests/data/seeds/002_981c23ef73e03746.txt", "tests/data/seeds/003_be449fbf7e01b1a1.txt",
    "tests/data/seeds/004_c519fb17f7c0a84d.txt"};

static ars_summarizer *new_with_seeds(const ars_options *o) {
    ars_summarizer *s = NULL;
    ars_error err;
    assert_int_equal(ars_summarizer_new(o, &s, &err), ARS_OK);
    for (size_t i = 0; i < 5; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", test_util_source_path(SEEDS[i]));
        ars_status st = ars_summarizer_add_file(s, path, &err);
        if (st != ARS_OK) print_error("%s\n", err.message);
        assert_int_equal(st, ARS_OK);
    }
    return s;
}

/* The highest cosine between two summary sentences of s (run over SEEDS with stemming stem),
 * recomputed from the public results as the pipeline computes it: the candidates the ranker scored
 * (score > 0: every eligible sentence gets a positive relevance) are analysed into terms, TF-IDF
 * rows are built over them, and the rows of the summary sentences are compared. An oracle for the
 * --max-sim cap that does not rely on the summarizer reporting on itself. */
static double max_pair_cosine(const ars_summarizer *s, ars_stem stem) {
    char *docs[5];
    for (size_t d = 0; d < 5; d++) {
        docs[d] = test_util_read_file(test_util_source_path(SEEDS[d]), NULL);
        assert_non_null(docs[d]);
    }
    analyzer *an = NULL;
    vocab *voc = NULL;
    assert_int_equal(analyzer_new(stem, &an, NULL), ARS_OK);
    assert_int_equal(vocab_new(&voc), ARS_OK);
    size_t n = ars_summarizer_sentence_count(s), rows = 0, n_terms = 0, cap = 0;
    size_t *offsets = calloc(n + 1, sizeof *offsets), *row_of = calloc(n, sizeof *row_of);
    assert_true(offsets && row_of);
    uint32_t *terms = NULL;
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summarizer_sentence_get(s, i);
        row_of[i] = SIZE_MAX;
        if (!(x->score > 0.0)) continue;
        analyze_stats stats;
        assert_int_equal(analyzer_sentence(an, voc, docs[x->doc] + x->start, x->end - x->start,
                                           &terms, &n_terms, &cap, &stats),
                         ARS_OK);
        row_of[i] = rows++;
        offsets[rows] = n_terms;
    }
    tfidf_matrix m;
    assert_int_equal(tfidf_build(terms, offsets, rows, vocab_size(voc), &m), ARS_OK);
    double top = 0.0;
    for (size_t a = 0; a < ars_summary_count(s); a++)
        for (size_t b = a + 1; b < ars_summary_count(s); b++) {
            size_t ra = SIZE_MAX, rb = SIZE_MAX;
            for (size_t i = 0; i < n; i++) {
                const ars_sentence *x = ars_summarizer_sentence_get(s, i);
                if (x->doc == ars_summary_get(s, a)->doc &&
                    x->index == ars_summary_get(s, a)->index)
                    ra = row_of[i];
                if (x->doc == ars_summary_get(s, b)->doc &&
                    x->index == ars_summary_get(s, b)->index)
                    rb = row_of[i];
            }
            assert_true(ra != SIZE_MAX && rb != SIZE_MAX); /* summary sentences were scored */
            double sim = tfidf_dot(&m, ra, rb);
            if (sim > top) top = sim;
        }
    tfidf_free(&m);
    free(terms);
    free(offsets);
    free(row_of);
    vocab_free(voc);
    analyzer_free(an);
    for (size_t d = 0; d < 5; d++)
        free(docs[d]);
    return top;
}

/* 1 when text holds tok as a whole word (bounded by spaces or punctuation). */
static int has_word(const char *text, const char *tok) {
    size_t tl = strlen(tok);
    for (const char *p = strstr(text, tok); p; p = strstr(p + 1, tok)) {
        int left = p == text || p[-1] == ' ' || p[-1] == '(' || p[-1] == '"';
        char r = p[tl];
        int right = r == '\0' || r == ' ' || r == ',' || r == '.' || r == ')' || r == '"';
        if (left && right) return 1;
    }
    return 0;
}

static void test_options_init_sets_documented_defaults(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    assert_int_equal(o.method, ARS_METHOD_DEFAULT);
    assert_int_equal(o.stem, ARS_STEM_SNOWBALL);
    assert_int_equal(o.max_words, 120);
    assert_double_near(o.max_sim, 0.5, 0);
    assert_double_near(o.lambda, 1.0, 0);
    assert_double_near(o.damping, 0.85, 0);
    assert_int_equal(o.budget, ARS_BUDGET_FIRST);
    assert_double_near(o.position_weight, 1.0, 0);
    assert_double_near(o.document_weight, 1.0, 0);
}

static void test_options_init_size_fills_only_the_callers_bytes(void **state) {
    (void)state;
    /* A caller that owns fewer bytes (a header older than the library) gets only those filled. */
    size_t old_size = offsetof(ars_options, position_weight);
    union {
        ars_options o;
        unsigned char bytes[sizeof(ars_options)];
    } u;
    memset(u.bytes, 0xAB, sizeof u.bytes);
    ars_options_init_size(&u.o, old_size);
    assert_int_equal(u.o.struct_size, old_size);
    assert_int_equal(u.o.max_words, 120);
    assert_int_equal(u.bytes[old_size], 0xAB); /* nothing written past the caller's struct */
    u.o.method = ARS_METHOD_LEAD;
    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    /* position_weight is part of the first published layout: shorter is not an ars_options */
    assert_int_equal(ars_summarizer_new(&u.o, &s, &err), ARS_EARG);
    assert_non_null(strstr(err.message, "ars_options_init"));
    ars_options_init_size(&u.o, sizeof u.o);
    u.o.method = ARS_METHOD_LEAD;
    assert_int_equal(ars_summarizer_new(&u.o, &s, &err), ARS_OK);
    ars_summarizer_free(s);
}

static void test_options_not_initialised_or_from_a_newer_header_are_refused(void **state) {
    (void)state;
    ars_options o;
    memset(&o, 0, sizeof o); /* filled by hand, struct_size left 0 */
    o.max_words = 50;
    ars_summarizer *s = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_EARG);
    assert_string_equal(err.message, "options not filled by ars_options_init()");
    assert_null(s);
    /* a newer header: a struct with a field this library does not know */
    struct {
        ars_options o;
        double newer_field;
    } bigger;
    ars_options_init_size(&bigger.o, sizeof bigger);
    assert_int_equal(bigger.o.struct_size, sizeof bigger);
    assert_double_near(bigger.newer_field, 0.0, 0.0); /* zeroed, not left as garbage */
    assert_int_equal(ars_summarizer_new(&bigger.o, &s, &err), ARS_EARG);
    assert_non_null(strstr(err.message, "newer libsummarize header"));
}

static void test_version_of_library_matches_header(void **state) {
    (void)state;
    assert_string_equal(ars_version(), ARS_VERSION_STRING);
    assert_int_equal(ars_version_number(), ARS_VERSION_NUMBER);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", ARS_VERSION_MAJOR, ARS_VERSION_MINOR,
             ARS_VERSION_PATCH);
    assert_string_equal(ars_version(), expect);
}

static void test_new_rejects_bad_options(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.lambda = 1.5;
    ars_summarizer *s = (ars_summarizer *)1;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_EARG);
    assert_null(s);
    assert_int_equal(err.status, ARS_EARG);
    assert_non_null(strstr(err.message, "lambda"));
    ars_options_init(&o);
    o.max_sim = 0.0;
    assert_int_equal(ars_summarizer_new(&o, &s, NULL), ARS_EARG);
    ars_options_init(&o);
    o.spread = (ars_spread)7;
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_EARG);
    assert_non_null(strstr(err.message, "spread"));
    ars_summarizer_free(NULL);
    assert_string_equal(ars_status_str((ars_status)99), "unknown status");
}

static void test_invalid_utf8_names_document_and_byte(void **state) {
    (void)state;
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_OK);
    const char bad[] = "نص عربي \xC3\x28 بعده";
    assert_int_equal(ars_summarizer_add_document(s, "bad.txt", bad, sizeof bad - 1, &err),
                     ARS_EUTF8);
    assert_string_equal(err.message, "bad.txt: byte 14: invalid UTF-8");
    assert_int_equal(ars_summarizer_document_count(s), 0);
    ars_summarizer_free(s);
}

static void test_missing_file_is_io_error_naming_path(void **state) {
    (void)state;
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_file(s, "/nonexistent/x.txt", &err), ARS_EIO);
    assert_non_null(strstr(err.message, "/nonexistent/x.txt"));
    ars_summarizer_free(s);
}

static void test_size_limit_is_enforced(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.max_input_bytes = 10;
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "big.txt", "0123456789a", 11, &err),
                     ARS_ELIMIT);
    assert_non_null(strstr(err.message, "big.txt"));
    ars_summarizer_free(s);
}

static void test_run_without_usable_sentence_is_empty_error(void **state) {
    (void)state;
    ars_summarizer *s;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "a.txt", "  \n\n", 4, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "b.txt", "Continue reading\n", 17, &err),
                     ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_EEMPTY);
    assert_int_equal(err.status, ARS_EEMPTY);
    assert_int_equal(ars_summary_count(s), 0);
    ars_summarizer_free(s);
}

static void test_seeds_summary_is_clean_arabic_without_redundancy(void **state) {
    (void)state;
    ars_summarizer *s = new_with_seeds(NULL);
    ars_error err;
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    size_t n = ars_summary_count(s), words = 0, from_offtopic = 0;
    assert_true(n >= 2);
    static const char *const chrome[] = {
        "زر الذهاب",        "مقالات ذات صلة", "اقرأ أيضاً", "تصنيفات", "اترك تعليقاً", "Jannah",
        "Continue reading", "اشترك",          "وكالات",    "REUTERS", "رئيسي",       "| أخبار"};
    static const char *const damage[] = {"ف", "عل", "إل", "الت", "الذ"};
    for (size_t i = 0; i < n; i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        print_message("[%zu:%zu] %s\n", x->doc, x->index, x->text);
        for (size_t k = 0; k < sizeof chrome / sizeof *chrome; k++)
            assert_null(strstr(x->text, chrome[k]));
        for (size_t k = 0; k < sizeof damage / sizeof *damage; k++)
            assert_false(has_word(x->text, damage[k]));
        assert_null(strchr(x->text, '\n'));
        if (x->doc == 4) from_offtopic++;
        /* Arabic: most bytes are in the two-byte Arabic range D8..DB lead bytes. */
        size_t arabic = 0;
        for (size_t b = 0; b < x->text_len; b++) {
            unsigned char c = (unsigned char)x->text[b];
            if (c >= 0xD8 && c <= 0xDB) arabic++;
        }
        assert_true(arabic * 2 * 2 > x->text_len);
        for (const char *p = x->text; *p;) {
            while (*p == ' ')
                p++;
            if (*p) words++;
            while (*p && *p != ' ')
                p++;
        }
    }
    assert_int_equal(from_offtopic, 0); /* 004 is about an older event: left out */
    assert_true(words <=
                130); /* budget 120 tokens; tokens and space-separated words differ a little */
    assert_true(max_pair_cosine(s, ARS_STEM_SNOWBALL) < 0.5);
    ars_summarizer_free(s);
}

/* MultiLing's layout "headline / date line / text": neither the headline nor the date line is a
 * candidate, and a date glued to the first sentence is not part of it. */
static void test_titles_and_date_lines_are_not_candidates(void **state) {
    (void)state;
    static const char *const docs[] = {
        "تفجيرات لندن : الشرطة تفتش منازل ليدز.\nالثلاثاء , 12 يوليو 2005\n"
        "قامت شرطة غرب يوركشاير بتفتيش ستة منازل في منطقة ليدز مع وقع احداث تفجيرات لندن.\n",
        "تدرب منفذو تفجيرات لندن للهجوم\n\n"
        "الثلاثاء 20 سبتمبر 2005  اكتشفت الشرطة ان المفجرين الانتحاريين تدربوا على خطتهم.\n",
    };
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(NULL, &s, &err), ARS_OK);
    for (size_t d = 0; d < 2; d++)
        assert_int_equal(
            ars_summarizer_add_document(s, d ? "b" : "a", docs[d], strlen(docs[d]), &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_sentence_count(s), 2);
    assert_string_equal(ars_summarizer_sentence_get(s, 0)->text,
                        "قامت شرطة غرب يوركشاير بتفتيش ستة منازل في منطقة ليدز مع وقع احداث "
                        "تفجيرات لندن.");
    assert_string_equal(ars_summarizer_sentence_get(s, 1)->text,
                        "اكتشفت الشرطة ان المفجرين الانتحاريين تدربوا على خطتهم.");
    ars_summarizer_free(s);
}

/* An article dated years before the rest of a cluster, and less central than most, contributes
 * nothing; with the same text dated like the others, it takes part. */
static void test_article_about_an_older_event_is_left_out(void **state) {
    (void)state;
    static const char *const current[] = {
        "بدأت القوات الروسية الانسحاب من إقليم كاراباخ في عام 2024 بعد اتفاق مع أذربيجان.\n"
        "وقال الكرملين إن الانسحاب سيكتمل خلال أسابيع.\n",
        "أكد الكرملين في عام 2024 بدء انسحاب قوات حفظ السلام الروسية من إقليم كاراباخ.\n"
        "وأشار إلى أن الانسحاب يتم بالتنسيق مع باكو.\n",
        "غادرت أولى وحدات حفظ السلام الروسية إقليم كاراباخ في عام 2024 وفق وسائل إعلام.\n"
        "وكانت القوات قد انتشرت في الإقليم عام 2020.\n",
    };
    const char *older = "نفت أذربيجان سحب قواتها من منطقة تشرف عليها قوات روسية في عام 2021.\n"
                        "وقالت وزارة الدفاع إن الجيش لم يغير مواقعه في الإقليم منذ عام 2020.\n";
    const char *dated_now = "نفت أذربيجان سحب قواتها من منطقة تشرف عليها قوات روسية في عام 2024.\n"
                            "وقالت وزارة الدفاع إن الجيش لم يغير مواقعه في الإقليم منذ عام 2020.\n";
    for (int variant = 0; variant < 2; variant++) {
        ars_options o;
        ars_options_init(&o);
        o.max_words = 0;
        o.max_sim = 1.0;
        ars_summarizer *s;
        ars_error err;
        assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
        for (size_t d = 0; d < 3; d++)
            assert_int_equal(
                ars_summarizer_add_document(s, "now", current[d], strlen(current[d]), &err),
                ARS_OK);
        const char *last = variant == 0 ? older : dated_now;
        assert_int_equal(ars_summarizer_add_document(s, "last", last, strlen(last), &err), ARS_OK);
        assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
        size_t from_last = 0;
        for (size_t i = 0; i < ars_summary_count(s); i++)
            from_last += ars_summary_get(s, i)->doc == 3;
        if (variant == 0)
            assert_int_equal(from_last, 0);
        else
            assert_true(from_last > 0);
        ars_summarizer_free(s);
    }
}

/* The budget holds: strict never goes past it (and says so when nothing fits), first lets only
 * one sentence run past it, up to twice the budget. */
static void test_budget_policies_hold(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.budget = ARS_BUDGET_STRICT;
    o.max_words = 3;
    ars_summarizer *s = new_with_seeds(&o);
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_run(s, &err), ARS_ELIMIT);
    assert_non_null(strstr(err.message, "no sentence fits the budget of 3 words"));
    assert_int_equal(ars_summary_count(s), 0);
    ars_summarizer_free(s);
    o.budget = ARS_BUDGET_FIRST;
    o.max_words = 20;
    s = new_with_seeds(&o);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_true(ars_summary_count(s) >= 1);
    ars_summarizer_free(s);
}

/* A sentence past ARS_SENTENCE_MAX_WORDS words or ARS_SENTENCE_MAX_BYTES bytes (text without
 * sentence ends) is never a candidate, so no budget prints it; alone, it is reported. */
static void test_sentences_over_the_length_caps_are_never_candidates(void **state) {
    (void)state;
    size_t cap = 64 * 1024, len = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    size_t seed_len = 0;
    char *seed = test_util_read_file(
        test_util_source_path("tests/data/seeds/001_1bb4ffb61d3243be.txt"), &seed_len);
    assert_non_null(seed);
    memcpy(doc, seed, seed_len);
    len = seed_len;
    doc[len++] = '\n';
    for (int w = 0; w < ARS_SENTENCE_MAX_WORDS + 1; w++) { /* one word too many, no end */
        memcpy(doc + len, "كلمة ", strlen("كلمة "));
        len += strlen("كلمة ");
    }
    doc[len++] = '\n';
    doc[len++] = '\n';
    for (int w = 0; w < 6; w++) { /* six words, over the byte cap */
        for (int k = 0; k < ARS_SENTENCE_MAX_BYTES / 10; k++) {
            memcpy(doc + len, "ب", 2);
            len += 2;
        }
        doc[len++] = ' ';
    }
    doc[len++] = '.';
    ars_options o;
    ars_options_init(&o);
    o.max_words = 0; /* no budget at all: every candidate may be printed */
    o.max_sim = 1.0;
    ars_summarizer *s;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "long.txt", doc, len, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_true(ars_summary_count(s) >= 3);
    for (size_t i = 0; i < ars_summarizer_sentence_count(s); i++) {
        const ars_sentence *x = ars_summarizer_sentence_get(s, i);
        if (x->end > seed_len) print_error("[%zu,%zu) %.80s\n", x->start, x->end, x->text);
        assert_true(x->end <= seed_len);
        assert_true(x->text_len <= ARS_SENTENCE_MAX_BYTES);
    }
    /* Without the article, nothing is usable, and the message says why. */
    ars_summarizer_reset(s);
    assert_int_equal(
        ars_summarizer_add_document(s, "long.txt", doc + seed_len, len - seed_len, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_EEMPTY);
    if (!strstr(err.message, "2 sentences are longer than 400 words or 8192 bytes"))
        print_error("%s\n", err.message);
    assert_non_null(strstr(err.message, "2 sentences are longer than 400 words or 8192 bytes"));
    ars_summarizer_free(s);
    free(seed);
    free(doc);
}

static void test_run_is_deterministic_and_reusable(void **state) {
    (void)state;
    ars_summarizer *a = new_with_seeds(NULL), *b = new_with_seeds(NULL);
    ars_error err;
    assert_int_equal(ars_summarizer_run(a, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(b, &err), ARS_OK);
    assert_int_equal(ars_summary_count(a), ars_summary_count(b));
    for (size_t i = 0; i < ars_summary_count(a); i++) {
        assert_string_equal(ars_summary_get(a, i)->text, ars_summary_get(b, i)->text);
        assert_int_equal(ars_summary_get(a, i)->start, ars_summary_get(b, i)->start);
    }
    /* A second run on the same summarizer gives the same result. */
    size_t n = ars_summary_count(a);
    char first[4096];
    snprintf(first, sizeof first, "%s", ars_summary_get(a, 0)->text);
    assert_int_equal(ars_summarizer_run(a, &err), ARS_OK);
    assert_int_equal(ars_summary_count(a), n);
    assert_string_equal(ars_summary_get(a, 0)->text, first);
    ars_summarizer_reset(a);
    assert_int_equal(ars_summarizer_document_count(a), 0);
    assert_int_equal(ars_summary_count(a), 0);
    ars_summarizer_free(a);
    ars_summarizer_free(b);
}

static void test_offsets_point_at_original_bytes(void **state) {
    (void)state;
    ars_summarizer *s = new_with_seeds(NULL);
    ars_error err;
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    for (size_t i = 0; i < ars_summary_count(s); i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        size_t len = 0;
        char *file = test_util_read_file(test_util_source_path(SEEDS[x->doc]), &len);
        assert_non_null(file);
        assert_true(x->end <= len && x->start < x->end);
        /* Without line breaks inside, the printed text is exactly the original bytes. */
        if (!memchr(file + x->start, '\n', x->end - x->start)) {
            assert_int_equal(x->text_len, x->end - x->start);
            assert_memory_equal(x->text, file + x->start, x->text_len);
        }
        free(file);
    }
    ars_summarizer_free(s);
}

static void test_crlf_and_bom_give_the_same_summary(void **state) {
    (void)state;
    size_t len = 0;
    char *lf = test_util_read_file(test_util_source_path(SEEDS[1]), &len);
    assert_non_null(lf);
    char *crlf = malloc(len * 2 + 4);
    size_t m = 0;
    crlf[m++] = (char)0xEF;
    crlf[m++] = (char)0xBB;
    crlf[m++] = (char)0xBF;
    for (size_t i = 0; i < len; i++) {
        if (lf[i] == '\n') crlf[m++] = '\r';
        crlf[m++] = lf[i];
    }
    ars_summarizer *a, *b;
    ars_error err;
    assert_int_equal(ars_summarizer_new(NULL, &a, &err), ARS_OK);
    assert_int_equal(ars_summarizer_new(NULL, &b, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(a, "lf", lf, len, &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(b, "crlf", crlf, m, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(a, &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(b, &err), ARS_OK);
    assert_int_equal(ars_summary_count(a), ars_summary_count(b));
    for (size_t i = 0; i < ars_summary_count(a); i++)
        assert_string_equal(ars_summary_get(a, i)->text, ars_summary_get(b, i)->text);
    ars_summarizer_free(a);
    ars_summarizer_free(b);
    free(lf);
    free(crlf);
}

static void test_every_method_and_budget_works_on_seeds(void **state) {
    (void)state;
    for (int m = ARS_METHOD_DEFAULT; m <= ARS_METHOD_MMR; m++) {
        ars_options o;
        ars_options_init(&o);
        o.method = (ars_method)m;
        o.max_words = 0;
        o.max_sentences = 3;
        o.order = ARS_ORDER_SCORE;
        ars_summarizer *s = new_with_seeds(&o);
        ars_error err;
        assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
        assert_int_equal(ars_summary_count(s), 3);
        for (size_t i = 1; i < 3; i++)
            assert_true(ars_summary_get(s, i - 1)->score >= ars_summary_get(s, i)->score);
        assert_true(max_pair_cosine(s, ARS_STEM_SNOWBALL) < 0.5);
        ars_summarizer_free(s);
    }
}

static void test_lead_takes_first_sentences_round_robin(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.method = ARS_METHOD_LEAD;
    o.max_words = 0;
    o.max_sentences = 3;
    o.max_sim = 1.0;
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    const char *a = "الجملة الأولى في الوثيقة الأولى هنا. الجملة الثانية في الوثيقة الأولى هنا.\n";
    const char *b =
        "الجملة الأولى في الوثيقة الثانية هنا. الجملة الثانية في الوثيقة الثانية هنا.\n";
    assert_int_equal(ars_summarizer_add_document(s, "a", a, strlen(a), &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "b", b, strlen(b), &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_int_equal(ars_summary_count(s), 3);
    /* source order: a0, a1, b0 — the first sentence of each document, then a's second. */
    assert_int_equal(ars_summary_get(s, 0)->doc, 0);
    assert_int_equal(ars_summary_get(s, 0)->index, 0);
    assert_int_equal(ars_summary_get(s, 1)->doc, 0);
    assert_int_equal(ars_summary_get(s, 1)->index, 1);
    assert_int_equal(ars_summary_get(s, 2)->doc, 1);
    assert_int_equal(ars_summary_get(s, 2)->index, 0);
    assert_int_equal(ars_summarizer_sentence_count(s), 4);
    ars_summarizer_free(s);
}

/* One truncated-looking token in a clean document (an agency code, a typo) is not damage: the
 * sentence keeps its full score. */
static void test_single_truncated_token_is_not_damage(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    const char *text = "قالت الوكالة (ا ف ب) إن الجنود بدؤوا الانسحاب من المنطقة الحدودية.\n"
                       "وأضافت أن الانسحاب سيستمر عدة أسابيع قبل أن يكتمل.\n";
    assert_int_equal(ars_summarizer_add_document(s, "a", text, strlen(text), &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_true(ars_summarizer_sentence_count(s) >= 1);
    assert_double_near(ars_summarizer_sentence_get(s, 0)->score, 1.0, 1e-9);
    ars_summarizer_free(s);
}

static void test_clean_twin_beats_pdf_damaged_copy(void **state) {
    (void)state;
    ars_options o;
    ars_options_init(&o);
    o.max_words = 0;
    o.max_sentences = 1;
    o.position_weight = 0.0;
    ars_summarizer *s;
    ars_error err;
    assert_int_equal(ars_summarizer_new(&o, &s, &err), ARS_OK);
    /* The same sentence twice: first as PDF extraction leaves it (في -> ف, على -> عل), then clean.
     * The damaged copy comes first, so only well-formedness can make the clean one win. The
     * damaged document shows the loss more than once, as a broken font does. */
    const char *damaged =
        "انتشر الجنود الروس ف مرتفعات ناغورنو كاراباخ عل خط التماس منذ خريف 2020.\n"
        "وانتهت الحرب بهزيمة القوات الت اضطرت إلى التنازل عن مناطق واسعة.\n";
    const char *clean =
        "انتشر الجنود الروس في مرتفعات ناغورنو كاراباخ على خط التماس منذ خريف 2020.\n"
        "وأعلن الكرملين أن الجنود الروس بدؤوا الانسحاب من مرتفعات ناغورنو كاراباخ.\n";
    assert_int_equal(ars_summarizer_add_document(s, "pdf", damaged, strlen(damaged), &err), ARS_OK);
    assert_int_equal(ars_summarizer_add_document(s, "web", clean, strlen(clean), &err), ARS_OK);
    assert_int_equal(ars_summarizer_run(s, &err), ARS_OK);
    assert_int_equal(ars_summary_count(s), 1);
    assert_string_equal(ars_summary_get(s, 0)->doc_name, "web");
    assert_int_equal(ars_summary_get(s, 0)->index, 0);
    ars_summarizer_free(s);
}

static void test_names_round_trip_and_unknown_names_are_bad_arguments(void **state) {
    (void)state;
    static const char *const methods[] = {"default",  "lead",    "centroid",
                                          "textrank", "lexrank", "mmr"};
    for (int m = ARS_METHOD_DEFAULT; m <= ARS_METHOD_MMR; m++) {
        assert_string_equal(ars_method_name((ars_method)m), methods[m]);
        ars_method back = ARS_METHOD_LEAD;
        assert_int_equal(ars_method_from_name(methods[m], &back), ARS_OK);
        assert_int_equal(back, m);
    }
    assert_null(ars_method_name((ars_method)6));
    assert_null(ars_method_name((ars_method)-1));
    ars_method m = ARS_METHOD_MMR;
    assert_int_equal(ars_method_from_name("TextRank", &m), ARS_EARG); /* exact match only */
    assert_int_equal(ars_method_from_name(NULL, &m), ARS_EARG);
    assert_int_equal(ars_method_from_name("lead", NULL), ARS_EARG);
    assert_int_equal(m, ARS_METHOD_MMR); /* untouched on failure */

    ars_stem st = ARS_STEM_SNOWBALL;
    assert_int_equal(ars_stem_from_name("none", &st), ARS_OK);
    assert_int_equal(st, ARS_STEM_NONE);
    assert_string_equal(ars_stem_name(ARS_STEM_SNOWBALL), "snowball");
    assert_int_equal(ars_stem_from_name("light", &st), ARS_EARG);
    ars_order o = ARS_ORDER_SOURCE;
    assert_int_equal(ars_order_from_name("score", &o), ARS_OK);
    assert_int_equal(o, ARS_ORDER_SCORE);
    assert_string_equal(ars_order_name(ARS_ORDER_SOURCE), "source");
    assert_null(ars_order_name((ars_order)2));
    ars_spread sp = ARS_SPREAD_STORIES;
    assert_int_equal(ars_spread_from_name("none", &sp), ARS_OK);
    assert_int_equal(sp, ARS_SPREAD_NONE);
    assert_string_equal(ars_spread_name(ARS_SPREAD_STORIES), "stories");
    assert_null(ars_spread_name((ars_spread)2));
    assert_int_equal(ars_spread_from_name("story", &sp), ARS_EARG);
    ars_format f = ARS_FORMAT_TEXT;
    assert_int_equal(ars_format_from_name("json", &f), ARS_OK);
    assert_int_equal(f, ARS_FORMAT_JSON);
    assert_string_equal(ars_format_name(ARS_FORMAT_TEXT), "text");
    assert_int_equal(ars_format_from_name("csv", &f), ARS_EARG);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options_init_sets_documented_defaults),
        cmocka_unit_test(test_options_init_size_fills_only_the_callers_bytes),
        cmocka_unit_test(test_options_not_initialised_or_from_a_newer_header_are_refused),
        cmocka_unit_test(test_version_of_library_matches_header),
        cmocka_unit_test(test_new_rejects_bad_options),
        cmocka_unit_test(test_invalid_utf8_names_document_and_byte),
        cmocka_unit_test(test_missing_file_is_io_error_naming_path),
        cmocka_unit_test(test_size_limit_is_enforced),
        cmocka_unit_test(test_run_without_usable_sentence_is_empty_error),
        cmocka_unit_test(test_seeds_summary_is_clean_arabic_without_redundancy),
        cmocka_unit_test(test_titles_and_date_lines_are_not_candidates),
        cmocka_unit_test(test_article_about_an_older_event_is_left_out),
        cmocka_unit_test(test_budget_policies_hold),
        cmocka_unit_test(test_sentences_over_the_length_caps_are_never_candidates),
        cmocka_unit_test(test_run_is_deterministic_and_reusable),
        cmocka_unit_test(test_offsets_point_at_original_bytes),
        cmocka_unit_test(test_crlf_and_bom_give_the_same_summary),
        cmocka_unit_test(test_every_method_and_budget_works_on_seeds),
        cmocka_unit_test(test_lead_takes_first_sentences_round_robin),
        cmocka_unit_test(test_single_truncated_token_is_not_damage),
        cmocka_unit_test(test_clean_twin_beats_pdf_damaged_copy),
        cmocka_unit_test(test_names_round_trip_and_unknown_names_are_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
