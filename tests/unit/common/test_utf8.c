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

/* The one-sequence-at-a-time scan utf8_scan must agree with. */
static size_t reference_scan(const unsigned char *p, size_t len, int stop_at_nul) {
    for (size_t i = 0; i < len;) {
        if (stop_at_nul && p[i] == 0) return i;
        size_t n = utf8_sequence(p, len, i);
        if (!n) return i;
        i += n;
    }
    return len;
}

/* utf8_scan passes 32 bytes at a time where it can with SSE2, utf8_scan_portable 16 with SWAR
 * (both are checked), and on a fault they pass the bytes before it: every place of every kind of
 * fault must still be found where the slow scan finds it. Texts are built from pieces that straddle
 * block boundaries at every offset: ASCII (with 01 and 7F, the neighbours of NUL and of the high
 * bytes), Arabic letters, the ends of the two-byte range, three- and four-byte sequences, NUL,
 * stray continuations, lone leads, overlongs (C0/C1, E0 80), surrogates and bytes F5..FF. */
static void test_utf8_scan_agrees_with_the_slow_scan(void **state) {
    (void)state;
    /* The good pieces (ASCII; two, three and four bytes) come first, then the faults: NUL (its
     * index is n_good), cut off, stray, overlong, surrogate, out of range. */
    static const char *const pieces[] = {"a",
                                         " ",
                                         "\x01",
                                         "\x7F",
                                         "@",
                                         "\xD8\xB9",
                                         "\xD9\x84",
                                         "\xC2\xA0",
                                         "\xDF\xBF",
                                         "\xE2\x80\xA8",
                                         "\xF0\x9F\x98\x80",
                                         "\x00",
                                         "\x80",
                                         "\xBF",
                                         "\xD8",
                                         "\xE2\x80",
                                         "\xC0\xAF",
                                         "\xC1\x81",
                                         "\xE0\x80\xAF",
                                         "\xED\xA0\x80",
                                         "\xF5",
                                         "\xFF"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces, n_good = 11;
    unsigned char buf[160];
    uint64_t rng = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 200000; round++) {
        size_t len = 0;
        int bad_pieces = (int)(rng % 3);        /* most texts hold no fault or one */
        size_t want = 40 + (size_t)(rng >> 58); /* 40..103 bytes: up to six blocks */
        while (len < want) {
            test_util_next(&rng);
            size_t k = (size_t)(rng >> 33) % n_pieces;
            if (k >= n_good && bad_pieces-- <= 0) k = (size_t)(rng >> 40) % n_good;
            size_t pl = k == n_good ? 1 : strlen(pieces[k]);
            memcpy(buf + len, pieces[k], pl);
            len += pl;
        }
        for (int nul = 0; nul <= 1; nul++)
            for (size_t from = 0; from < 16; from++) {
                size_t expect = reference_scan(buf + from, len - from, nul);
                assert_int_equal(utf8_scan(buf + from, len - from, nul), expect);
                assert_int_equal(utf8_scan_portable(buf + from, len - from, nul), expect);
            }
    }
    assert_int_equal(
        utf8_scan((const unsigned char *)"\xD8\xB9\xD8\xB9\xD8\xB9\xD8\xB9x\x80", 10, 1), 9);
    assert_int_equal(utf8_scan((const unsigned char *)"abcdefg\x00", 8, 1), 7);
    assert_int_equal(utf8_scan((const unsigned char *)"abcdefg\x00", 8, 0), 8);
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
        cmocka_unit_test(test_utf8_scan_agrees_with_the_slow_scan),
        cmocka_unit_test(test_utf8_lossy_copy_replaces_each_bad_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
