/* test_background.c - unit tests of the document-frequency models (summarize/briefing/
 * background.c, public ars_df_model_*): a model built from documents counts each term once per
 * document and reads back from its file; the stamp ties it to the analysis (another fingerprint,
 * another stemming: ARS_EMODEL); the built-in model loads; and 5000 seeded mutations of a valid
 * model file are each read or refused with a message naming the file and place, never crash
 * (run under ASan in CI). */
#include "test_util.h"

#include "summarize/briefing/background.h"

/* Builds a small model and returns its file's bytes (malloc'd). */
static char *small_model(size_t *len, size_t min_df) {
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_df_model_new(ARS_STEM_SNOWBALL, &m, &err), ARS_OK);
    const char *docs[] = {
        "قال الرئيس إن الحكومة ستعلن خطتها الاقتصادية غدا.\nوأضاف أن الخطة تشمل الضرائب.",
        "أعلنت الحكومة خطة جديدة للضرائب.",
        "فاز الفريق بالمباراة النهائية للبطولة.",
    };
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(ars_df_model_add_document(m, "doc", docs[i], strlen(docs[i]),
                                                   i == 2 ? "كرة القدم" : NULL, &err),
                         ARS_OK);
    assert_int_equal(ars_df_model_documents(m), 3);
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    assert_int_equal(ars_df_model_write(m, f, min_df, "memory", &err), ARS_OK);
    fclose(f);
    ars_df_model_free(m);
    return buf;
}

static void test_model_counts_documents_not_occurrences(void **state) {
    (void)state;
    size_t len;
    char *text = small_model(&len, 1);
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(background_parse("small", text, len, &m, &err), ARS_OK);
    assert_int_equal(ars_df_model_documents(m), 3);
    /* "الحكومة" (normalised, stemmed) is in two documents; "الضرائب" twice in the first counts
     * once there. Look them up through the analysis the model was built with. */
    size_t terms = ars_df_model_terms(m);
    assert_true(terms > 5);
    /* with min_df 2 only the terms of at least two documents stay */
    size_t len2;
    char *text2 = small_model(&len2, 2);
    ars_df_model *m2 = NULL;
    assert_int_equal(background_parse("small2", text2, len2, &m2, &err), ARS_OK);
    assert_true(ars_df_model_terms(m2) >= 2 && ars_df_model_terms(m2) < terms);
    ars_df_model_free(m);
    ars_df_model_free(m2);
    free(text);
    free(text2);
}

static void test_model_with_another_analysis_is_refused(void **state) {
    (void)state;
    size_t len;
    char *text = small_model(&len, 1);
    char *a = strstr(text, "analysis ");
    assert_non_null(a);
    a[9] = a[9] == '0' ? '1' : '0'; /* another fingerprint */
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(background_parse("old.tsv", text, len, &m, &err), ARS_EMODEL);
    assert_null(m);
    assert_non_null(strstr(err.message, "old.tsv: built with another analysis"));
    assert_non_null(strstr(err.message, "summarize-model"));
    free(text);
}

static void test_fingerprint_depends_on_stemming_and_is_stable(void **state) {
    (void)state;
    char a[17], b[17], c[17];
    ars_error err = {ARS_OK, ""};
    assert_int_equal(background_fingerprint(ARS_STEM_SNOWBALL, a, &err), ARS_OK);
    assert_int_equal(background_fingerprint(ARS_STEM_SNOWBALL, b, &err), ARS_OK);
    assert_int_equal(background_fingerprint(ARS_STEM_NONE, c, &err), ARS_OK);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(strlen(a), 16);
}

static void test_builtin_model_loads_and_knows_common_words(void **state) {
    (void)state;
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(background_builtin(&m, &err), ARS_OK);
    assert_int_equal(ars_df_model_documents(m), 14692);
    assert_int_equal(background_stem(m), ARS_STEM_SNOWBALL);
    assert_int_equal(background_df(m, "no-such-term", 12), 0);
    ars_df_model_free(m);
}

