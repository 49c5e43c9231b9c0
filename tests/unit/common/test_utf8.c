/* test_utf8.c - unit tests of the UTF-8 decoder and the lossy copy (summarize/common/utf8.c). */
#include "test_util.h"

#include "summarize/common/utf8.h"

static void test_utf8_sequence_lengths_and_rejections(void **state) {
    (void)state;
    const unsigned char ok[] = "a\xD8\xB9\xE2\x80\xA8\xF0\x9F\x98\x80";
    assert_int_equal(utf8_sequence(ok, sizeof ok - 1, 0), 1);
    assert_int_equal(utf8_sequence(ok, sizeof ok - 1, 1), 2);
    assert_int_equal(utf8_sequence(ok, sizeof ok - 1, 3), 3);
    assert_int_equal(utf8_sequence(ok, sizeof ok - 1, 6), 4);
    const char *bad[] = {"\x80",         "\xC0\xAF",         "\xE0\x80\xAF",
                         "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                         "\xD8",         "\xE2\x80"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
        assert_int_equal(utf8_sequence((const unsigned char *)bad[k], strlen(bad[k]), 0), 0);
    assert_true(utf8_valid((const char *)ok, sizeof ok - 1));
    assert_false(utf8_valid("ab\xFF", 3));
    assert_true(utf8_valid("", 0));
}

static void test_utf8_lossy_copy_replaces_each_bad_byte(void **state) {
    (void)state;
    size_t n = 0;
    char *c = utf8_lossy_copy("M0\xFF\xFE.txt\xD8", 9, &n);
    assert_non_null(c);
    assert_string_equal(c, "M0\xEF\xBF\xBD\xEF\xBF\xBD.txt\xEF\xBF\xBD");
    assert_int_equal(n, strlen(c));
    assert_true(utf8_valid(c, n));
    free(c);
    c = utf8_lossy_copy("\xD8\xB9", 2, NULL); /* valid text is copied as it is */
    assert_string_equal(c, "\xD8\xB9");
    free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_sequence_lengths_and_rejections),
        cmocka_unit_test(test_utf8_lossy_copy_replaces_each_bad_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
