/* test_stopwords.c - unit tests of models/stopwords.c: the list format (comments, blanks,
 * trimming), the normaliser callback applied at load, membership, the built-in list, and failure
 * paths. These tests link models/ only, so they bring their own small normaliser. */
#include "test_util.h"

#include "models/stopwords.h"

/* A tiny stand-in for the analysis normaliser: folds أ/إ/آ (D8 A3 / D8 A5 / D8 A2) to ا (D8 A7)
 * and drops fatha (D9 8E). Counts its calls through ctx. */
static ars_status test_normalizer(void *ctx, const char *s, size_t len, char **out,
                                  size_t *out_len) {
    if (ctx) (*(int *)ctx)++;
    char *r = malloc(len + 1);
    if (!r) return ARS_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i + 1 < len && c == 0xD8) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d == 0xA3 || d == 0xA5 || d == 0xA2) {
                r[n++] = (char)0xD8;
                r[n++] = (char)0xA7;
                i++;
                continue;
            }
        }
        if (i + 1 < len && c == 0xD9 && (unsigned char)s[i + 1] == 0x8E) {
            i++;
            continue;
        }
        r[n++] = (char)c;
    }
    r[n] = '\0';
    *out = r;
    *out_len = n;
    return ARS_OK;
}

static ars_status failing_normalizer(void *ctx, const char *s, size_t len, char **out,
                                     size_t *out_len) {
    (void)s;
    (void)len;
    (void)out;
    (void)out_len;
    int *calls = ctx;
    return ++*calls >= 3 ? ARS_EUTF8 : ARS_OK; /* fails on the third word */
}

static int has(const stopwords *sw, const char *w) {
    return stopwords_contains(sw, w, strlen(w));
}

static void test_stopwords_builtin_has_150_distinct_entries(void **state) {
    (void)state;
    stopwords *raw = NULL;
    assert_int_equal(stopwords_load_builtin(NULL, NULL, &raw), ARS_OK);
    assert_non_null(raw);
    assert_true(stopwords_count(raw) >= 150);
    assert_true(has(raw, "في"));
    assert_true(has(raw, "وفي"));
    assert_true(has(raw, "على"));
    assert_true(has(raw, "وعلى"));
    assert_true(has(raw, "الذي"));
    assert_true(has(raw, "قال"));
    assert_true(has(raw, "أكد"));
    assert_true(has(raw, "أضاف"));
    assert_true(has(raw, "كان"));
    assert_true(has(raw, "يكون"));
    assert_false(has(raw, "الحكومة"));
    assert_false(has(raw, "سوريا"));
    /* the header comment is not a word */
    assert_false(has(raw, "#"));
    assert_false(has(raw, "Origin:"));
    stopwords_free(raw);

    /* still at least 150 once variants that normalise alike (أن/إن) are merged */
    int calls = 0;
    stopwords *norm = NULL;
    assert_int_equal(stopwords_load_builtin(test_normalizer, &calls, &norm), ARS_OK);
    assert_non_null(norm);
    assert_true(stopwords_count(norm) >= 150);
    assert_true(calls >= 150);
    stopwords_free(norm);
}

static void test_stopwords_builtin_file_matches_embedded_copy(void **state) {
    (void)state;
    size_t len = 0;
    char *file = test_util_read_file(test_util_source_path("models/stopwords_ar.txt"), &len);
    assert_non_null(file);
    stopwords *from_file = NULL;
    assert_int_equal(stopwords_load(file, len, NULL, NULL, &from_file), ARS_OK);
    stopwords *builtin = NULL;
    assert_int_equal(stopwords_load_builtin(NULL, NULL, &builtin), ARS_OK);
    assert_non_null(from_file);
    assert_non_null(builtin);
    assert_int_equal(stopwords_count(from_file), stopwords_count(builtin));
    stopwords_free(from_file);
    stopwords_free(builtin);
    free(file);
}

