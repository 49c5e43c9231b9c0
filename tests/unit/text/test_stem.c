/* test_stem.c - unit tests of summarize/text/stem.c: Snowball Arabic against no stemming, the index
 * term with ة folded after stemming, and the borrowed-buffer rule (results copied at once). */
#include "test_util.h"

#include "summarize/text/stem.h"

/* Stems a literal and returns a malloc'd copy, as callers must (the result is borrowed). */
static char *stem_copy(stemmer *st, const char *w) {
    size_t n = 0;
    const char *r = NULL;
    assert_int_equal(stemmer_stem(st, w, strlen(w), &r, &n), ARS_OK);
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, r, n);
    copy[n] = '\0';
    return copy;
}

static char *term_copy(stemmer *st, const char *w) {
    size_t n = 0;
    const char *r = NULL;
    assert_int_equal(stemmer_term(st, w, strlen(w), &r, &n), ARS_OK);
    assert_int_equal(strlen(r), n); /* NUL-terminated */
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, r, n + 1);
    return copy;
}

static void check_stem(stemmer *st, const char *w, const char *expected) {
    char *got = stem_copy(st, w);
    if (strcmp(got, expected) != 0) print_error("stem [%s] = [%s], want [%s]\n", w, got, expected);
    assert_string_equal(got, expected);
    free(got);
}

static void check_term(stemmer *st, const char *w, const char *expected) {
    char *got = term_copy(st, w);
    if (strcmp(got, expected) != 0) print_error("term [%s] = [%s], want [%s]\n", w, got, expected);
    assert_string_equal(got, expected);
    free(got);
}

static void test_stem_snowball_strips_affixes(void **state) {
    (void)state;
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, NULL), ARS_OK);
    check_stem(st, "الكتاب", "كتاب");
    check_stem(st, "المدارس", "مدارس");
    check_stem(st, "اللاعبون", "لاعب");
    check_stem(st, "يلعبون", "يلعب");
    check_stem(st, "بالسيارة", "سيار");
    /* Snowball strips a final ة but keeps ه after the article: why ة is folded afterwards */
    check_stem(st, "الحكومة", "حكوم");
    check_stem(st, "الحكومه", "حكومه");
    /* short words keep ة; the raw stem does not fold it */
    check_stem(st, "غزة", "غزة");
    /* not Arabic: left alone */
    check_stem(st, "running", "running");
    check_stem(st, "2018", "2018");
    check_stem(st, "", "");
    stemmer_free(st);
}

static void test_stem_none_returns_input_itself(void **state) {
    (void)state;
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_NONE, &st, NULL), ARS_OK);
    const char *w = "والمدارس", *r = NULL;
    size_t n = 0;
    assert_int_equal(stemmer_stem(st, w, strlen(w), &r, &n), ARS_OK);
    assert_ptr_equal(r, w);
    assert_int_equal(n, strlen(w));
    /* only len bytes count */
    assert_int_equal(stemmer_stem(st, w, 4, &r, &n), ARS_OK);
    assert_ptr_equal(r, w);
    assert_int_equal(n, 4);
    stemmer_free(st);
}

static void test_stem_snowball_and_none_differ(void **state) {
    (void)state;
    stemmer *snow = NULL, *none = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &snow, NULL), ARS_OK);
    assert_int_equal(stemmer_new(ARS_STEM_NONE, &none, NULL), ARS_OK);
    check_stem(snow, "والمدارس", "والمدارس"); /* Snowball Arabic does not strip وال */
    check_stem(snow, "المدرسة", "مدرس");
    check_stem(none, "المدرسة", "المدرسة");
    stemmer_free(snow);
    stemmer_free(none);
}

static void test_stem_term_folds_ta_marbuta_after_stemming(void **state) {
    (void)state;
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, NULL), ARS_OK);
    /* a word, its definite form and its ه spelling meet (the stem keeps ة, then folds) */
    check_term(st, "غزة", "غزه");
    check_term(st, "غزه", "غزه");
    check_term(st, "الحكومة", "حكوم");
    check_term(st, "حكومة", "حكوم");
    check_term(st, "الجولة", "جول");
    stemmer_free(st);

    stemmer *none = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_NONE, &none, NULL), ARS_OK);
    char word[] = "مدينة";
    check_term(none, word, "مدينه");
    assert_string_equal(word, "مدينة"); /* the caller's text is not rewritten */
    stemmer_free(none);
}

static void test_stem_borrowed_result_copied_before_next_call(void **state) {
    (void)state;
    /* The result is only valid until the next call; copies taken at once stay right after many
     * calls and after the stemmer is gone. */
    static const char *words[] = {"الكتاب", "المدارس", "اللاعبون", "الحكومة", "غزة", "الجولة"};
    static const char *stems[] = {"كتاب", "مدارس", "لاعب", "حكوم", "غزة", "جول"};
    static const char *terms[] = {"كتاب", "مدارس", "لاعب", "حكوم", "غزه", "جول"};
    size_t n_words = sizeof words / sizeof words[0];
    char *stem_copies[6], *term_copies[6];
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, NULL), ARS_OK);
    for (size_t i = 0; i < n_words; i++) {
        stem_copies[i] = stem_copy(st, words[i]);
        term_copies[i] = term_copy(st, words[i]);
    }
    /* a long word makes stemmer_term grow its buffer after the copies were taken */
    char long_word[1200];
    for (size_t i = 0; i < 600; i++)
        memcpy(long_word + 2 * i, "\xd8\xa9", 2);
    size_t n = 0;
    const char *r = NULL;
    assert_int_equal(stemmer_term(st, long_word, sizeof long_word, &r, &n), ARS_OK);
    for (size_t i = 0; i < n; i += 2)
        assert_memory_equal(r + i, "\xd9\x87", 2);
    stemmer_free(st);
    for (size_t i = 0; i < n_words; i++) {
        assert_string_equal(stem_copies[i], stems[i]);
        assert_string_equal(term_copies[i], terms[i]);
        free(stem_copies[i]);
        free(term_copies[i]);
    }
}

static void test_stem_free_accepts_null(void **state) {
    (void)state;
    stemmer_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stem_snowball_strips_affixes),
        cmocka_unit_test(test_stem_none_returns_input_itself),
        cmocka_unit_test(test_stem_snowball_and_none_differ),
        cmocka_unit_test(test_stem_term_folds_ta_marbuta_after_stemming),
        cmocka_unit_test(test_stem_borrowed_result_copied_before_next_call),
        cmocka_unit_test(test_stem_free_accepts_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
