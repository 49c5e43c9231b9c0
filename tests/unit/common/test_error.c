/* test_error.c - unit tests of the status strings and the error-detail helper
 * (summarize/common/error.c). */
#include "test_util.h"

#include "summarize/common/error.h"

static void test_status_str_is_never_null_and_distinct(void **state) {
    (void)state;
    for (int st = ARS_OK; st <= ARS_EINTERNAL; st++) {
        const char *a = ars_status_str((ars_status)st);
        assert_non_null(a);
        assert_string_not_equal(a, "unknown status");
        for (int other = ARS_OK; other < st; other++)
            assert_string_not_equal(a, ars_status_str((ars_status)other));
    }
    assert_string_equal(ars_status_str((ars_status)-1), "unknown status");
    assert_string_equal(ars_status_str((ars_status)1000), "unknown status");
}

static void test_error_set_fills_status_and_message(void **state) {
    (void)state;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(error_set(&err, ARS_EUTF8, "%s: byte %d: invalid UTF-8", "a.txt", 12),
                     ARS_EUTF8);
    assert_int_equal(err.status, ARS_EUTF8);
    assert_string_equal(err.message, "a.txt: byte 12: invalid UTF-8");
}

static void test_error_at_names_the_place_before_the_status(void **state) {
    (void)state;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(error_at(&err, ARS_ENOMEM, "%s: %s", "a.txt", "segment"), ARS_ENOMEM);
    assert_int_equal(err.status, ARS_ENOMEM);
    assert_string_equal(err.message, "a.txt: segment: out of memory");
    assert_int_equal(error_at(NULL, ARS_ELIMIT, "similarity"), ARS_ELIMIT);
}

static void test_error_set_accepts_null_and_truncates(void **state) {
    (void)state;
    assert_int_equal(error_set(NULL, ARS_EIO, "%s", "ignored"), ARS_EIO);
    char long_name[2000];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    ars_error err;
    error_set(&err, ARS_EIO, "%s: gone", long_name);
    assert_int_equal(strlen(err.message), sizeof err.message - 1);
}

/* A message names files and quotes input: no control character of it reaches a terminal. C0
 * controls and DEL become '?', a C1 control both of its bytes; text, Arabic included, and the
 * bytes of other two-byte characters that start with C2 (U+00A0 and up) stay. */
static void test_messages_carry_no_control_characters(void **state) {
    (void)state;
    char s[] = "a\x1b[31mb\x07"
               "c\x7f\td\xc2\x9b\xc2\x80\xc2\x9f\xc2\xa0\xd9\x86\xd8\xb5\nz";
    error_printable(s);
    assert_string_equal(s, "a?[31mb?c??d??????\xc2\xa0\xd9\x86\xd8\xb5?z");
    ars_error err;
    error_set(&err, ARS_EEMPTY, "%s: empty file",
              "x\x1b]0;title\x07"
              ".txt");
    assert_string_equal(err.message, "x?]0;title?.txt: empty file");
    char c2_last[] = "ab\xc2"; /* a lead byte at the end is left as it is */
    error_printable(c2_last);
    assert_string_equal(c2_last, "ab\xc2");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_str_is_never_null_and_distinct),
        cmocka_unit_test(test_error_set_fills_status_and_message),
        cmocka_unit_test(test_error_at_names_the_place_before_the_status),
        cmocka_unit_test(test_error_set_accepts_null_and_truncates),
        cmocka_unit_test(test_messages_carry_no_control_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
