/* test_timeparse.c - unit tests of article times (summarize/cli/timeparse.c): RFC 2822 as the
 * ANT outlets write it, ISO 8601, seconds; zones; impossible dates refused; formatting back. */
#include "test_util.h"

#include "summarize/cli/timeparse.h"

static int64_t parsed(const char *s) {
    int64_t t = 0;
    if (!timeparse(s, &t)) {
        print_error("not parsed: '%s'\n", s);
        fail();
    }
    return t;
}

static void test_timeparse_reads_feed_and_iso_forms(void **state) {
    (void)state;
    /* 2018-04-10T13:08:10Z = 1523365690 */
    assert_int_equal(parsed("Tue, 10 Apr 2018 13:08:10 GMT"), 1523365690);
    assert_int_equal(parsed("Tue, 10 Apr 2018 17:08:10 +0400"), 1523365690);
    assert_int_equal(parsed("10 Apr 2018 13:08 UTC"), 1523365680);
    assert_int_equal(parsed("Tue, 10 Apr 2018 13:08:10 +0000"), 1523365690);
    assert_int_equal(parsed("2018-04-10T13:08:10Z"), 1523365690);
    assert_int_equal(parsed("2018-04-10 15:08:10+02:00"), 1523365690);
    assert_int_equal(parsed("2018-04-10T13:08:10.250Z"), 1523365690);
    assert_int_equal(parsed("2018-04-10"), 1523318400);
    assert_int_equal(parsed("1523365690"), 1523365690);
    assert_int_equal(parsed("1970-01-01T00:00:00Z"), 0);
    assert_int_equal(parsed("1969-12-31T23:59:59Z"), -1);
    assert_int_equal(parsed("2000-02-29"), 951782400);
}

static void test_timeparse_refuses_what_is_not_a_date(void **state) {
    (void)state;
    const char *bad[] = {"",
                         "yesterday",
                         "2018-02-30",
                         "2019-02-29",
                         "2018-13-01",
                         "Tue, 32 Apr 2018 10:00:00 GMT",
                         "Tue, 10 Foo 2018 10:00:00 GMT",
                         "2018-04-10T25:00:00Z",
                         "2018-04-10T10:00:00+2500",
                         "2018-04-10 junk",
                         "12345678901234567890",
                         "2018-4-10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int64_t t;
        if (timeparse(bad[i], &t)) {
            print_error("parsed: '%s'\n", bad[i]);
            fail();
        }
    }
    int64_t t;
    assert_false(timeparse(NULL, &t));
}

static void test_timeparse_formats_iso_utc(void **state) {
    (void)state;
    char buf[21];
    timeparse_format(1523365690, buf);
    assert_string_equal(buf, "2018-04-10T13:08:10Z");
    timeparse_format(-1, buf);
    assert_string_equal(buf, "1969-12-31T23:59:59Z");
    timeparse_format(951782400 + 86399, buf);
    assert_string_equal(buf, "2000-02-29T23:59:59Z");
}

/* Found by fuzz_jsonl: a JSONL "time" of -9223372036854775807 overflowed (-t + 86399) and printed
 * "9999-12-03T39:30:09Z" in the briefing's JSON. */
static void test_timeparse_formats_any_64_bit_time_within_four_digit_years(void **state) {
    (void)state;
    char buf[21];
    timeparse_format(INT64_MIN, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    timeparse_format(-INT64_MAX, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    timeparse_format(-62167219200 - 1, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    timeparse_format(-62167219200, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    timeparse_format(-62135596800, buf);
    assert_string_equal(buf, "0001-01-01T00:00:00Z");
    timeparse_format(253402300799, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    timeparse_format(253402300800, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    timeparse_format(INT64_MAX, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeparse_reads_feed_and_iso_forms),
        cmocka_unit_test(test_timeparse_refuses_what_is_not_a_date),
        cmocka_unit_test(test_timeparse_formats_iso_utc),
        cmocka_unit_test(test_timeparse_formats_any_64_bit_time_within_four_digit_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
