/* test_parse.c - unit tests of strict numeric option parsing (summarize/cli/parse.c). */
#include "test_util.h"

#include <getopt.h>

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

/* Underflow is not out of range: a subnormal is the number written, and so is one that rounds to
 * zero; overflow stays an error. */
static void test_parse_double_accepts_subnormal_numbers(void **state) {
    (void)state;
    double v = -1;
    assert_int_equal(parse_double("1e-310", 0, 1, &v), ARS_OK);
    assert_true(v > 0 && v < 1e-300);
    assert_int_equal(parse_double("-4.9e-324", -1, 1, &v), ARS_OK);
    assert_int_equal(parse_double("1e-400", 0, 1, &v), ARS_OK);
    assert_true(v == 0.0);
    assert_int_equal(parse_double("-1e-310", 0, 1, &v), ARS_EARG); /* below the range */
    assert_int_equal(parse_double("-1e999", -1e308, 0, &v), ARS_EARG);
}

/* The bad option of a bundle is named alone (getopt_long's optopt), a long one as written. */
static void test_parse_bad_option_names_the_option(void **state) {
    (void)state;
    char buf[8];
    char *argv[] = {"prog", "-xq", "--bogus", "--words", NULL};
    optind = 2; /* inside the bundle -xq, getopt has not moved past it */
    optopt = 'x';
    assert_string_equal(parse_bad_option(argv, 0, buf, sizeof buf), "-x");
    optind = 3;
    optopt = 0;
    assert_string_equal(parse_bad_option(argv, 0, buf, sizeof buf), "--bogus");
    optind = 4;
    optopt = 'w';
    assert_string_equal(parse_bad_option(argv, 1, buf, sizeof buf), "--words");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_size_accepts_whole_numbers_only),
        cmocka_unit_test(test_parse_double_checks_range_and_trailing_text),
        cmocka_unit_test(test_parse_double_accepts_subnormal_numbers),
        cmocka_unit_test(test_parse_bad_option_names_the_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