static void test_briefing_refuses_a_model_of_another_stemming(void **state) {
    (void)state;
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_df_model_new(ARS_STEM_NONE, &m, &err), ARS_OK);
    ars_briefing_options bo;
    ars_briefing_options_init(&bo);
    bo.df_model = m;
    ars_briefing *b = NULL;
    assert_int_equal(ars_briefing_new(NULL, &bo, &b, &err), ARS_EMODEL);
    assert_null(b);
    assert_non_null(strstr(err.message, "built with none stemming"));
    ars_df_model_free(m);
}

static void test_load_names_missing_file_and_bad_utf8(void **state) {
    (void)state;
    ars_df_model *m = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(ars_df_model_load("/no/such/model.tsv", &m, &err), ARS_EIO);
    assert_non_null(strstr(err.message, "/no/such/model.tsv"));
    const char bad[] = "ars-df-model 1\nstem snowball\n\xff\n";
    assert_int_equal(background_parse("bad.tsv", bad, sizeof bad - 1, &m, &err), ARS_EMODEL);
    assert_non_null(strstr(err.message, "bad.tsv: byte 29: invalid UTF-8"));
}

/* xorshift: the mutations are the same on every run. */
static uint32_t fuzz_state = 88172645u;
static uint32_t fuzz_next(void) {
    fuzz_state ^= fuzz_state << 13;
    fuzz_state ^= fuzz_state >> 17;
    fuzz_state ^= fuzz_state << 5;
    return fuzz_state;
}

static void test_mutated_models_are_read_or_refused_cleanly(void **state) {
    (void)state;
    size_t len;
    char *text = small_model(&len, 1);
    static const char interesting[] = "\t\n\r #0123456789-+aZ\xff\xd8\x00";
    size_t refused = 0;
    for (int round = 0; round < 5000; round++) {
        size_t n = len;
        char *m = malloc(len * 2 + 8);
        assert_non_null(m);
        memcpy(m, text, len);
        int edits = 1 + (int)(fuzz_next() % 4);
        for (int e = 0; e < edits && n > 0; e++) {
            size_t at = fuzz_next() % n;
            switch (fuzz_next() % 5) {
            case 0: /* flip a byte */
                m[at] = (char)(m[at] ^ (1u << (fuzz_next() % 8)));
                break;
            case 1: /* an interesting byte */
                m[at] = interesting[fuzz_next() % (sizeof interesting - 1)];
                break;
            case 2: /* truncate */
                n = at;
                break;
            case 3: /* delete a run */
                memmove(m + at, m + at + 1, n - at - 1);
                n--;
                break;
            default: /* duplicate a run (a line, often) */
                if (n + 8 <= len * 2 + 8) {
                    size_t k = 1 + fuzz_next() % 8;
                    if (at + k > n) k = n - at;
                    memmove(m + at + k, m + at, n - at);
                    n += k;
                }
                break;
            }
        }
        ars_df_model *model = NULL;
        ars_error err = {ARS_OK, ""};
        ars_status st = background_parse("fuzz.tsv", m, n, &model, &err);
        if (st == ARS_OK) {
            assert_non_null(model);
            assert_true(ars_df_model_documents(model) >= 1);
            ars_df_model_free(model);
        } else {
            refused++;
            assert_null(model);
            if (st != ARS_EMODEL || strncmp(err.message, "fuzz.tsv: ", 10) != 0 ||
                !(strstr(err.message, ": line ") || strstr(err.message, ": byte ") ||
                  strstr(err.message, "another analysis") || strstr(err.message, "stemming"))) {
                print_error("round %d: status %d, message '%s'\n", round, (int)st, err.message);
                fail();
            }
        }
        free(m);
    }
    assert_true(refused > 1000); /* the mutations do reach the parser's checks */
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_counts_documents_not_occurrences),
        cmocka_unit_test(test_model_with_another_analysis_is_refused),
        cmocka_unit_test(test_fingerprint_depends_on_stemming_and_is_stable),
        cmocka_unit_test(test_builtin_model_loads_and_knows_common_words),
        cmocka_unit_test(test_briefing_refuses_a_model_of_another_stemming),
        cmocka_unit_test(test_load_names_missing_file_and_bad_utf8),
        cmocka_unit_test(test_mutated_models_are_read_or_refused_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