static void test_stopwords_comments_blanks_and_trimming(void **state) {
    (void)state;
    const char list[] = "# a comment line\n"
                        "\n"
                        "   \t\n"
                        "  في  \n"
                        "\tمن\r\n"
                        "   # an indented comment\n"
                        "عن#x\n"
                        "في\n"
                        "last-without-newline";
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(list, sizeof list - 1, NULL, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_int_equal(stopwords_count(sw), 4); /* في, من, عن#x, last-without-newline */
    assert_true(has(sw, "في"));
    assert_true(has(sw, "من"));
    assert_true(has(sw, "عن#x")); /* '#' only starts a comment at the start of a line */
    assert_false(has(sw, "عن"));
    assert_true(has(sw, "last-without-newline"));
    assert_false(has(sw, " في"));
    assert_false(has(sw, "# a comment line"));
    assert_false(has(sw, "an"));
    assert_false(has(sw, ""));
    stopwords_free(sw);
}

static void test_stopwords_normaliser_applied_at_load(void **state) {
    (void)state;
    const char list[] = "أن\nإن\nآخر\nمَع\n";
    int calls = 0;
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(list, sizeof list - 1, test_normalizer, &calls, &sw), ARS_OK);
    assert_non_null(sw);
    assert_int_equal(calls, 4);
    assert_int_equal(stopwords_count(sw), 3); /* أن and إن both become ان */
    assert_true(has(sw, "ان"));
    assert_true(has(sw, "اخر"));
    assert_true(has(sw, "مع"));
    assert_false(has(sw, "أن")); /* lookups take normalised tokens */
    assert_false(has(sw, "مَع"));
    stopwords_free(sw);
}

static void test_stopwords_words_normalised_to_nothing_are_skipped(void **state) {
    (void)state;
    const char list[] = "\xd9\x8e\nو\n"; /* a lone fatha, then و */
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(list, sizeof list - 1, test_normalizer, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_int_equal(stopwords_count(sw), 1);
    assert_true(has(sw, "و"));
    assert_false(has(sw, ""));
    stopwords_free(sw);
}

static void test_stopwords_normaliser_failure_is_forwarded(void **state) {
    (void)state;
    int calls = 0;
    const char list[] = "a\nb\nc\nd\n";
    stopwords *sw = (stopwords *)&calls;
    assert_int_equal(stopwords_load(list, sizeof list - 1, failing_normalizer, &calls, &sw),
                     ARS_EUTF8);
    assert_null(sw);
    assert_int_equal(calls, 3);
}

static void test_stopwords_contains_exact_bytes_only(void **state) {
    (void)state;
    const char list[] = "كان\nكانت\n";
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(list, sizeof list - 1, NULL, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_true(has(sw, "كان"));
    assert_true(has(sw, "كانت"));
    assert_false(has(sw, "كا"));
    assert_false(has(sw, "وكان"));
    assert_false(has(sw, "كانوا"));
    /* a prefix of a longer buffer, by length */
    assert_true(stopwords_contains(sw, "كانتا", strlen("كانت")));
    assert_false(stopwords_contains(sw, "كانتا", strlen("كانتا")));
    stopwords_free(sw);
}

static void test_stopwords_many_entries_grow_the_table(void **state) {
    (void)state;
    /* 5000 distinct words force several rehashes; every one must still be found */
    size_t n = 5000;
    char *buf = malloc(n * 8);
    assert_non_null(buf);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(buf + len, 8, "w%zu\n", i);
        len += (size_t)w;
    }
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(buf, len, NULL, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_int_equal(stopwords_count(sw), n);
    char word[16];
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(word, sizeof word, "w%zu", i);
        assert_true(stopwords_contains(sw, word, (size_t)w));
    }
    assert_false(has(sw, "w5000"));
    assert_false(has(sw, "x1"));
    stopwords_free(sw);
    free(buf);
}

static void test_stopwords_empty_list_and_free_null(void **state) {
    (void)state;
    stopwords *sw = NULL;
    assert_int_equal(stopwords_load(NULL, 0, NULL, NULL, &sw), ARS_OK);
    assert_non_null(sw);
    assert_int_equal(stopwords_count(sw), 0);
    assert_false(has(sw, "في"));
    stopwords_free(sw);
    stopwords_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stopwords_builtin_has_150_distinct_entries),
        cmocka_unit_test(test_stopwords_builtin_file_matches_embedded_copy),
        cmocka_unit_test(test_stopwords_comments_blanks_and_trimming),
        cmocka_unit_test(test_stopwords_normaliser_applied_at_load),
        cmocka_unit_test(test_stopwords_words_normalised_to_nothing_are_skipped),
        cmocka_unit_test(test_stopwords_normaliser_failure_is_forwarded),
        cmocka_unit_test(test_stopwords_contains_exact_bytes_only),
        cmocka_unit_test(test_stopwords_many_entries_grow_the_table),
        cmocka_unit_test(test_stopwords_empty_list_and_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
