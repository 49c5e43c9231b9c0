/* test_stem_unavailable.c - stemmer_new (summarize/text/stem.c) on a libstemmer that lacks Arabic
 * or runs out of memory. This executable defines sb_stemmer_list and sb_stemmer_new itself, so
 * they take the place of libstemmer's own (the executable's definitions come first in symbol
 * lookup); the two failures must reach the caller as different statuses and messages. */
#include "test_util.h"

#include <libstemmer.h>

#include "summarize/text/stem.h"

/* What the fake libstemmer lists, and whether its sb_stemmer_new fails. */
static const char *fake_without_arabic[] = {"english", "french", NULL};
static const char *fake_with_arabic[] = {"arabic", "english", NULL};
static const char **fake_list = fake_without_arabic;
static int fake_new_calls;

const char **sb_stemmer_list(void) {
    return fake_list;
}

struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc) {
    (void)algorithm;
    (void)charenc;
    fake_new_calls++;
    return NULL; /* with Arabic listed, NULL can only mean that memory ran out */
}

static void test_stem_without_arabic_is_a_model_error_not_out_of_memory(void **state) {
    (void)state;
    fake_list = fake_without_arabic;
    stemmer *st = (stemmer *)&fake_new_calls;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, &err), ARS_EMODEL);
    assert_null(st);
    assert_int_equal(err.status, ARS_EMODEL);
    assert_string_equal(err.message,
                        "stemmer: the installed libstemmer has no Snowball Arabic algorithm");
}

static void test_stem_failing_sb_stemmer_new_with_arabic_listed_is_out_of_memory(void **state) {
    (void)state;
    fake_list = fake_with_arabic;
    fake_new_calls = 0;
    stemmer *st = NULL;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, &err), ARS_ENOMEM);
    assert_int_equal(fake_new_calls, 1);
    assert_null(st);
    assert_string_equal(err.message, "stemmer: out of memory");
}

static void test_stem_none_needs_no_libstemmer_algorithm(void **state) {
    (void)state;
    fake_list = fake_without_arabic;
    fake_new_calls = 0;
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_NONE, &st, NULL), ARS_OK);
    assert_non_null(st);
    assert_int_equal(fake_new_calls, 0);
    stemmer_free(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stem_without_arabic_is_a_model_error_not_out_of_memory),
        cmocka_unit_test(test_stem_failing_sb_stemmer_new_with_arabic_listed_is_out_of_memory),
        cmocka_unit_test(test_stem_none_needs_no_libstemmer_algorithm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
