/* test_parse.c - unit tests of strict numeric option parsing (summarize/cli/parse.c). */
#include "test_util.h"

#include "summarize/cli/parse.h"

static void test_parse_size_accepts_whole_numbers_only(void **state) {
    (void)state;
    size_t v = 7;
    assert_int_equal(parse_size("120", &v), ARS_OK);
    assert_int_equal(v, 120);
    assert_int_equal(parse_size("0", &v), ARS_OK);
    assert_int_equal(v, 0);
    v = 7;
    static const char *const bad[] = {"",   "-1",  " 1",  "+1",
                                      "1x", "abc", "1.5", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(parse_size(bad[i], &v), ARS_EARG);
    assert_int_equal(parse_size(NULL, &v), ARS_EARG);
    assert_int_equal(v, 7); /* untouched on failure */
}

static void test_parse_double_checks_range_and_trailing_text(void **state) {
    (void)state;
    double v = -1;
    assert_int_equal(parse_double("0.7", 0, 1, &v), ARS_OK);
    assert_double_near(v, 0.7, 1e-15);
    assert_int_equal(parse_double("1", 0, 1, &v), ARS_OK);
    assert_int_equal(parse_double("1.01", 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double("-0.1", 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double("0.5x", 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double("nan", 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double("", 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double(NULL, 0, 1, &v), ARS_EARG);
    assert_int_equal(parse_double("1e999", 0, 1e308, &v), ARS_EARG); /* overflow: ERANGE */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_size_accepts_whole_numbers_only),
        cmocka_unit_test(test_parse_double_checks_range_and_trailing_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
